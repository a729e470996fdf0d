/**
 * rm [-r] [-f] [-d] [-v] on the host. A recursive removal is checked whole before anything goes:
 * if one entry cannot be removed (a /proc file, one of the host's own files) nothing is removed.
 */
import type { FsError } from '../fs';
import { Output, type CommandFn, type ShellContext } from '../types';
import { errText, isUsage, parseArgs, q, usage } from './files-args';
import { abs, exists } from './files-paths';

export const rm: CommandFn = (argv, ctx) => {
  const p = parseArgs('rm', argv.slice(1), 'rRfdvi', { recursive: 'r', force: 'f', dir: 'd', verbose: 'v' });
  if (isUsage(p)) return p;
  const recursive = p.flags.has('r') || p.flags.has('R');
  const force = p.flags.has('f');
  if (p.operands.length === 0) return force ? new Output().done(0) : usage('rm', 'missing operand');
  const out = new Output();
  let status = 0;
  for (const raw of p.operands) {
    const path = abs(ctx, raw);
    if (recursive && /(^|\/)\.\.?\/*$/.test(raw)) {
      out.err(`rm: refusing to remove '.' or '..' directory: skipping ${q(raw)}`);
      status = 1;
      continue;
    }
    if (recursive && path === '/') {
      out.err("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe");
      status = 1;
      continue;
    }
    if (raw === '' || !exists(ctx, path)) {
      if (!force) {
        out.err(`rm: cannot remove ${q(raw)}: No such file or directory`);
        status = 1;
      }
      continue;
    }
    const dir = ctx.fs.isDirectory(path);
    if (dir && !recursive && !p.flags.has('d')) {
      out.err(`rm: cannot remove ${q(raw)}: Is a directory`);
      status = 1;
      continue;
    }
    const plan = dir && recursive ? tree(ctx, path, raw) : [{ path, shown: raw, dir }];
    const blocked = plan.map((e) => ({ e, error: check(ctx, e.path) })).find((x) => x.error);
    if (blocked) {
      out.err(`rm: cannot remove ${q(blocked.e.shown)}: ${errText(blocked.error!)}`);
      status = 1;
      continue;
    }
    for (const e of plan) {
      const error = remove(ctx, e.path, e.dir);
      if (error) {
        out.err(`rm: cannot remove ${q(e.shown)}: ${errText(error)}`);
        status = 1;
        break;
      }
      if (p.flags.has('v')) out.line(e.dir ? `removed directory ${q(e.shown)}` : `removed ${q(e.shown)}`);
    }
  }
  return out.done(status);
};

interface Entry {
  path: string;
  shown: string;
  dir: boolean;
}

/** Everything under a directory, deepest first, then the directory itself (the order rm -rv prints). */
function tree(ctx: ShellContext, path: string, shown: string): Entry[] {
  const out: Entry[] = [];
  for (const name of ctx.fs.list?.(path) ?? []) {
    const child = `${path === '/' ? '' : path}/${name}`;
    const childShown = shown.endsWith('/') ? shown + name : `${shown}/${name}`;
    if (ctx.fs.isDirectory(child)) out.push(...tree(ctx, child, childShown));
    else out.push({ path: child, shown: childShown, dir: false });
  }
  out.push({ path, shown, dir: true });
  return out;
}

/** Whether an entry could go, without removing it: protected files and directories say why not. */
function check(ctx: ShellContext, path: string): FsError | null {
  if (!ctx.fs.unlink || !ctx.fs.rmdir) return 'EROFS';
  return ctx.fs.removable ? ctx.fs.removable(path, ctx.ns) : null;
}

function remove(ctx: ShellContext, path: string, dir: boolean): FsError | null {
  if (dir) {
    // A directory that held only written files is gone with them (it was implied by them).
    if (!exists(ctx, path)) return null;
    return ctx.fs.rmdir!(path, ctx.ns);
  }
  return ctx.fs.unlink!(path, ctx.ns);
}
