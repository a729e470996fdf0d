/**
 * A container's cgroup limits (HostConfig.Memory, MemorySwap, NanoCpus, CpuShares) as dockerd
 * stores them, the flag parsers docker/cli uses for them (go-units RAMInBytes, a rational
 * --cpus), and the memory a container's processes use (for `docker stats` and the OOM killer).
 */
import type { Container } from './types';

export interface CgroupLimits {
  /** Bytes; 0 = unlimited. */
  memory: number;
  /** Bytes of memory + swap; 0 = unset (twice --memory when only --memory is given), -1 = unlimited. */
  memorySwap: number;
  /** CPUs x 1e9; 0 = unlimited. */
  nanoCpus: number;
  /** Relative weight; 0 = the default (1024). */
  cpuShares: number;
}

export const NO_LIMITS: CgroupLimits = { memory: 0, memorySwap: 0, nanoCpus: 0, cpuShares: 0 };

/** CPUs of the simulated host (what `docker info` reports as CPUs, and --cpus's upper bound). */
export const HOST_CPUS = 2;
/** Memory of the simulated host (MemTotal), bytes. */
export const HOST_MEMORY = 25_275_953_152;
/** The smallest --memory dockerd accepts (6 MiB). */
export const MIN_MEMORY = 6 * 1024 * 1024;

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** go-units RAMInBytes: "64m", "1g", "512k", "1.5GiB", "100" (bytes). undefined when invalid. */
export function ramInBytes(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?) ?([kmgtp]?)(?:i?b)?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = UNITS[m[2]!.toLowerCase()];
  return unit === undefined ? undefined : Math.floor(Number(m[1]) * unit);
}

/** --cpus as NanoCPUs (big.Rat in docker/cli); undefined when not a number. */
export function nanoCpus(text: string): number | undefined {
  if (!/^\d*\.?\d+$/.test(text.trim())) return undefined;
  return Math.round(Number(text) * 1e9);
}

export function limitsOf(c: Container): CgroupLimits {
  return c.limits ?? NO_LIMITS;
}

/** The memory limit in force (the host's memory when unlimited), bytes. */
export function memoryLimit(c: Container): number {
  const m = limitsOf(c).memory;
  return m > 0 ? m : HOST_MEMORY;
}

/** Resident memory of the container's processes, bytes (a fixed figure per image kind). */
export function memoryUsage(c: Container, service: string): number {
  if (c.state !== 'running' && c.state !== 'paused') return 0;
  const base: Record<string, number> = { nginx: 9_187_328, httpd: 7_729_152, redis: 4_079_616, postgres: 38_846_464, registry: 6_995_968 };
  // Recorded: busybox's `sleep 300` alone in its cgroup uses 328KiB.
  if (service === 'shell' && c.path === 'sleep') return 335_872;
  return base[service] ?? 593_920;
}

/** What the CPU share of the container is, as a percentage of one CPU (stats' CPU % when busy). */
export function cpuCap(c: Container): number {
  const n = limitsOf(c).nanoCpus;
  return n > 0 ? (n / 1e9) * 100 : HOST_CPUS * 100;
}

/** Commands that allocate without bound: the OOM killer ends them once they reach the limit. */
export function allocatesWithoutBound(argv: string[]): boolean {
  const text = argv.join(' ');
  return /\btail (?:-\S+ )*\/dev\/zero\b/.test(text) || /\bstress(?:-ng)? .*--vm(?:-bytes)?\b/.test(text) || /\bhead -c \S+ \/dev\/zero \| tail\b/.test(text);
}

/** cgroup v1 "unlimited" for memory.limit_in_bytes (PAGE_COUNTER_MAX pages, 4 KiB). */
const V1_UNLIMITED = '9223372036854771712';

/** The container's own cgroup files, as it sees them under /sys/fs/cgroup (cgroup v1, private cgroupns). */
export function cgroupFile(c: Container, path: string, usage: number): string | undefined {
  const l = limitsOf(c);
  switch (path) {
    case '/sys/fs/cgroup/memory/memory.limit_in_bytes':
      return (l.memory > 0 ? String(l.memory) : V1_UNLIMITED) + '\n';
    case '/sys/fs/cgroup/memory/memory.memsw.limit_in_bytes':
      return (l.memorySwap > 0 ? String(l.memorySwap) : V1_UNLIMITED) + '\n';
    case '/sys/fs/cgroup/memory/memory.usage_in_bytes':
      return `${usage}\n`;
    case '/sys/fs/cgroup/memory/memory.oom_control':
      return `oom_kill_disable 0\nunder_oom 0\noom_kill ${c.oomKilled ? 1 : 0}\n`;
    case '/sys/fs/cgroup/cpu/cpu.cfs_quota_us':
      return (l.nanoCpus > 0 ? String(Math.round(l.nanoCpus / 10_000)) : '-1') + '\n';
    case '/sys/fs/cgroup/cpu/cpu.cfs_period_us':
      return '100000\n';
    case '/sys/fs/cgroup/cpu/cpu.shares':
      return `${l.cpuShares || 1024}\n`;
    default:
      return undefined;
  }
}
