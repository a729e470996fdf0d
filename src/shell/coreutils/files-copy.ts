/** cp [-r] [-v] and mv [-v] on the host: files and directories in the host's world state. */
import type { FsError } from '../fs';
import { Output, type CommandFn, type CommandResult, type ShellContext } from '../types';
import { errText, isUsage, parseArgs, q, usage } from './files-args';
import { abs, baseName, exists, joinRaw, parentError } from './files-paths';

interface Move {
  src: string;
  dest: string;
  /** The target as printed: DEST, or DEST/NAME when DEST is a directory. */
  shown: string;
}

/** Operands to (source, target) pairs, or the usage/target error cp and mv share. */
function targets(cmd: string, ctx: ShellContext, operands: string[]): Move[] | CommandResult {
  if (operands.length === 0) return usage(cmd, 'missing file operand');
  if (operands.length === 1) return usage(cmd, `missing destination file operand after ${q(operands[0]!)}`);
  const dest = operands[operands.length - 1]!;
  const destDir = ctx.fs.isDirectory(abs(ctx, dest));
  const sources = operands.slice(0, -1);
  if (sources.length > 1 && !destDir) return new Output().err(`${cmd}: target ${q(dest)}: ${exists(ctx, abs(ctx, dest)) ? 'Not a directory' : 'No such file or directory'}`).done(1);
  return sources.map((src) => (destDir ? { src, dest: joinRaw(dest, baseName(src)), shown: joinRaw(dest, baseName(src)) } : { src, dest, shown: dest }));
}

/** The checks cp and mv make before touching anything; a message or undefined. */
function refuse(cmd: string, ctx: ShellContext, m: Move, recursive: boolean): string | undefined {
  const from = abs(ctx, m.src);
  const to = abs(ctx, m.dest);
  if (m.src === '' || !exists(ctx, from)) return `cannot stat ${q(m.src)}: No such file or directory`;
  const dir = ctx.fs.isDirectory(from);
  if (m.src.endsWith('/') && !dir) return `cannot stat ${q(m.src)}: Not a directory`;
  if (dir && !recursive) return `-r not specified; omitting directory ${q(m.src)}`;
  if (from === to) return `${q(m.src)} and ${q(m.shown)} are the same file`;
  const data = dir ? undefined : ctx.fs.read(from, ctx.ns);
  if (data && !data.ok) return `error reading ${q(m.src)}: ${errText(data.error)}`;
  if (dir && (from === '/' || to.startsWith(from + '/'))) return cmd === 'cp' ? `cannot copy a directory, ${q(m.src)}, into itself, ${q(m.shown)}` : `cannot move ${q(m.src)} to a subdirectory of itself, ${q(m.shown)}`;
  const targetDir = ctx.fs.isDirectory(to);
  if (dir && exists(ctx, to) && !targetDir) return `cannot overwrite non-directory ${q(m.shown)} with directory ${q(m.src)}`;
  if (!dir && targetDir) return `cannot overwrite directory ${q(m.shown)} with non-directory`;
  return undefined;
}

export const cp: CommandFn = (argv, ctx) => {
  const p = parseArgs('cp', argv.slice(1), 'rRavfp', { recursive: 'r', archive: 'a', verbose: 'v', force: 'f' });
  if (isUsage(p)) return p;
  const moves = targets('cp', ctx, p.operands);
  if (!Array.isArray(moves)) return moves;
  const recursive = ['r', 'R', 'a'].some((f) => p.flags.has(f));
  const out = new Output();
  let status = 0;
  for (const m of moves) {
    const refused = refuse('cp', ctx, m, recursive);
    const error = refused ? undefined : copyCheck(ctx, m);
    if (refused || error) {
      out.err(`cp: ${refused ?? error}`);
      status = 1;
      continue;
    }
    if (!copy(ctx, abs(ctx, m.src), abs(ctx, m.dest), m.src, m.shown, out, p.flags.has('v'))) status = 1;
  }
  return out.done(status);
};

/** Can the target be written: its parent exists, it is not under /proc (only the sysctl files there take writes). */
function copyCheck(ctx: ShellContext, m: Move): string | undefined {
  const to = abs(ctx, m.dest);
  const dir = ctx.fs.isDirectory(abs(ctx, m.src));
  const parent = parentError(ctx, m.dest) ?? (to.startsWith('/proc/') && !exists(ctx, to) ? 'ENOENT' : null);
  if (parent) return dir ? `cannot create directory ${q(m.shown)}: ${errText(parent)}` : `cannot create regular file ${q(m.shown)}: ${errText(parent)}`;
  if (dir && !exists(ctx, to) && !ctx.fs.mkdir) return `cannot create directory ${q(m.shown)}: ${errText('EROFS')}`;
  return undefined;
}

/** Copies a file or a tree; a write the target refuses (a sysctl's Invalid argument) is reported as cp reports it. */
function copy(ctx: ShellContext, from: string, to: string, shownFrom: string, shownTo: string, out: Output, verbose: boolean): boolean {
  if (verbose) out.line(`${q(shownFrom)} -> ${q(shownTo)}`);
  if (!ctx.fs.isDirectory(from)) {
    const file = ctx.fs.read(from, ctx.ns);
    const error = ctx.fs.write(to, file.ok ? file.data : '', false, ctx.ns);
    if (error) out.err(`cp: error writing ${q(shownTo)}: ${errText(error)}`);
    return !error;
  }
  if (!ctx.fs.isDirectory(to)) ctx.fs.mkdir!(to, ctx.ns);
  let ok = true;
  for (const name of ctx.fs.list?.(from) ?? []) ok = copy(ctx, `${from === '/' ? '' : from}/${name}`, `${to}/${name}`, joinRaw(shownFrom, name), joinRaw(shownTo, name), out, verbose) && ok;
  return ok;
}

export const mv: CommandFn = (argv, ctx) => {
  const p = parseArgs('mv', argv.slice(1), 'fvn', { force: 'f', verbose: 'v', 'no-clobber': 'n' });
  if (isUsage(p)) return p;
  const moves = targets('mv', ctx, p.operands);
  if (!Array.isArray(moves)) return moves;
  const out = new Output();
  let status = 0;
  for (const m of moves) {
    const refused = refuse('mv', ctx, m, true);
    if (refused) {
      out.err(`mv: ${refused}`);
      status = 1;
      continue;
    }
    if (p.flags.has('n') && exists(ctx, abs(ctx, m.dest))) continue;
    const error: FsError | null = parentError(ctx, m.dest) ?? (ctx.fs.rename ? ctx.fs.rename(abs(ctx, m.src), abs(ctx, m.dest), ctx.ns) : 'EROFS');
    if (error) {
      out.err(`mv: cannot move ${q(m.src)} to ${q(m.shown)}: ${errText(error)}`);
      status = 1;
      continue;
    }
    if (p.flags.has('v')) out.line(`renamed ${q(m.src)} -> ${q(m.shown)}`);
  }
  return out.done(status);
};
