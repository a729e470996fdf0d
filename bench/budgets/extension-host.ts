/**
 * The extension host's budgets, measured on the shipped dist/extension.js loaded in this process
 * against the fake 'vscode' API: activation, a 30-cell lab opened and run through the notebook
 * controller (Run All), and the host's memory with a lab whose world holds 2,000 containers.
 */
import Module from 'node:module';
import { basename, dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fakeContext, fakeVscode, loadWithFake, type FakeVscode } from './fake-vscode';
import { heapAfterGc } from './memory';

const NOTEBOOK_TYPE = 'vethlab-notebook';

interface Extension {
  activate(context: unknown): void;
  deactivate(): void;
}

export interface Activated {
  fake: FakeVscode;
  context: ReturnType<typeof fakeContext>;
  /** require() of the bundle plus activate(), as the extension host does on the activation event. */
  ms: number;
  /** The same in CPU time of this process (user + system): steadier than wall time on a loaded machine. */
  cpuMs: number;
}

export function activateExtension(bundle: string): Activated {
  const fake = fakeVscode();
  const context = fakeContext();
  const cpu = process.cpuUsage();
  const start = performance.now();
  loadWithFake<Extension>(bundle, fake.api).activate(context);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { fake, context, ms, cpuMs: (used.user + used.system) / 1000 };
}

export function deactivate(activated: Activated): void {
  for (const d of activated.context.subscriptions) d.dispose();
}

/** Files of the extension's folder in the module cache: what activation loaded (dist/engine.js should wait for first use). */
export function loadedBundles(bundle: string): string[] {
  const req = Module.createRequire(bundle);
  return Object.keys(req.cache).filter((f) => dirname(f) === dirname(bundle) && f !== require.main?.filename).map((f) => basename(f)).sort();
}

export interface ActivationTiming {
  coldMs: number;
  coldCpuMs: number;
  medianMs: number;
  /** The bundles in the module cache right after the first activation. */
  loaded: string[];
  /** Opening a one-cell lab right after activation: deserializing it loads the simulator (dist/engine.js) first. */
  firstUseMs: number;
  firstUseCpuMs: number;
}

/** Cold (first load in this process) and the median of warm reloads, each a fresh fake host; then the first use's cost. */
export function timeActivation(bundle: string, runs = 15): ActivationTiming {
  const first = activateExtension(bundle);
  const loaded = loadedBundles(bundle);
  const cpu = process.cpuUsage();
  const start = performance.now();
  openLab(first, 'first.lab.md', '# First\n\n```sh\nip -br a\n```\n');
  const firstUseMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  deactivate(first);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = activateExtension(bundle);
    samples.push(a.ms);
    deactivate(a);
  }
  samples.sort((a, b) => a - b);
  return { coldMs: first.ms, coldCpuMs: first.cpuMs, medianMs: samples[Math.floor(runs / 2)]!, loaded, firstUseMs, firstUseCpuMs: (used.user + used.system) / 1000 };
}

/** A lab of `steps` shell cells (a namespace each, on one bridge) and `steps` check cells, prose between. */
export function generatedLab(steps: number): string {
  const parts = ['---', 'title: Benchmark lab', 'world: bare', '---', '# Benchmark lab', ''];
  for (let i = 1; i <= steps; i++) {
    parts.push(`## Namespace ns${i}`, '', '```sh');
    if (i === 1) parts.push('ip link add br0 type bridge', 'ip addr add 10.0.0.1/24 dev br0', 'ip link set br0 up');
    parts.push(
      `ip netns add ns${i}`,
      `ip link add v${i} type veth peer name v${i}-br`,
      `ip link set v${i} netns ns${i}`,
      `ip link set v${i}-br master br0`,
      `ip link set v${i}-br up`,
      `ip -n ns${i} addr add 10.0.0.${i + 1}/24 dev v${i}`,
      `ip -n ns${i} link set v${i} up`,
      '```',
      '',
      '```check',
      `link v${i} in ns${i} is UP`,
      `ns${i} can ping 10.0.0.1`,
      '  hint: the bridge has 10.0.0.1',
      '```',
      '',
    );
  }
  return parts.join('\n');
}

interface FakeCell {
  kind: number;
  document: { uri: { toString(): string }; languageId: string; getText(): string };
  notebook: unknown;
}

