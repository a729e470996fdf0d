/**
 * Changing links: create, delete, move between namespaces, up/down, bridge master.
 * Callers validate first; these functions apply a change completely and keep the invariants:
 * veth peers live and die together, a bridge's ports are in its namespace, connected routes
 * exist only on up links, IPv6 link-local addresses follow carrier.
 */
import type { World } from '../world';
import { linkLocalFromMac, randomMac } from './mac';
import { addrs4Of } from './addr';
import { addr4Count, addr6Count } from './addr-count';
import { hasCarrier, ifindexTaken, peerOf, portList, portsOf } from './links';
import { insertRoute, kernelRoutesFor } from './route';
import { nsidOf } from './nsid';
import { announce, flushPort } from './fdb';
import { vlanChildren } from './vlan';
import type { Link, LinkKind, Netns } from './types';

const emptyStats = () => ({ rxPackets: 0, rxBytes: 0, rxErrors: 0, rxDropped: 0, txPackets: 0, txBytes: 0, txErrors: 0, txDropped: 0 });

/** dev_index_reserve: a wanted index if free, else the next free one after the cyclic cursor. */
export function allocIfindex(world: World, ns: Netns, wanted?: number): number {
  if (wanted !== undefined && !ifindexTaken(world, ns.id, wanted)) return wanted;
  let i = ns.nextIfindex;
  while (ifindexTaken(world, ns.id, i)) i++;
  ns.nextIfindex = i + 1;
  return i;
}

export interface NewLink {
  name: string;
  kind: LinkKind;
  mac?: string;
  mtu?: number;
  ifindex?: number;
  qdisc?: string;
  txqlen?: number;
}

export function createLink(world: World, ns: Netns, spec: NewLink): Link {
  const link: Link = {
    id: world.newId(),
    nsId: ns.id,
    ifindex: allocIfindex(world, ns, spec.ifindex),
    name: spec.name,
    kind: spec.kind,
    mac: spec.mac ?? (spec.kind === 'loopback' ? '00:00:00:00:00:00' : randomMac(world.rng)),
    macSet: false,
    mtu: spec.mtu ?? (spec.kind === 'loopback' ? 65536 : 1500),
    adminUp: false,
    qdisc: spec.qdisc ?? 'noop',
    txqlen: spec.txqlen ?? 1000,
    peerId: null,
    masterId: null,
    bridge: spec.kind === 'bridge' ? { stp: false, forwardDelay: 1500, ageingTime: 30000, fdb: [], everHadPort: false } : null,
    port: null,
    stats: emptyStats(),
    cable: spec.kind === 'ether',
  };
  world.reindex(link, () => (world.state.links[link.id] = link));
  return link;
}

/** veth_newlink registers the peer first, so the peer gets the lower ifindex. */
export function createVethPair(world: World, ns: Netns, name: string, peerNs: Netns, peerName: string): [Link, Link] {
  const peer = createLink(world, peerNs, { name: peerName, kind: 'veth' });
  const link = createLink(world, ns, { name, kind: 'veth' });
  link.peerId = peer.id;
  peer.peerId = link.id;
  if (ns.id !== peerNs.id) {
    nsidOf(ns, peerNs);
    nsidOf(peerNs, ns);
  }
  world.changed();
  return [link, peer];
}

/** Removes a link and everything that refers to it; a veth takes its peer with it. */
export function deleteLink(world: World, link: Link): void {
  const doomed = [link];
  const peer = peerOf(world, link);
  if (link.kind === 'veth' && peer) doomed.push(peer);
  // unregister_vlan_dev on NETDEV_UNREGISTER: VLAN devices go with their lower device.
  for (const l of [...doomed]) doomed.push(...vlansOn(world, l));
  for (const l of doomed) {
    if (l.kind === 'bridge') for (const port of portsOf(world, l)) detachPort(world, port);
    if (l.masterId !== null) detachPort(world, l);
  }
  for (const l of doomed) {
    if (l.kind === 'ether' && peer && l !== link) continue;
    forgetLink(world, l);
  }
  // A cable's far end (or the VM NIC on a tap) stays, unplugged.
  if ((link.kind === 'ether' || link.kind === 'tun') && peer) peer.peerId = null;
  reconcile(world, doomed.map((l) => l.peerId).filter((id): id is number => id !== null));
  world.changed();
}

