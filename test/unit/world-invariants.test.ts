import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { inPrefix, networkOf } from '../../src/engine/net/ipv4';
import { TABLE_MAIN } from '../../src/engine/net/types';
import type { World } from '../../src/engine/world';
import { bareShell } from './helpers';

/** The kernel's structural invariants, checked against the whole world. */
function checkInvariants(world: World, context: string): void {
  const { links, netns } = world.state;
  const index = world.linkIndex();
  for (const link of Object.values(links)) {
    assert.ok(netns[link.nsId], `${context}: ${link.name} lives in a namespace that exists`);
    if (link.kind === 'veth') {
      const peer = link.peerId === null ? undefined : links[link.peerId];
      assert.ok(peer && peer.peerId === link.id, `${context}: veth ${link.name} and its peer point at each other`);
    }
    if (link.masterId !== null) {
      const master = links[link.masterId];
      assert.ok(master?.kind === 'bridge', `${context}: ${link.name}'s master is a bridge`);
      assert.equal(master.nsId, link.nsId, `${context}: bridge port ${link.name} is in its bridge's namespace`);
    }
    assert.ok(index.byNs.get(link.nsId)?.includes(link), `${context}: the link index has ${link.name}`);
  }
  for (const ns of Object.values(netns)) {
    const mine = Object.values(links).filter((l) => l.nsId === ns.id);
    assert.equal(new Set(mine.map((l) => l.name)).size, mine.length, `${context}: link names are unique per namespace`);
    assert.equal(new Set(mine.map((l) => l.ifindex)).size, mine.length, `${context}: ifindexes are unique per namespace`);
    assert.deepEqual(index.byNs.get(ns.id)?.map((l) => l.id) ?? [], [...mine].sort((a, b) => a.ifindex - b.ifindex).map((l) => l.id), `${context}: index order`);
    for (const route of ns.routes) {
      if (route.linkId === null) continue;
      assert.equal(links[route.linkId]?.nsId, ns.id, `${context}: routes use links of their namespace`);
    }
    for (const addr of ns.addrs) {
      const link = links[addr.linkId];
      assert.equal(link?.nsId, ns.id, `${context}: addresses sit on links of their namespace`);
      if (addr.family !== 4 || addr.secondary || addr.prefixLen >= 31 || link!.kind === 'loopback') continue;
      const connected = ns.routes.some((r) => r.table === TABLE_MAIN && r.proto === 'kernel' && r.linkId === addr.linkId && r.dst === networkOf(addr.local, addr.prefixLen) && r.len === addr.prefixLen);
      assert.equal(connected, link!.adminUp, `${context}: connected route of ${link!.name} exists exactly while it is up`);
    }
    for (const route of ns.routes) {
      if (route.table !== TABLE_MAIN || route.proto !== 'kernel' || route.linkId === null) continue;
      assert.ok(links[route.linkId]!.adminUp, `${context}: kernel route on a down link`);
      assert.ok(ns.addrs.some((a) => a.family === 4 && a.linkId === route.linkId && inPrefix(a.local, route.dst, route.len)), `${context}: kernel route without its address`);
    }
  }
}

const NS = ['red', 'blue'];
const LINKS = ['veth-red', 'veth-blue', 'br0', 'v1', 'v1-br'];
const command = fc.oneof(
  fc.constantFrom(...NS).map((n) => `ip netns add ${n}`),
  fc.constantFrom(...NS).map((n) => `ip netns del ${n}`),
  fc.tuple(fc.constantFrom(...LINKS), fc.constantFrom(...LINKS)).map(([a, b]) => `ip link add ${a} type veth peer name ${b}`),
  fc.constant('ip link add br0 type bridge'),
  fc.tuple(fc.constantFrom(...NS, ''), fc.constantFrom(...LINKS), fc.constantFrom('up', 'down')).map(([n, l, s]) => `ip ${n ? `-n ${n} ` : ''}link set ${l} ${s}`),
  fc.tuple(fc.constantFrom(...LINKS), fc.constantFrom(...NS)).map(([l, n]) => `ip link set ${l} netns ${n}`),
  fc.tuple(fc.constantFrom(...LINKS), fc.constantFrom('master br0', 'nomaster')).map(([l, m]) => `ip link set ${l} ${m}`),
  fc.tuple(fc.constantFrom(...NS, ''), fc.constantFrom(...LINKS), fc.integer({ min: 1, max: 3 }), fc.constantFrom(24, 32, 16)).map(([n, l, h, p]) => `ip ${n ? `-n ${n} ` : ''}addr add 192.168.15.${h}/${p} dev ${l}`),
  fc.tuple(fc.constantFrom(...NS, ''), fc.constantFrom(...LINKS)).map(([n, l]) => `ip ${n ? `-n ${n} ` : ''}addr flush dev ${l}`),
  fc.constantFrom('ip link del veth-red', 'ip link del br0', 'ip link del v1-br', 'ip netns exec red ping -c 1 -W 1 192.168.15.2', 'ping -c 1 -W 1 192.168.15.1'),
  fc.tuple(fc.constantFrom(...NS, ''), fc.constantFrom('192.168.15.0/24', 'default')).map(([n, d]) => `ip ${n ? `-n ${n} ` : ''}route add ${d} via 192.168.15.3`),
);

/**
 * The world as a learner can observe it. One kernel quirk is left out: a veth whose peer name
 * clashes fails after the peer took an ifindex (recorded in ip-link.txt), so the allocator
 * cursor may move on a failed `ip link add`.
 */
function observable(world: World): string {
  return JSON.stringify(world.state, (key, value) => (key === 'nextIfindex' ? undefined : value));
}

describe('world invariants under random command sequences', () => {
  it('hold after every command, and a failing command changes nothing', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 25 }), (lines) => {
        const shell = bareShell();
        for (const line of lines) {
          const before = observable(shell.world);
          const r = shell.run(line);
          if (r.exitCode !== 0 && !line.includes('ping')) assert.equal(observable(shell.world), before, `failed command changed the world: ${line}: ${r.stderr}`);
          checkInvariants(shell.world, line);
        }
      }),
      { numRuns: 400, seed: 2026 },
    );
  });
});
