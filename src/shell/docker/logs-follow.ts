/**
 * `docker logs -f` as a process on simulated time: it prints what the container wrote, then waits
 * (for activity in the world, or the moment its main process ends) and prints new lines, until the
 * container stops or the user interrupts it. Every other docker command runs at once.
 */
import { findContainer } from '../../engine/docker/containers';
import type { Proc, ProcContext } from '../jobs/process';
import type { Output } from '../types';
import { dockerCtx } from './context';
import { docker } from './docker';
import { activity } from '../../engine/packet/capture';

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

export function* dockerProcess(argv: string[], ctx: ProcContext, out: Output): Proc {
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
    yield c.exitsAt !== null ? { kind: 'activity', since, until: c.exitsAt } : { kind: 'activity', since };
  }
}
