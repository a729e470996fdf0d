/**
 * The topology webview in headless Chromium (Debian's `chromium` driven by playwright-core):
 * the real bundle and the panel's HTML (with its CSP), fed a snapshot, deltas and a packet
 * trace as the host would send them. Asserts the SVG's nodes and links, measures the budgets
 * and saves screenshots to test-results/. Skipped, with the reason, when Chromium is missing.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { buildViewModel, diffViewModels, lastTrace, toViewTrace } from '../../src/engine/view';
import { PROTOCOL_VERSION, type HostMessage } from '../../src/protocol/messages';
import type { ViewModel } from '../../src/protocol/view-model';
import { topologyHtml } from '../../src/host/topology/html';
import { validateWebviewMessage } from '../../src/protocol/validate';
import { bareShell } from '../unit/helpers';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const OUT = resolve('test-results/webview');
const v = PROTOCOL_VERSION;

const SETUP = [
  'ip netns add red',
  'ip netns add blue',
  'ip link add br0 type bridge',
  'ip link set br0 up',
  'ip addr add 10.0.0.1/24 dev br0',
  'ip link add veth-red type veth peer name veth-red-br',
  'ip link add veth-blue type veth peer name veth-blue-br',
  'ip link set veth-red netns red',
  'ip link set veth-blue netns blue',
  'ip link set veth-red-br master br0',
  'ip link set veth-blue-br master br0',
  'ip link set veth-red-br up',
  'ip link set veth-blue-br up',
  'ip -n red addr add 10.0.0.2/24 dev veth-red',
  'ip -n red link set veth-red up',
  'ip -n red link set lo up',
  'ip -n red route add default via 10.0.0.1',
  'ip -n blue addr add 10.0.0.3/24 dev veth-blue',
];

async function launch(): Promise<Browser | string> {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`;
  try {
    const { chromium } = await import('playwright-core');
    return await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'] });
  } catch (e) {
    return `Chromium did not start: ${String(e).split('\n')[0]}`;
  }
}

describe('topology webview in headless Chromium', function () {
  this.timeout(90_000);
  let browser: Browser | undefined;
  let page: Page;
  const problems: string[] = [];
  const sent = () => page.evaluate(() => (window as unknown as { __sent: { type: string; [k: string]: unknown }[] }).__sent);
  const send = (msg: HostMessage) => page.evaluate((m) => window.postMessage(m, '*'), msg);
  const count = (selector: string) => page.locator(selector).count();

  before(async function () {
    const launched = await launch();
    if (typeof launched === 'string') {
      console.log(`    (skipped: ${launched})`);
      this.skip();
    }
    browser = launched as Browser;
    mkdirSync(OUT, { recursive: true });
    await build({ entryPoints: ['webview/main.ts'], bundle: true, minify: true, format: 'iife', target: 'es2022', outfile: join(OUT, 'main.js'), logLevel: 'warning' });
    const html = topologyHtml({ cspSource: 'file:', nonce: 'test0nce0000000000000000000000000', scriptUri: 'main.js', styleUri: pathToFileURL(resolve('media/topology.css')).href });
    writeFileSync(join(OUT, 'index.html'), html);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    // A string, not a function: tsx's helpers (__name) do not exist in the page.
    await page.addInitScript(`
      window.__sent = [];
      window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__sent.push(m) });
      document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));
    `);
    await page.goto(pathToFileURL(join(OUT, 'index.html')).href);
    await page.waitForFunction(() => (window as unknown as { __sent: { type: string }[] }).__sent.some((m) => m.type === 'ready'));
  });

  after(async () => {
    await browser?.close();
  });

  it('the bundle stays under 300 KB minified', () => {
    const size = statSync(join(OUT, 'main.js')).size;
    console.log(`    webview bundle: ${(size / 1024).toFixed(1)} KB minified`);
    assert.ok(size < 300 * 1024, `${size} bytes`);
  });

  let model: ViewModel;
  const shell = bareShell();

  it('draws a snapshot: one SVG group per node and one line per link, with state classes and ARIA labels', async () => {
    SETUP.forEach((l) => shell.run(l));
    model = buildViewModel(shell.world);
    await send({ v, type: 'snapshot', world: 'test', model, positions: {} });
    assert.equal(await count('svg#topology g.node'), model.nodes.length);
    const members = model.nodes.filter((n) => n.parent !== null).length;
    assert.equal(await count('svg#topology line.wire'), model.edges.length + members);
    assert.equal(await count('line.wire.kind-veth'), 2);
    assert.equal(await count('line.wire.kind-port'), 2);
    const blue = model.nodes.find((n) => n.label === 'veth-blue')!;
    const g = page.locator(`g.node[data-id="${blue.id}"]`);
    assert.match((await g.getAttribute('class'))!, /state-down/);
    assert.equal(await g.getAttribute('aria-label'), 'interface veth-blue, down, 10.0.0.3/24');
    assert.match((await page.locator('g.node.kind-netns', { hasText: 'red' }).first().textContent())!, /red/);
    await page.screenshot({ path: join(OUT, '1-snapshot.png') });
  });

  it('applies deltas: new nodes appear, old ones keep their place, updates change only their node', async () => {
    const positionOf = (id: string) => page.locator(`g.node[data-id="${id}"]`).getAttribute('transform');
    const br = model.nodes.find((n) => n.label === 'br0')!;
    const before = await positionOf(br.id);
    const lines = ['ip -n blue link set veth-blue up', 'ip netns add green', 'ip link add veth-green type veth peer name veth-green-br', 'ip link set veth-green netns green', 'ip link set veth-green-br master br0'];
    lines.forEach((l) => shell.run(l));
    const after = buildViewModel(shell.world);
    const delta = diffViewModels(model, after);
    await send({ v, type: 'delta', delta });
    model = after;
    await page.waitForTimeout(400);
    assert.equal(await count('svg#topology g.node'), model.nodes.length);
    assert.equal(await positionOf(br.id), before, 'an existing node stays where it was');
    const blue = model.nodes.find((n) => n.label === 'veth-blue')!;
    assert.match((await page.locator(`g.node[data-id="${blue.id}"]`).getAttribute('class'))!, /state-up/);
    assert.equal(await count('g.node.kind-netns[aria-label="network namespace green"]'), 1);
    // veth-green-br keeps its id when it moves into green: its membership wire follows it.
    shell.run('ip link set veth-green-br netns green');
    const movedModel = buildViewModel(shell.world);
    await send({ v, type: 'delta', delta: diffViewModels(model, movedModel) });
    model = movedModel;
    const moved = model.nodes.find((n) => n.label === 'veth-green-br')!;
    assert.equal(await count(`line.wire.kind-member[data-id="member:${moved.id}"]`), 1);
    const wireEnds = await page.evaluate((id) => {
      const line = document.querySelector(`line[data-id="member:${id}"]`) as unknown as { __data__: { target: { id: string } } };
      return line.__data__.target.id;
    }, moved.id);
    assert.equal(wireEnds, moved.parent);
    shell.run('ip netns del green');
    const gone = buildViewModel(shell.world);
    await send({ v, type: 'delta', delta: diffViewModels(model, gone) });
    model = gone;
    await page.waitForTimeout(400);
    assert.equal(await count('svg#topology g.node'), model.nodes.length);
    assert.equal(await count('g.node.kind-netns[aria-label="network namespace green"]'), 0);
  });

  it('animates a packet trace step by step and stops a dropped packet where it died, with the reason', async () => {
    shell.run('ip netns exec red ping -c 1 -W 1 192.168.1.3');
    const trace = toViewTrace(shell.world, lastTrace(shell.world)!);
    assert.ok(trace.drop, 'the host does not forward (ip_forward=0)');
    await send({ v, type: 'trace', trace });
    assert.equal(await count('#trace-events li'), trace.steps.length);
    assert.equal(await count('#trace-events li.current'), 1);
    for (let i = 0; i < trace.steps.length + 3; i++) await page.click('#trace-step');
    assert.equal(await count('g.node.trace-drop'), 1);
    assert.equal(await page.locator('g.node.trace-drop').getAttribute('data-id'), trace.drop.nodeId);
    assert.match((await page.locator('#trace-status').textContent())!, /Dropped: .*ip_forward/);
    await page.click('#trace-back');
    assert.equal(await count('g.node.trace-drop'), 0);
    await page.click('#trace-step');
    await page.screenshot({ path: join(OUT, '2-trace-drop.png') });
  });

  it('Export trace as pcap: enabled for a trace with frames, asks the host for it by seq, disabled for one without', async () => {
    const button = page.locator('#export-pcap');
    const shown = toViewTrace(shell.world, lastTrace(shell.world)!);
    assert.ok(shown.frames > 0, 'the dropped ping still crossed veth-red and veth-host');
    assert.equal(await button.getAttribute('disabled'), null);
    assert.deepEqual(JSON.parse((await page.locator('body').getAttribute('data-vscode-context'))!), { vethlabTraceFrames: true });
    await page.click('#export-pcap');
    const asked = (await sent()).filter((m) => m.type === 'exportPcap');
    assert.deepEqual(asked, [{ v, type: 'exportPcap', seq: shown.seq }]);
    assert.ok(validateWebviewMessage(asked[0]).ok);
    await send({ v, type: 'trace', trace: { ...shown, seq: shown.seq + 1, frames: 0 } });
    assert.equal(await button.getAttribute('disabled'), '');
    assert.deepEqual(JSON.parse((await page.locator('body').getAttribute('data-vscode-context'))!), { vethlabTraceFrames: false });
    await page.click('#export-pcap', { force: true });
    assert.equal((await sent()).filter((m) => m.type === 'exportPcap').length, 1);
    await send({ v, type: 'trace', trace: shown });
  });

  it('selecting a node (click or keyboard) shows its details and tells the host', async () => {
    const red = model.nodes.find((n) => n.kind === 'netns' && n.label === 'red')!;
    await page.locator(`g.node[data-id="${red.id}"]`).focus();
    await page.keyboard.press('Enter');
    assert.match((await page.locator('#details').textContent())!, /default via 10\.0\.0\.1 dev veth-red/);
    assert.ok((await sent()).some((m) => m.type === 'select' && m.id === red.id));
    await send({ v, type: 'reveal', id: model.nodes.find((n) => n.label === 'br0')!.id });
    assert.match((await page.locator('#details').textContent())!, /br0/);
  });

  it('exports SVG and PNG and saves positions through messages', async () => {
    await page.click('#export-svg');
    const svg = (await sent()).find((m) => m.type === 'exportSvg');
    assert.ok(svg && typeof svg.svg === 'string' && svg.svg.startsWith('<svg') && svg.svg.includes('veth-red'));
    await page.waitForFunction(() => (window as unknown as { __sent: { type: string }[] }).__sent.some((m) => m.type === 'positions'));
    await page.click('#export-png');
    await page.waitForFunction(() => (window as unknown as { __sent: { type: string }[] }).__sent.some((m) => m.type === 'exportPng' || m.type === 'error'));
    const png = (await sent()).find((m) => m.type === 'exportPng' || m.type === 'error')!;
    const checked = validateWebviewMessage(png);
    assert.ok(checked.ok && checked.value.type === 'exportPng', JSON.stringify(png).slice(0, 200));
    writeFileSync(join(OUT, 'export.png'), Buffer.from(checked.value.png, 'base64'));
    await page.click('#fit');
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(OUT, 'topology.png') });
  });

  it('draws Docker: containers in their namespace boxes, stopped ones down, networks wired to their bridges', async () => {
    const { world, host } = createWorld('docker')!;
    const docker = new Shell(world, host);
    ['docker network create backend', 'docker run -d --name web -p 8080:80 nginx', 'docker create --name later busybox'].forEach((l) => docker.run(l));
    const dockerModel = buildViewModel(docker.world);
    await send({ v, type: 'snapshot', world: 'docker', model: dockerModel, positions: {} });
    // The last world's boxes fade out (200 ms) before they leave the DOM.
    await page.waitForTimeout(400);
    assert.equal(await count('svg#topology g.node'), dockerModel.nodes.length);
    assert.equal(await count('g.node.kind-docker-network'), 2);
    assert.equal(await count('line.wire.kind-attachment'), 2);
    assert.equal(await count('g.node.kind-container.state-down'), 1);
    assert.match((await page.locator('g.node.kind-container:not(.state-down)').getAttribute('aria-label'))!, /web/);
    await page.screenshot({ path: join(OUT, '4-docker.png') });
  });

  it('plays curl through DNAT and back (NAT rewrite events), and traceroute with its TTL expiries, to the end without a drop', async () => {
    const { world, host } = createWorld('docker')!;
    const docker = new Shell(world, host);
    ['docker run -d --name web -p 8080:80 nginx', 'ip netns add red', 'ip link add veth-host type veth peer name veth-red', 'ip link set veth-red netns red', 'ip addr add 10.0.0.1/24 dev veth-host', 'ip link set veth-host up', 'ip -n red addr add 10.0.0.2/24 dev veth-red', 'ip -n red link set veth-red up', 'ip -n red route add default via 10.0.0.1', 'ip netns exec red curl -s -o /dev/null 10.0.0.1:8080'].forEach((l) => docker.run(l));
    await send({ v, type: 'snapshot', world: 'curl', model: buildViewModel(docker.world), positions: {} });
    await page.waitForTimeout(400);
    const curl = toViewTrace(docker.world, lastTrace(docker.world)!);
    await send({ v, type: 'trace', trace: curl });
    assert.equal(await count('#trace-events li'), curl.steps.length);
    assert.equal(await count('#trace-events li.kind-netfilter'), curl.steps.filter((st) => st.kind === 'netfilter').length);
    assert.match((await page.locator('#trace-events li.kind-netfilter').first().textContent())!, /DNAT 10\.0\.0\.1:8080 -> 172\.17\.0\.2:80/);
    for (let i = 0; i < curl.steps.length + 2; i++) await page.click('#trace-step');
    assert.equal(await count('g.node.trace-drop'), 0);
    assert.match((await page.locator('#trace-status').textContent())!, new RegExp(`^Step ${curl.steps.length} of ${curl.steps.length}: deliver$`));
    await page.screenshot({ path: join(OUT, '5-curl-dnat.png') });
    docker.run('traceroute -n 8.8.8.8');
    const tr = toViewTrace(docker.world, lastTrace(docker.world)!);
    await send({ v, type: 'trace', trace: tr });
    assert.equal(await count('#trace-events li.kind-ttl'), 1);
    assert.match((await page.locator('#trace-events li.kind-ttl').textContent())!, /^router: TTL EXPIRED: TTL of the packet to 8\.8\.8\.8 ran out in router$/);
    await page.locator('#trace-events li.kind-ttl').click();
    assert.equal(await page.locator('#trace-status').textContent(), `Step ${tr.steps.findIndex((st) => st.kind === 'ttl') + 1} of ${tr.steps.length}: TTL expired in router`);
  });

  it('budgets: a 1,000-node world renders in under 1 s, a one-command delta applies in under 16 ms', async () => {
    const big = bareShell();
    big.run('ip link add br0 type bridge');
    for (let i = 0; i < 333; i++) {
      big.run(`ip netns add n${i}`);
      big.run(`ip link add v${i} type veth peer name p${i}`);
      big.run(`ip link set p${i} netns n${i}`);
      big.run(`ip link set v${i} master br0`);
    }
    const bigModel = buildViewModel(big.world);
    assert.ok(bigModel.nodes.length >= 1000, `${bigModel.nodes.length} nodes`);
    // Each snapshot is a new world (nothing kept from the last one): the median of three full renders.
    const renders: number[] = [];
    for (let i = 0; i < 3; i++) {
      await send({ v, type: 'snapshot', world: `big ${i}`, model: bigModel, positions: {} });
      renders.push(await page.evaluate(() => (window as unknown as { vethlabTopology: { timings: { render: number } } }).vethlabTopology.timings.render));
    }
    const render = renders.sort((a, b) => a - b)[1]!;
    assert.equal(await count('svg#topology g.node'), bigModel.nodes.length);
    big.run('ip link set v7 up');
    const delta = diffViewModels(bigModel, buildViewModel(big.world));
    const deltas: number[] = [];
    for (let i = 0; i < 5; i++) {
      await send({ v, type: 'delta', delta });
      deltas.push(await page.evaluate(() => (window as unknown as { vethlabTopology: { timings: { delta: number } } }).vethlabTopology.timings.delta));
    }
    deltas.sort((a, b) => a - b);
    console.log(`    ${bigModel.nodes.length} nodes rendered in ${render.toFixed(0)} ms (median of 3: ${renders.map((r) => r.toFixed(0)).join(', ')} ms); one-command delta applied in ${deltas[2]!.toFixed(2)} ms (median of 5)`);
    await page.screenshot({ path: join(OUT, '3-thousand-nodes.png') });
    assert.ok(render < 1000, `render ${render} ms`);
    assert.ok(deltas[2]! < 16, `delta ${deltas[2]} ms`);
  });

  it('raised no page errors and no CSP violations', () => {
    assert.deepEqual(problems, []);
  });
});
