/** What the file commands ask of any filesystem: does a path exist, can a file be made under its parent. */
import { resolvePath, type FsError } from '../fs';
import type { ShellContext } from '../types';

export const abs = (ctx: ShellContext, raw: string) => resolvePath(ctx.cwd, raw);

/** There when it reads, or fails to read for a reason other than its absence (a /run/netns file says EINVAL). */
export function exists(ctx: ShellContext, path: string): boolean {
  const r = ctx.fs.read(path, ctx.ns);
  return r.ok || r.error !== 'ENOENT';
}

/** ENOENT or ENOTDIR when a file cannot be made at RAW (its parent is missing or a file; RAW ends in / but is no directory). */
export function parentError(ctx: ShellContext, raw: string): FsError | null {
  const path = abs(ctx, raw);
  if (raw.endsWith('/') && !ctx.fs.isDirectory(path)) return 'ENOTDIR';
  if (raw === '') return 'ENOENT';
  let parent = path.slice(0, path.lastIndexOf('/')) || '/';
  if (ctx.fs.isDirectory(parent)) return null;
  while (parent !== '/' && !exists(ctx, parent)) parent = parent.slice(0, parent.lastIndexOf('/')) || '/';
  return ctx.fs.isDirectory(parent) ? 'ENOENT' : 'ENOTDIR';
}

/** The last part of a path as basename(1) gives it: trailing slashes dropped, "/" for slashes only. */
export function baseName(name: string): string {
  const trimmed = name.replace(/\/+$/, '');
  if (trimmed === '') return name === '' ? '' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** dirname(1): "." without a slash, "/" at the top. */
export function dirName(name: string): string {
  const trimmed = name.replace(/\/+$/, '');
  if (trimmed === '') return name.startsWith('/') ? '/' : '.';
  const at = trimmed.lastIndexOf('/');
  if (at < 0) return '.';
  return trimmed.slice(0, at).replace(/\/+$/, '') || '/';
}

/** RAW joined with a name, as cp and mv print it ('d' + 'h' -> 'd/h'). */
export function joinRaw(raw: string, name: string): string {
  return raw.endsWith('/') ? raw + name : `${raw}/${name}`;
}
