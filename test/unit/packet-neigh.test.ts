import { strict as assert } from 'node:assert';
import { linkByName } from '../../src/engine/net/links';
import type { Netns } from '../../src/engine/net/types';
import { refreshNeighbours } from '../../src/engine/packet/walk';
import type { Shell } from '../../src/shell/shell';
import { bridged, ip, ns, ping, vethPair } from './packet-fixtures';

function state(sh: Shell, where: Netns, addr: string): string | undefined {
  refreshNeighbours(sh.world, where);
  return where.neigh.find((n) => n.ip === ip(addr))?.state;
}

describe('neighbour cache (ARP) over simulated time', () => {
  it('the asker gets REACHABLE; the answerer learns it STALE, then DELAY when it replies', () => {
    const sh = vethPair();
    const red = ns(sh, 'red');
    const blue = ns(sh, 'blue');
    ping(sh, 'red', '192.168.15.2');
    assert.equal(state(sh, red, '192.168.15.2'), 'REACHABLE');
    assert.equal(state(sh, blue, '192.168.15.1'), 'DELAY');
  });

  it('DELAY probes after 5 s and becomes REACHABLE; REACHABLE goes STALE after base_reachable_time', () => {
    const sh = vethPair();
    const red = ns(sh, 'red');
    const blue = ns(sh, 'blue');
    ping(sh, 'red', '192.168.15.2');
    sh.world.clock.set(6000);
    assert.equal(state(sh, blue, '192.168.15.1'), 'REACHABLE');
    sh.world.clock.set(29000);
    assert.equal(state(sh, red, '192.168.15.2'), 'REACHABLE');
    sh.world.clock.set(30000);
    assert.equal(state(sh, red, '192.168.15.2'), 'STALE');
    assert.equal(state(sh, blue, '192.168.15.1'), 'REACHABLE');
    sh.world.clock.set(35000);
    assert.equal(state(sh, blue, '192.168.15.1'), 'STALE');
  });

  it('an unanswered resolution is INCOMPLETE for 3 s (3 broadcast probes), then FAILED', () => {
    const sh = vethPair();
    const red = ns(sh, 'red');
    ping(sh, 'red', '192.168.15.9');
    sh.world.clock.set(2999);
    assert.equal(state(sh, red, '192.168.15.9'), 'INCOMPLETE');
    sh.world.clock.set(3000);
    assert.equal(state(sh, red, '192.168.15.9'), 'FAILED');
    const veth = linkByName(sh.world, red.id, 'veth-red')!;
    assert.deepEqual([veth.stats.txPackets, veth.stats.txBytes], [3, 3 * 42]);
  });

  it('a STALE entry in use is re-validated by a unicast probe, not a broadcast', () => {
    const sh = vethPair();
    const red = ns(sh, 'red');
    ping(sh, 'red', '192.168.15.2');
    sh.world.clock.set(40000);
    ping(sh, 'red', '192.168.15.2');
    assert.equal(state(sh, red, '192.168.15.2'), 'DELAY');
    sh.world.clock.set(45000);
    assert.equal(state(sh, red, '192.168.15.2'), 'REACHABLE');
  });

  it('a neighbour that went away: the probe fails and the entry ends FAILED', () => {
    const sh = vethPair();
    const red = ns(sh, 'red');
    ping(sh, 'red', '192.168.15.2');
    sh.world.clock.set(40000);
    ping(sh, 'red', '192.168.15.2');
    sh.run('ip -n blue addr del 192.168.15.2/24 dev veth-blue');
    sh.world.clock.set(50000);
    assert.equal(state(sh, red, '192.168.15.2'), 'FAILED');
  });
});

describe('bridge forwarding database', () => {
  it('learns each source MAC on the port it came in, then forwards instead of flooding', () => {
    const sh = bridged();
    const root = ns(sh, null);
    const bridge = linkByName(sh.world, root.id, 'v-net-0')!;
    const redMac = linkByName(sh.world, ns(sh, 'red').id, 'veth-red')!.mac;
    const blueMac = linkByName(sh.world, ns(sh, 'blue').id, 'veth-blue')!.mac;
    sh.world.clock.set(1234);
    const result = ping(sh, 'red', '192.168.15.2');
    const port = (mac: string) => bridge.bridge!.fdb.find((e) => e.mac === mac);
    assert.equal(port(redMac)?.portId, linkByName(sh.world, root.id, 'veth-red-br')!.id);
    assert.equal(port(blueMac)?.portId, linkByName(sh.world, root.id, 'veth-blue-br')!.id);
    assert.equal(port(redMac)?.updatedAt, 1234);
    const bridgeHops = result.trace.hops.filter((h) => h.kind === 'bridge').map((h) => h.detail);
    assert.ok(result.trace.hops.some((h) => h.detail === 'ARP request goes up to v-net-0'), 'the broadcast also reaches the host');
    assert.ok(bridgeHops.some((d) => d.includes('forwards to veth-red-br (FDB)')), 'the reply goes to the learned port');
  });

  it('frames for the bridge MAC go up to the host stack; the host answers ARP for its bridge address', () => {
    const sh = bridged();
    const result = ping(sh, 'red', '192.168.15.5');
    assert.equal(result.deliveries.filter((d) => d.packet.icmp?.type === 'echo-reply').length, 1);
    assert.ok(result.trace.hops.some((h) => h.detail.includes('goes up to v-net-0')));
  });

  it('a bridge without the host address still switches between its ports', () => {
    const sh = bridged({ hostAddr: false });
    assert.equal(ping(sh, 'blue', '192.168.15.1').deliveries.length, 1);
  });
});

describe('bridge forwarding database ageing', () => {
  it('after ageing_time (300 s) an unknown unicast destination is flooded again', () => {
    const sh = bridged();
    ping(sh, 'red', '192.168.15.2');
    sh.world.clock.set(400_000);
    const result = ping(sh, 'red', '192.168.15.2');
    assert.ok(result.trace.hops.some((h) => h.kind === 'bridge' && h.detail.includes('floods')));
    assert.equal(result.deliveries.length, 1);
  });
});

describe('bridge loops', () => {
  it('two bridges joined twice (no STP) do not hang the walker', () => {
    const sh = bridged();
    for (const l of ['ip link add br-b type bridge', 'ip link add a1 type veth peer name b1', 'ip link add a2 type veth peer name b2', 'ip link set a1 master v-net-0', 'ip link set a2 master v-net-0', 'ip link set b1 master br-b', 'ip link set b2 master br-b']) sh.run(l);
    for (const dev of ['br-b', 'a1', 'a2', 'b1', 'b2']) sh.run(`ip link set ${dev} up`);
    const result = ping(sh, 'red', '192.168.15.77');
    assert.ok(result.trace.drops.some((d) => d.reason.includes('the bridges form a loop')));
  });
});
