import { strict as assert } from 'node:assert';
import { createBareWorld } from '../../src/engine/presets';
import { rootNs } from '../../src/engine/host';
import { parseIpv4 } from '../../src/engine/net/ipv4';
import type { Netns } from '../../src/engine/net/types';
import { runHook, type HookContext } from '../../src/engine/netfilter/hook';
import { appendRule, findChain, setPolicy, zeroChain } from '../../src/engine/netfilter/rules';
import type { Hook, MatchModule, Rule, Target } from '../../src/engine/netfilter/types';
import type { Packet } from '../../src/engine/packet/packet';

const ip = (s: string) => parseIpv4(s)!;

function freshNs(): Netns {
  const { world, host } = createBareWorld();
  return rootNs(world, host);
}

function rule(target: Target | null, extra: Partial<Rule> = {}, modules: MatchModule[] = []): Rule {
  return { modules, target, counters: { packets: 0, bytes: 0 }, ...extra };
}

function ctx(inIface: string | null, outIface: string | null, now = 0): HookContext {
  return { inIface, outIface, now, isLocal: (a) => a === ip('192.168.1.2') || a >>> 24 === 127 };
}

function ping(src: string, dst: string, type: 'echo-request' | 'echo-reply', id = 77): Packet {
  return { src: ip(src), dst: ip(dst), proto: 'icmp', ttl: 64, length: 84, icmp: { type, id, seq: 1 } };
}

function tcp(src: string, sport: number, dst: string, dport: number, flags = 'S'): Packet {
  return { src: ip(src), dst: ip(dst), proto: 'tcp', ttl: 64, length: 60, sport, dport, tcpFlags: flags };
}

/** Runs a forwarded packet through PREROUTING, FORWARD and POSTROUTING. */
function forward(ns: Netns, p: Packet, inIface: string, outIface: string, now = 0) {
  const events: string[] = [];
  let packet = p;
  for (const [hook, i, o] of [['PREROUTING', inIface, null], ['FORWARD', inIface, outIface], ['POSTROUTING', null, outIface]] as [Hook, string | null, string | null][]) {
    const r = runHook(ns, hook, packet, ctx(i, o, now));
    events.push(...r.events);
    packet = r.packet;
    if (r.verdict.kind !== 'accept') return { verdict: r.verdict, packet, events };
  }
  return { verdict: { kind: 'accept' as const }, packet, events };
}

