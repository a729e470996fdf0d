/** Kernel objects in the few words the view and the hovers show ("UP", "10.0.0.1/24", "default via ..."). */
import type { World } from '../world';
import { formatIpv4 } from '../net/ipv4';
import { allDaemons } from '../docker/daemon';
import { operState } from '../net/links';
import { routesOfTable } from '../net/route';
import { TABLE_MAIN, type Addr, type Host, type Link, type Neigh, type Netns, type Route } from '../net/types';
import type { NodeState } from '../../protocol/view-model';

export function nodeState(world: World, link: Link): NodeState {
  if (!link.adminUp) return 'down';
  const op = operState(world, link);
  if (op === 'UP') return 'up';
  if (op === 'UNKNOWN') return 'unknown';
  return 'no-carrier';
}

export const STATE_WORDS: Record<NodeState, string> = { up: 'UP', down: 'DOWN', 'no-carrier': 'NO-CARRIER', unknown: 'UNKNOWN' };

export function formatAddr(addr: Addr): string {
  return addr.family === 4 ? `${formatIpv4(addr.local)}/${addr.prefixLen}` : `${addr.local}/${addr.prefixLen}`;
}

/** The addresses a learner set (IPv6 link-local ones, which every link gets, are left out). */
export function addrsOf(ns: Netns, link: Link): string[] {
  return ns.addrs.filter((a) => a.linkId === link.id && !(a.family === 6 && a.scope === 'link')).map(formatAddr);
}

/** A main-table route as `ip route` would start it: `default via 192.168.1.1 dev eth0`. */
export function formatRoute(world: World, route: Route): string {
  const dst = route.len === 0 && route.dst === 0 ? 'default' : `${formatIpv4(route.dst)}/${route.len}`;
  const type = route.type === 'unicast' ? '' : `${route.type} `;
  const via = route.gateway === null ? '' : ` via ${formatIpv4(route.gateway)}`;
  const dev = route.linkId === null ? '' : ` dev ${world.state.links[route.linkId]?.name ?? '?'}`;
  return `${type}${dst}${via}${dev}`;
}

export function mainRoutes(world: World, ns: Netns): string[] {
  return routesOfTable(ns, TABLE_MAIN).map((r) => formatRoute(world, r));
}

export function formatNeigh(world: World, n: Neigh): string {
  const dev = world.state.links[n.linkId]?.name ?? '?';
  return `${formatIpv4(n.ip)} dev ${dev}${n.mac ? ` lladdr ${n.mac}` : ''} ${n.state}`;
}

/** A namespace's name as a learner knows it: its /run/netns name, or the host's own one. */
export function netnsLabel(world: World, ns: Netns): string {
  const host = world.state.hosts[ns.hostId];
  if (host && host.rootNsId === ns.id) return `${host.name} (root)`;
  if (ns.name !== null) return ns.name;
  const container = allDaemons(world)
    .flatMap((d) => d.containers)
    .find((c) => c.nsId === ns.id);
  return container ? `container ${container.name}` : `netns ${ns.id}`;
}

/** `veth-red: in red, DOWN, no address` (what a hover says about a named interface). */
export function describeLink(world: World, link: Link): string {
  const ns = world.state.netns[link.nsId];
  const where = ns ? netnsLabel(world, ns) : '?';
  const addrs = ns ? addrsOf(ns, link) : [];
  const master = link.masterId === null ? '' : `, port of ${world.state.links[link.masterId]?.name ?? '?'}`;
  const peer = link.kind === 'veth' && link.peerId !== null ? peerWords(world, link.peerId) : '';
  return `${link.name}: ${link.kind} in ${where}, ${STATE_WORDS[nodeState(world, link)]}, ${addrs.length ? addrs.join(' ') : 'no address'}${master}${peer}`;
}

function peerWords(world: World, peerId: number): string {
  const peer = world.state.links[peerId];
  if (!peer) return '';
  const ns = world.state.netns[peer.nsId];
  return `, peer ${peer.name} in ${ns ? netnsLabel(world, ns) : '?'}`;
}

export function describeNetns(world: World, host: Host, ns: Netns): string {
  const links = Object.values(world.state.links).filter((l) => l.nsId === ns.id && l.kind !== 'loopback');
  const names = links.map((l) => l.name).join(', ') || 'only lo';
  return `${ns.name ?? host.name}: network namespace with ${names}; ${ns.routes.filter((r) => r.table === TABLE_MAIN).length} routes, ip_forward=${ns.sysctl['net.ipv4.ip_forward'] ?? '0'}`;
}
