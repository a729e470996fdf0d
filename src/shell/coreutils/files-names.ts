/** tee [-a] FILE... and the path arithmetic of basename and dirname. */
import { Output, type CommandFn } from '../types';
import { errText, isUsage, lq, parseArgs, usage } from './files-args';
import { abs, baseName, dirName, parentError } from './files-paths';

/** Copies its input to stdout and to each FILE; `echo 1 | tee /proc/sys/net/ipv4/ip_forward` writes the sysctl. */
export const tee: CommandFn = (argv, ctx) => {
  const p = parseArgs('tee', argv.slice(1), 'ai', { append: 'a', 'ignore-interrupts': 'i' });
  if (isUsage(p)) return p;
  const out = new Output().out(ctx.stdin);
  let status = 0;
  for (const raw of p.operands) {
    const path = abs(ctx, raw);
    const error = parentError(ctx, raw) ?? ctx.fs.write(path, ctx.stdin, p.flags.has('a'), ctx.ns);
    if (error) {
      out.err(`tee: ${raw}: ${errText(error)}`);
      status = 1;
    }
  }
  return out.done(status);
};

export const basename: CommandFn = (argv) => {
  const p = parseArgs('basename', argv.slice(1), 'asz', { multiple: 'a', suffix: 's', zero: 'z' }, 's');
  if (isUsage(p)) return p;
  if (p.operands.length === 0) return usage('basename', 'missing operand');
  const multiple = p.flags.has('a') || p.values.has('s');
  if (!multiple && p.operands.length > 2) return usage('basename', `extra operand ${lq(p.operands[2]!)}`);
  const suffix = p.values.get('s') ?? (multiple ? '' : p.operands[1] ?? '');
  const names = multiple ? p.operands : [p.operands[0]!];
  const end = p.flags.has('z') ? '\0' : '\n';
  const out = new Output();
  for (const name of names) {
    const base = baseName(name);
    out.out((suffix && base !== suffix && base.endsWith(suffix) ? base.slice(0, -suffix.length) : base) + end);
  }
  return out.done(0);
};

export const dirname: CommandFn = (argv) => {
  const p = parseArgs('dirname', argv.slice(1), 'z', { zero: 'z' });
  if (isUsage(p)) return p;
  if (p.operands.length === 0) return usage('dirname', 'missing operand');
  const end = p.flags.has('z') ? '\0' : '\n';
  return new Output().out(p.operands.map((n) => dirName(n) + end).join('')).done(0);
};
