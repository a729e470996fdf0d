/**
 * Sending from a namespace's own stack (ip_route_output + ip_local_out): route lookup, source
 * address, the OUTPUT and POSTROUTING hooks, then the neighbour layer and the wire. Also the
 * last step of forwarding (ip_finish_output2), shared with ip-input.
 */
import { formatIpv4 } from '../net/ipv4';
import { linkByName } from '../net/links';
import { lookupRoute, makeRoute } from '../net/route';
import type { Link, Netns, Route } from '../net/types';
import type { Hook } from '../netfilter/types';
import { resolve } from './arp';
import type { HookContext, HookResult } from './hooks';
import { sendIcmpError, rejectCode } from './icmp';
import { receive } from './ip-input';
import { linkProblem, transmit } from './l2';
import { isIcmpError, UNREACH, type Packet } from './packet';
import { isLocalAddr, selectSource } from './source';
import { ipvsForward } from './ipvs';
import { drop, hop, later, nsLabel, type Walk } from './walk-context';

/** What a sending socket sees at once (connect/sendmsg errno). */
export type SendError = 'ENETUNREACH' | 'EHOSTUNREACH' | 'EINVAL' | 'EACCES' | 'EPERM';

export interface OutputOptions {
  /** SO_BINDTODEVICE / ping -I IFACE. */
  oif?: Link;
}

export type RouteDecision = { ok: true; route: Route; src: number } | { ok: false; error: SendError };

/** ip_route_output_key: the route and source address a socket would use for `dst`. */
export function routeOutput(walk: Walk, ns: Netns, dst: number, opts: OutputOptions = {}): RouteDecision {
  let route = lookupRoute(walk.world, ns, dst, opts.oif?.id);
  // A socket bound to a device reaches addresses with no route as if they were on-link.
  if (!route && opts.oif?.adminUp) route = makeRoute({ dst, len: 32, linkId: opts.oif.id, scope: 'link' });
  if (!route) return { ok: false, error: 'ENETUNREACH' };
  if (route.type === 'unreachable') return { ok: false, error: 'EHOSTUNREACH' };
  if (route.type === 'blackhole') return { ok: false, error: 'EINVAL' };
  if (route.type === 'prohibit') return { ok: false, error: 'EACCES' };
  return { ok: true, route, src: selectSource(walk.world, ns, route, dst) };
}

function hookCtx(walk: Walk, ns: Netns, inIface: string | null, outIface: string | null, srcMac: string | null): HookContext {
  return {
    inIface,
    outIface,
    srcMac,
    now: walk.at,
    isLocal: (addr: number) => isLocalAddr(ns, addr),
    masqueradeAddr: (iface: string) => {
      const link = linkByName(walk.world, ns.id, iface);
      const addr = link && ns.addrs.find((a) => a.family === 4 && a.linkId === link.id && !a.secondary);
      return addr && addr.family === 4 ? addr.local : null;
    },
  };
}

/** Runs one hook, writing its events to the trace. `srcMac`: the arriving frame's source (for -m mac). */
export function runHook(walk: Walk, ns: Netns, hook: Hook, packet: Packet, inLink: Link | null, outLink: Link | null, srcMac: string | null = null): HookResult {
  const result = walk.hooks(ns, hook, packet, hookCtx(walk, ns, inLink?.name ?? null, outLink?.name ?? null, srcMac));
  // Events already name their table and chain ("nat/POSTROUTING: MASQUERADE ...").
  for (const event of result.events) hop(walk, ns, 'netfilter', event);
  return result;
}

function linkOf(walk: Walk, route: Route): Link | undefined {
  return route.linkId === null ? undefined : walk.world.state.links[route.linkId];
}

