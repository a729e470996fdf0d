/** Small programs: true, false, sleep, sudo, hostname, clear, which, uname. */
import { Output, type CommandFn, success } from '../types';
import { allIpAddresses } from '../nettools/hostname-addrs';
import { usageError } from './usage';

export const trueCmd: CommandFn = () => (success());
export const falseCmd: CommandFn = () => ({ stdout: '', stderr: '', exitCode: 1 });
export const clear: CommandFn = () => (success('\x1b[H\x1b[2J\x1b[3J'));

/** sleep NUMBER[smhd]...: advances the simulated clock. */
export const sleep: CommandFn = (argv, ctx) => {
  if (argv.length < 2) return usageError('sleep', 'missing operand');
  let total = 0;
  for (const a of argv.slice(1)) {
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return usageError('sleep', `invalid time interval ‘${a}’`);
    total += Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  }
  const end = ctx.world.clock.now() + Math.round(total * 1000);
  if (ctx.deadline !== undefined && end > ctx.deadline) {
    ctx.world.clock.set(Math.max(ctx.world.clock.now(), ctx.deadline));
    return { stdout: '', stderr: '', exitCode: 143 };
  }
  ctx.world.clock.advance(end - ctx.world.clock.now());
  return success();
};

/** We are already root: sudo just runs the command. */
export const sudo: CommandFn = (argv, ctx) => {
  const args = argv.slice(1).filter((a, i, all) => !(a.startsWith('-') && all.slice(0, i).every((b) => b.startsWith('-'))));
  if (args.length === 0) return new Output().err('usage: sudo -h | -K | -k | -V\nusage: sudo [-BknS] [-p prompt] [-D directory] [-g group] [-u user] [-i | -s] [command [arg ...]]').done(1);
  const result = ctx.exec(args, ctx);
  if (result.exitCode === 127 && result.stderr.startsWith('bash: ')) return { stdout: '', stderr: `sudo: ${args[0]}: command not found\n`, exitCode: 1 };
  return result;
};

export const hostname: CommandFn = (argv, ctx) => {
  const args = argv.slice(1);
  if (args.length === 0) return success(ctx.host.hostname + '\n');
  if (args[0] === '-I' || args[0] === '--all-ip-addresses') return success(allIpAddresses(ctx));
  if (args[0]!.startsWith('-')) return success(ctx.host.hostname + '\n');
  ctx.host.hostname = args[0]!;
  ctx.world.changed();
  return success();
};