describe('netfilter hook: NAT round trips', () => {
  it('MASQUERADEs a namespace ping and de-NATs the reply', () => {
    const ns = freshNs();
    appendRule(ns, 'nat', 'POSTROUTING', rule({ kind: 'MASQUERADE' }, { src: { addr: ip('192.168.15.0'), mask: 0xffffff00, neg: false }, outIface: { name: 'eth0', neg: false } }));
    const out = forward(ns, ping('192.168.15.2', '8.8.8.8', 'echo-request'), 'v-net-0', 'eth0');
    assert.equal(out.verdict.kind, 'accept');
    assert.equal(out.packet.src, ip('192.168.1.2'));
    assert.equal(out.packet.dst, ip('8.8.8.8'));
    assert.deepEqual(out.events, ['nat/POSTROUTING: MASQUERADE 192.168.15.2 -> 192.168.1.2']);
    assert.equal(ns.conntrack.length, 1);
    assert.equal(ns.conntrack[0]!.confirmed, true);

    const back = forward(ns, ping('8.8.8.8', '192.168.1.2', 'echo-reply', out.packet.icmp!.id), 'eth0', 'v-net-0', 10);
    assert.equal(back.verdict.kind, 'accept');
    assert.equal(back.packet.dst, ip('192.168.15.2'));
    assert.equal(back.packet.icmp?.id, 77);
    assert.deepEqual(back.events, ['nat/PREROUTING: reply of SNAT 192.168.1.2 -> 192.168.15.2 (conntrack)']);
    assert.equal(ns.conntrack[0]!.replied, true);
    assert.equal(findChain(ns, 'nat', 'POSTROUTING')!.rules[0]!.counters.packets, 1, 'nat rules see only the first packet');
  });

  it('DNATs tcp/80 to 192.168.15.2:80 and rewrites the reply source', () => {
    const ns = freshNs();
    appendRule(ns, 'nat', 'PREROUTING', rule({ kind: 'DNAT', range: { minIp: ip('192.168.15.2'), maxIp: ip('192.168.15.2'), minPort: 80, maxPort: 80 } }, { proto: { num: 6, neg: false } }, [{ kind: 'tcp', dport: { lo: 80, hi: 80, neg: false } }]));
    const syn = forward(ns, tcp('192.168.1.3', 40000, '192.168.1.2', 80), 'eth0', 'v-net-0');
    assert.equal(syn.packet.dst, ip('192.168.15.2'));
    assert.equal(syn.packet.dport, 80);
    assert.deepEqual(syn.events, ['nat/PREROUTING: DNAT 192.168.1.2:80 -> 192.168.15.2:80']);
    const synAck = forward(ns, tcp('192.168.15.2', 80, '192.168.1.3', 40000, 'SA'), 'v-net-0', 'eth0', 5);
    assert.equal(synAck.packet.src, ip('192.168.1.2'));
    assert.equal(synAck.packet.sport, 80);
    assert.deepEqual(synAck.events, ['nat/POSTROUTING: reply of DNAT 192.168.15.2:80 -> 192.168.1.2:80 (conntrack)']);
    const ack = forward(ns, tcp('192.168.1.3', 40000, '192.168.1.2', 80, 'A'), 'eth0', 'v-net-0', 6);
    assert.equal(ack.packet.dst, ip('192.168.15.2'));
    assert.deepEqual(ack.events, ['nat/PREROUTING: DNAT 192.168.1.2:80 -> 192.168.15.2:80 (conntrack)']);
  });

  it('DNAT to another port keeps the client port and maps the reply back to the published port', () => {
    const ns = freshNs();
    appendRule(ns, 'nat', 'PREROUTING', rule({ kind: 'DNAT', range: { minIp: ip('192.168.15.2'), maxIp: ip('192.168.15.2'), minPort: 80, maxPort: 80 } }, { proto: { num: 6, neg: false } }, [{ kind: 'tcp', dport: { lo: 8080, hi: 8080, neg: false } }]));
    const syn = forward(ns, tcp('192.168.1.3', 40000, '192.168.1.2', 8080), 'eth0', 'v-net-0');
    assert.deepEqual([syn.packet.dst, syn.packet.dport, syn.packet.sport], [ip('192.168.15.2'), 80, 40000]);
    const synAck = forward(ns, tcp('192.168.15.2', 80, '192.168.1.3', 40000, 'SA'), 'v-net-0', 'eth0');
    assert.deepEqual([synAck.packet.src, synAck.packet.sport], [ip('192.168.1.2'), 8080]);
  });

  it('gives a second connection with a clashing ICMP id another id', () => {
    const ns = freshNs();
    appendRule(ns, 'nat', 'POSTROUTING', rule({ kind: 'MASQUERADE' }, { outIface: { name: 'eth0', neg: false } }));
    const a = forward(ns, ping('192.168.15.2', '8.8.8.8', 'echo-request', 5), 'v', 'eth0');
    const b = forward(ns, ping('192.168.15.3', '8.8.8.8', 'echo-request', 5), 'v', 'eth0');
    assert.equal(a.packet.icmp!.id, 5);
    assert.notEqual(b.packet.icmp!.id, 5);
    const replyB = forward(ns, ping('8.8.8.8', '192.168.1.2', 'echo-reply', b.packet.icmp!.id), 'eth0', 'v');
    assert.deepEqual([replyB.packet.dst, replyB.packet.icmp!.id], [ip('192.168.15.3'), 5]);
  });

  it('translates an ICMP error about a MASQUERADEd packet back to the inside host', () => {
    const ns = freshNs();
    appendRule(ns, 'nat', 'POSTROUTING', rule({ kind: 'MASQUERADE' }, { outIface: { name: 'eth0', neg: false } }));
    const out = forward(ns, { src: ip('192.168.15.2'), dst: ip('8.8.8.8'), proto: 'udp', ttl: 64, length: 40, sport: 5000, dport: 53 }, 'v', 'eth0');
    const error: Packet = { src: ip('192.168.1.1'), dst: ip('192.168.1.2'), proto: 'icmp', ttl: 64, length: 56, icmp: { type: 'dest-unreachable', id: 0, seq: 0, code: 3 }, inner: out.packet };
    appendRule(ns, 'filter', 'FORWARD', rule({ kind: 'ACCEPT' }, {}, [{ kind: 'conntrack', ctstate: ['RELATED'], neg: false }]));
    setPolicy(ns.netfilter.tables.filter, 'filter', 'FORWARD', 'DROP');
    const back = forward(ns, error, 'eth0', 'v');
    assert.equal(back.verdict.kind, 'accept');
    assert.equal(back.packet.dst, ip('192.168.15.2'));
    assert.equal(back.packet.inner?.src, ip('192.168.15.2'));
  });

  it('expires connections: icmp after 30 s', () => {
    const ns = freshNs();
    appendRule(ns, 'nat', 'POSTROUTING', rule({ kind: 'MASQUERADE' }, { outIface: { name: 'eth0', neg: false } }));
    forward(ns, ping('192.168.15.2', '8.8.8.8', 'echo-request'), 'v', 'eth0', 0);
    assert.equal(ns.conntrack.length, 1);
    const late = forward(ns, ping('8.8.8.8', '192.168.1.2', 'echo-reply'), 'eth0', 'v', 31000);
    assert.equal(late.packet.dst, ip('192.168.1.2'), 'no entry left to de-NAT');
    assert.equal(ns.conntrack.length, 0);
  });
});

