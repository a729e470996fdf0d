/**
 * rm, mkdir and touch inside a container: they change its copy-on-write layer as overlay2 does,
 * so `docker diff` shows A, C and D as Docker does. Deleting an image's file leaves a whiteout
 * (D) and copies its directory up (C); deleting a file the container made removes it (its
 * directory stays copied up); touch copies an image's file up (C). Named volumes hold their own
 * files. Messages as GNU coreutils 9.1 prints them, or BusyBox 1.36 in BusyBox images.
 */
import { resolvePath } from '../../common/paths';
import { parentDirs } from '../../engine/docker/fs-layer-paths';
import { deletedInLayer, imageHasDir } from '../../engine/docker/fs-layer';
import { SYSTEM_FILES } from '../../engine/docker/procs';
import { whitedOut } from '../../engine/docker/fs-whiteouts';
import { imageOf } from '../../engine/docker/containers';
import { mountFor, findVolume } from '../../engine/docker/volumes';
import type { Container } from '../../engine/docker/types';
import { Output, type CommandResult, type ShellContext } from '../types';
import type { DockerCtx } from '../docker/context';

/** Docker bind-mounts these over the image's: unlink gets EBUSY. */
const DOCKER_MOUNTS = new Set(['/etc/hosts', '/etc/hostname', '/etc/resolv.conf']);

/** BusyBox 1.35's usage texts (the applets without operands; recorded from Debian 12's busybox-static). */
const BANNER = 'BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n';
const BUSYBOX_USAGE: Record<string, string> = {
  rm: `${BANNER}Usage: rm [-irf] FILE...\n\nRemove (unlink) FILEs\n\n\t-i\tAlways prompt before removing\n\t-f\tNever prompt\n\t-R,-r\tRecurse`,
  mkdir: `${BANNER}Usage: mkdir [-m MODE] [-p] DIRECTORY...\n\nCreate DIRECTORY\n\n\t-m MODE\tMode\n\t-p\tNo error if exists; make parent directories as needed`,
  touch: `${BANNER}Usage: touch [-cham] [-d DATE] [-t DATE] [-r FILE] FILE...\n\nUpdate mtime of FILEs\n\n\t-c\tDon't create files\n\t-h\tDon't follow links\n\t-a\tChange only atime\n\t-m\tChange only mtime\n\t-d DT\tDate/time to use\n\t-t DT\tDate/time to use\n\t-r FILE\tUse FILE's date/time`,
};

interface Tool {
  d: DockerCtx;
  c: Container;
  ctx: ShellContext;
  busybox: boolean;
  out: Output;
}

const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/';

function isDir(t: Tool, path: string): boolean {
  return t.ctx.fs.isDirectory(path);
}

/** Files every image has count even though their content is not modelled (/etc/passwd…). */
function exists(t: Tool, path: string): boolean {
  return isDir(t, path) || t.ctx.fs.read(path, t.ctx.ns).ok || (SYSTEM_FILES.has(path) && !deletedInLayer(t.c, path) && !whitedOut(imageOf(t.d.daemon, t.c), path));
}

/** The directory is now in the layer: made here. */
function copyUp(c: Container, dir: string): void {
  if (dir === '/') return;
  const dirs = (c.layerDirs ??= []);
  if (!dirs.includes(dir)) dirs.push(dir);
}

function undelete(c: Container, path: string): void {
  if (c.deleted?.includes(path)) c.deleted = c.deleted.filter((p) => p !== path);
  if (c.deleted?.length === 0) delete c.deleted;
}

/** Removes a path and everything under it from the layer; the image's copy gets a whiteout. */
function removeFromLayer(t: Tool, path: string): void {
  const c = t.c;
  const under = (p: string) => p === path || p.startsWith(path + '/');
  const volume = mountFor(c.mounts ?? [], path);
  if (volume && volume.mount.type === 'volume') {
    const v = findVolume(t.d.daemon, volume.mount.source);
    if (v) for (const key of Object.keys(v.files)) if (key === volume.rest || key.startsWith(volume.rest === '/' ? '/' : volume.rest + '/')) delete v.files[key];
    return;
  }
  const image = imageOf(t.d.daemon, c);
  const madeHere = c.files !== undefined && path in c.files;
  const inImage = imageHasDir(image, path) || image?.files?.[path] !== undefined || (SYSTEM_FILES.has(path) && !whitedOut(image, path)) || (!madeHere && t.ctx.fs.read(path, t.ctx.ns).ok);
  for (const key of Object.keys(c.files ?? {})) if (under(key)) delete c.files![key];
  if (c.layerDirs) c.layerDirs = c.layerDirs.filter((d) => !under(d));
  if (c.deleted) c.deleted = c.deleted.filter((d) => !under(d));
  if (inImage) (c.deleted ??= []).push(path);
}

function fail(t: Tool, gnu: string, busybox: string): void {
  t.out.err(t.busybox ? busybox : gnu);
}

function rm(t: Tool, args: string[]): number {
  const flags = new Set(args.filter((a) => /^-[a-zA-Z]+$/.test(a)).flatMap((a) => [...a.slice(1)]));
  const force = flags.has('f');
  const recursive = flags.has('r') || flags.has('R');
  const names = args.filter((a) => !/^-[a-zA-Z]+$/.test(a));
  if (names.length === 0) {
    if (force) return 0;
    fail(t, "rm: missing operand\nTry 'rm --help' for more information.", BUSYBOX_USAGE.rm!);
    return 1;
  }
  let status = 0;
  for (const name of names) {
    const path = resolvePath(t.ctx.cwd, name);
    if (!exists(t, path)) {
      if (force) continue;
      fail(t, `rm: cannot remove '${name}': No such file or directory`, `rm: can't remove '${name}': No such file or directory`);
      status = 1;
    } else if (isDir(t, path) && !recursive) {
      fail(t, `rm: cannot remove '${name}': Is a directory`, `rm: '${name}' is a directory`);
      status = 1;
    } else if (path === '/' && !t.busybox) {
      t.out.err(`rm: it is dangerous to operate recursively on '${name}'`);
      t.out.err('rm: use --no-preserve-root to override this failsafe');
      status = 1;
    } else if (!removeTree(t, path, name)) status = 1;
  }
  return status;
}

