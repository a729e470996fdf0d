/**
 * `readlink [-f|-e|-m] [-n] [-v] FILE…` (GNU coreutils 9.1): the target of a symbolic link. The
 * simulated host's links are /proc/self (the reading process) and /proc/PID/ns/TYPE (`net:[INODE]`).
 * Anything else is not a link: nothing printed, exit 1 (-v says why), as readlink does.
 */
import { resolvePath } from '../../common/paths';
import { Output, type CommandFn, type ShellContext } from '../types';
import { procNode } from './procfs';
import { SELF_PID } from './ps';

type Mode = 'plain' | 'f' | 'e' | 'm';

const HELP_HINT = "Try 'readlink --help' for more information.";

export const readlink: CommandFn = (argv, ctx) => {
  let mode: Mode = 'plain';
  let newline = true;
  let verbose = false;
  const files: string[] = [];
  let options = true;
  for (const a of argv.slice(1)) {
    if (options && a === '--') options = false;
    else if (options && /^--(canonicalize|canonicalize-existing|canonicalize-missing|no-newline|verbose|silent|quiet)$/.test(a)) {
      if (a === '--canonicalize') mode = 'f';
      else if (a === '--canonicalize-existing') mode = 'e';
      else if (a === '--canonicalize-missing') mode = 'm';
      else if (a === '--no-newline') newline = false;
      else verbose = a === '--verbose';
    } else if (options && a.startsWith('--')) return usage(`readlink: unrecognized option '${a}'`);
    else if (options && a.startsWith('-') && a.length > 1) {
      for (const f of a.slice(1)) {
        if (f === 'f' || f === 'e' || f === 'm') mode = f;
        else if (f === 'n') newline = false;
        else if (f === 'v') verbose = true;
        else if (f === 'q' || f === 's') verbose = false;
        else if (f !== 'z') return usage(`readlink: invalid option -- '${f}'`);
      }
    } else files.push(a);
  }
  if (files.length === 0) return usage('readlink: missing operand');
  const out = new Output();
  let status = 0;
  // -n only applies to a single operand (coreutils warns and ignores it otherwise).
  if (!newline && files.length > 1) out.err('readlink: ignoring --no-newline with multiple arguments');
  const end = !newline && files.length === 1 ? '' : '\n';
  for (const file of files) {
    const path = resolvePath(ctx.cwd, file);
    const value = mode === 'plain' ? linkTarget(ctx, path) : canonical(ctx, path, mode);
    if (typeof value === 'string') {
      out.out(value + end);
      continue;
    }
    status = 1;
    if (verbose) out.err(`readlink: ${file}: ${value.error}`);
  }
  return out.done(status);
};

function usage(message: string) {
  return { stdout: '', stderr: `${message}\n${HELP_HINT}\n`, exitCode: 1 };
}

function exists(ctx: ShellContext, path: string): boolean {
  return ctx.fs.isDirectory(path) || ctx.fs.read(path, ctx.ns).ok || procNode(ctx, path) !== undefined;
}

/** The link's target, or why there is none (EINVAL: not a link). */
function linkTarget(ctx: ShellContext, path: string): string | { error: string } {
  if (path === '/proc/self') return String(SELF_PID);
  const node = procNode(ctx, path);
  if (node?.kind === 'nslink') return node.target;
  return exists(ctx, path) ? { error: 'Invalid argument' } : { error: 'No such file or directory' };
}

/** -f / -e / -m: the absolute path with /proc/self and the last link followed. */
function canonical(ctx: ShellContext, path: string, mode: Mode): string | { error: string } {
  const real = path === '/proc/self' || path.startsWith('/proc/self/') ? `/proc/${SELF_PID}${path.slice('/proc/self'.length)}` : path;
  const node = procNode(ctx, real);
  // An ns link's target is relative and names nothing: -f and -m keep it, -e wants it to exist.
  if (node?.kind === 'nslink') return mode === 'e' ? { error: 'No such file or directory' } : `${real.slice(0, real.lastIndexOf('/'))}/${node.target}`;
  if (mode === 'm' || exists(ctx, real)) return real;
  const parent = real.slice(0, real.lastIndexOf('/')) || '/';
  return mode === 'f' && exists(ctx, parent) ? real : { error: 'No such file or directory' };
}
