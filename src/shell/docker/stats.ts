/**
 * docker stats --no-stream: one sample per running container (docker/cli's columns, recorded).
 * CPU: a busy loop uses one CPU, capped by --cpus; when busy containers want more than the host's
 * CPUs they share by --cpu-shares. Memory: the processes' resident size against the cgroup limit.
 * NET I/O and BLOCK I/O: stats-io.ts.
 */
import { findContainer, imageOf } from '../../engine/docker/containers';
import { cpuCap, HOST_CPUS, memoryLimit, memoryUsage } from '../../engine/docker/cgroups';
import { processTree } from '../../engine/docker/procs';
import type { Container } from '../../engine/docker/types';
import { Output, type CommandResult, success } from '../types';
import { usageError, type DockerCtx, errorResponse } from './context';
import { has, last, parseFlags, flagSpecs } from './flags';
import { formatRows } from './ps';
import { tabwrite } from './table';
import { blockWritten, ioPair, netBytes } from './stats-io';

/** A main process that never sleeps: `while true; do :; done`, `yes`, stress --cpu. */
export function isBusy(c: Container): boolean {
  const text = [c.path, ...c.args].join(' ');
  return /while (?:true|:); do :; done/.test(text) || /^yes\b|\byes >/.test(text) || /\bstress(?:-ng)? .*--cpu\b/.test(text) || /\bsha256sum \/dev\/zero\b/.test(text);
}

/** CPU % of each busy container: min(100, cap), scaled down by shares when the host is oversubscribed. */
export function cpuPercents(list: Container[]): Map<Container, number> {
  const busy = list.filter((c) => c.state === 'running' && isBusy(c));
  const want = new Map(busy.map((c) => [c, Math.min(100, cpuCap(c))]));
  const total = [...want.values()].reduce((a, b) => a + b, 0);
  const capacity = HOST_CPUS * 100;
  const out = new Map<Container, number>();
  if (total <= capacity) {
    for (const [c, w] of want) out.set(c, w);
    return out;
  }
  const shares = (c: Container) => c.limits?.cpuShares || 1024;
  const weight = busy.reduce((a, c) => a + shares(c), 0);
  for (const c of busy) out.set(c, Math.min(want.get(c)!, (capacity * shares(c)) / weight));
  return out;
}

function bytesSize(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number(v.toPrecision(4))}${units[i]}`;
}

const HEADERS: Record<string, string> = { Container: 'CONTAINER', ID: 'CONTAINER ID', Name: 'NAME', CPUPerc: 'CPU %', MemUsage: 'MEM USAGE / LIMIT', MemPerc: 'MEM %', NetIO: 'NET I/O', BlockIO: 'BLOCK I/O', PIDs: 'PIDS' };

export function dockerStats(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('no-stream a|all format= no-trunc'), true);
  if (!parsed.ok) return usageError('stats', parsed.error);
  const p = parsed.value;
  const out = new Output();
  let list: Container[];
  if (p.args.length > 0) {
    list = [];
    for (const ref of p.args) {
      const c = findContainer(d.daemon, ref);
      if (!c) return { stdout: '', stderr: errorResponse(`No such container: ${ref}\n`), exitCode: 1 };
      list.push(c);
    }
  } else list = d.daemon.containers.filter((c) => has(p, 'all') || c.state === 'running' || c.state === 'paused').reverse();
  const cpu = cpuPercents(d.daemon.containers);
  const rows = list.map((c) => {
    const image = imageOf(d.daemon, c);
    const used = memoryUsage(c, image && [c.path, ...c.args].join(' ') === [...(image.entrypoint ?? []), ...image.cmd].join(' ') ? image.service : 'shell');
    const limit = memoryLimit(c);
    const up = c.state === 'running' || c.state === 'paused';
    const net = netBytes(d.sh.world, c);
    return {
      BlockIO: ioPair(0, up ? blockWritten(c) : 0),
      CPUPerc: `${(cpu.get(c) ?? 0).toFixed(2)}%`,
      Container: p.args.length > 0 ? p.args[list.indexOf(c)]! : c.id.slice(0, 12),
      ID: has(p, 'no-trunc') ? c.id : c.id.slice(0, 12),
      MemPerc: `${((used / limit) * 100).toFixed(2)}%`,
      MemUsage: `${bytesSize(used)} / ${bytesSize(limit)}`,
      Name: c.name,
      NetIO: ioPair(net.rx, net.tx),
      PIDs: String(up ? processTree(c, image).length : 0),
    };
  });
  const format = last(p, 'format');
  if (format === 'json' || format === '{{json .}}') return success(rows.map((r) => JSON.stringify(r) + '\n').join(''));
  if (format !== undefined) return formatRows(format, rows, HEADERS);
  const cols = ['ID', 'Name', 'CPUPerc', 'MemUsage', 'MemPerc', 'NetIO', 'BlockIO', 'PIDs'];
  out.out(tabwrite([cols.map((k) => HEADERS[k]!), ...rows.map((r) => cols.map((k) => (r as Record<string, string>)[k]!))]));
  return out.done(0);
}
