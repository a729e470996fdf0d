/** mkdir [-p] [-v], rmdir and touch on the host: directories and empty files kept in the host's world state. */
import { Output, type CommandFn } from '../types';
import { errText, isUsage, lq, parseArgs, q, usage } from './files-args';
import { abs, exists, parentError } from './files-paths';

export const mkdir: CommandFn = (argv, ctx) => {
  const p = parseArgs('mkdir', argv.slice(1), 'pvm', { parents: 'p', verbose: 'v', mode: 'm' }, 'm');
  if (isUsage(p)) return p;
  if (p.operands.length === 0) return usage('mkdir', 'missing operand');
  const out = new Output();
  let status = 0;
  for (const raw of p.operands) {
    const steps = p.flags.has('p') ? prefixes(raw) : [raw];
    for (const step of steps) {
      const path = abs(ctx, step);
      if (p.flags.has('p') && ctx.fs.isDirectory(path)) continue;
      const error = p.flags.has('p') && exists(ctx, path) ? 'ENOTDIR' : raw === '' ? 'ENOENT' : ctx.fs.mkdir ? ctx.fs.mkdir(path, ctx.ns) : 'EROFS';
      if (error) {
        out.err(`mkdir: cannot create directory ${lq(step)}: ${errText(error)}`);
        status = 1;
        break;
      }
      if (p.flags.has('v')) out.line(`mkdir: created directory ${q(step)}`);
    }
  }
  return out.done(status);
};

/** "c/d/e" -> ["c", "c/d", "c/d/e"]; "/a/b" -> ["/a", "/a/b"]. */
function prefixes(raw: string): string[] {
  const parts = raw.split('/');
  const out: string[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const step = parts.slice(0, i).join('/');
    if (parts[i - 1] !== '' && parts[i - 1] !== '.') out.push(step);
  }
  return out.length ? out : [raw];
}

export const rmdir: CommandFn = (argv, ctx) => {
  const p = parseArgs('rmdir', argv.slice(1), '', {});
  if (isUsage(p)) return p;
  if (p.operands.length === 0) return usage('rmdir', 'missing operand');
  const out = new Output();
  let status = 0;
  for (const raw of p.operands) {
    const error = ctx.fs.rmdir ? ctx.fs.rmdir(abs(ctx, raw), ctx.ns) : 'EROFS';
    if (error) {
      out.err(`rmdir: failed to remove ${q(raw)}: ${errText(error)}`);
      status = 1;
    }
  }
  return out.done(status);
};

export const touch: CommandFn = (argv, ctx) => {
  const p = parseArgs('touch', argv.slice(1), 'acm', { 'no-create': 'c' });
  if (isUsage(p)) return p;
  if (p.operands.length === 0) return usage('touch', 'missing file operand');
  const out = new Output();
  let status = 0;
  for (const raw of p.operands) {
    const path = abs(ctx, raw);
    const file = ctx.fs.read(path, ctx.ns);
    // An existing file keeps its contents (times are not simulated); one that cannot be read (a /run/netns mount) cannot be touched either.
    if (raw !== '' && exists(ctx, path) && (file.ok || file.error === 'EISDIR')) continue;
    if (p.flags.has('c') && !exists(ctx, path)) continue;
    const error = parentError(ctx, raw) ?? (path.startsWith('/proc/') ? 'ENOENT' : ctx.fs.write(path, '', true, ctx.ns));
    if (error) {
      out.err(`touch: cannot touch ${q(raw)}: ${errText(error)}`);
      status = 1;
    }
  }
  return out.done(status);
};