function forgetLink(world: World, link: Link): void {
  const ns = world.netns(link.nsId);
  if (hasAddrs(ns, link)) ns.addrs = ns.addrs.filter((a) => a.linkId !== link.id);
  ns.routes = ns.routes.filter((r) => r.linkId !== link.id);
  ns.neigh = ns.neigh.filter((n) => n.linkId !== link.id);
  world.reindex(link, () => delete world.state.links[link.id]);
}

/** dev_change_net_namespace: the link goes down, loses addresses and routes, keeps its ifindex if free. */
export function moveLink(world: World, link: Link, target: Netns, newName?: string): void {
  setAdminUp(world, link, false);
  if (link.masterId !== null) detachPort(world, link);
  if (link.kind === 'bridge') for (const port of portsOf(world, link)) detachPort(world, port);
  const from = world.netns(link.nsId);
  // The departure notice carries IFLA_NEW_NETNSID, so the old namespace numbers the new one.
  nsidOf(from, target);
  if (hasAddrs(from, link)) from.addrs = from.addrs.filter((a) => a.linkId !== link.id);
  from.routes = from.routes.filter((r) => r.linkId !== link.id);
  from.neigh = from.neigh.filter((n) => n.linkId !== link.id);
  const ifindex = allocIfindex(world, target, link.ifindex);
  world.reindex(link, () => {
    link.ifindex = ifindex;
    link.nsId = target.id;
    if (newName) link.name = newName;
  });
  const peer = peerOf(world, link);
  if (peer && peer.nsId !== target.id) {
    const peerNs = world.netns(peer.nsId);
    nsidOf(peerNs, target);
    nsidOf(target, peerNs);
  }
  reconcile(world, [link.id]);
  world.changed();
}

/** dev_open / dev_close with their side effects on routes, bridge ports and IPv6. */
export function setAdminUp(world: World, link: Link, up: boolean): void {
  if (link.adminUp === up) return;
  link.adminUp = up;
  const ns = world.netns(link.nsId);
  if (up) {
    if (link.qdisc === 'noop') link.qdisc = defaultQdisc(link.kind);
    // inetdev_event(NETDEV_UP): a loopback without IPv4 gets 127.0.0.1/8 when it comes up.
    if (link.kind === 'loopback' && addr4Count(ns, link.id) === 0) ns.addrs.push({ family: 4, linkId: link.id, local: 0x7f000001, prefixLen: 8, broadcast: null, scope: 'host', label: link.name, secondary: false });
    if (addr4Count(ns, link.id) > 0) for (const addr of addrs4Of(ns, link)) for (const route of kernelRoutesFor(addr, link)) insertRoute(ns, route);
  } else {
    ns.routes = ns.routes.filter((r) => r.linkId !== link.id || (r.type === 'local' && r.table === 255));
    if (addr6Count(ns, link.id) > 0) ns.addrs = ns.addrs.filter((a) => a.linkId !== link.id || a.family === 4);
    ns.neigh = ns.neigh.filter((n) => n.linkId !== link.id);
  }
  reconcile(world, [link.id, ...vlansOn(world, link).map((v) => v.id)], link.kind === 'bridge');
  world.changed();
}

/** vlanChildren, skipped in a world without VLAN devices (it scans the namespace's links). */
function vlansOn(world: World, link: Link): Link[] {
  return world.linkIndex().vlans === 0 ? [] : vlanChildren(world, link);
}

/** Whether the link has an address in the namespace (the filters that drop them are skipped otherwise). */
function hasAddrs(ns: Netns, link: Link): boolean {
  return addr4Count(ns, link.id) + addr6Count(ns, link.id) > 0;
}

function defaultQdisc(kind: LinkKind): string {
  // A device with a transmit queue gets pfifo_fast (the default_qdisc); virtual ones none.
  return kind === 'ether' || kind === 'tun' ? 'pfifo_fast' : 'noqueue';
}