/** ip_local_out: a packet the namespace itself sends. Returns the errno the sender sees. */
export function localOut(walk: Walk, ns: Netns, packet: Packet, opts: OutputOptions = {}): SendError | null {
  const decision = routeOutput(walk, ns, packet.dst, opts);
  if (!decision.ok) {
    drop(walk, ns, `no route to ${formatIpv4(packet.dst)} in ${nsLabel(walk.world, ns)}`);
    return decision.error;
  }
  let route = decision.route;
  if (packet.src === 0) packet = { ...packet, src: decision.src };
  walk.trace.sent ??= packet;
  hop(walk, ns, 'route', `${formatIpv4(packet.src)} -> ${formatIpv4(packet.dst)} via ${describeRoute(walk, route)}`, linkOf(walk, route));
  const out = runHook(walk, ns, 'OUTPUT', packet, null, linkOf(walk, route) ?? null);
  // Recorded on Linux 6.18 with nf_tables: DROP in OUTPUT is silent for the sender; REJECT
  // sends the ICMP error to the local socket and sendmsg fails with EPERM.
  if (out.verdict.kind !== 'accept') {
    drop(walk, ns, out.verdict.reason);
    if (out.verdict.kind === 'drop') return null;
    sendIcmpError(walk, ns, packet, 'dest-unreachable', rejectCode(out.verdict.rejectWith));
    return 'EPERM';
  }
  // IPVS hooks LOCAL_OUT after the nat table: a connection to a service VIP leaves for a real server.
  const balanced = ipvsForward(walk, ns, out.packet);
  if (balanced.dst !== packet.dst) {
    const again = routeOutput(walk, ns, balanced.dst, opts);
    if (!again.ok) return again.error;
    route = again.route;
  }
  packet = balanced;
  const post = runHook(walk, ns, 'POSTROUTING', packet, null, linkOf(walk, route) ?? null);
  if (post.verdict.kind !== 'accept') {
    drop(walk, ns, post.verdict.reason);
    return null;
  }
  dispatch(walk, ns, route, post.packet);
  return null;
}

function describeRoute(walk: Walk, route: Route): string {
  const link = linkOf(walk, route);
  if (route.type === 'local') return 'a local route (loopback)';
  const dev = link ? `dev ${link.name}` : 'no device';
  return route.gateway !== null ? `gateway ${formatIpv4(route.gateway)} ${dev}` : dev;
}

/** After POSTROUTING: loop back, or hand to the neighbour layer of the route's device. */
function dispatch(walk: Walk, ns: Netns, route: Route, packet: Packet): void {
  if (route.type === 'local' || isLocalAddr(ns, packet.dst)) return loopback(walk, ns, packet);
  if (route.type === 'broadcast') {
    hop(walk, ns, 'xmit', `broadcast to ${formatIpv4(packet.dst)}: hosts ignore broadcast pings`);
    return;
  }
  const link = linkOf(walk, route);
  if (!link) return drop(walk, ns, `route to ${formatIpv4(packet.dst)} has no device`);
  neighOutput(walk, ns, link, route.gateway ?? packet.dst, packet);
}

/** Local traffic goes through `lo` (and is lost while `lo` is down). */
function loopback(walk: Walk, ns: Netns, packet: Packet): void {
  const lo = linkByName(walk.world, ns.id, 'lo');
  if (!lo || !lo.adminUp) return drop(walk, ns, `lo is down in ${nsLabel(walk.world, ns)}: a packet to its own address ${formatIpv4(packet.dst)} is lost`);
  walk.hops++;
  for (const arrival of transmit(walk, lo, { src: lo.mac, dst: lo.mac, kind: 'ipv4', packet })) {
    if (arrival.frame.kind === 'ipv4') receive(walk, arrival.link, arrival.frame.packet, arrival.frame.src);
  }
}

/** ip_finish_output2 -> neigh_output: resolve the next hop, put the frame on the wire. */
export function neighOutput(walk: Walk, ns: Netns, link: Link, nextHop: number, packet: Packet): void {
  const problem = linkProblem(walk, link);
  if (problem) {
    link.stats.txDropped += link.adminUp ? 1 : 0;
    return drop(walk, ns, problem, link);
  }
  const res = resolve(walk, ns, link, nextHop, packet.src);
  if (res.kind === 'failed') {
    drop(walk, ns, `ARP for ${formatIpv4(nextHop)} on ${link.name} unanswered`, link);
    if (!isIcmpError(packet)) later(walk, res.failAt, () => sendIcmpError(walk, ns, packet, 'dest-unreachable', UNREACH.host));
    return;
  }
  walk.hops++;
  const arrivals = transmit(walk, link, { src: link.mac, dst: res.mac, kind: 'ipv4', packet });
  for (const arrival of arrivals) {
    if (arrival.frame.kind === 'ipv4') receive(walk, arrival.link, { ...arrival.frame.packet }, arrival.frame.src);
  }
}
