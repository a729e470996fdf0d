/** The kernel's own ICMP: answering echo requests and sending errors back to a sender. */
import { lookupRoute } from '../net/route';
import type { Netns } from '../net/types';
import { localOut } from './ip-output';
import { echoReplyTo, icmpError, isIcmpError, UNREACH, type Packet } from './packet';
import { isLocalAddr, selectSource } from './source';
import { hop, type Walk } from './walk-context';
import { formatIpv4, isMulticast } from '../net/ipv4';

export function defaultTtl(ns: Netns): number {
  const ttl = Number(ns.sysctl['net.ipv4.ip_default_ttl']);
  return Number.isInteger(ttl) && ttl > 0 && ttl < 256 ? ttl : 64;
}

/** icmp_echo: answer an echo request addressed to us. */
export function answerEcho(walk: Walk, ns: Netns, request: Packet): void {
  if (ns.sysctl['net.ipv4.icmp_echo_ignore_all'] === '1') {
    hop(walk, ns, 'icmp', `echo request ignored (icmp_echo_ignore_all=1)`);
    return;
  }
  walk.trace.answeredBy ??= ns.id;
  hop(walk, ns, 'icmp', `${formatIpv4(request.dst)} answers the echo request from ${formatIpv4(request.src)}`);
  localOut(walk, ns, echoReplyTo(request, defaultTtl(ns)));
}

/** icmp_send: never about an ICMP error, never to broadcast, multicast or 0.0.0.0. */
export function sendIcmpError(walk: Walk, ns: Netns, offender: Packet, type: 'dest-unreachable' | 'time-exceeded', code: number): void {
  if (isIcmpError(offender) || offender.src === 0 || isMulticast(offender.src) || offender.src === 0xffffffff) return;
  const back = lookupRoute(walk.world, ns, offender.src);
  if (!back) return;
  // __icmp_send: an error about a packet addressed to us comes from that address.
  const src = isLocalAddr(ns, offender.dst) ? offender.dst : selectSource(walk.world, ns, back, offender.src);
  hop(walk, ns, 'icmp', `${formatIpv4(src)} sends ${type} (code ${code}) to ${formatIpv4(offender.src)}`);
  localOut(walk, ns, icmpError(offender, src, type, code, defaultTtl(ns)));
}

/** iptables REJECT --reject-with NAME -> ICMP code. */
export function rejectCode(rejectWith: string): number {
  switch (rejectWith) {
    case 'icmp-net-unreachable':
      return UNREACH.net;
    case 'icmp-host-unreachable':
      return UNREACH.host;
    case 'icmp-proto-unreachable':
      return UNREACH.protocol;
    case 'icmp-net-prohibited':
      return UNREACH.netProhibited;
    case 'icmp-host-prohibited':
      return UNREACH.hostProhibited;
    case 'icmp-admin-prohibited':
      return UNREACH.adminProhibited;
    default:
      return UNREACH.port;
  }
}
