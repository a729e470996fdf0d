/** Issue 5's budget: a 5-host swarm with a 100-replica service converges and `service ps` prints in < 50 ms in-process. */
import { performance } from 'node:perf_hooks';
import { createMultiHostWorld } from '../../src/engine/hosts/multihost';
import { Shell } from '../../src/shell/shell';

export interface SwarmScale {
  hosts: number;
  replicas: number;
  /** `docker service create -d --replicas 100` (tasks scheduled, their containers started). */
  createMs: number;
  /** `docker service ps web` (101 lines). */
  psMs: number;
  /** CPU time of both (the machine may be shared: wall time then includes waiting for a core). */
  cpuMs: number;
  running: number;
  failures: string[];
}

/** `network`: the service also joins an overlay of that name (each task then gets an overlay interface and IPVS for the VIP). */
function once(hosts: number, replicas: number, network?: string): SwarmScale {
  const { world, host } = createMultiHostWorld(0x5eed, hosts);
  const sh = new Shell(world, host);
  const failures: string[] = [];
  const run = (line: string) => {
    const r = sh.run(line);
    if (r.exitCode !== 0) failures.push(`${line}: ${r.stderr.trim()}`);
    return r.stdout;
  };
  run('docker swarm init');
  const token = run('docker swarm join-token -q worker').trim();
  for (let n = 2; n <= hosts; n++) run(`ssh node${n} docker swarm join --token ${token} 192.168.1.11:2377`);
  if (network) run(`docker network create -d overlay ${network}`);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  run(`docker service create -d --name web ${network ? `--network ${network} ` : ''}--replicas ${replicas} nginx`);
  const t1 = performance.now();
  const ps = run('docker service ps web');
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const running = (ps.match(/ Running +Running /g) ?? []).length;
  if (running !== replicas) failures.push(`service ps shows ${running} running tasks, not ${replicas}`);
  return { hosts, replicas, createMs: t1 - t0, psMs: t2 - t1, cpuMs: (cpu.user + cpu.system) / 1000, running, failures };
}

/** The median of 5 runs (by create + ps time), after one warm-up. */
export function swarmScale(hosts = 5, replicas = 100, network?: string): SwarmScale {
  once(hosts, replicas, network);
  const runs = Array.from({ length: 5 }, () => once(hosts, replicas, network)).sort((a, b) => a.createMs + a.psMs - (b.createMs + b.psMs));
  return runs[2]!;
}

if (require.main === module) {
  for (const network of [undefined, 'backend']) {
    const r = swarmScale(5, 100, network);
    console.log(`swarm: ${r.hosts} hosts, ${r.replicas} replicas${network ? ` on overlay ${network}` : ''}: service create ${r.createMs.toFixed(2)} ms, service ps ${r.psMs.toFixed(2)} ms, ${r.cpuMs.toFixed(2)} ms CPU (${r.running} running)${r.failures.length ? '; ' + r.failures.join('; ') : ''}`);
  }
}
