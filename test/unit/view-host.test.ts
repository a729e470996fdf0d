/** The host side of the topology view: the page's CSP, the world registry, the feed of snapshot/deltas/traces, the webview's layout state. */
import assert from 'node:assert/strict';
import { topologyHtml, makeNonce } from '../../src/host/topology/html';
import { TopologyFeed } from '../../src/host/topology/feed';
import { WorldRegistry } from '../../src/host/worlds';
import { onWorldSettled } from '../../src/host/world-changes';
import { buildViewModel, diffViewModels } from '../../src/engine/view';
import { TopologyState } from '../../webview/state';
import { bareShell } from './helpers';

describe('topology panel HTML', () => {
  const html = topologyHtml({ cspSource: 'vscode-webview://abc', nonce: 'N0nce', scriptUri: 'vscode-webview://abc/dist/webview/main.js', styleUri: 'vscode-webview://abc/media/topology.css' });
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
  const directives = new Map(csp.split(/;\s*/).map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

  it("denies everything by default and allows scripts only with the nonce", () => {
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), ["'nonce-N0nce'"]);
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval') && !csp.includes('http'), csp);
  });

  it('styles, fonts and images only from the webview itself; no remote loads', () => {
    assert.deepEqual(directives.get('style-src'), ['vscode-webview://abc']);
    assert.deepEqual(directives.get('font-src'), ['vscode-webview://abc']);
    assert.deepEqual(directives.get('img-src'), ['vscode-webview://abc', 'data:']);
  });

  it('every script tag carries the nonce and there is no inline script or handler', () => {
    const scripts = html.match(/<script[^>]*>/g)!;
    assert.equal(scripts.length, 1);
    assert.match(scripts[0]!, /nonce="N0nce" src="vscode-webview:\/\/abc\/dist\/webview\/main\.js"/);
    assert.doesNotMatch(html, /<script[^>]*>[^<]+<\/script>/);
    assert.doesNotMatch(html, /\son[a-z]+=/);
    assert.doesNotMatch(html, /https?:\/\//);
  });

  it('has ARIA labels on the toolbar, the drawing and the trace', () => {
    assert.match(html, /role="toolbar" aria-label="Topology"/);
    assert.match(html, /<svg id="topology" role="group" aria-label="Network topology/);
    assert.match(html, /<ol id="trace-events" aria-label="Packet events">/);
  });

  it('nonces are 32 alphanumeric characters', () => {
    let n = 7;
    const nonce = makeNonce(() => (n = (n * 1103515245 + 12345) >>> 0));
    assert.match(nonce, /^[A-Za-z0-9]{32}$/);
  });
});

describe('world registry', () => {
  it('the last registered or activated world is active; closing it falls back to the previous one', () => {
    const reg = new WorldRegistry();
    const seen: (string | undefined)[] = [];
    reg.onDidChangeActive((e) => seen.push(e?.label));
    const a = reg.register(bareShell().world, 'terminal 1');
    const b = reg.register(bareShell().world, 'lab 05');
    assert.equal(reg.active, b);
    reg.activate(a);
    reg.activate(a);
    assert.equal(reg.active, a);
    a.dispose();
    assert.equal(reg.active, b);
    b.dispose();
    assert.equal(reg.active, undefined);
    assert.deepEqual(seen, ['terminal 1', 'lab 05', 'terminal 1', 'lab 05', undefined]);
  });
});

describe('topology feed', () => {
  it('one delta per command (changes are coalesced), none when nothing changed, and each new trace once', async () => {
    const shell = bareShell();
    const feed = new TopologyFeed(shell.world, 'terminal 1');
    const [snap] = feed.snapshot({});
    assert.equal(snap!.type, 'snapshot');
    const batches: string[][] = [];
    onWorldSettled(shell.world, () => batches.push(feed.changes().map((m) => m.type)));
    shell.run('ip link add v1 type veth peer name v2');
    await Promise.resolve();
    shell.run('ip link add v1 type veth peer name v2');
    await Promise.resolve();
    shell.run('ping -c 1 192.168.1.1');
    await Promise.resolve();
    assert.deepEqual(batches, [['delta'], ['delta', 'trace']]);
  });
});

describe('webview layout state', () => {
  it('nodes keep their positions across deltas; new nodes start next to their parent; removed ones go', () => {
    const shell = bareShell();
    const before = buildViewModel(shell.world);
    const state = new TopologyState();
    state.snapshot('w', before, {});
    for (const n of state.nodes.values()) {
      n.x += 1000;
      n.y -= 50;
    }
    const kept = state.positions();
    shell.run('ip netns add red');
    shell.run('ip link add v1 type veth peer name v2');
    const after = buildViewModel(shell.world);
    const added = state.apply(diffViewModels(before, after));
    assert.equal(added.length, 3);
    for (const [id, p] of Object.entries(kept)) assert.deepEqual(state.positions()[id], p, id);
    const red = [...state.nodes.values()].find((n) => n.label === 'red')!;
    const host = state.nodes.get(red.parent!)!;
    assert.ok(Math.hypot(red.x - host.x, red.y - host.y) < 400, 'red starts near its host');
    shell.run('ip netns del red');
    state.apply(diffViewModels(after, buildViewModel(shell.world)));
    assert.ok(![...state.nodes.values()].some((n) => n.label === 'red'));
  });

  it('a snapshot uses saved positions (and pins) for the same world, places the rest', () => {
    const model = buildViewModel(bareShell().world);
    const id = model.nodes[0]!.id;
    const state = new TopologyState();
    state.snapshot('lab', model, { [id]: { x: 5, y: 6, pinned: true } });
    const n = state.nodes.get(id)!;
    assert.deepEqual([n.x, n.y, n.fx, n.fy, n.pinned], [5, 6, 5, 6, true]);
    assert.deepEqual(state.positions()[id], { x: 5, y: 6, pinned: true });
    const ids = Object.keys(state.positions());
    assert.equal(new Set(ids.map((k) => `${state.positions()[k]!.x},${state.positions()[k]!.y}`)).size, ids.length, 'no two nodes on one spot');
  });
});
