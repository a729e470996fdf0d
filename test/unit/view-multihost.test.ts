/** The view model is generic over hosts: the multi-host world draws every node with its namespaces and Docker networks, and traces cross hosts. */
import assert from 'node:assert/strict';
import { createWorld } from '../../src/engine/presets';
import { buildViewModel, diffViewModels, lastTrace, toViewTrace } from '../../src/engine/view';
import { Shell } from '../../src/shell/shell';

describe('view model: multi-host world', () => {
  it('draws each node as a host box with its root namespace, eth0 cabled to the LAN switch, and its docker0 network', () => {
    const { world, host } = createWorld('multi-host')!;
    const model = buildViewModel(world);
    const hosts = model.nodes.filter((n) => n.kind === 'host').map((n) => n.label);
    assert.deepEqual(hosts, ['node1', 'node2', 'node3']);
    for (const name of hosts) {
      const box = model.nodes.find((n) => n.kind === 'host' && n.label === name)!;
      const root = model.nodes.find((n) => n.kind === 'netns' && n.parent === box.id && n.label === `${name} (root)`);
      assert.ok(root, `${name} has its root namespace`);
      const eth0 = model.nodes.find((n) => n.parent === root.id && n.label === 'eth0')!;
      assert.ok(model.edges.some((e) => e.kind === 'cable' && (e.source === eth0.id || e.target === eth0.id)), `${name} eth0 is cabled`);
      assert.ok(model.nodes.some((n) => n.kind === 'docker-network' && n.parent === box.id && n.label === 'bridge'), `${name} has docker0's network`);
    }
    assert.equal(model.nodes.filter((n) => n.kind === 'lan').length, 1);
    assert.equal(host.name, 'node1');
  });

  it("a container on node2 appears in node2's box as a delta, and a ping from node1 to node2 walks through both hosts", () => {
    const { world, host } = createWorld('multi-host')!;
    const shell = new Shell(world, host);
    const before = buildViewModel(world);
    const node2 = world.state.hosts[Object.values(world.state.hosts).find((h) => h.name === 'node2')!.id]!;
    new Shell(world, node2).run('docker run -d --name web nginx');
    const after = buildViewModel(world);
    const delta = diffViewModels(before, after);
    const web = delta.addedNodes.find((n) => n.kind === 'container' && n.label === 'web')!;
    assert.ok(web, 'the container is added');
    assert.equal(after.nodes.find((n) => n.id === web.parent)?.label, 'node2');
    shell.run('ping -c 1 192.168.1.12');
    const trace = toViewTrace(world, lastTrace(world)!);
    assert.equal(trace.drop, null);
    const ids = new Set(after.nodes.map((n) => n.id));
    for (const s of trace.steps) assert.ok(ids.has(s.nodeId), s.nodeId);
    assert.ok(trace.steps.some((s) => s.where === 'node2 (root)'));
    assert.ok(trace.steps.some((s) => s.where === 'node1 (root)'));
  });
});
