/** World -> view model, deltas keyed by stable ids, and packet traces pinned to view nodes. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyViewDelta, buildViewModel, diffViewModels, lastTrace, toViewTrace } from '../../src/engine/view';
import type { ViewModel } from '../../src/protocol/view-model';
import { isEmptyDelta } from '../../src/protocol/view-model';
import { bareShell } from './helpers';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';
import { RED_ON_HOST } from './helpers';

const SETUP = RED_ON_HOST;

function node(model: ViewModel, kind: string, label: string) {
  const found = model.nodes.find((n) => n.kind === kind && n.label === label);
  assert.ok(found, `no ${kind} ${label} in ${model.nodes.map((n) => `${n.kind}:${n.label}`).join(', ')}`);
  return found;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const sorted = (m: ViewModel): ViewModel => ({ nodes: [...m.nodes].sort(byId), edges: [...m.edges].sort(byId) });

describe('view model', () => {
  it('draws the bare world: host, its root namespace, eth0 cabled to the LAN, router and internet', () => {
    const shell = bareShell();
    const model = buildViewModel(shell.world);
    const host = node(model, 'host', 'host');
    const root = node(model, 'netns', 'host (root)');
    assert.equal(root.parent, host.id);
    const eth0 = model.nodes.find((n) => n.label === 'eth0' && n.parent === root.id)!;
    assert.deepEqual(eth0.addresses, ['192.168.1.2/24']);
    assert.equal(eth0.state, 'up');
    const lan = node(model, 'lan', 'LAN switch');
    const router = node(model, 'router', 'router');
    const internet = node(model, 'internet', 'internet');
    assert.ok(internet.addresses.includes('8.8.8.8/32'));
    assert.ok(router.addresses.includes('192.168.1.1/24'));
    const cables = model.edges.filter((e) => e.kind === 'cable');
    assert.ok(cables.some((e) => e.source === eth0.id && e.target === lan.id));
    assert.ok(cables.some((e) => [e.source, e.target].includes(router.id) && [e.source, e.target].includes(lan.id)));
    assert.ok(cables.some((e) => [e.source, e.target].includes(router.id) && [e.source, e.target].includes(internet.id)));
    assert.ok(!model.nodes.some((n) => n.label === 'lo'), 'loopback is a detail of its namespace');
    assert.ok(root.details.some(([k, v]) => k === 'route' && v === 'default via 192.168.1.1 dev eth0'));
  });

  it('a veth pair is one edge between its ends, in their namespaces, with state and addresses', () => {
    const shell = bareShell();
    SETUP.slice(0, 3).forEach((l) => shell.run(l));
    let model = buildViewModel(shell.world);
    const red = node(model, 'netns', 'red');
    let vethRed = node(model, 'interface', 'veth-red');
    assert.equal(vethRed.parent, red.id);
    assert.equal(vethRed.state, 'down');
    assert.deepEqual(vethRed.addresses, []);
    let edge = model.edges.find((e) => e.kind === 'veth')!;
    assert.equal(edge.state, 'down');
    SETUP.slice(3).forEach((l) => shell.run(l));
    model = buildViewModel(shell.world);
    vethRed = node(model, 'interface', 'veth-red');
    assert.equal(vethRed.state, 'up');
    assert.deepEqual(vethRed.addresses, ['10.0.0.2/24']);
    edge = model.edges.find((e) => e.kind === 'veth')!;
    assert.equal(edge.state, 'up');
    assert.deepEqual([edge.source, edge.target].sort(), [vethRed.id, node(model, 'interface', 'veth-host').id].sort());
  });

  it('one end up and the peer down shows as no carrier', () => {
    const shell = bareShell();
    ['ip link add va type veth peer name vb', 'ip link set va up'].forEach((l) => shell.run(l));
    const model = buildViewModel(shell.world);
    assert.equal(node(model, 'interface', 'va').state, 'no-carrier');
    assert.equal(node(model, 'interface', 'vb').state, 'down');
  });

  it('bridge ports are edges to the bridge; a port of a down bridge is down', () => {
    const shell = bareShell();
    ['ip link add br0 type bridge', 'ip link add v1 type veth peer name v1p', 'ip link set v1 master br0', 'ip link set v1 up', 'ip link set v1p up'].forEach((l) => shell.run(l));
    let model = buildViewModel(shell.world);
    const br = node(model, 'bridge', 'br0');
    const v1 = node(model, 'interface', 'v1');
    const port = model.edges.find((e) => e.kind === 'port')!;
    assert.deepEqual([port.source, port.target], [v1.id, br.id]);
    shell.run('ip link set br0 up');
    model = buildViewModel(shell.world);
    assert.equal(model.edges.find((e) => e.kind === 'port')!.state, 'up');
    shell.run('ip link set v1 nomaster');
    model = buildViewModel(shell.world);
    assert.equal(model.edges.filter((e) => e.kind === 'port').length, 0);
  });

  it('ids are stable: the same object keeps its id across changes, and a rebuilt model is identical', () => {
    const shell = bareShell();
    SETUP.forEach((l) => shell.run(l));
    const a = buildViewModel(shell.world);
    assert.deepEqual(buildViewModel(shell.world), a);
    const before = node(a, 'interface', 'veth-red').id;
    shell.run('ip -n red link set veth-red down');
    shell.run('ip netns add blue');
    assert.equal(node(buildViewModel(shell.world), 'interface', 'veth-red').id, before);
  });
});

describe('view delta', () => {
  const cases: { name: string; lines: string[]; added: string[]; updated: string[]; removed: string[] }[] = [
    { name: 'ip netns add adds one namespace', lines: ['ip netns add blue'], added: ['netns:blue'], updated: [], removed: [] },
    { name: 'ip link set down updates that interface and its peer (no carrier)', lines: ['ip -n red link set veth-red down'], added: [], updated: ['interface:veth-host', 'interface:veth-red'], removed: [] },
    { name: 'ip addr add updates one interface', lines: ['ip -n red addr add 10.0.0.9/24 dev veth-red'], added: [], updated: ['interface:veth-red'], removed: [] },
    { name: 'ip netns del removes the namespace and its interfaces', lines: ['ip netns del red'], added: [], updated: [], removed: ['netns:red', 'interface:veth-red', 'interface:veth-host'] },
    { name: 'a failing command changes nothing', lines: ['ip link add veth-host type veth peer name x'], added: [], updated: [], removed: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const shell = bareShell();
      SETUP.forEach((l) => shell.run(l));
      const before = buildViewModel(shell.world);
      c.lines.forEach((l) => shell.run(l));
      const after = buildViewModel(shell.world);
      const delta = diffViewModels(before, after);
      const name = (id: string, model: ViewModel) => {
        const n = model.nodes.find((x) => x.id === id)!;
        return `${n.kind}:${n.label}`;
      };
      assert.deepEqual(delta.addedNodes.map((n) => `${n.kind}:${n.label}`), c.added);
      assert.deepEqual(delta.updatedNodes.filter((n) => n.kind !== 'netns').map((n) => `${n.kind}:${n.label}`), c.updated);
      assert.deepEqual(delta.removedNodes.map((id) => name(id, before)).sort(), [...c.removed].sort());
      assert.deepEqual(sorted(applyViewDelta(before, delta)), sorted(after));
    });
  }

  it('an unchanged world gives an empty delta', () => {
    const shell = bareShell();
    const model = buildViewModel(shell.world);
    assert.ok(isEmptyDelta(diffViewModels(model, buildViewModel(shell.world))));
  });

  it('property: applying the delta of any two states of random command sequences gives the later state', () => {
    const steps = ['ip netns add n1', 'ip netns add n2', 'ip link add va type veth peer name vb', 'ip link set vb netns n1', 'ip link set va up', 'ip -n n1 link set vb up', 'ip addr add 10.1.0.1/24 dev va', 'ip link add br0 type bridge', 'ip link set va master br0', 'ip link set br0 up', 'ip netns del n1', 'ip link del br0', 'ip link set eth0 down'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...steps), { maxLength: 12 }), fc.nat(12), (lines, cut) => {
        const shell = bareShell();
        const at = Math.min(cut, lines.length);
        lines.slice(0, at).forEach((l) => shell.run(l));
        const before = buildViewModel(shell.world);
        lines.slice(at).forEach((l) => shell.run(l));
        const after = buildViewModel(shell.world);
        const delta = diffViewModels(before, after);
        assert.deepEqual(sorted(applyViewDelta(before, delta)), sorted(after));
        const ids = new Set(after.nodes.map((n) => n.id));
        assert.equal(ids.size, after.nodes.length, 'node ids are unique');
        for (const e of after.edges) assert.ok(ids.has(e.source) && ids.has(e.target), `edge ${e.id} ends on nodes`);
      }),
      { numRuns: 60 },
    );
  });
});

describe('view trace', () => {
  it('ping across a veth records hops on the view nodes, without a drop', () => {
    const shell = bareShell();
    SETUP.forEach((l) => shell.run(l));
    shell.run('ping -c 1 10.0.0.2');
    const recorded = lastTrace(shell.world)!;
    assert.equal(recorded.label, 'ping 10.0.0.2');
    const trace = toViewTrace(shell.world, recorded);
    const model = buildViewModel(shell.world);
    const ids = new Set(model.nodes.map((n) => n.id));
    assert.ok(trace.steps.length > 0);
    for (const s of trace.steps) assert.ok(ids.has(s.nodeId), `step at ${s.nodeId} (${s.kind}: ${s.detail})`);
    assert.ok(trace.steps.some((s) => s.nodeId === node(model, 'interface', 'veth-red').id));
    assert.equal(trace.drop, null);
  });

  it('a ping that cannot connect sends nothing and records no trace', () => {
    const shell = bareShell();
    ['ip netns add red', 'ip -n red link set lo up'].forEach((l) => shell.run(l));
    shell.run('ping -c 1 192.168.1.3');
    assert.equal(lastTrace(shell.world)!.seq, 1);
    shell.run('ip netns exec red ping -c 1 -W 1 8.8.8.8');
    assert.equal(lastTrace(shell.world)!.seq, 1);
  });

  it('ip_forward=0 drops a forwarded packet in the host, and the view says so', () => {
    const shell = bareShell();
    SETUP.forEach((l) => shell.run(l));
    shell.run('ip -n red route add default via 10.0.0.1');
    shell.run('ip netns exec red ping -c 1 -W 1 192.168.1.3');
    const trace = toViewTrace(shell.world, lastTrace(shell.world)!);
    assert.ok(trace.drop, 'dropped');
    assert.match(trace.drop.reason, /ip_forward/);
    assert.equal(trace.steps[trace.drop.step]!.kind, 'drop');
    const model = buildViewModel(shell.world);
    const hostRoot = node(model, 'netns', 'host (root)');
    const at = model.nodes.find((n) => n.id === trace.drop!.nodeId)!;
    assert.ok(at.id === hostRoot.id || at.parent === hostRoot.id, `died in the host, not at ${at.label}`);
  });
});

describe('view model: Docker objects', () => {
  it('containers are boxes holding eth0, wired by veth to their network bridge; networks are boxes on that bridge', () => {
    const { world, host } = createWorld('docker')!;
    const shell = new Shell(world, host);
    const run = shell.run('docker run -d --name web -p 8080:80 nginx');
    assert.equal(run.exitCode, 0, run.stderr);
    const model = buildViewModel(world);
    const web = node(model, 'container', 'web');
    assert.equal(web.state, 'up');
    assert.ok(web.details.some(([k, v]) => k === 'port' && /8080 -> 80\/tcp/.test(v)));
    const eth0 = model.nodes.find((n) => n.parent === web.id && n.label === 'eth0')!;
    assert.deepEqual(eth0.addresses, ['172.17.0.2/16']);
    const docker0 = node(model, 'bridge', 'docker0');
    const bridgeNet = node(model, 'docker-network', 'bridge');
    assert.deepEqual(bridgeNet.addresses, ['172.17.0.0/16']);
    assert.ok(model.edges.some((e) => e.kind === 'attachment' && e.source === bridgeNet.id && e.target === docker0.id));
    const veth = model.edges.find((e) => e.kind === 'veth' && (e.source === eth0.id || e.target === eth0.id))!;
    const hostEnd = veth.source === eth0.id ? veth.target : veth.source;
    assert.ok(model.edges.some((e) => e.kind === 'port' && e.source === hostEnd && e.target === docker0.id));
    shell.run('docker stop web');
    const stopped = buildViewModel(world);
    assert.equal(node(stopped, 'container', 'web').state, 'down');
    const delta = diffViewModels(model, stopped);
    assert.ok(delta.removedNodes.includes(eth0.id));
  });
});
