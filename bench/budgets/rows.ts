/** Runs every extension budget and turns the figures into the table's rows. */
import { join } from 'node:path';
import { kb, shippedSizes } from './bundles';
import { dockerScale } from './docker-scale';
import { timeActivation, timeLab, type HostMemory } from './extension-host';
import { inFreshProcess } from './memory';
import type { BudgetRow } from './table';
import { timeTopology } from './topology';
import { swarmScale } from './swarm-scale';

const ms = (x: number) => (x < 10 ? `${x.toFixed(2)} ms` : `${x.toFixed(0)} ms`);
const BUNDLE_BUDGETS: Record<string, number> = { 'dist/extension.js + dist/engine.js': 1e6, 'dist/web/extension.js': 1e6, 'dist/webview/main.js': 300 * 1024 };

export async function extensionBudgets(root: string, log: (line: string) => void): Promise<BudgetRow[]> {
  const rows: BudgetRow[] = [];
  const bundle = join(root, 'dist', 'extension.js');

  const activation = timeActivation(bundle);
  log(`activation: first ${ms(activation.coldMs)} (${ms(activation.coldCpuMs)} CPU), median of 15 reloads ${ms(activation.medianMs)}; loaded ${activation.loaded.join(', ')}`);
  rows.push({ what: 'activation: load dist/extension.js + activate(), first in the process (CPU time; median of 15 reloads)', measured: `${ms(activation.coldMs)} (${ms(activation.coldCpuMs)} CPU; ${ms(activation.medianMs)})`, budget: '< 50 ms', met: activation.coldMs < 50 && !activation.loaded.includes('engine.js') });
  log(`first use (open a one-cell lab: loads dist/engine.js): ${ms(activation.firstUseMs)} (${ms(activation.firstUseCpuMs)} CPU)`);
  rows.push({ what: 'first use after activation: open a one-cell lab (loads the simulator, dist/engine.js)', measured: `${ms(activation.firstUseMs)} (${ms(activation.firstUseCpuMs)} CPU)`, budget: '' });

  const lab = await timeLab(bundle);
  log(`30-cell lab: ${lab.cells} code cells, open ${ms(lab.openMs)}, Run All ${ms(lab.runAllMs)}, ${lab.ok} ok, ${lab.failed} failed`);
  rows.push({ what: `open a ${lab.cells}-cell lab + Run All (notebook controller, fake notebook API)`, measured: `${ms(lab.openMs + lab.runAllMs)} (open ${ms(lab.openMs)}), ${lab.ok}/${lab.cells} cells ok`, budget: '', met: lab.failed === 0 && lab.cells === 30 ? undefined : false });

  const topology = await timeTopology(root);
  if ('skipped' in topology) {
    log(`topology: skipped, ${topology.skipped}`);
    rows.push({ what: 'topology: 1,000-node world, first render / one-command delta', measured: `not measured: ${topology.skipped}`, budget: '< 1 s / < 16 ms' });
  } else {
    log(`topology: ${topology.nodes} nodes rendered in ${ms(topology.renderMs)} (median of ${topology.renders.map((r) => r.toFixed(0)).join(', ')} ms), delta ${ms(topology.deltaMs)}`);
    rows.push({ what: `topology: ${topology.nodes}-node world, first render (median of 3)`, measured: ms(topology.renderMs), budget: '< 1 s', met: topology.renderMs < 1000 });
    rows.push({ what: 'topology: one-command delta on that world (median of 5)', measured: ms(topology.deltaMs), budget: '< 16 ms', met: topology.deltaMs < 16 });
  }

  for (const { file, bytes } of shippedSizes(root)) {
    const budget = BUNDLE_BUDGETS[file];
    rows.push({ what: file, measured: bytes === undefined ? 'missing (npm run build)' : kb(bytes), budget: budget ? (budget >= 1e6 ? '< 1 MB' : `< ${kb(budget)}`) : '', met: budget ? bytes !== undefined && bytes < budget : undefined });
  }

  // In a fresh Node process holding only the extension, as the extension host does (not this bench's process).
  const memory = inFreshProcess<HostMemory>(join(root, 'dist', 'bench-host.js'), [bundle, '2000']);
  log(`extension host with ${memory.containers} containers (one lab cell, ${ms(memory.runMs)}): heap +${memory.heapDeltaMB.toFixed(1)} MB, rss +${memory.rssDeltaMB.toFixed(1)} MB; docker ps -q | wc -l printed ${JSON.stringify(memory.listed)}`);
  log(`  fresh process, heap after GC / rss: ${memory.stages.map((s) => `${s.name} ${s.heapMB} / ${s.rssMB} MB`).join('; ')}`);
  const [alone, , , full] = memory.stages;
  rows.push({ what: `extension host memory with ${memory.containers} containers (fresh process: heap after GC; rss)`, measured: `${full?.heapMB} MB heap, ${full?.rssMB} MB rss (process alone ${alone?.heapMB} / ${alone?.rssMB} MB; +${memory.heapDeltaMB.toFixed(1)} MB heap for the containers)`, budget: '', met: memory.ok ? undefined : false });

  const docker = dockerScale(2000);
  const mainCpu = docker.startMainCpuMs !== undefined ? `, ${ms(docker.startMainCpuMs)} on the main thread` : '';
  log(`docker: ${docker.containers} containers started in ${ms(docker.startMs)} (${ms(docker.startCpuMs)} CPU${mainCpu}), ${docker.perContainerKB.toFixed(1)} KB each; DNS ${docker.resolved ? 'ok' : 'FAILED'}; ping ${docker.pinged ? 'ok' : 'FAILED'} ${ms(docker.pingMs)} (${ms(docker.pingSmallMs)} with 2 containers), ${docker.pingWalked} array elements walked (${docker.pingWalkedSmall})${docker.failures.length ? `; failures: ${docker.failures.join('; ')}` : ''}`);
  rows.push({ what: `${docker.containers} containers on one user-defined network, started in-process (wall time; process CPU incl. V8's helper threads, main thread)`, measured: `${ms(docker.startMs)} (${ms(docker.startCpuMs)} CPU${mainCpu})`, budget: '< 1 s', met: docker.startMs < 1000 && docker.failures.length === 0 });
  rows.push({ what: 'memory per container (heap after GC)', measured: `${docker.perContainerKB.toFixed(1)} KB`, budget: '' });
  rows.push({
    what: `DNS + ping c1 -> c${docker.containers} by name (with 2 containers)`,
    measured: `${docker.resolved && docker.pinged ? 'ok' : 'FAILED'}, ${ms(docker.pingMs)} (${ms(docker.pingSmallMs)}); ${docker.pingWalked} elements walked (${docker.pingWalkedSmall})`,
    budget: 'O(path): < 2x the 2-container ping',
    met: docker.resolved && docker.pinged && docker.pingMs < 2 * docker.pingSmallMs + 1,
  });
  const swarm = swarmScale();
  const swarmMs = swarm.createMs + swarm.psMs;
  log(`swarm: ${swarm.hosts} hosts, ${swarm.replicas}-replica service created and converged in ${ms(swarm.createMs)}, service ps ${ms(swarm.psMs)} (${ms(swarm.cpuMs)} CPU), ${swarm.running} running${swarm.failures.length ? `; failures: ${swarm.failures.join('; ')}` : ''}`);
  rows.push({ what: `swarm: ${swarm.hosts}-host swarm, ${swarm.replicas}-replica service converges + service ps prints (median of 5; CPU time)`, measured: `${ms(swarmMs)} (${ms(swarm.cpuMs)} CPU)`, budget: '< 50 ms', met: swarmMs < 50 && swarm.failures.length === 0 });
  return rows;
}
