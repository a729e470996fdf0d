/** Topologies for packet-walk tests, built with the shell like a learner would (seed 002). */
import type { Shell } from '../../src/shell/shell';
import { parseIpv4, prefixMask } from '../../src/engine/net/ipv4';
import { netnsByName } from '../../src/engine/net/netns';
import type { Netns } from '../../src/engine/net/types';
import { appendRule } from '../../src/engine/netfilter/rules';
import { echoRequest, type Packet } from '../../src/engine/packet/packet';
import { sendPacket, type WalkResult } from '../../src/engine/packet/walk';
import { bareShell, runAll } from './helpers';

export function mustRun(sh: Shell, lines: string[]): void {
  for (const [i, r] of runAll(sh, lines).entries()) {
    if (r.exitCode !== 0) throw new Error(`${lines[i]}: ${r.stderr}`);
  }
}

/** red 192.168.15.1 <-veth-> blue 192.168.15.2 */
export function vethPair(): Shell {
  const sh = bareShell();
  mustRun(sh, [
    'ip netns add red',
    'ip netns add blue',
    'ip link add veth-red type veth peer name veth-blue',
    'ip link set veth-red netns red',
    'ip link set veth-blue netns blue',
    'ip -n red addr add 192.168.15.1/24 dev veth-red',
    'ip -n blue addr add 192.168.15.2/24 dev veth-blue',
    'ip -n red link set veth-red up',
    'ip -n blue link set veth-blue up',
  ]);
  return sh;
}

/** red and blue on the host's bridge v-net-0 (192.168.15.5/24 on the host side). */
export function bridged(opts: { hostAddr?: boolean } = {}): Shell {
  const sh = bareShell();
  mustRun(sh, [
    'ip netns add red',
    'ip netns add blue',
    'ip link add v-net-0 type bridge',
    'ip link set dev v-net-0 up',
    'ip link add veth-red type veth peer name veth-red-br',
    'ip link add veth-blue type veth peer name veth-blue-br',
    'ip link set veth-red netns red',
    'ip link set veth-red-br master v-net-0',
    'ip link set veth-blue netns blue',
    'ip link set veth-blue-br master v-net-0',
    'ip -n red addr add 192.168.15.1/24 dev veth-red',
    'ip -n blue addr add 192.168.15.2/24 dev veth-blue',
    'ip -n red link set dev veth-red up',
    'ip -n blue link set dev veth-blue up',
    'ip link set veth-red-br up',
    'ip link set veth-blue-br up',
    ...(opts.hostAddr === false ? [] : ['ip addr add 192.168.15.5/24 dev v-net-0']),
  ]);
  return sh;
}

export function ns(sh: Shell, name: string | null): Netns {
  if (name === null) return sh.world.netns(sh.host.rootNsId);
  const found = netnsByName(sh.world, sh.host, name);
  if (!found) throw new Error(`no netns ${name}`);
  return found;
}

export function ip(text: string): number {
  const n = parseIpv4(text);
  if (n === null) throw new Error(`bad address ${text}`);
  return n;
}

export function echo(dst: string, seq = 1): Packet {
  return echoRequest(0, ip(dst), { id: 4242, seq, dataLen: 56, ttl: 64 });
}

export function ping(sh: Shell, from: string | null, dst: string): WalkResult {
  return sendPacket(sh.world, ns(sh, from), echo(dst));
}

/** What `iptables -t nat -A POSTROUTING -s NET -j MASQUERADE` adds in the host. */
export function masquerade(sh: Shell, source: string, len: number): void {
  appendRule(ns(sh, null), 'nat', 'POSTROUTING', { src: { addr: ip(source), mask: prefixMask(len), neg: false }, modules: [], target: { kind: 'MASQUERADE' }, counters: { packets: 0, bytes: 0 } });
}

export function replies(result: WalkResult, nsId: number): Packet[] {
  return result.deliveries.filter((d) => d.nsId === nsId && d.packet.icmp?.type === 'echo-reply').map((d) => d.packet);
}
