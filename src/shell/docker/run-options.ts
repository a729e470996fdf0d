/**
 * docker run/create options beyond networking: --label, --memory, --memory-swap, --cpus,
 * --cpu-shares, --init, --pull, --restart; validated with docker/cli 28's and dockerd 26's messages.
 */
import { HOST_CPUS, MIN_MEMORY, nanoCpus, ramInBytes, type CgroupLimits } from '../../engine/docker/cgroups';
import { all, has, last, type FlagSpec, type Parsed, flagSpecs } from './flags';

export const RUN_OPTION_FLAGS: FlagSpec[] = flagSpecs('l|label= memory-swap= pull= stop-timeout=');

export interface RunOptions {
  labels: Record<string, string>;
  limits: CgroupLimits;
  init: boolean;
  pull: 'missing' | 'always' | 'never';
  restart: string;
}

/** Where the message comes from: a flag parse error (usage block), the client, or the daemon. */
export type RunOptionError = { kind: 'flag' | 'client' | 'daemon'; text: string };

const RESTART_POLICIES = ['no', 'always', 'on-failure', 'unless-stopped'];

function flagValue(p: Parsed, long: string, label: string, parse: (v: string) => number | undefined, what: (v: string) => string): number | RunOptionError | undefined {
  const v = last(p, long);
  if (v === undefined) return undefined;
  const n = parse(v);
  return n === undefined ? { kind: 'flag', text: `invalid argument "${v}" for "${label}" flag: ${what(v)}` } : n;
}

export function parseRunOptions(p: Parsed): RunOptions | RunOptionError {
  const labels: Record<string, string> = {};
  for (const l of all(p, 'label')) {
    const eq = l.indexOf('=');
    labels[eq < 0 ? l : l.slice(0, eq)] = eq < 0 ? '' : l.slice(eq + 1);
  }
  const memory = flagValue(p, 'memory', '-m, --memory', ramInBytes, (v) => `invalid size: '${v}'`);
  if (typeof memory === 'object') return memory;
  const swapText = last(p, 'memory-swap');
  const swap = swapText === '-1' ? -1 : flagValue(p, 'memory-swap', '--memory-swap', ramInBytes, (v) => `invalid size: '${v}'`);
  if (typeof swap === 'object') return swap;
  const cpus = flagValue(p, 'cpus', '--cpus', nanoCpus, (v) => `failed to parse ${v} as a rational number`);
  if (typeof cpus === 'object') return cpus;
  const shares = flagValue(p, 'cpu-shares', '-c, --cpu-shares', (v) => (/^-?\d+$/.test(v) ? Number(v) : undefined), (v) => `strconv.ParseInt: parsing "${v}": invalid syntax`);
  if (typeof shares === 'object') return shares;
  const pull = last(p, 'pull') ?? 'missing';
  if (pull !== 'missing' && pull !== 'always' && pull !== 'never') return { kind: 'client', text: `docker: invalid pull option: '${pull}': must be one of "always", "missing" or "never"` };
  const restart = last(p, 'restart') ?? 'no';
  const [policy, count] = restart.split(':');
  if (count !== undefined && !/^\d+$/.test(count)) return { kind: 'client', text: 'docker: invalid restart policy format: maximum retry count must be an integer' };
  if (has(p, 'rm') && restart !== 'no') return { kind: 'client', text: 'docker: conflicting options: cannot specify both --restart and --rm' };
  if (!RESTART_POLICIES.includes(policy!)) return { kind: 'daemon', text: `invalid restart policy: unknown policy '${policy}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'` };
  if (count !== undefined && policy !== 'on-failure') return { kind: 'daemon', text: `invalid restart policy: maximum retry count can only be used with 'on-failure'` };
  const limits = { memory: memory ?? 0, memorySwap: swap ?? (memory ? memory * 2 : 0), nanoCpus: cpus ?? 0, cpuShares: shares ?? 0 };
  const bad = limitsError(limits);
  if (bad) return { kind: 'daemon', text: bad };
  return { labels, limits, init: has(p, 'init'), pull, restart };
}

/** dockerd's checks on limits (daemon/daemon_unix.go verifyPlatformContainerResources). */
export function limitsError(l: CgroupLimits): string | undefined {
  if (l.memory > 0 && l.memory < MIN_MEMORY) return 'Minimum memory limit allowed is 6MB';
  if (l.memory > 0 && l.memorySwap > 0 && l.memorySwap < l.memory) return 'Minimum memoryswap limit should be larger than memory limit, see usage';
  if (l.nanoCpus < 0 || l.nanoCpus > HOST_CPUS * 1e9 || (l.nanoCpus > 0 && l.nanoCpus < 1e7)) return `Range of CPUs is from 0.01 to ${HOST_CPUS}.00, as there are only ${HOST_CPUS} CPUs available`;
  return undefined;
}
