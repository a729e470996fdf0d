/**
 * bash's `kill` on the host: background jobs (jobs/table.ts) and, by host PID, the processes of
 * running containers (`kill -SIGSTOP $(pgrep nginx)`), which the kernel signals as it would any
 * process: a container's PID 1 gets SIGKILL and SIGSTOP, and the signals it handles.
 */
import { allDaemons } from '../../engine/docker/daemon';
import { imageOf } from '../../engine/docker/containers';
import { parseSignal, processTree } from '../../engine/docker/procs';
import { deliverSignal } from '../../engine/docker/signals';
import { workerHostPid } from '../../engine/docker/procs-workers';
import type { Container, DaemonState } from '../../engine/docker/types';
import { killBuiltin, type JobTable } from '../jobs/table';
import type { Output, ShellContext } from '../types';
import { hostProcesses } from './ps';

/** The signals the job table knows (its processes are the shell's own). */
const JOB_SIGNALS = new Set([2, 9, 15]);
const JOB_NAMES: Record<number, string> = { 2: 'INT', 9: 'KILL', 15: 'TERM' };

function containerProcess(ctx: ShellContext, pid: number): { daemon: DaemonState; c: Container } | undefined {
  for (const daemon of allDaemons(ctx.world)) {
    if (daemon.hostId !== ctx.host.id) continue;
    for (const c of daemon.containers) if (processTree(c, imageOf(daemon, c)).some((p) => p.pid === pid)) return { daemon, c };
  }
  return undefined;
}

/**
 * Inside a container (docker exec … kill N) PIDs are the container's: N is its main process (1)
 * or one of nginx's workers. The kernel does not let a namespace's own processes kill its init
 * with SIGKILL or SIGSTOP; other signals reach it if it handles them.
 */
function inContainer(ctx: ShellContext, pid: number, sig: number): { daemon: DaemonState; c: Container; hostPid: number } | undefined {
  for (const daemon of allDaemons(ctx.world)) {
    if (daemon.hostId !== ctx.host.id) continue;
    const c = daemon.containers.find((x) => x.nsId === ctx.ns.id && x.networkMode !== 'host' && (x.state === 'running' || x.state === 'paused'));
    if (!c) continue;
    if (pid === 1 && (sig === 9 || sig === 19)) return undefined;
    const hostPid = workerHostPid(c, pid);
    return hostPid === undefined ? undefined : { daemon, c, hostPid };
  }
  return undefined;
}

/** bash's signal names and numbers; 0 only checks that the process exists. */
function decode(text: string): number | undefined {
  return /^(SIG)?0$/i.test(text) ? 0 : parseSignal(text);
}

/** The signal option: [-s SIG | -n NUM | -SIG | -NUM] (SIGTERM without one) and the PIDs after it; undefined for -l. */
function signalOption(args: string[]): { sig: number; text: string; rest: string[] } | { error: string } | undefined {
  const [first, second] = args;
  if (first === '-s' || first === '-n') {
    if (second === undefined) return { error: `bash: kill: ${first}: option requires an argument` };
    const sig = decode(second);
    return sig === undefined ? { error: `bash: kill: ${second}: invalid signal specification` } : { sig, text: second, rest: args.slice(2) };
  }
  if (first === undefined || first === '-l' || first === '-L') return undefined;
  if (first === '--') return { sig: 15, text: 'TERM', rest: args.slice(1) };
  if (!first.startsWith('-') || first === '-') return { sig: 15, text: 'TERM', rest: args };
  const sig = decode(first.slice(1));
  return sig === undefined ? { error: `bash: kill: ${first.slice(1)}: invalid signal specification` } : { sig, text: first.slice(1), rest: args.slice(1) };
}

/** kill -0: a running job, a container's process, or one of the host's own. */
function exists(ctx: ShellContext, table: JobTable, spec: string): boolean {
  const job = table.find(spec);
  if (job) return job.job.status === null;
  return /^\d+$/.test(spec) && hostProcesses(ctx).some((p) => p.pid === Number(spec));
}

export function hostKill(args: string[], table: JobTable, out: Output, ctx: ShellContext): number {
  const option = signalOption(args);
  // kill -l, a bare `kill`, and jobs only: the job table's kill as before.
  if (option === undefined) return killBuiltin(args, table, out);
  if ('error' in option) {
    out.err(option.error);
    return 1;
  }
  if (option.rest.length === 0) return killBuiltin(args, table, out);
  let status = 0;
  for (const spec of option.rest) {
    if (option.sig === 0) {
      if (!exists(ctx, table, spec)) status = killBuiltin([spec], table, out) === 0 ? status : 1;
      continue;
    }
    const inside = /^\d+$/.test(spec) && !table.find(spec) ? inContainer(ctx, Number(spec), option.sig) : undefined;
    if (inside) {
      deliverSignal(ctx.world, ctx.host, inside.daemon, inside.c, inside.hostPid, option.sig);
      continue;
    }
    const found = /^\d+$/.test(spec) && !table.find(spec) ? containerProcess(ctx, Number(spec)) : undefined;
    if (found) {
      deliverSignal(ctx.world, ctx.host, found.daemon, found.c, Number(spec), option.sig);
      continue;
    }
    // PID 1 (init) ignores what it does not handle, SIGKILL included.
    if (spec === '1') continue;
    const jobSignal = JOB_SIGNALS.has(option.sig) ? ['-s', JOB_NAMES[option.sig]!] : [`-${option.text}`];
    if (killBuiltin([...jobSignal, spec], table, out) !== 0) status = 1;
  }
  return status;
}
