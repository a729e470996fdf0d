/** docker update: a running or stopped container's cgroup limits and restart policy, with dockerd's checks (recorded). */
import { findContainer } from '../../engine/docker/containers';
import { nanoCpus, NO_LIMITS, ramInBytes } from '../../engine/docker/cgroups';
import { Output, type CommandResult } from '../types';
import { argsError, usageError, type DockerCtx, errorResponse } from './context';
import { last, parseFlags, flagSpecs } from './flags';
import { limitsError } from './run-options';

const FLAGS = flagSpecs('m|memory= memory-swap= cpus= c|cpu-shares= restart=');

export function dockerUpdate(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, FLAGS, true);
  if (!parsed.ok) return usageError('update', parsed.error);
  const p = parsed.value;
  if (p.args.length === 0) return argsError('update', '[OPTIONS] CONTAINER [CONTAINER...]', 'Update configuration of one or more containers');
  if (Object.keys(p.flags).length === 0) return { stdout: '', stderr: 'you must provide one or more flags when using this command\n', exitCode: 1 };
  const num = (long: string, label: string, parse: (v: string) => number | undefined, why: (v: string) => string): number | string | undefined => {
    const v = last(p, long);
    if (v === undefined) return undefined;
    const n = v === '-1' && long === 'memory-swap' ? -1 : parse(v);
    return n === undefined ? `invalid argument "${v}" for "${label}" flag: ${why(v)}` : n;
  };
  const memory = num('memory', '-m, --memory', ramInBytes, (v) => `invalid size: '${v}'`);
  const swap = num('memory-swap', '--memory-swap', ramInBytes, (v) => `invalid size: '${v}'`);
  const cpus = num('cpus', '--cpus', nanoCpus, (v) => `failed to parse ${v} as a rational number`);
  const shares = num('cpu-shares', '-c, --cpu-shares', (v) => (/^\d+$/.test(v) ? Number(v) : undefined), (v) => `strconv.ParseInt: parsing "${v}": invalid syntax`);
  for (const v of [memory, swap, cpus, shares]) if (typeof v === 'string') return usageError('update', v);
  const restart = last(p, 'restart');
  if (restart !== undefined && !/^(no|always|unless-stopped|on-failure(:\d+)?)$/.test(restart)) return { stdout: '', stderr: errorResponse(`invalid restart policy: unknown policy '${restart.split(':')[0]}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'\n`), exitCode: 1 };
  const out = new Output();
  let failed = false;
  for (const ref of p.args) {
    const c = findContainer(d.daemon, ref);
    if (!c) {
      out.err(errorResponse(`No such container: ${ref}`));
      failed = true;
      continue;
    }
    const cur = c.limits ?? NO_LIMITS;
    const next = { memory: (memory as number | undefined) ?? cur.memory, memorySwap: (swap as number | undefined) ?? cur.memorySwap, nanoCpus: (cpus as number | undefined) ?? cur.nanoCpus, cpuShares: (shares as number | undefined) ?? cur.cpuShares };
    const bad = limitsError(next);
    if (bad) {
      out.err(errorResponse(bad));
      failed = true;
      continue;
    }
    // cgroup v1: memory above the memory+swap limit in force (unset counts as 0) is refused.
    if (memory !== undefined && swap === undefined && cur.memorySwap !== -1 && (memory as number) > cur.memorySwap) {
      out.err(errorResponse(`Cannot update container ${c.id}: Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time`));
      failed = true;
      continue;
    }
    if (restart !== undefined && c.autoRemove && restart !== 'no') {
      out.err(errorResponse(`Cannot update container ${c.id}: Restart policy cannot be updated because AutoRemove is enabled for the container`));
      failed = true;
      continue;
    }
    c.limits = next;
    if (restart !== undefined) c.restart = restart;
    out.line(ref);
  }
  d.sh.world.changed();
  return out.done(failed ? 1 : 0);
}
