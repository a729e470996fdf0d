/**
 * `docker logs -f` as a process on simulated time: it prints what the container wrote, then waits
 * (for activity in the world, or the moment its main process ends) and prints new lines, until the
 * container stops or the user interrupts it; `docker attach` likewise. Every other docker command
 * runs at once.
 */
import { findContainer } from '../../engine/docker/containers';
import type { Proc, ProcContext } from '../jobs/process';
import type { Output } from '../types';
import { dockerCtx } from './context';
import { docker } from './docker';
import { activity } from '../../engine/packet/capture';
import { nextLoopLine } from '../../engine/docker/procs-loop';

const FOLLOW = new Set(['-f', '--follow']);

/** The container of `docker [container] logs … -f … NAME`, or undefined when the line does not follow. */
function followed(argv: string[]): { rest: string[]; ref: string } | undefined {
  const args = argv.slice(1);
  const i = args[0] === 'container' ? 1 : 0;
  if (args[i] !== 'logs') return undefined;
  const opts = args.slice(i + 1);
  const follow = opts.some((a) => FOLLOW.has(a) || (/^-[a-zA-Z]+$/.test(a) && a.includes('f') && !a.startsWith('--')));
  if (!follow) return undefined;
  const ref = opts.filter((a, k) => !a.startsWith('-') && !['--tail', '-n', '--since', '--until'].includes(opts[k - 1] ?? ''))[0];
  if (ref === undefined) return undefined;
  const rest = [argv[0]!, ...args.slice(0, i + 1), ...opts.filter((a) => !FOLLOW.has(a)).map((a) => (/^-[a-zA-Z]+$/.test(a) ? a.replace('f', '') : a)).filter((a) => a !== '-')];
  return { rest, ref };
}

/** The container of `docker [container] attach [--no-stdin] … NAME`, or undefined for other lines. */
function attached(argv: string[]): string | undefined {
  const args = argv.slice(1);
  const i = args[0] === 'container' ? 1 : 0;
  if (args[i] !== 'attach') return undefined;
  const rest = args.slice(i + 1);
  const names = rest.filter((a, k) => !a.startsWith('-') && !['--sig-proxy', '--detach-keys'].includes(rest[k - 1] ?? ''));
  return names.length === 1 ? names[0] : undefined;
}

/** How often an attached client looks at its container: it ends within this of the container. */
const ATTACH_POLL_MS = 100;

/**
 * `docker attach NAME` as a process: the container's output from now on, until its main process
 * ends (by itself, or stopped or killed from another job: `docker attach c & docker stop c`), then
 * the container's exit status. Errors, and a container that never ends by itself, are the plain
 * command's (attach.ts).
 */
function* attachProcess(argv: string[], ref: string, ctx: ProcContext, out: Output): Proc {
  const d0 = dockerCtx(ctx);
  const c0 = d0 ? findContainer(d0.daemon, ref) : undefined;
  // A shell loop (procs-loop.ts) never ends by itself but writes as time passes: attach follows it until stopped or interrupted.
  if (!c0 || c0.state !== 'running' || (c0.exitsAt === null && !c0.loop) || c0.tty) {
    const r = docker(argv, ctx);
    out.stdout += r.stdout;
    out.stderr += r.stderr;
    return r.exitCode;
  }
  const id = c0.id;
  // A line is written at its logTimes entry (a script's later lines are logged ahead, with their time).
  const start = ctx.world.clock.now();
  const writtenBy = (c: typeof c0, i: number, t: number) => (c.logTimes?.[i] ?? -Infinity) <= t;
  const printed = new Set<number>(c0.logs.map((_, i) => i).filter((i) => writtenBy(c0, i, start)));
  for (;;) {
    const d = dockerCtx(ctx);
    const c = d?.daemon.containers.find((x) => x.id === id);
    if (!c) return 0;
    const now = ctx.world.clock.now();
    c.logs.forEach((l, i) => {
      if (printed.has(i) || !writtenBy(c, i, now)) return;
      printed.add(i);
      if (l.startsWith('o:')) out.stdout += l.slice(2) + '\n';
      else out.stderr += l.slice(2) + '\n';
    });
    if (c.state !== 'running' && c.state !== 'paused') return c.exitCode;
    yield { kind: 'timer', until: Math.min(c.exitsAt ?? Infinity, nextLoopLine(c) ?? Infinity, now + ATTACH_POLL_MS) };
  }
}

export function* dockerProcess(argv: string[], ctx: ProcContext, out: Output): Proc {
  const ref = attached(argv);
  if (ref !== undefined) return yield* attachProcess(argv, ref, ctx, out);
  const f = followed(argv);
  const first = docker(f ? f.rest : argv, ctx);
  out.stdout += first.stdout;
  out.stderr += first.stderr;
  if (!f || first.exitCode !== 0) return first.exitCode;
  const d0 = dockerCtx(ctx);
  let seen = d0 ? findContainer(d0.daemon, f.ref)?.logs.length ?? 0 : 0;
  for (;;) {
    const d = dockerCtx(ctx);
    const c = d ? findContainer(d.daemon, f.ref) : undefined;
    if (!c) return 0;
    for (const l of c.logs.slice(seen)) (l.startsWith('o:') ? (out.stdout += l.slice(2) + '\n') : (out.stderr += l.slice(2) + '\n'));
    seen = c.logs.length;
    if (c.state !== 'running' && c.state !== 'paused') return 0;
    const since = activity(ctx.world);
    // Wake when the main process ends or its shell loop writes its next line (procs-loop.ts).
    const until = Math.min(c.exitsAt ?? Infinity, nextLoopLine(c) ?? Infinity);
    yield Number.isFinite(until) ? { kind: 'activity', since, until } : { kind: 'activity', since };
  }
}
