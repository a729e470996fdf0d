/**
 * nginx's worker processes and the master that respawns them. A worker killed by SIGKILL (from
 * the host by its host PID, or `docker exec … kill -9 N` by its PID in the container) is reaped
 * by the master, which starts a new one under the next free PID and says so on its error log
 * (the image's is stderr, so `docker logs`). Recorded from nginx 1.22.1 with worker_processes 2
 * in an unshare --pid sandbox (test/oracle/docker/record-nginx-workers.sh), the master PID 1:
 *   [notice] 1#1: signal 17 (SIGCHLD) received from 2
 *   [alert] 1#1: worker process 2 exited on signal 9
 *   [notice] 1#1: start worker process 4
 *   [notice] 1#1: signal 29 (SIGIO) received
 * The wording is ngx_process.c's (ngx_signal_handler, ngx_process_get_status, ngx_spawn_process).
 * Other signals to a worker are not modelled (it handles TERM, QUIT, HUP, USR1 itself).
 *
 * The new worker takes the dead one's slot in the master's table, and the master signals its
 * workers slot by slot when it stops: SIGQUIT (docker stop: the image's STOPSIGNAL) shuts them
 * down gracefully, SIGTERM and SIGINT at once (nginxStopLog; recorded by the same script). The
 * workers' lines interleave differently run to run; here each worker's come together, in slot order.
 */
import type { World } from '../world';
import type { Container, DaemonState } from './types';
import { appendLog } from './containers';
import { nginxTime, runsDefault } from './services';

export interface Worker {
  /** PID in the container's PID namespace (what nginx logs, what `ps` in the container shows). */
  ns: number;
  /** PID on the host (docker top, the host's ps and kill). */
  host: number;
}

/**
 * The official image's entrypoint runs its scripts before it execs nginx, so the first workers
 * get PIDs 29 and 30 in the container (two CPUs: worker_processes auto).
 */
const FIRST_WORKER_NS_PID = 29;
const WORKERS = 2;

/** The workers of the container's current run (a restart starts from the image's again). */
export function nginxWorkers(c: Container): Worker[] {
  if (c.nginxWorkers && c.nginxWorkers.pid === c.pid) return c.nginxWorkers.workers;
  return Array.from({ length: WORKERS }, (_, i) => ({ ns: FIRST_WORKER_NS_PID + i, host: c.pid + FIRST_WORKER_NS_PID - 1 + i }));
}

/** The host PID of a PID seen in the container (1: its main process), if it is one of its workers or the main process. */
export function workerHostPid(c: Container, nsPid: number): number | undefined {
  if (nsPid === 1) return c.pid;
  return nginxWorkers(c).find((w) => w.ns === nsPid)?.host;
}

/** SIGKILL to a worker: the master reaps it and starts another (new PIDs in the container and on the host). */
export function respawnWorker(world: World, daemon: DaemonState, c: Container, hostPid: number): boolean {
  const workers = nginxWorkers(c);
  const dead = workers.find((w) => w.host === hostPid);
  if (!dead) return false;
  const lastNs = Math.max(c.nginxWorkers?.pid === c.pid ? c.nginxWorkers.lastNs : 0, ...workers.map((w) => w.ns));
  const born: Worker = { ns: lastNs + 1, host: daemon.nextPid + 1 };
  // A PID block of its own on the host, as containers get (no later container can take it).
  daemon.nextPid += 40;
  c.nginxWorkers = { pid: c.pid, lastNs: born.ns, workers: workers.map((w) => (w === dead ? born : w)) };
  if (c.stoppedPids?.includes(hostPid)) {
    c.stoppedPids = c.stoppedPids.filter((p) => p !== hostPid);
    if (c.stoppedPids.length === 0) delete c.stoppedPids;
  }
  const now = world.clock.now();
  const t = nginxTime(world.clock.epoch + now);
  appendLog(
    c,
    [
      `${t} [notice] 1#1: signal 17 (SIGCHLD) received from ${dead.ns}`,
      `${t} [alert] 1#1: worker process ${dead.ns} exited on signal 9`,
      `${t} [notice] 1#1: start worker process ${born.ns}`,
      `${t} [notice] 1#1: signal 29 (SIGIO) received`,
    ].map((text) => ({ stream: 'stderr' as const, text })),
    now,
  );
  world.changed();
  return true;
}

const STOPS: Partial<Record<number, { name: string; action: string; graceful: boolean }>> = {
  3: { name: 'SIGQUIT', action: 'shutting down', graceful: true },
  15: { name: 'SIGTERM', action: 'exiting', graceful: false },
  2: { name: 'SIGINT', action: 'exiting', graceful: false },
};

/**
 * What nginx logs when its master gets a stop signal from outside the container (docker stop,
 * docker kill -s): the master, each worker shutting down, the master reaping them, its exit.
 */
export function nginxStopLog(world: World, daemon: DaemonState, c: Container, sig: number): void {
  const stop = STOPS[sig];
  const image = daemon.images.find((i) => i.id === c.imageId);
  if (!stop || !image || image.service !== 'nginx' || !runsDefault(c, image) || c.init) return;
  const now = world.clock.now();
  const t = nginxTime(world.clock.epoch + now);
  const workers = nginxWorkers(c).map((w) => w.ns);
  const lines = [`1#1: signal ${sig} (${stop.name}) received, ${stop.action}`];
  for (const w of workers) lines.push(...(stop.graceful ? [`${w}#${w}: gracefully shutting down`] : []), `${w}#${w}: exiting`, `${w}#${w}: exit`);
  workers.forEach((w, i) => {
    lines.push(`1#1: signal 17 (SIGCHLD) received from ${w}`, `1#1: worker process ${w} exited with code 0`);
    if (i < workers.length - 1) lines.push('1#1: signal 29 (SIGIO) received');
  });
  lines.push('1#1: exit');
  appendLog(c, lines.map((text) => ({ stream: 'stderr' as const, text: `${t} [notice] ${text}` })), now);
}