describe('netfilter hook: filtering', () => {
  it('leaves built-in chains nothing was written to out of the path, and counts policies only once -P or -Z gave counters', () => {
    const ns = freshNs();
    appendRule(ns, 'filter', 'INPUT', { modules: [], target: null, counters: { packets: 0, bytes: 0 } });
    const p = ping('192.168.1.3', '192.168.1.2', 'echo-request');
    runHook(ns, 'INPUT', p, ctx('eth0', null));
    assert.deepEqual(findChain(ns, 'filter', 'INPUT')!.counters, { packets: 0, bytes: 0 }, 'no counters yet');
    assert.equal(findChain(ns, 'filter', 'OUTPUT')!.live, false);
    zeroChain(ns.netfilter.tables.filter, 'INPUT');
    runHook(ns, 'INPUT', p, ctx('eth0', null));
    assert.deepEqual(findChain(ns, 'filter', 'INPUT')!.counters, { packets: 1, bytes: 84 });
  });

  it('drops on policy and names it', () => {
    const ns = freshNs();
    setPolicy(ns.netfilter.tables.filter, 'filter', 'FORWARD', 'DROP');
    const r = forward(ns, ping('192.168.15.2', '8.8.8.8', 'echo-request'), 'v', 'eth0');
    assert.deepEqual(r.verdict, { kind: 'drop', reason: 'filter/FORWARD policy DROP' });
    assert.deepEqual(findChain(ns, 'filter', 'FORWARD')!.counters, { packets: 1, bytes: 84 });
    assert.equal(ns.conntrack.length, 0, 'a dropped first packet leaves no connection');
  });

  it('drops by rule number and counts matches', () => {
    const ns = freshNs();
    appendRule(ns, 'filter', 'INPUT', rule(null, { src: { addr: ip('10.0.0.0'), mask: 0xff000000, neg: false } }));
    appendRule(ns, 'filter', 'INPUT', rule({ kind: 'DROP' }, { proto: { num: 1, neg: false } }));
    const r = runHook(ns, 'INPUT', ping('192.168.1.3', '192.168.1.2', 'echo-request'), ctx('eth0', null));
    assert.deepEqual(r.verdict, { kind: 'drop', reason: 'filter/INPUT rule 2: -j DROP' });
    const rules = findChain(ns, 'filter', 'INPUT')!.rules;
    assert.deepEqual(rules.map((x) => x.counters.packets), [0, 1]);
  });

  it('rejects with the configured ICMP type', () => {
    const ns = freshNs();
    appendRule(ns, 'filter', 'OUTPUT', rule({ kind: 'REJECT', rejectWith: 'icmp-host-prohibited' }));
    const r = runHook(ns, 'OUTPUT', ping('192.168.1.2', '192.168.1.1', 'echo-request'), ctx(null, 'eth0'));
    assert.deepEqual(r.verdict, { kind: 'reject', reason: 'filter/OUTPUT rule 1: -j REJECT --reject-with icmp-host-prohibited', rejectWith: 'icmp-host-prohibited' });
  });

  it('follows jumps, gotos and RETURN', () => {
    const ns = freshNs();
    const t = ns.netfilter.tables.filter;
    t.present = true;
    t.chains.push({ name: 'a', policy: null, rules: [], counters: { packets: 0, bytes: 0 } }, { name: 'b', policy: null, rules: [], counters: { packets: 0, bytes: 0 } });
    appendRule(ns, 'filter', 'INPUT', rule({ kind: 'jump', chain: 'a' }));
    appendRule(ns, 'filter', 'INPUT', rule({ kind: 'DROP' }));
    appendRule(ns, 'filter', 'a', rule({ kind: 'goto', chain: 'b' }));
    appendRule(ns, 'filter', 'b', rule({ kind: 'RETURN' }));
    const r = runHook(ns, 'INPUT', ping('192.168.1.3', '192.168.1.2', 'echo-request'), ctx('eth0', null));
    assert.deepEqual(r.verdict, { kind: 'drop', reason: 'filter/INPUT rule 2: -j DROP' }, 'RETURN from b goes back past a to INPUT');
  });

  it('matches ports, negations, wildcards, states and address types', () => {
    const ns = freshNs();
    const cases: [Partial<Rule>, MatchModule[], boolean][] = [
      [{ inIface: { name: 'eth+', neg: false } }, [], true],
      [{ inIface: { name: 'veth+', neg: false } }, [], false],
      [{ inIface: { name: 'eth0', neg: true } }, [], false],
      [{ proto: { num: 6, neg: true } }, [], false],
      [{ proto: { num: 17, neg: true } }, [], true],
      [{ src: { addr: ip('192.168.1.0'), mask: 0xffffff00, neg: true } }, [], false],
      [{ dst: { addr: ip('192.168.1.2'), mask: 0xffffffff, neg: false } }, [], true],
      [{ proto: { num: 6, neg: false } }, [{ kind: 'tcp', dport: { lo: 20, hi: 25, neg: false } }], true],
      [{ proto: { num: 6, neg: false } }, [{ kind: 'tcp', dport: { lo: 22, hi: 22, neg: true } }], false],
      [{ proto: { num: 6, neg: false } }, [{ kind: 'tcp', sport: { lo: 1024, hi: 65535, neg: false } }], true],
      [{ proto: { num: 6, neg: false } }, [{ kind: 'tcp', flags: { mask: 0x17, cmp: 0x02, neg: false } }], true],
      [{}, [{ kind: 'multiport', dir: 'dst', ports: [{ lo: 80, hi: 80 }, { lo: 22, hi: 22 }], neg: false }], true],
      [{}, [{ kind: 'conntrack', ctstate: ['NEW'], neg: false }], true],
      [{}, [{ kind: 'conntrack', ctstate: ['ESTABLISHED'], neg: false }], false],
      [{}, [{ kind: 'state', states: ['ESTABLISHED'], neg: true }], true],
      [{}, [{ kind: 'addrtype', dst: { types: ['LOCAL'], neg: false } }], true],
      [{}, [{ kind: 'addrtype', src: { types: ['LOCAL'], neg: false } }], false],
      [{}, [{ kind: 'comment', comment: 'x' }], true],
      [{ fragment: { neg: false } }, [], false],
      [{ fragment: { neg: true } }, [], true],
    ];
    for (const [extra, modules, expected] of cases) {
      ns.conntrack = [];
      const t = ns.netfilter.tables.filter;
      t.chains.find((c) => c.name === 'INPUT')!.rules = [];
      appendRule(ns, 'filter', 'INPUT', rule({ kind: 'DROP' }, extra, modules));
      const r = runHook(ns, 'INPUT', tcp('192.168.1.3', 5555, '192.168.1.2', 22), ctx('eth0', null));
      assert.equal(r.verdict.kind === 'drop', expected, JSON.stringify({ extra, modules }));
    }
  });

  it('matches icmp types and codes', () => {
    const ns = freshNs();
    const cases: [MatchModule, Packet, boolean][] = [
      [{ kind: 'icmp', type: 8, codeMin: 0, codeMax: 255, neg: false }, ping('1.1.1.1', '192.168.1.2', 'echo-request'), true],
      [{ kind: 'icmp', type: 8, codeMin: 0, codeMax: 255, neg: true }, ping('1.1.1.1', '192.168.1.2', 'echo-request'), false],
      [{ kind: 'icmp', type: 0, codeMin: 0, codeMax: 255, neg: false }, ping('1.1.1.1', '192.168.1.2', 'echo-request'), false],
      [{ kind: 'icmp', type: 255, codeMin: 0, codeMax: 255, neg: false }, ping('1.1.1.1', '192.168.1.2', 'echo-reply'), true],
    ];
    for (const [m, p, expected] of cases) {
      ns.netfilter.tables.filter.chains.find((c) => c.name === 'INPUT')!.rules = [];
      appendRule(ns, 'filter', 'INPUT', rule({ kind: 'DROP' }, { proto: { num: 1, neg: false } }, [m]));
      assert.equal(runHook(ns, 'INPUT', p, ctx('eth0', null)).verdict.kind === 'drop', expected, JSON.stringify(m));
    }
  });

  it('limits with a token bucket (burst, then one per period)', () => {
    const ns = freshNs();
    appendRule(ns, 'filter', 'INPUT', rule({ kind: 'ACCEPT' }, {}, [{ kind: 'limit', avg: 10000, burst: 2 }]));
    appendRule(ns, 'filter', 'INPUT', rule({ kind: 'DROP' }));
    const at = (now: number) => runHook(ns, 'INPUT', ping('1.1.1.1', '192.168.1.2', 'echo-request'), ctx('eth0', null, now)).verdict.kind;
    assert.deepEqual([at(0), at(0), at(0), at(500), at(1000), at(1000)], ['accept', 'accept', 'drop', 'drop', 'accept', 'drop']);
  });

  it('matches source MACs only when the walker tells it the frame', () => {
    const ns = freshNs();
    appendRule(ns, 'filter', 'INPUT', rule({ kind: 'DROP' }, {}, [{ kind: 'mac', mac: '52:54:00:00:01:03', neg: false }]));
    const p = ping('192.168.1.3', '192.168.1.2', 'echo-request');
    assert.equal(runHook(ns, 'INPUT', p, { ...ctx('eth0', null), srcMac: '52:54:00:00:01:03' }).verdict.kind, 'drop');
    assert.equal(runHook(ns, 'INPUT', p, { ...ctx('eth0', null), srcMac: '52:54:00:00:01:01' }).verdict.kind, 'accept');
    assert.equal(runHook(ns, 'INPUT', p, ctx('eth0', null)).verdict.kind, 'accept');
  });

  it('matches IP ranges', () => {
    const ns = freshNs();
    appendRule(ns, 'filter', 'INPUT', rule({ kind: 'DROP' }, {}, [{ kind: 'iprange', src: { lo: ip('192.168.1.3'), hi: ip('192.168.1.9'), neg: false } }]));
    assert.equal(runHook(ns, 'INPUT', ping('192.168.1.5', '192.168.1.2', 'echo-request'), ctx('eth0', null)).verdict.kind, 'drop');
    assert.equal(runHook(ns, 'INPUT', ping('192.168.1.10', '192.168.1.2', 'echo-request'), ctx('eth0', null)).verdict.kind, 'accept');
  });
});
