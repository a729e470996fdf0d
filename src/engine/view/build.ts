/**
 * World -> view model: what the topology view draws. Infrastructure hosts (the LAN switch,
 * the router, the internet) are one box each; the learner's hosts show their namespaces and
 * interfaces. Loopback is a detail of its namespace, not a box.
 */
import type { World } from '../world';
import { linksIn } from '../net/links';
import type { Host, Link, Netns } from '../net/types';
import type { NodeKind, ViewEdge, ViewModel, ViewNode } from '../../protocol/view-model';
import { addrsOf, formatAddr, formatNeigh, mainRoutes, netnsLabel, nodeState, STATE_WORDS } from './describe';
import { hostId, ifId, nsId, pairId, portId, tunnelId } from './ids';
import { containerDetails, containersByNetns, dockerNodes } from './docker';
import type { Container } from '../docker/types';
import { swarmHostDetails } from '../swarm/view';
import { allVxlanDevices, vxlanDevice } from '../packet/vxlan';
import { formatIpv4 } from '../net/ipv4';

const INFRA_KIND: Partial<Record<Host['role'], NodeKind>> = { switch: 'lan', router: 'router', internet: 'internet' };
const INFRA_LABEL: Partial<Record<Host['role'], string>> = { switch: 'LAN switch', router: 'router', internet: 'internet' };

export function buildViewModel(world: World): ViewModel {
  const nodes: ViewNode[] = [];
  const edges: ViewEdge[] = [];
  const hosts = Object.values(world.state.hosts).sort((a, b) => a.id - b.id);
  const containers = containersByNetns(world);
  for (const host of hosts) {
    if (INFRA_KIND[host.role]) nodes.push(infraNode(world, host));
    else hostNodes(world, host, nodes, containers);
  }
  dockerNodes(world, nodes, edges);
  for (const link of Object.values(world.state.links).sort((a, b) => a.id - b.id)) linkEdges(world, link, edges);
  tunnelEdges(world, edges);
  return { nodes, edges };
}

/** The box a link is drawn in or on: its own node, or the infrastructure host that owns it. */
export function nodeOfLink(world: World, link: Link): string | null {
  const ns = world.state.netns[link.nsId];
  const host = ns && world.state.hosts[ns.hostId];
  if (!host) return null;
  if (INFRA_KIND[host.role]) return hostId(host.id);
  if (link.kind === 'loopback') return nsId(ns.id);
  return ifId(link.id);
}

/** The box a namespace is drawn as (its infrastructure host's for the hidden hosts). */
export function nodeOfNetns(world: World, ns: Netns): string {
  const host = world.state.hosts[ns.hostId];
  return host && INFRA_KIND[host.role] ? hostId(host.id) : nsId(ns.id);
}

function infraNode(world: World, host: Host): ViewNode {
  const ns = world.netns(host.rootNsId);
  const unique = [...new Set(ns.addrs.filter((a) => a.scope !== 'host' && !(a.family === 6 && a.scope === 'link')).map(formatAddr))];
  return {
    id: hostId(host.id),
    kind: INFRA_KIND[host.role]!,
    parent: null,
    label: INFRA_LABEL[host.role]!,
    state: 'up',
    addresses: unique,
    details: [['role', host.role], ...mainRoutes(world, ns).map((r): [string, string] => ['route', r])],
  };
}

function hostNodes(world: World, host: Host, nodes: ViewNode[], containers: Map<number, Container>): void {
  const hostDetails: [string, string][] = [['hostname', host.hostname]];
  if (host.role === 'vm') hostDetails.push(['role', 'virtual machine (its eth0 is a tap of its host)']);
  hostDetails.push(...swarmHostDetails(world, host));
  nodes.push({ id: hostId(host.id), kind: 'host', parent: null, label: host.name, state: 'up', addresses: [], details: hostDetails });
  const namespaces = Object.values(world.state.netns)
    .filter((ns) => ns.hostId === host.id)
    .sort((a, b) => a.id - b.id);
  for (const ns of namespaces) {
    nodes.push(netnsNode(world, host, ns, containers.get(ns.id)));
    for (const link of linksIn(world, ns.id)) if (link.kind !== 'loopback') nodes.push(linkNode(world, ns, link));
  }
}

