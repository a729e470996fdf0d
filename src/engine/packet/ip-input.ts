/**
 * A packet arriving at a namespace's IP stack (ip_rcv): PREROUTING, the routing decision,
 * then local delivery through INPUT or forwarding through FORWARD and POSTROUTING (only with
 * net.ipv4.ip_forward=1; otherwise it is silently dropped, like Linux does).
 */
import { ipForward } from '../net/forwarding';
import { formatIpv4, isMulticast } from '../net/ipv4';
import { lookupRoute } from '../net/route';
import type { Link, Netns, Route } from '../net/types';
import { answerEcho, rejectCode, sendIcmpError } from './icmp';
import { localOut, neighOutput, runHook } from './ip-output';
import { tcpReset } from './sockets';
import { UNREACH, type Packet } from './packet';
import { drop, hop, MAX_STEPS, nsLabel, type Walk } from './walk-context';
import { vxlanReceive } from './vxlan';
import { ipvsForward, ipvsReply } from './ipvs';

/** `srcMac` is the Ethernet source of the frame the packet came in (for `-m mac`). */
export function receive(walk: Walk, link: Link, packet: Packet, srcMac: string | null = null): void {
  const ns = walk.world.netns(link.nsId);
  if (++walk.steps > MAX_STEPS) return drop(walk, ns, 'too many hops: the packet is looping', link);
  const pre = runHook(walk, ns, 'PREROUTING', packet, link, null, srcMac);
  if (pre.verdict.kind !== 'accept') return drop(walk, ns, pre.verdict.reason, link);
  packet = ipvsReply(walk, ns, pre.packet);
  const route = lookupRoute(walk.world, ns, packet.dst);
  if (route?.type === 'local') return localIn(walk, ns, link, packet, srcMac);
  if (route?.type === 'broadcast' || packet.dst === 0xffffffff || isMulticast(packet.dst)) {
    hop(walk, ns, 'receive', `broadcast ${formatIpv4(packet.dst)} ignored (icmp_echo_ignore_broadcasts=1)`, link);
    return;
  }
  forward(walk, ns, link, packet, route, srcMac);
}

/** ip_local_deliver: INPUT, then the kernel's ICMP or a socket. */
function localIn(walk: Walk, ns: Netns, link: Link, packet: Packet, srcMac: string | null): void {
  const input = runHook(walk, ns, 'INPUT', packet, link, null, srcMac);
  if (input.verdict.kind === 'reject') {
    drop(walk, ns, input.verdict.reason, link);
    return sendIcmpError(walk, ns, packet, 'dest-unreachable', rejectCode(input.verdict.rejectWith));
  }
  if (input.verdict.kind === 'drop') return drop(walk, ns, input.verdict.reason, link);
  packet = input.packet;
  const balanced = ipvsForward(walk, ns, packet);
  if (balanced !== packet) return void localOut(walk, ns, balanced);
  if (packet.proto === 'icmp' && packet.icmp?.type === 'echo-request') return answerEcho(walk, ns, packet);
  if (vxlanReceive(walk, ns, packet)) return;
  if (packet.proto !== 'icmp' && !isReset(packet)) {
    const answer = walk.sockets(ns, packet);
    if (answer.kind === 'refused') return refuse(walk, ns, link, packet);
    deliver(walk, ns, link, packet);
    if (answer.kind === 'reply') localOut(walk, ns, answer.packet);
    return;
  }
  deliver(walk, ns, link, packet);
}

function deliver(walk: Walk, ns: Netns, link: Link, packet: Packet): void {
  hop(walk, ns, 'deliver', `${formatIpv4(packet.dst)} receives a ${describe(packet)} from ${formatIpv4(packet.src)}`, link);
  walk.deliveries.push({ nsId: ns.id, linkId: link.id, packet, at: walk.at, hops: walk.hops });
}

function isReset(packet: Packet): boolean {
  return packet.proto === 'tcp' && /RST/i.test(packet.tcpFlags ?? '');
}

/** No socket on that port: TCP gets a RST, UDP an ICMP port unreachable. */
function refuse(walk: Walk, ns: Netns, link: Link, packet: Packet): void {
  drop(walk, ns, `nothing listens on ${packet.proto.toUpperCase()} port ${packet.dport ?? 0} at ${formatIpv4(packet.dst)} in ${nsLabel(walk.world, ns)}`, link);
  if (packet.proto === 'tcp') localOut(walk, ns, tcpReset(ns, packet));
  else sendIcmpError(walk, ns, packet, 'dest-unreachable', UNREACH.port);
}

/** ip_forward: TTL, FORWARD, POSTROUTING (SNAT/MASQUERADE), next hop. */
function forward(walk: Walk, ns: Netns, inLink: Link, packet: Packet, route: Route | undefined, srcMac: string | null): void {
  const where = nsLabel(walk.world, ns);
  if (!ipForward(ns)) return drop(walk, ns, `ip_forward=0 in ${where}: packet to ${formatIpv4(packet.dst)} not forwarded`, inLink);
  if (!route || route.type !== 'unicast' || route.linkId === null) {
    drop(walk, ns, `no route to ${formatIpv4(packet.dst)} in ${where}`, inLink);
    return sendIcmpError(walk, ns, packet, 'dest-unreachable', route?.type === 'unreachable' ? UNREACH.host : UNREACH.net);
  }
  if (packet.ttl <= 1) {
    drop(walk, ns, `TTL of the packet to ${formatIpv4(packet.dst)} ran out in ${where}`, inLink);
    return sendIcmpError(walk, ns, packet, 'time-exceeded', 0);
  }
  const outLink = walk.world.state.links[route.linkId];
  if (!outLink) return drop(walk, ns, `route to ${formatIpv4(packet.dst)} has no device`, inLink);
  const fwd = runHook(walk, ns, 'FORWARD', packet, inLink, outLink, srcMac);
  if (fwd.verdict.kind === 'reject') {
    drop(walk, ns, fwd.verdict.reason, inLink);
    return sendIcmpError(walk, ns, packet, 'dest-unreachable', rejectCode(fwd.verdict.rejectWith));
  }
  if (fwd.verdict.kind === 'drop') return drop(walk, ns, fwd.verdict.reason, inLink);
  hop(walk, ns, 'forward', `${where} forwards ${formatIpv4(packet.src)} -> ${formatIpv4(packet.dst)} from ${inLink.name} to ${outLink.name}`, outLink);
  const forwarded = { ...fwd.packet, ttl: fwd.packet.ttl - 1 };
  const post = runHook(walk, ns, 'POSTROUTING', forwarded, inLink, outLink);
  if (post.verdict.kind !== 'accept') return drop(walk, ns, post.verdict.reason, outLink);
  neighOutput(walk, ns, outLink, route.gateway ?? post.packet.dst, post.packet);
}

function describe(packet: Packet): string {
  if (packet.proto === 'icmp') return `ICMP ${packet.icmp?.type ?? 'message'}`;
  return `${packet.proto.toUpperCase()} packet to port ${packet.dport ?? 0}`;
}
