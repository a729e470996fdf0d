/**
 * A signal delivered to one of a container's processes by its host PID (`kill` on the host, or
 * `docker kill`). The sender is in an ancestor PID namespace, so for the container's PID 1 the
 * kernel forces only SIGKILL and SIGSTOP; other signals reach it only if it handles them
 * (procs.exitAfterSignal). SIGSTOP leaves the process stopped (ps STAT T) until SIGCONT: Docker
 * does not notice, the container stays "running". A main process that dies ends the container
 * as an exit of its own: restart policies apply (unlike `docker kill`).
 */
import type { World } from '../world';
import type { Host } from '../net/types';
import { exitContainer, imageOf, settle } from './containers';
import { noteDue } from './container-index';
import { exitAfterSignal, processTree } from './procs';
import { nginxStopLog, respawnWorker } from './procs-workers';
import type { Container, DaemonState } from './types';

export type SignalOutcome = 'ignored' | 'stopped' | 'continued' | 'exited';

const SIGKILL = 9;
const SIGCONT = 18;
const SIGSTOP = 19;
/** SIGTSTP, SIGTTIN, SIGTTOU: stop a process unless it is a namespace's init (SIGNAL_UNKILLABLE). */
const TTY_STOPS = new Set([20, 21, 22]);
/** Signals whose default action is to do nothing. */
const IGNORED_BY_DEFAULT = new Set([17, 23, 28]);

export function isStopped(c: Container, pid: number): boolean {
  return c.stoppedPids?.includes(pid) ?? false;
}

function setStopped(c: Container, pid: number, stopped: boolean): void {
  const rest = (c.stoppedPids ?? []).filter((p) => p !== pid);
  if (stopped) rest.push(pid);
  if (rest.length > 0) c.stoppedPids = rest.sort((a, b) => a - b);
  else delete c.stoppedPids;
}

/** The container's main process ends with this status, as if by itself: --rm and restart policies follow. */
function mainExits(world: World, host: Host, daemon: DaemonState, c: Container, code: number): void {
  c.restartSuppressed = false;
  c.exitsAt = world.clock.now();
  c.exitCodeAtEnd = code;
  noteDue(daemon, c);
  settle(world, host, daemon);
  // settle only ends processes due by now; a container whose end was already past is ended here.
  if (c.state === 'running' || c.state === 'paused') exitContainer(world, host, daemon, c, code);
}

export function deliverSignal(world: World, host: Host, daemon: DaemonState, c: Container, pid: number, sig: number): SignalOutcome {
  const tree = processTree(c, imageOf(daemon, c));
  if (!tree.some((p) => p.pid === pid)) return 'ignored';
  const isMain = pid === c.pid;
  if (sig === SIGSTOP || (TTY_STOPS.has(sig) && !isMain)) {
    setStopped(c, pid, true);
    world.changed();
    return 'stopped';
  }
  if (sig === SIGCONT) {
    const was = isStopped(c, pid);
    setStopped(c, pid, false);
    world.changed();
    return was ? 'continued' : 'ignored';
  }
  if (isMain) {
    const code = exitAfterSignal(c, imageOf(daemon, c), sig);
    if (code === null) return 'ignored';
    if (code === 0) nginxStopLog(world, daemon, c, sig);
    mainExits(world, host, daemon, c, code);
    return 'exited';
  }
  // Under --init, the command is tini's child: it dies of the signal and tini exits with 128+N.
  if (c.init && tree[1]?.pid === pid && !IGNORED_BY_DEFAULT.has(sig) && !TTY_STOPS.has(sig)) {
    if (isStopped(c, pid) && sig !== SIGKILL) return 'ignored';
    mainExits(world, host, daemon, c, 128 + sig);
    return 'exited';
  }
  // nginx's worker: SIGKILL ends it and the master starts another (procs-workers.ts); other signals it handles.
  if (sig === SIGKILL && respawnWorker(world, daemon, c, pid)) return 'exited';
  return 'ignored';
}
