/**
 * `timeout DURATION COMMAND...`: runs the command with a deadline on the simulated clock.
 * Commands that wait (sleep, ping) stop at ctx.deadline; timeout then exits 124 like coreutils.
 */
import type { CommandFn } from '../types';
import { usageError } from './usage';

export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(text);
  if (!m) return null;
  return Math.round(Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'] * 1000);
}

export const timeout: CommandFn = (argv, ctx) => {
  let i = 1;
  while (argv[i]?.startsWith('-') && argv[i] !== '-') i += /^-(s|k|-signal|-kill-after)$/.test(argv[i]!) ? 2 : 1;
  const duration = argv[i];
  if (duration === undefined || argv[i + 1] === undefined) return usageError('timeout', 'missing operand', 125);
  const ms = parseDuration(duration);
  if (ms === null) return usageError('timeout', `invalid time interval ‘${duration}’`, 125);
  const deadline = ctx.world.clock.now() + ms;
  const result = ctx.exec(argv.slice(i + 1), { ...ctx, deadline: Math.min(deadline, ctx.deadline ?? Infinity) });
  if (result.exitCode === 127 && result.stderr.startsWith('bash: ')) {
    return { stdout: '', stderr: `timeout: failed to run command ‘${argv[i + 1]}’: No such file or directory\n`, exitCode: 127 };
  }
  if (ms > 0 && ctx.world.clock.now() >= deadline) return { ...result, exitCode: 124 };
  return result;
};
