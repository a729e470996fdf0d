/**
 * Programs that wait on the simulated clock: sleep and timeout (GNU coreutils 9.1 behaviour).
 * Other waiting programs (tcpdump, nc) live with their families and register in PROCESSES.
 */
import { Output } from '../types';
import { parseDuration } from '../coreutils/timeout';
import { tcpdump } from '../nettools/tcpdump';
import { pingProcess } from '../nettools/ping';
import { traceroute } from '../nettools/traceroute';
import { nc } from '../nettools/nc';
import { vm } from '../nettools/vm';
import { dhclient } from '../nettools/dhclient';
import { udhcpc } from '../nettools/udhcpc';
import { dnsmasq } from '../nettools/dnsmasq';
import { tracepath } from '../nettools/tracepath';
import { dockerProcess } from '../docker/logs-follow';
import { dockerd } from '../docker/dockerd-cli';
import { Group, Signal, throwInto, type Proc, type ProcContext, type ProcessFn, type Wait } from './process';

const SLEEP_USAGE = "Try 'sleep --help' for more information.";

/** sleep NUMBER[smhd]...: waits the sum. */
export function* sleepProcess(argv: string[], ctx: ProcContext, out: Output): Proc {
  if (argv.length < 2) {
    out.err(`sleep: missing operand\n${SLEEP_USAGE}`);
    return 1;
  }
  let total = 0;
  for (const a of argv.slice(1)) {
    const ms = parseDuration(a);
    if (ms === null) {
      out.err(`sleep: invalid time interval ‘${a}’\n${SLEEP_USAGE}`);
      return 1;
    }
    total += ms;
  }
  yield { kind: 'timer', until: ctx.world.clock.now() + total };
  return 0;
}

const TIMEOUT_USAGE = "Try 'timeout --help' for more information.";

/** timeout [-s SIG] [-k DUR] DURATION COMMAND...: SIGTERM at the deadline, then exit 124. */
export function* timeoutProcess(argv: string[], ctx: ProcContext, out: Output): Proc {
  let i = 1;
  let signal: Signal = new Signal('TERM');
  while (argv[i]?.startsWith('-') && argv[i] !== '-') {
    const opt = argv[i]!;
    if (opt === '-s' || opt === '--signal') {
      const name = (argv[i + 1] ?? '').replace(/^SIG/, '');
      signal = new Signal(name === 'INT' || name === '2' ? 'INT' : name === 'KILL' || name === '9' ? 'KILL' : 'TERM');
    }
    i += /^-(s|k|-signal|-kill-after)$/.test(opt) ? 2 : 1;
  }
  const duration = argv[i];
  if (duration === undefined || argv[i + 1] === undefined) {
    out.err(TIMEOUT_USAGE);
    return 125;
  }
  const ms = parseDuration(duration);
  if (ms === null) {
    out.err(`timeout: invalid time interval ‘${duration}’\n${TIMEOUT_USAGE}`);
    return 125;
  }
  const command = argv.slice(i + 1);
  const deadline = ms > 0 ? ctx.world.clock.now() + ms : Infinity;
  const group = new Group(ctx.group);
  const child = ctx.spawn(command, { ...ctx, group }, out);
  let next = child.next();
  while (!next.done) {
    const wait = capped(next.value, deadline);
    try {
      yield wait;
    } catch (e) {
      // timeout passes the signals it gets on to the command.
      if (!(e instanceof Signal)) throw e;
      group.signal = e;
      next = throwInto(child, e);
      continue;
    }
    if (ctx.world.clock.now() >= deadline) {
      group.signal = signal;
      signal.at = deadline;
      next = throwInto(child, signal);
      if (!next.done) continue;
      return 124;
    }
    next = child.next();
  }
  if (next.value === 127 && out.stderr.endsWith(`bash: ${command[0]}: command not found\n`)) {
    out.stderr = out.stderr.slice(0, -`bash: ${command[0]}: command not found\n`.length);
    out.err(`timeout: failed to run command ‘${command[0]}’: No such file or directory`);
  }
  return group.signal === signal ? 124 : next.value;
}

/** The child's wait, but waking up at the deadline at the latest. */
function capped(wait: Wait, deadline: number): Wait {
  if (!Number.isFinite(deadline)) return wait;
  if (wait.kind === 'timer') return { kind: 'timer', until: Math.min(wait.until, deadline) };
  if (wait.kind === 'activity') return { ...wait, until: Math.min(wait.until ?? Infinity, deadline) };
  return { kind: 'timer', until: deadline };
}

/** Programs that can wait, by name. */
export const PROCESSES: Record<string, ProcessFn> = {
  sleep: sleepProcess,
  timeout: timeoutProcess,
  tcpdump,
  ping: pingProcess,
  traceroute,
  nc,
  vm,
  dhclient,
  udhcpc,
  dnsmasq,
  tracepath,
  docker: dockerProcess,
  dockerd,
};

export { Output };