/** Deserializes the lab through the registered serializer, as opening the file does. */
export function openLab(activated: Activated, name: string, text: string): { notebook: unknown; code: FakeCell[] } {
  const serializer = activated.fake.serializers.get(NOTEBOOK_TYPE);
  if (!serializer) throw new Error('the extension registered no notebook serializer');
  const data = serializer.deserializeNotebook(new TextEncoder().encode(text));
  const notebook = { uri: { path: `/bench/${name}`, toString: () => `file:///bench/${name}` }, metadata: data.metadata ?? {} };
  const cells: FakeCell[] = data.cells.map((c, i) => ({
    kind: c.kind,
    document: { uri: { toString: () => `vscode-notebook-cell:/bench/${name}#${i}` }, languageId: c.languageId, getText: () => c.value },
    notebook,
  }));
  return { notebook, code: cells.filter((c) => c.kind === 2) };
}

/** Run All: every code cell through the controller's execute handler, in order. */
export async function runAll(activated: Activated, lab: { notebook: unknown; code: FakeCell[] }): Promise<{ ok: number; failed: number }> {
  const controller = activated.fake.controllers[0];
  if (!controller) throw new Error('the extension created no notebook controller');
  const before = activated.fake.executions.length;
  await controller.executeHandler(lab.code, lab.notebook, controller);
  const runs = activated.fake.executions.slice(before);
  return { ok: runs.filter((e) => e.success === true).length, failed: runs.filter((e) => e.success !== true).length };
}

export interface LabTiming { cells: number; openMs: number; runAllMs: number; ok: number; failed: number }

export async function timeLab(bundle: string, steps = 15): Promise<LabTiming> {
  const activated = activateExtension(bundle);
  try {
    const text = generatedLab(steps);
    const t0 = performance.now();
    const lab = openLab(activated, 'bench-30.lab.md', text);
    const t1 = performance.now();
    const result = await runAll(activated, lab);
    return { cells: lab.code.length, openMs: t1 - t0, runAllMs: performance.now() - t1, ...result };
  } finally {
    deactivate(activated);
  }
}

export function containersLab(count: number): string {
  const lines = ['---', 'title: 2,000 containers', 'world: docker', '---', '```sh', 'docker network create benchnet'];
  for (let i = 1; i <= count; i++) lines.push(`docker run -d --name c${i} --network benchnet alpine sleep 1d >/dev/null`);
  lines.push('docker ps -q | wc -l', '```', '');
  return lines.join('\n');
}

export interface HostMemory {
  containers: number;
  /** Heap after GC and RSS in MB: the process alone, after activation, once the simulator loaded (a lab opened), after the cell. */
  stages: { name: string; heapMB: number; rssMB: number }[];
  heapDeltaMB: number;
  rssDeltaMB: number;
  runMs: number;
  ok: boolean;
  listed: string;
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

/**
 * In this process: activate the extension, open a lab whose cell starts `count` containers, run it;
 * heap (after GC) and RSS at each stage. Run it in a fresh process (host-process.ts): the extension host
 * is a Node process holding the extension and its worlds.
 */
export async function hostMemory(bundle: string, count = 2000): Promise<HostMemory> {
  const stages: HostMemory['stages'] = [];
  const stage = (name: string) => {
    const m = heapAfterGc();
    stages.push({ name, heapMB: mb(m.heapUsed), rssMB: mb(m.rss) });
    return m;
  };
  stage('process');
  const activated = activateExtension(bundle);
  try {
    stage('activated');
    const lab = openLab(activated, 'containers.lab.md', containersLab(count));
    const before = stage('simulator loaded, lab open');
    const t0 = performance.now();
    const result = await runAll(activated, lab);
    const runMs = performance.now() - t0;
    const after = stage(`${count} containers`);
    const last = activated.fake.executions[activated.fake.executions.length - 1];
    const printed = (last?.outputs.flat() ?? []).map((o) => o.text).join('\n');
    const listed = printed.match(/^(\d+)$/m)?.[1] ?? '';
    return {
      containers: count,
      stages,
      heapDeltaMB: (after.heapUsed - before.heapUsed) / 1e6,
      rssDeltaMB: (after.rss - before.rss) / 1e6,
      runMs,
      ok: result.ok === 1 && result.failed === 0 && listed === String(count),
      listed,
    };
  } finally {
    deactivate(activated);
  }
}
