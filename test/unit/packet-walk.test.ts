import { strict as assert } from 'node:assert';
import { linkByName } from '../../src/engine/net/links';
import { setIpForward } from '../../src/engine/net/forwarding';
import { setPolicy } from '../../src/engine/netfilter/rules';
import { explain } from '../../src/engine/packet/walk';
import { firstDrop } from '../../src/engine/packet/trace';
import { bareShell } from './helpers';
import { bridged, echo, ip, masquerade, mustRun, ns, ping, replies, vethPair } from './packet-fixtures';

interface WalkCase {
  name: string;
  setup: () => ReturnType<typeof bareShell>;
  from: string | null;
  to: string;
  /** TTL of the echo reply, or null when none comes back. */
  ttl: number | null;
  /** explain() of the walk when nothing comes back. */
  why?: string | RegExp;
}

const forwarding = () => {
  const sh = bridged();
  mustRun(sh, ['ip netns exec blue ip route add default via 192.168.15.5']);
  setIpForward(ns(sh, null), true);
  return sh;
};

const CASES: WalkCase[] = [
  { name: 'same veth segment', setup: vethPair, from: 'red', to: '192.168.15.2', ttl: 64 },
  { name: 'back the other way', setup: vethPair, from: 'blue', to: '192.168.15.1', ttl: 64 },
  { name: 'through a bridge', setup: bridged, from: 'red', to: '192.168.15.2', ttl: 64 },
  { name: 'the host to a namespace on its bridge', setup: bridged, from: null, to: '192.168.15.1', ttl: 64 },
  { name: 'the LAN from the host', setup: bareShell, from: null, to: '192.168.1.3', ttl: 64 },
  { name: 'the router from the host', setup: bareShell, from: null, to: '192.168.1.1', ttl: 64 },
  { name: 'the internet through the router (MASQUERADE there)', setup: bareShell, from: null, to: '8.8.8.8', ttl: 63 },
  { name: 'loopback', setup: bareShell, from: null, to: '127.0.0.1', ttl: 64 },
  { name: 'own address', setup: bareShell, from: null, to: '192.168.1.2', ttl: 64 },
  { name: 'no route in the namespace', setup: bridged, from: 'blue', to: '192.168.1.3', ttl: null, why: 'no route to 192.168.1.3 in netns blue' },
  {
    name: 'host without ip_forward',
    setup: () => {
      const sh = bridged();
      mustRun(sh, ['ip netns exec blue ip route add 192.168.1.0/24 via 192.168.15.5']);
      return sh;
    },
    from: 'blue',
    to: '192.168.1.3',
    ttl: null,
    why: 'ip_forward=0 in the host: packet to 192.168.1.3 not forwarded',
  },
  { name: 'forwarded without NAT: no way back', setup: forwarding, from: 'blue', to: '192.168.1.3', ttl: null, why: '192.168.1.3 has no route back to 192.168.15.2 (replies go to its default gateway)' },
  {
    name: 'forwarded with MASQUERADE',
    setup: () => {
      const sh = forwarding();
      masquerade(sh, '192.168.15.0', 24);
      return sh;
    },
    from: 'blue',
    to: '192.168.1.3',
    ttl: 63,
  },
  {
    name: 'to the internet through two NATs',
    setup: () => {
      const sh = forwarding();
      masquerade(sh, '192.168.15.0', 24);
      return sh;
    },
    from: 'blue',
    to: '8.8.8.8',
    ttl: 62,
  },
  {
    name: 'FORWARD policy DROP',
    setup: () => {
      const sh = forwarding();
      masquerade(sh, '192.168.15.0', 24);
      const root = ns(sh, null);
      setPolicy(root.netfilter.tables.filter, 'filter', 'FORWARD', 'DROP');
      return sh;
    },
    from: 'blue',
    to: '192.168.1.3',
    ttl: null,
    why: 'filter/FORWARD policy DROP',
  },
  { name: 'ARP unanswered', setup: vethPair, from: 'red', to: '192.168.15.9', ttl: null, why: 'ARP for 192.168.15.9 on veth-red unanswered' },
  {
    name: 'the peer is down',
    setup: () => {
      const sh = vethPair();
      mustRun(sh, ['ip -n blue link set veth-blue down']);
      return sh;
    },
    from: 'red',
    to: '192.168.15.2',
    ttl: null,
    why: 'link veth-red has no carrier: its peer veth-blue is down',
  },
  {
    name: 'the link is down (its routes are gone)',
    setup: () => {
      const sh = vethPair();
      mustRun(sh, ['ip -n red link set veth-red down']);
      return sh;
    },
    from: 'red',
    to: '192.168.15.2',
    ttl: null,
    why: 'no route to 192.168.15.2 in netns red',
  },
  {
    name: 'a bridge port that is down',
    setup: () => {
      const sh = bridged();
      mustRun(sh, ['ip link set veth-blue-br down']);
      return sh;
    },
    from: 'red',
    to: '192.168.15.2',
    ttl: null,
    why: 'ARP for 192.168.15.2 on veth-red unanswered',
  },
];

describe('packet walker', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const sh = c.setup();
      const from = ns(sh, c.from);
      const result = ping(sh, c.from, c.to);
      const got = replies(result, from.id);
      if (c.ttl === null) {
        assert.equal(got.length, 0, 'no reply expected');
        const why = explain(sh.world, result.trace);
        if (c.why instanceof RegExp) assert.match(why ?? '', c.why);
        else assert.equal(why, c.why);
      } else {
        assert.equal(got.length, 1, `one reply expected; trace: ${firstDrop(result.trace)?.reason}`);
        assert.equal(got[0]!.ttl, c.ttl);
      }
    });
  }

  it('ttl 1 to the internet dies at the router, which says so', () => {
    const sh = bareShell();
    const root = ns(sh, null);
    const { sendPacket } = require('../../src/engine/packet/walk') as typeof import('../../src/engine/packet/walk');
    const result = sendPacket(sh.world, root, { ...echo('8.8.8.8'), ttl: 1 });
    const err = result.deliveries.find((d) => d.nsId === root.id);
    assert.equal(err?.packet.icmp?.type, 'time-exceeded');
    assert.equal(err?.packet.src, ip('192.168.1.1'));
  });

  it('an unanswered ARP reports host unreachable 3 s later, through lo', () => {
    const sh = vethPair();
    mustRun(sh, ['ip -n red link set lo up']);
    const red = ns(sh, 'red');
    const result = ping(sh, 'red', '192.168.15.9');
    const err = result.deliveries.find((d) => d.nsId === red.id);
    assert.equal(err?.packet.icmp?.type, 'dest-unreachable');
    assert.equal(err?.packet.icmp?.code, 1);
    assert.equal(err?.at, 3000);
    assert.equal(err?.packet.src, ip('192.168.15.1'));
  });

  it('with lo down the error about an unanswered ARP is lost', () => {
    const sh = vethPair();
    const result = ping(sh, 'red', '192.168.15.9');
    assert.equal(result.deliveries.length, 0);
  });

  it('counts bytes like Linux: 42 per ARP frame, 98 per 56-byte echo', () => {
    const sh = vethPair();
    ping(sh, 'red', '192.168.15.2');
    const veth = linkByName(sh.world, ns(sh, 'red').id, 'veth-red')!;
    assert.deepEqual([veth.stats.txPackets, veth.stats.txBytes, veth.stats.rxPackets, veth.stats.rxBytes], [2, 42 + 98, 2, 42 + 98]);
  });
});
