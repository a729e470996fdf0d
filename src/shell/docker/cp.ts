/**
 * `docker cp` both ways (docker/cli cli/command/container/cp.go): CONTAINER:SRC_PATH to a host
 * path, or a host path to CONTAINER:DEST_PATH; files and directories; running or stopped
 * containers. Without a terminal the client prints nothing on success (its progress and
 * "Successfully copied" line need a TTY).
 */
import { findContainer } from '../../engine/docker/containers';
import { mountFor } from '../../engine/docker/volumes';
import type { Container } from '../../engine/docker/types';
import type { FileSystem } from '../fs';
import { resolvePath } from '../fs';
import { fail, type CommandResult } from '../types';
import { argsError, usageError, type DockerCtx, errorResponse } from './context';
import { containerCtx } from './exec';
import { parseFlags, flagSpecs } from './flags';

/** splitCpArg: an absolute path or ./relative is local; otherwise NAME:PATH names a container. */
function splitCpArg(arg: string): { container?: string; path: string } {
  if (arg.startsWith('/')) return { path: arg };
  const colon = arg.indexOf(':');
  if (colon < 0 || arg.startsWith('.')) return { path: arg };
  return { container: arg.slice(0, colon), path: arg.slice(colon + 1) };
}

/** Files under `root` (itself when a file): path relative to root's parent -> content. */
function collect(fs: FileSystem, d: DockerCtx, root: string, extra: string[] = []): Record<string, string> | undefined {
  const base = root.slice(0, root.lastIndexOf('/')) || '/';
  const rel = (p: string) => p.slice(base === '/' ? 1 : base.length + 1);
  const r = fs.read(root, d.sh.ns);
  if (r.ok) return { [rel(root)]: r.data };
  if (!fs.isDirectory(root)) return undefined;
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of fs.list?.(dir) ?? []) {
      const p = dir === '/' ? `/${name}` : `${dir}/${name}`;
      if (fs.isDirectory(p)) walk(p);
      else {
        const f = fs.read(p, d.sh.ns);
        if (f.ok) out[rel(p)] = f.data;
      }
    }
  };
  walk(root);
  for (const p of extra) if (p.startsWith(root + '/') && !(rel(p) in out)) {
    const f = fs.read(p, d.sh.ns);
    if (f.ok) out[rel(p)] = f.data;
  }
  return out;
}

export function dockerCp(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('a|archive L|follow-link q|quiet'), true);
  if (!parsed.ok) return usageError('cp', parsed.error);
  const args = parsed.value.args;
  if (args.length !== 2) return argsError('cp', '[OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH', 'Copy files/folders between a container and the local filesystem', 'exactly 2 arguments');
  if (args[0] === '') return fail('source can not be empty', 1);
  if (args[1] === '') return fail('destination can not be empty', 1);
  const src = splitCpArg(args[0]!);
  const dst = splitCpArg(args[1]!);
  if (src.container !== undefined && dst.container !== undefined) return fail('copying between containers is not supported', 1);
  if (src.container === undefined && dst.container === undefined) return fail('must specify at least one container source', 1);
  const name = (src.container ?? dst.container)!;
  const c = findContainer(d.daemon, name);
  if (!c) return fail(errorResponse(`No such container: ${name}`), 1);
  return src.container !== undefined ? fromContainer(d, c, name, src.path, dst.path) : toContainer(d, c, name, src.path, dst.path);
}

function fromContainer(d: DockerCtx, c: Container, name: string, srcPath: string, dstPath: string): CommandResult {
  const cfs = containerCtx(d, c).fs;
  const src = resolvePath('/', srcPath);
  const known = [...Object.keys(c.files ?? {}), ...Object.keys(d.daemon.images.find((i) => i.id === c.imageId)?.files ?? {})];
  const files = collect(cfs, d, src, known);
  if (!files) return fail(errorResponse(`Could not find the file ${src} in container ${name}`), 1);
  if (dstPath === '-') return { stdout: Object.values(files).join(''), stderr: '', exitCode: 0 };
  const dest = resolvePath(d.sh.cwd, dstPath);
  const single = Object.keys(files).length === 1 && cfs.read(src, d.sh.ns).ok;
  const intoDir = d.sh.fs.isDirectory(dest);
  for (const [rel, data] of Object.entries(files)) {
    const target = single ? (intoDir ? `${dest}/${rel}` : dest) : intoDir ? `${dest}/${rel}` : `${dest}/${rel.split('/').slice(1).join('/')}`;
    const error = d.sh.fs.write(target.replace(/\/+/g, '/'), data, false, d.sh.ns);
    if (error) return fail(`open ${target}: ${error === 'EISDIR' ? 'is a directory' : 'permission denied'}`, 1);
  }
  return { stdout: '', stderr: '', exitCode: 0 };
}

/**
 * The path in the client's lstat error (moby's archive.ResolveHostSourcePath): the parent
 * directory, cleaned, joined to the base name with a separator, so a file under / reads
 * //name; a missing parent directory is itself the path that fails.
 */
function missingSourcePath(d: DockerCtx, src: string): string {
  const cut = src.lastIndexOf('/');
  const dir = src.slice(0, cut) || '/';
  const parts = dir.split('/').filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const prefix = '/' + parts.slice(0, i).join('/');
    if (!d.sh.fs.isDirectory(prefix)) return prefix;
  }
  return `${dir === '/' ? '/' : dir}/${src.slice(cut + 1)}`;
}

function toContainer(d: DockerCtx, c: Container, _name: string, srcPath: string, dstPath: string): CommandResult {
  const src = resolvePath(d.sh.cwd, srcPath);
  const files = collect(d.sh.fs, d, src);
  if (!files) return fail(`lstat ${missingSourcePath(d, src)}: no such file or directory`, 1);
  const cfs = containerCtx(d, c).fs;
  const dest = resolvePath('/', dstPath);
  const mount = mountFor(c.mounts ?? [], dest);
  if (mount?.mount.readOnly) return fail(errorResponse('mounted volume is marked read-only'), 1);
  const single = d.sh.fs.read(src, d.sh.ns).ok;
  const intoDir = dstPath.endsWith('/') || cfs.isDirectory(dest);
  if (!single && cfs.read(dest, d.sh.ns).ok) return fail(errorResponse(`cannot copy directory`), 1);
  for (const [rel, data] of Object.entries(files)) {
    const target = single ? (intoDir ? `${dest}/${rel}` : dest) : intoDir ? `${dest}/${rel}` : `${dest}/${rel.split('/').slice(1).join('/')}`;
    const error = cfs.write(target.replace(/\/+/g, '/'), data, false, d.sh.ns);
    if (error === 'EROFS') return fail(errorResponse('mounted volume is marked read-only'), 1);
  }
  d.sh.world.changed();
  return { stdout: '', stderr: '', exitCode: 0 };
}
