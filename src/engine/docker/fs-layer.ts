/**
 * A container's copy-on-write layer as `docker diff` reports it: files its processes wrote
 * (outside volumes and the /etc files Docker bind-mounts), programs apt-get installed, and the
 * directories above them, A(dded) when the image lacks them, C(hanged) when it has them.
 */
import { mountFor } from './volumes';
import { parentDirs } from './fs-layer-paths';
import type { Container, Image } from './types';
import { imageFile } from './image-files';
import { SYSTEM_FILES } from './procs';
import { whitedOut } from './fs-whiteouts';

export interface Change {
  kind: 'A' | 'C' | 'D';
  path: string;
}

/** Directories every image in the catalog has. */
export const IMAGE_DIRS = new Set(['/', '/bin', '/dev', '/etc', '/home', '/lib', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/local', '/usr/local/bin', '/usr/sbin', '/usr/share', '/var', '/var/cache', '/var/lib', '/var/log', '/var/tmp']);

/** busybox's image is its binary and a few directories (`docker run busybox ls /`, with proc and sys mounted). */
const BUSYBOX_DIRS = new Set(['/', '/bin', '/dev', '/etc', '/home', '/lib', '/lib64', '/proc', '/root', '/sys', '/tmp', '/usr', '/var']);

/** The directories an image has from its base (busybox has fewer than the distributions). */
function baseDirs(image: Image | undefined): Set<string> {
  return image?.repo === 'busybox' ? BUSYBOX_DIRS : IMAGE_DIRS;
}

/** Docker's own bind mounts into every container: never part of the layer. */
const DOCKER_MOUNTS = new Set(['/etc/hosts', '/etc/hostname', '/etc/resolv.conf']);

/** Paths the container's layer holds: path -> content ('' for installed programs). */
export function layerFiles(c: Container): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, data] of Object.entries(c.files ?? {})) {
    if (DOCKER_MOUNTS.has(path) || path.startsWith('/proc/') || path.startsWith('/dev/') || mountFor(c.mounts ?? [], path)) continue;
    out[path] = data;
  }
  for (const prog of c.installed) out[`/usr/bin/${prog}`] ??= '';
  return out;
}

/** Directories the servers' images add (their document roots, configs, data). */
const SERVICE_DIRS: Record<string, string[]> = {
  nginx: ['/etc/nginx', '/etc/nginx/conf.d', '/usr/share/nginx', '/usr/share/nginx/html', '/var/cache/nginx', '/var/log/nginx'],
  httpd: ['/usr/local/apache2', '/usr/local/apache2/htdocs', '/usr/local/apache2/conf', '/usr/local/apache2/logs'],
  redis: ['/data', '/usr/local/bin'],
  postgres: ['/var/lib/postgresql', '/var/lib/postgresql/data', '/var/run/postgresql'],
  registry: ['/etc/docker', '/etc/docker/registry', '/var/lib/registry'],
  shell: [],
};

/** A directory of the image (its files' directories included). */
export function imageHasDir(image: Image | undefined, path: string): boolean {
  if (whitedOut(image, path)) return false;
  if (baseDirs(image).has(path) || (image && SERVICE_DIRS[image.service]?.includes(path))) return true;
  if (image?.workdir && (image.workdir === path || image.workdir.startsWith(path + '/'))) return true;
  if (image?.dirs?.some((d) => d === path || d.startsWith(path + '/'))) return true;
  return Object.keys(image?.files ?? {}).some((f) => f.startsWith(path + '/'));
}

/** The image's entries directly in a directory: its directories, its files, the files every image has. */
export function imageEntries(image: Image | undefined, dir: string, alsoFiles: Iterable<string>): string[] {
  const prefix = dir === '/' ? '/' : dir + '/';
  const names = new Set<string>();
  const dirs = [...baseDirs(image), ...(image ? SERVICE_DIRS[image.service] ?? [] : []), ...(image?.workdir ? [image.workdir] : []), ...(image?.dirs ?? [])];
  for (const full of [...dirs, ...Object.keys(image?.files ?? {}), ...alsoFiles]) {
    if (full.startsWith(prefix) && full.length > prefix.length) names.add(full.slice(prefix.length).split('/')[0]!);
  }
  return [...names].filter((n) => !whitedOut(image, prefix + n) || [...alsoFiles].some((f) => f === prefix + n || f.startsWith(prefix + n + '/')));
}

/** The path or one of its directories was deleted from the container's layer (and not made again). */
export function deletedInLayer(c: Container, path: string): boolean {
  return (c.deleted ?? []).some((d) => path === d || path.startsWith(d + '/'));
}

export function imageHasPath(image: Image | undefined, path: string): boolean {
  if (whitedOut(image, path)) return false;
  if (baseDirs(image).has(path) || (image && SERVICE_DIRS[image.service]?.includes(path))) return true;
  if (image?.dirs?.some((d) => d === path || d.startsWith(path + '/'))) return true;
  const files = Object.keys(image?.files ?? {});
  return files.includes(path) || files.some((f) => f.startsWith(path + '/'));
}

export function containerChanges(c: Container, image: Image | undefined): Change[] {
  const changes = new Map<string, Change['kind']>();
  const above = (path: string) => {
    for (const dir of parentDirs(path)) if (!changes.has(dir)) changes.set(dir, imageHasPath(image, dir) ? 'C' : 'A');
  };
  for (const path of Object.keys(layerFiles(c))) {
    above(path);
    const inImage = imageHasPath(image, path) || (image !== undefined && imageFile(image, path) !== undefined) || SYSTEM_FILES.has(path);
    changes.set(path, inImage && !whitedOut(image, path) ? 'C' : 'A');
  }
  // mkdir'd directories (and -w's, which runc makes), and whiteouts: an image's entry the container deleted is D.
  for (const dir of [...(c.layerDirs ?? []), ...(c.workdir && c.state !== 'created' && !imageHasPath(image, c.workdir) ? [c.workdir] : [])]) {
    if (mountFor(c.mounts ?? [], dir)) continue;
    above(dir);
    changes.set(dir, imageHasPath(image, dir) ? 'C' : 'A');
  }
  for (const path of c.deleted ?? []) {
    above(path);
    changes.set(path, 'D');
  }
  const sorted = [...changes.entries()].sort(([a], [b]) => walkOrder(changes, a, b)).map(([path, kind]) => ({ kind, path }));
  // Recorded (Engine 26.1, overlay2): the mount points the daemon created come last, sorted.
  const points = (c.mounts ?? []).map((m) => m.target).filter((t) => !imageHasPath(image, t) && !changes.has(t)).sort();
  return [...sorted, ...points.map((path) => ({ kind: 'A' as const, path }))];
}

/**
 * The daemon's order (archive.ChangesDirs, recorded): depth first, a directory before what is in
 * it, and in each directory the deleted entries after the others. Entries of one directory come
 * in Go map order, which differs run to run; here they are sorted by name.
 */
function walkOrder(changes: Map<string, Change['kind']>, a: string, b: string): number {
  const pa = a.split('/').filter(Boolean);
  const pb = b.split('/').filter(Boolean);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    const da = changes.get('/' + pa.slice(0, i + 1).join('/')) === 'D' ? 1 : 0;
    const db = changes.get('/' + pb.slice(0, i + 1).join('/')) === 'D' ? 1 : 0;
    if (da !== db) return da - db;
    return pa[i]! < pb[i]! ? -1 : 1;
  }
  return pa.length - pb.length;
}