/** Mount points (Docker's /etc files, /proc, /sys, /dev) and the root cannot be unlinked: EBUSY. */
function busy(path: string): boolean {
  return DOCKER_MOUNTS.has(path) || path === '/' || ['/proc', '/sys', '/dev'].some((m) => path === m || path.startsWith(m + '/'));
}

/** rm [-r] of a path: a directory holding a mount point loses everything else and stays (its parent C). */
function removeTree(t: Tool, path: string, name: string): boolean {
  const held = [...DOCKER_MOUNTS, '/proc', '/sys', '/dev'].some((m) => m.startsWith(path === '/' ? '/' : path + '/'));
  if (busy(path) || (held && isDir(t, path))) {
    if (!held || !isDir(t, path)) {
      fail(t, `rm: cannot remove '${name}': Device or resource busy`, `rm: can't remove '${name}': Device or resource busy`);
      return false;
    }
    let ok = true;
    const prefix = path === '/' ? '/' : path + '/';
    for (const child of t.ctx.fs.list?.(path) ?? []) if (!removeTree(t, prefix + child, (name.endsWith('/') ? name : name + '/') + child)) ok = false;
    if (path !== '/') {
      fail(t, `rm: cannot remove '${name}': Directory not empty`, `rm: can't remove '${name}': Directory not empty`);
      ok = false;
    }
    return ok;
  }
  removeFromLayer(t, path);
  return true;
}

function mkdir(t: Tool, args: string[]): number {
  const parents = args.some((a) => /^-[a-zA-Z]*p/.test(a));
  const names = args.filter((a) => !a.startsWith('-'));
  if (names.length === 0) {
    fail(t, "mkdir: missing operand\nTry 'mkdir --help' for more information.", BUSYBOX_USAGE.mkdir!);
    return 1;
  }
  let status = 0;
  const refuse = (name: string, why: string) => {
    fail(t, `mkdir: cannot create directory '${name}': ${why}`, `mkdir: can't create directory '${name}': ${why}`);
    status = 1;
  };
  for (const name of names) {
    const path = resolvePath(t.ctx.cwd, name);
    if (name === '') {
      refuse(name, 'No such file or directory');
      continue;
    }
    if (exists(t, path)) {
      if (!(parents && isDir(t, path))) refuse(name, 'File exists');
      continue;
    }
    const dirs = parentDirs(path);
    const blocker = dirs.findIndex((dir) => !isDir(t, dir) && exists(t, dir));
    if (!parents) {
      if (!isDir(t, parentOf(path))) refuse(name, blocker >= 0 ? 'Not a directory' : 'No such file or directory');
      else create(t, [path]);
      continue;
    }
    if (blocker >= 0) {
      // -p names the component that is a file: coreutils as given, BusyBox with its slash.
      const given = name.split('/').slice(0, name.split('/').length - (dirs.length - blocker)).join('/');
      if (t.busybox) t.out.err(`mkdir: can't create directory '${given}/': Not a directory`);
      else t.out.err(`mkdir: cannot create directory '${given}': Not a directory`);
      status = 1;
      continue;
    }
    create(t, [...dirs.filter((dir) => !isDir(t, dir)), path]);
  }
  return status;
}

/** New directories in the layer (docker diff shows the directory holding them as changed). */
function create(t: Tool, dirs: string[]): void {
  for (const dir of dirs) {
    undelete(t.c, dir);
    copyUp(t.c, dir);
  }
}

function touch(t: Tool, args: string[]): number {
  const names = args.filter((a) => !a.startsWith('-'));
  if (names.length === 0) {
    fail(t, "touch: missing file operand\nTry 'touch --help' for more information.", BUSYBOX_USAGE.touch!);
    return 1;
  }
  let status = 0;
  for (const name of names) {
    const path = resolvePath(t.ctx.cwd, name);
    // A directory's new time is no change to docker diff (it ignores directories' mtimes).
    if (isDir(t, path)) continue;
    const current = t.ctx.fs.read(path, t.ctx.ns);
    // Copy-up of the image's file (its new mtime is a change), or a new empty file.
    const err = t.ctx.fs.write(path, current.ok ? current.data : '', false, t.ctx.ns);
    if (err) {
      const why = err === 'EROFS' ? 'Read-only file system' : 'No such file or directory';
      fail(t, `touch: cannot touch '${name}': ${why}`, `touch: ${name}: ${why}`);
      status = 1;
    }
  }
  return status;
}

const TOOLS: Record<string, (t: Tool, args: string[]) => number> = { rm, mkdir, touch };

/** rm, mkdir or touch run in the container; undefined for other programs. */
export function layerTool(d: DockerCtx, c: Container, argv: string[], ctx: ShellContext, busybox: boolean): CommandResult | undefined {
  const tool = TOOLS[argv[0]?.split('/').pop() ?? ''];
  if (!tool) return undefined;
  const t: Tool = { d, c, ctx, busybox, out: new Output() };
  const status = tool(t, argv.slice(1));
  d.sh.world.changed();
  return t.out.done(status);
}
