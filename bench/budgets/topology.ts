/**
 * The topology webview's budgets in headless Chromium (Debian's chromium through playwright-core),
 * as test/webview/topology.test.ts drives it: the shipped dist/webview/main.js in the panel's own
 * HTML, a 1,000-node world sent as a snapshot (first render), then one command's delta. The
 * timings are the webview's own (window.vethlabTopology.timings), so the message transport is left out.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBareWorld } from '../../src/engine/presets';
import { buildViewModel, diffViewModels } from '../../src/engine/view';
import { topologyHtml } from '../../src/host/topology/html';
import { PROTOCOL_VERSION, type HostMessage } from '../../src/protocol/messages';
import { Shell } from '../../src/shell/shell';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export type TopologyTiming = { nodes: number; renderMs: number; renders: number[]; deltaMs: number } | { skipped: string };

/** 333 namespaces on one bridge: 1,000 and more nodes (namespaces, veth ends, the bridge, the bare world). */
function thousandNodeWorld(): Shell {
  const { world, host } = createBareWorld();
  const shell = new Shell(world, host);
  shell.run('ip link add br0 type bridge');
  for (let i = 0; i < 333; i++) {
    shell.run(`ip netns add n${i}`);
    shell.run(`ip link add v${i} type veth peer name p${i}`);
    shell.run(`ip link set p${i} netns n${i}`);
    shell.run(`ip link set v${i} master br0`);
  }
  return shell;
}

export async function timeTopology(root: string): Promise<TopologyTiming> {
  const bundle = join(root, 'dist', 'webview', 'main.js');
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)` };
  if (!existsSync(bundle)) return { skipped: 'no dist/webview/main.js (npm run build)' };
  const dir = mkdtempSync(join(tmpdir(), 'vethlab-bench-webview-'));
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'] });
  try {
    copyFileSync(bundle, join(dir, 'main.js'));
    const html = topologyHtml({ cspSource: 'file:', nonce: 'bench0nce000000000000000000000000', scriptUri: 'main.js', styleUri: pathToFileURL(join(root, 'media', 'topology.css')).href });
    writeFileSync(join(dir, 'index.html'), html);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(`window.__sent = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__sent.push(m) });`);
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    await page.waitForFunction(() => (window as unknown as { __sent: { type: string }[] }).__sent.some((m) => m.type === 'ready'));
    const send = (msg: HostMessage) => page.evaluate((m) => window.postMessage(m, '*'), msg);
    const timing = (key: 'render' | 'delta') =>
      page.evaluate((k) => (window as unknown as { vethlabTopology: { timings: Record<string, number> } }).vethlabTopology.timings[k]!, key);

    const shell = thousandNodeWorld();
    const model = buildViewModel(shell.world);
    const renders: number[] = [];
    for (let i = 0; i < 3; i++) {
      await send({ v: PROTOCOL_VERSION, type: 'snapshot', world: `bench ${i}`, model, positions: {} });
      renders.push(await timing('render'));
    }
    shell.run('ip link set v7 up');
    const delta = diffViewModels(model, buildViewModel(shell.world));
    const deltas: number[] = [];
    for (let i = 0; i < 5; i++) {
      await send({ v: PROTOCOL_VERSION, type: 'delta', delta });
      deltas.push(await timing('delta'));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return { nodes: model.nodes.length, renderMs: median(renders), renders, deltaMs: median(deltas) };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
