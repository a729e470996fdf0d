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

export interface Change {
  kind: 'A' | 'C' | 'D';
  path: string;
}

/** Directories every image in the catalog has. */
export const IMAGE_DIRS = new Set(['/', '/bin', '/dev', '/etc', '/home', '/lib', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/local', '/usr/local/bin', '/usr/sbin', '/usr/share', '/var', '/var/cache', '/var/lib', '/var/log', '/var/tmp']);

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
  if (IMAGE_DIRS.has(path) || (image && SERVICE_DIRS[image.service]?.includes(path))) return true;
  if (image?.workdir && (image.workdir === path || image.workdir.startsWith(path + '/'))) return true;
  return Object.keys(image?.files ?? {}).some((f) => f.startsWith(path + '/'));
}

/** The image's entries directly in a directory: its directories, its files, the files every image has. */
export function imageEntries(image: Image | undefined, dir: string, alsoFiles: Iterable<string>): string[] {
  const prefix = dir === '/' ? '/' : dir + '/';
  const names = new Set<string>();
  const dirs = [...IMAGE_DIRS, ...(image ? SERVICE_DIRS[image.service] ?? [] : []), ...(image?.workdir ? [image.workdir] : [])];
  for (const full of [...dirs, ...Object.keys(image?.files ?? {}), ...alsoFiles]) {
    if (full.startsWith(prefix) && full.length > prefix.length) names.add(full.slice(prefix.length).split('/')[0]!);
  }
  return [...names];
}

/** The path or one of its directories was deleted from the container's layer (and not made again). */
export function deletedInLayer(c: Container, path: string): boolean {
  return (c.deleted ?? []).some((d) => path === d || path.startsWith(d + '/'));
}

export function imageHasPath(image: Image | undefined, path: string): boolean {
  if (IMAGE_DIRS.has(path) || (image && SERVICE_DIRS[image.service]?.includes(path))) return true;
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
    changes.set(path, imageHasPath(image, path) || (image !== undefined && imageFile(image, path) !== undefined) || SYSTEM_FILES.has(path) ? 'C' : 'A');
  }
  // mkdir'd or copied-up directories, and whiteouts: an image's entry the container deleted is D.
  for (const dir of c.layerDirs ?? []) {
    if (mountFor(c.mounts ?? [], dir)) continue;
    above(dir);
    changes.set(dir, imageHasPath(image, dir) ? 'C' : 'A');
  }
  for (const path of c.deleted ?? []) {
    above(path);
    changes.set(path, 'D');
  }
  const sorted = [...changes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, kind]) => ({ kind, path }));
  // Recorded (Engine 26.1, overlay2): the mount points the daemon created come last, sorted.
  const points = (c.mounts ?? []).map((m) => m.target).filter((t) => !imageHasPath(image, t) && !changes.has(t)).sort();
  return [...sorted, ...points.map((path) => ({ kind: 'A' as const, path }))];
}
