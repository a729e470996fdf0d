/**
 * Issue 4's benchmark: 2,000 containers on one user-defined network started in-process (budget
 * 1 s), names resolved by the embedded DNS and a ping between two of them, whose cost must not grow
 * with the number of containers (O(path)), and the memory each container costs.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createDockerWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';
import { heapAfterGc } from './memory';

/** Array methods that walk (or move) every element of the array they are called on. */
const WALKING = ['find', 'findIndex', 'findLast', 'findLastIndex', 'filter', 'some', 'every', 'map', 'flatMap', 'forEach', 'indexOf', 'lastIndexOf', 'includes', 'reduce', 'reduceRight', 'join', 'slice', 'concat', 'sort', 'splice', 'unshift', 'shift', 'reverse'] as const;

/**
 * The work of `fn` as elements of arrays walked: every call of a walking Array method, every
 * iteration (for-of, spread, Array.from) counts the array's length, every Object.keys/values/
 * entries the keys it returns. A lookup through a Map or a binary search counts nothing, a linear
 * scan of the containers or links counts them all: a figure that tells O(path) from O(world)
 * without a clock. (A `for-in` loop over an object is not seen.)
 */
export function elementsWalked<T>(fn: () => T): { result: T; walked: number } {
  let walked = 0;
  const proto = Array.prototype as unknown as Record<PropertyKey, (...args: unknown[]) => unknown>;
  const saved: Array<[PropertyKey, unknown]> = [];
  const patch = (name: PropertyKey) => {
    const original = proto[name]!;
    saved.push([name, original]);
    proto[name] = function (this: unknown[], ...args: unknown[]) {
      walked += this.length;
      return original.apply(this, args);
    };
  };
  for (const name of WALKING) patch(name);
  patch(Symbol.iterator);
  const { keys, values, entries } = Object;
  Object.keys = (o: object) => ((r) => ((walked += r.length), r))(keys(o));
  Object.values = (o: object) => ((r) => ((walked += r.length), r))(values(o)) as never;
  Object.entries = (o: object) => ((r) => ((walked += r.length), r))(entries(o)) as never;
  try {
    const result = fn();
    return { result, walked };
  } finally {
    for (const [name, original] of saved) proto[name] = original as (...args: unknown[]) => unknown;
    Object.assign(Object, { keys, values, entries });
  }
}

export interface DockerScale {
  containers: number;
  startMs: number;
  /** CPU time of the start (user + system): steadier than wall time on a loaded machine. */
  startCpuMs: number;
  /** The same for this thread alone (Linux, 10 ms ticks): without V8's compiler and GC helper threads; undefined elsewhere. */
  startMainCpuMs: number | undefined;
  perContainerKB: number;
  resolved: boolean;
  pinged: boolean;
  /** `docker exec cA ping -c 1 cB` at this size, and with only 2 containers on the network. */
  pingMs: number;
  pingSmallMs: number;
  /** Elements of arrays the ping walks beyond `docker exec` itself (elementsWalked): the clock-free figure. */
  pingWalked: number;
  pingWalkedSmall: number;
  failures: string[];
}

/** This thread's CPU time in ms from /proc (utime + stime, in USER_HZ ticks of 10 ms), or undefined where there is none. */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

function startContainers(count: number): { shell: Shell; ms: number; cpuMs: number; mainCpuMs: number | undefined; heapBytes: number; failures: string[] } {
  const { world, host } = createDockerWorld();
  const shell = new Shell(world, host);
  shell.run('docker network create benchnet');
  const failures: string[] = [];
  const before = heapAfterGc().heapUsed;
  const cpu = process.cpuUsage();
  const main = mainThreadCpuMs();
  const t0 = performance.now();
  for (let i = 1; i <= count; i++) {
    const r = shell.run(`docker run -d --name c${i} --network benchnet alpine sleep 1d`);
    if (r.exitCode !== 0 && failures.length < 3) failures.push(`c${i}: ${r.stderr.trim()}`);
  }
  const ms = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  const mainAfter = mainThreadCpuMs();
  const mainCpuMs = main !== undefined && mainAfter !== undefined ? mainAfter - main : undefined;
  return { shell, ms, cpuMs: (used.user + used.system) / 1000, mainCpuMs, heapBytes: heapAfterGc().heapUsed - before, failures };
}

/** Median time of a few pings from the first container to the last, by name. */
function timePing(shell: Shell, from: string, to: string, runs = 5): { ms: number; ok: boolean } {
  const samples: number[] = [];
  let ok = true;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = shell.run(`docker exec ${from} ping -c 1 ${to}`);
    samples.push(performance.now() - t0);
    ok &&= r.exitCode === 0 && /1 packets received/.test(r.stdout);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(runs / 2)]!, ok };
}

/** What `docker exec FROM ping -c 1 TO` walks beyond `docker exec FROM hostname` (the resolver and the packets). */
export function pingWork(shell: Shell, from: string, to: string): number {
  shell.run(`docker exec ${from} hostname`); // once unmeasured: what a first command after another world's does (the guard's tallies)
  const exec = elementsWalked(() => shell.run(`docker exec ${from} hostname`)).walked;
  return elementsWalked(() => shell.run(`docker exec ${from} ping -c 1 ${to}`)).walked - exec;
}

export function dockerScale(count = 2000): DockerScale {
  const small = startContainers(2);
  // The same steps on both worlds (the lookup leaves the same neighbour state for the pings after it).
  small.shell.run('docker exec c1 nslookup c2');
  const pingSmall = timePing(small.shell, 'c1', 'c2');
  const walkedSmall = pingWork(small.shell, 'c1', 'c2');
  const big = startContainers(count);
  const lookup = big.shell.run(`docker exec c1 nslookup c${count}`);
  const ping = timePing(big.shell, 'c1', `c${count}`);
  return {
    containers: count,
    startMs: big.ms,
    startCpuMs: big.cpuMs,
    startMainCpuMs: big.mainCpuMs,
    perContainerKB: big.heapBytes / count / 1024,
    resolved: lookup.exitCode === 0 && /Address:?\s+172\./.test(lookup.stdout.split(/\n\n/).slice(1).join('\n')),
    pinged: ping.ok && pingSmall.ok,
    pingMs: ping.ms,
    pingSmallMs: pingSmall.ms,
    pingWalked: pingWork(big.shell, 'c1', `c${count}`),
    pingWalkedSmall: walkedSmall,
    failures: big.failures,
  };
}
