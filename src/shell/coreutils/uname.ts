/**
 * GNU uname (coreutils 9.1) of the simulated Debian 12 host: the kernel release is the one
 * `docker info` reports (KERNEL_VERSION); -p and -i are "unknown" on Debian and -a leaves them out.
 */
import { KERNEL_VERSION } from '../../engine/docker/engine-info';
import { type CommandFn, success } from '../types';
import { unknownLetter, usageError } from './usage';

/** The `#1 SMP …` build string Debian's 6.1.0-28-amd64 kernel (6.1.119-1) reports. */
export const KERNEL_BUILD = '#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)';
const ORDER = ['s', 'n', 'r', 'v', 'm', 'p', 'i', 'o'] as const;

export const uname: CommandFn = (argv, ctx) => {
  const asked = new Set<string>();
  let all = false;
  for (const a of argv.slice(1)) {
    if (!a.startsWith('-') || a === '-') return usageError('uname', `extra operand '${a}'`);
    const bad = unknownLetter(a, 'asnrvmpio');
    if (bad !== undefined) return usageError('uname', `invalid option -- '${bad}'`);
    for (const f of a.slice(1)) if (f === 'a') all = true;
    else asked.add(f);
  }
  const value: Record<(typeof ORDER)[number], string> = { s: 'Linux', n: ctx.host.hostname, r: KERNEL_VERSION, v: KERNEL_BUILD, m: 'x86_64', p: 'unknown', i: 'unknown', o: 'GNU/Linux' };
  const shown = all ? ORDER.filter((f) => (f !== 'p' && f !== 'i') || asked.has(f)) : asked.size === 0 ? ['s' as const] : ORDER.filter((f) => asked.has(f));
  return success(shown.map((f) => value[f]).join(' ') + '\n');
};