function netnsNode(world: World, host: Host, ns: Netns, container: Container | undefined): ViewNode {
  const lo = linksIn(world, ns.id).find((l) => l.kind === 'loopback');
  const details: [string, string][] = [];
  if (lo) details.push(['lo', `${STATE_WORDS[nodeState(world, lo)]} ${addrsOf(ns, lo).join(' ') || 'no address'}`]);
  details.push(['ip_forward', ns.sysctl['net.ipv4.ip_forward'] ?? '0']);
  for (const r of mainRoutes(world, ns)) details.push(['route', r]);
  for (const n of ns.neigh) details.push(['neighbour', formatNeigh(world, n)]);
  const rules = Object.entries(ns.netfilter.tables).flatMap(([table, t]) => t.chains.map((c) => [table, c] as const));
  for (const [table, chain] of rules) {
    if (chain.rules.length || chain.policy === 'DROP') details.push(['iptables', `${table} ${chain.name}: ${chain.rules.length} rules, policy ${chain.policy ?? '-'}`]);
  }
  if (container) return { id: nsId(ns.id), kind: 'container', parent: hostId(host.id), label: container.name, state: container.state === 'running' ? 'up' : 'down', addresses: [], details: [...containerDetails(container), ...details] };
  return { id: nsId(ns.id), kind: 'netns', parent: hostId(host.id), label: netnsLabel(world, ns), state: 'up', addresses: [], details };
}

function linkNode(world: World, ns: Netns, link: Link): ViewNode {
  const tunnel = vxlanDevice(world, link);
  const details: [string, string][] = [
    ['type', tunnel ? 'vxlan' : link.kind],
    ...(tunnel ? [['vxlan', `id ${tunnel.vni}, local ${formatIpv4(tunnel.local)}, dstport 4789, ${Object.keys(tunnel.fdb).length} remote MACs`] as [string, string]] : []),
    ['mac', link.mac],
    ['mtu', String(link.mtu)],
  ];
  if (link.masterId !== null) details.push(['master', world.state.links[link.masterId]?.name ?? '?']);
  if (link.port) details.push(['port state', link.port.state]);
  if (link.bridge) details.push(['fdb entries', String(link.bridge.fdb.length)]);
  const peer = link.peerId === null ? undefined : world.state.links[link.peerId];
  if (peer && link.kind === 'veth') details.push(['peer', `${peer.name} in ${netnsLabel(world, world.netns(peer.nsId))}`]);
  if (link.tun) details.push(['tun', `${link.tun.mode}${peer ? `, held open by VM ${world.state.hosts[world.netns(peer.nsId).hostId]?.name ?? '?'}` : ', no process attached (no carrier)'}`]);
  if (link.vlan) details.push(['vlan', `id ${link.vlan.id} on ${world.state.links[link.vlan.lowerId]?.name ?? '?'}`]);
  return {
    id: ifId(link.id),
    kind: link.kind === 'bridge' ? 'bridge' : 'interface',
    parent: nsId(ns.id),
    label: link.name,
    state: nodeState(world, link),
    addresses: addrsOf(ns, link),
    details,
  };
}

function linkEdges(world: World, link: Link, edges: ViewEdge[]): void {
  const from = nodeOfLink(world, link);
  if (from === null) return;
  const peer = link.peerId === null ? undefined : world.state.links[link.peerId];
  if (peer && link.id < peer.id && (link.kind === 'veth' || link.kind === 'ether' || link.kind === 'tun')) {
    const to = nodeOfLink(world, peer);
    const kind = link.kind === 'veth' ? 'veth' : 'cable';
    // A tap and the VM NIC holding it open are always joined (the VM's virtual cable).
    const plugged = kind === 'veth' || link.kind === 'tun' || (link.cable && peer.cable);
    const up = link.adminUp && peer.adminUp;
    if (to !== null && to !== from) edges.push({ id: pairId(kind, link.id, peer.id), kind, source: from, target: to, state: !plugged ? 'detached' : up ? 'up' : 'down' });
  }
  const master = link.masterId === null ? undefined : world.state.links[link.masterId];
  if (master) {
    const to = nodeOfLink(world, master);
    const forwarding = link.adminUp && link.port?.state === 'forwarding';
    if (to !== null && to !== from) edges.push({ id: portId(link.id), kind: 'port', source: from, target: to, state: forwarding ? 'up' : 'down' });
  }
}

/** VXLAN devices of one VNI on different hosts are joined by their tunnel (up while both are up). */
function tunnelEdges(world: World, edges: ViewEdge[]): void {
  const devices = allVxlanDevices(world);
  for (const a of devices) {
    for (const b of devices) {
      if (a.linkId >= b.linkId || a.vni !== b.vni || a.local === b.local) continue;
      const la = world.state.links[a.linkId];
      const lb = world.state.links[b.linkId];
      const from = la && nodeOfLink(world, la);
      const to = lb && nodeOfLink(world, lb);
      if (from && to) edges.push({ id: tunnelId(a.linkId, b.linkId), kind: 'vxlan', source: from, target: to, state: la.adminUp && lb.adminUp ? 'up' : 'down' });
    }
  }
}