export function attachPort(world: World, bridge: Link, port: Link): void {
  world.reindex(port, () => (port.masterId = bridge.id));
  port.port = { state: 'disabled', cost: 2, priority: 32 };
  if (bridge.bridge) bridge.bridge.everHadPort = true;
  recalcBridgeMac(world, bridge);
  reconcile(world, [port.id]);
  world.changed();
}

export function detachPort(world: World, port: Link): void {
  const bridge = port.masterId === null ? undefined : world.state.links[port.masterId];
  world.reindex(port, () => (port.masterId = null));
  port.port = null;
  if (bridge?.bridge) {
    flushPort(bridge, port.id);
    recalcBridgeMac(world, bridge);
    reconcile(world, [bridge.id]);
  }
  world.changed();
}

/**
 * br_stp_recalculate_bridge_id: a bridge takes the lowest MAC of its ports unless one was set;
 * with no ports left it falls back to 00:00:00:00:00:00 (as recorded on Linux 6.x).
 */
function recalcBridgeMac(world: World, bridge: Link): void {
  if (bridge.macSet) return;
  let lowest: string | undefined;
  for (const port of portList(world, bridge)) if (lowest === undefined || port.mac < lowest) lowest = port.mac;
  setMac(world, bridge, lowest ?? '00:00:00:00:00:00');
}

/** Changes a link's name; the link index follows (every rename goes through here or `moveLink`). */
export function renameLink(world: World, link: Link, name: string): void {
  world.reindex(link, () => (link.name = name));
}

/** Changes a link's MAC address; the index of bridge port addresses follows. */
export function setMac(world: World, link: Link, mac: string): void {
  if (link.mac !== mac) world.reindex(link, () => (link.mac = mac));
}

/**
 * Recomputes derived state for the given links and their neighbours in the graph (peers,
 * masters, ports): bridge port states, IPv6 link-local addresses, bridge local FDB entries.
 */
export function reconcile(world: World, linkIds: number[], bridgeChanged = false): void {
  const todo = new Set<number>();
  const visit = (id: number | null) => {
    if (id === null || todo.has(id) || !world.state.links[id]) return;
    todo.add(id);
    const link = world.state.links[id]!;
    visit(link.peerId);
    visit(link.masterId);
  };
  linkIds.forEach(visit);
  // Only a bridge that changed itself (up/down) affects all of its ports.
  for (const id of bridgeChanged ? linkIds : []) {
    const link = world.state.links[id];
    if (link?.kind === 'bridge') for (const port of portList(world, link)) todo.add(port.id);
  }
  const links = [...todo].map((id) => world.state.links[id]!);
  for (const link of links) {
    if (!link.port) continue;
    link.port.state = portState(world, link);
    const bridge = world.state.links[link.masterId!];
    if (bridge && link.port.state === 'disabled') flushPort(bridge, link.id);
  }
  for (const link of links) syncLinkLocal(world, link);
}

function portState(world: World, port: Link): 'forwarding' | 'disabled' {
  const bridge = port.masterId === null ? undefined : world.state.links[port.masterId];
  if (!bridge?.adminUp || !port.adminUp || !hasCarrier(world, port)) return 'disabled';
  return 'forwarding';
}

/** addrconf: fe80::/64 appears once an up link has carrier; ::1 on an up loopback. */
function syncLinkLocal(world: World, link: Link): void {
  const ns = world.netns(link.nsId);
  const has6 = addr6Count(ns, link.id) > 0;
  if (has6 || !link.adminUp) return;
  if (ns.sysctl['net.ipv6.conf.all.disable_ipv6'] === '1' || ns.sysctl[`net.ipv6.conf.${link.name}.disable_ipv6`] === '1') return;
  if (link.kind === 'loopback') {
    ns.addrs.push({ family: 6, linkId: link.id, local: '::1', prefixLen: 128, scope: 'host' });
    return;
  }
  if (!hasCarrier(world, link)) return;
  ns.addrs.push({ family: 6, linkId: link.id, local: linkLocalFromMac(link.mac), prefixLen: 64, scope: 'link' });
  announce(world, link);
}
