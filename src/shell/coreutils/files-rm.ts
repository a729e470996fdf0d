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
  // -i asks on stderr before each removal and reads the answers from stdin (y or Y is yes).
  const answers = ctx.stdin.split('\n');
  const ask = p.flags.has('i') && !force
    ? (question: string) => {
        out.stderr += `rm: ${question}? `;
        return /^[yY]/.test(answers.shift() ?? '');
      }
    : undefined;
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
    const plan = dir && recursive ? tree(ctx, path, raw, ask) : ask && !ask(prompt(ctx, path, raw, dir)) ? [] : [{ path, shown: raw, dir }];
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
        continue;
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

/**
 * Everything under a directory, deepest first, then the directory itself (the order rm -rv prints).
 * With -i: "descend into directory" before a non-empty one, each file, then "remove directory".
 */
function tree(ctx: ShellContext, path: string, shown: string, ask?: (q: string) => boolean): Entry[] {
  const names = ctx.fs.list?.(path) ?? [];
  if (ask && names.length > 0 && !ask(`descend into directory ${q(shown)}`)) return [];
  const out: Entry[] = [];
  let kept = false;
  for (const name of names) {
    const child = `${path === '/' ? '' : path}/${name}`;
    const childShown = shown.endsWith('/') ? shown + name : `${shown}/${name}`;
    const dir = ctx.fs.isDirectory(child);
    const sub = dir ? tree(ctx, child, childShown, ask) : !ask || ask(prompt(ctx, child, childShown, false)) ? [{ path: child, shown: childShown, dir: false }] : [];
    kept ||= sub.length === 0 || sub[sub.length - 1]!.path !== child;
    out.push(...sub);
  }
  // GNU rm asks even when a declined entry keeps the directory (a yes then fails: Directory not empty).
  if (ask ? ask(`remove directory ${q(shown)}`) : !kept) out.push({ path, shown, dir: true });
  return out;
}

/** What -i asks about one entry. */
function prompt(ctx: ShellContext, path: string, shown: string, dir: boolean): string {
  if (dir) return `remove directory ${q(shown)}`;
  const file = ctx.fs.read(path, ctx.ns);
  return `remove regular ${file.ok && file.data === '' ? 'empty ' : ''}file ${q(shown)}`;
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
