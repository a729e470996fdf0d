/**
 * The overlay data path, laid out as libnetwork's overlay driver does on each node: per overlay
 * network a sandbox namespace `1-<network id>` holding `br0` (the network's gateway address) and
 * `vxlan0` (VNI of the network, UDP 4789 from the node's LAN address, port of br0); each task's
 * container joins it by a veth (`vethN` on br0, `ethN` in the container: the first overlay is
 * eth0, docker_gwbridge eth1, further overlays eth2...). Peers are programmed statically, as the
 * driver does from the cluster's network database: every remote endpoint is a permanent neighbour
 * of vxlan0 (so ARP is answered locally) and an FDB entry pointing at its node's address.
 */
import type { World } from '../world';
import { configure } from '../host';
import { formatIpv4, parseIpv4 } from '../net/ipv4';
import { attachPort, createLink, createVethPair, renameLink, setAdminUp, setMac } from '../net/linkops';
import { linkByName, linksIn } from '../net/links';
import { createNetns, destroyNetns } from '../net/netns';
import { setNeigh } from '../net/neigh';
import type { Host, Link, Netns } from '../net/types';
import { macFromIp } from '../docker/sandbox';
import { addVxlanDevice, removeVxlanDevice, vxlanDevice } from '../packet/vxlan';
import { allocateOverlayIp, serviceNetworkIds } from './overlay';
import { refreshServiceVips, refreshVipAliases } from './service-vips';
import { daemonOf } from '../docker/daemon';
import { membershipOf } from './state';
import type { Container } from '../docker/types';
import { ingressPeers, refreshIngressBalancing, removeIngressSbox } from './vxlan-ingress';
import type { Cluster, OverlayNetwork, SwarmNode } from './types';

/** The overlay driver's MTU: 1500 less the 50 bytes of VXLAN, UDP, IP and inner Ethernet headers. */
export const OVERLAY_MTU = 1450;

/** An address on an overlay, on the node that holds it (vxlan0 elsewhere learns it statically). */
export interface OverlayPeer {
  net: OverlayNetwork;
  node: SwarmNode;
  host: Host;
  ip: number;
  mac: string;
}

/** A container's address on one overlay (a task's, or a standalone container's attachment), on the node that runs it. */
export interface OverlayEndpoint extends OverlayPeer {
  /** The task's service; null for a standalone container. */
  serviceId: string | null;
  /** Every overlay address of the container, in the order it joined them (its interface names follow it). */
  addrs: Record<string, number>;
  containerId: string;
  /** The container's name (the embedded DNS answers it on the overlay). */
  name: string;
  nsId: number;
  /** Set for an overlay joined by `docker network connect`: the interface name, after the container's own. */
  ifname?: string;
}

/** The namespace name libnetwork gives a network's sandbox: "1-" and the first 10 characters of its id. */
export function sandboxName(net: OverlayNetwork): string {
  return `1-${net.id.slice(0, 10)}`;
}

export function nodeLanAddress(node: SwarmNode): number {
  return parseIpv4(node.addr) ?? 0;
}

/** Every running task's address on each of its overlays, in task order, then the standalone containers'. */
export function overlayEndpoints(world: World, cluster: Cluster): OverlayEndpoint[] {
  const nodes = new Map(cluster.nodes.map((n) => [n.id, n]));
  const nets = new Map(cluster.networks.map((n) => [n.id, n]));
  const running = runningContainers(world, cluster);
  const out: OverlayEndpoint[] = [];
  const add = (nodeId: string, containerId: string | null, serviceId: string | null, addrs: Record<string, number>, connected?: string[]) => {
    const node = nodes.get(nodeId);
    const found = node && containerId !== null ? running.get(containerId) : undefined;
    if (!node || !found || found.host.id !== node.hostId) return;
    const { c, host } = found;
    for (const [netId, ip] of Object.entries(addrs)) {
      const net = nets.get(netId);
      const joined = connected?.indexOf(netId) ?? -1;
      const ifname = joined >= 0 ? { ifname: `eth${c.endpoints.length + joined}` } : {};
      if (net) out.push({ net, node, host, nsId: c.nsId!, ip, mac: macFromIp(ip), serviceId, addrs, containerId: c.id, name: c.name, ...ifname });
    }
  };
  for (const task of cluster.tasks) if (task.desired === 'running' && task.state === 'running') add(task.nodeId, task.containerId, task.serviceId, task.addrs);
  for (const a of cluster.attachments ?? []) add(a.nodeId, a.containerId, null, a.addrs, a.connected);
  return out;
}

/** The running containers (with a namespace) of the member nodes' daemons, by id: one pass per daemon. */
function runningContainers(world: World, cluster: Cluster): Map<string, { c: Container; host: Host }> {
  const out = new Map<string, { c: Container; host: Host }>();
  for (const node of cluster.nodes) {
    const host = node.left ? undefined : world.state.hosts[node.hostId];
    const daemon = host ? daemonOf(world, host) : undefined;
    if (!host || !daemon) continue;
    for (const c of daemon.containers) if (c.state === 'running' && c.nsId !== null) out.set(c.id, { c, host });
  }
  return out;
}

/** The sandbox of `net` on `host`, if the node has one (kept by id in the cluster: no scan of the world's namespaces). */
export function overlaySandbox(world: World, host: Host, net: OverlayNetwork, cluster = membershipOf(world, host)?.cluster): Netns | undefined {
  const id = cluster?.overlaySandboxes?.[host.id]?.[net.id];
  const ns = id === undefined ? undefined : world.state.netns[id];
  return ns && ns.hostId === host.id && ns.name === sandboxName(net) ? ns : undefined;
}

/** Brings every node's sandboxes, container interfaces and peer tables in line with the running tasks. */
export function refreshOverlays(world: World, cluster: Cluster): void {
  assignTaskAddresses(cluster);
  const endpoints = overlayEndpoints(world, cluster);
  const peers: OverlayPeer[] = [...endpoints, ...ingressPeers(world, cluster)];
  // Every swarm command reconciles; when nothing the layout depends on moved, the sandboxes, peer
  // tables and every task's IPVS table (n tasks x n servers) are as the last refresh left them.
  const signature = layoutSignature(world, cluster, endpoints, peers);
  if (cluster.overlayLayout === signature) return;
  const wanted = new Map<string, OverlayPeer>();
  for (const p of peers) wanted.set(`${p.net.id}/${p.host.id}`, p);
  removeUnused(world, cluster, wanted);
  for (const { net, node, host } of wanted.values()) refreshVipAliases(world, cluster, net, ensureSandbox(world, cluster, net, node, host));
  const perNs = new Map<number, number>();
  for (const ep of endpoints) perNs.set(ep.nsId, (perNs.get(ep.nsId) ?? 0) + 1);
  for (const ep of endpoints) attachEndpoint(world, cluster, ep, perNs.get(ep.nsId)!);
  const byNet = peersByNetwork(peers);
  for (const { net, host } of wanted.values()) programPeers(world, cluster, net, host, byNet.get(net.id) ?? []);
  refreshServiceVips(world, cluster, endpoints);
  refreshIngressBalancing(world, cluster, endpoints);
  // Taken again: the sandboxes made or removed above are part of what the next call compares.
  cluster.overlayLayout = layoutSignature(world, cluster, endpoints, peers);
}

/**
 * What refreshOverlays reads, as one string: the endpoints (container namespace, address,
 * service), the ingress peers, the services' VIPs, modes and published ports, the networks, the
 * nodes, and the sandboxes it made (a namespace that went away changes it too).
 */
function layoutSignature(world: World, cluster: Cluster, endpoints: OverlayEndpoint[], peers: OverlayPeer[]): string {
  const parts: string[] = [];
  for (const e of endpoints) parts.push(`e${e.net.id}/${e.host.id}/${e.nsId}/${e.ip}/${e.serviceId}/${e.ifname ?? ''}`);
  for (const p of peers) parts.push(`p${p.net.id}/${p.node.id}/${p.host.id}/${p.ip}`);
  for (const sv of cluster.services) parts.push(`s${sv.id}/${sv.spec.name}/${sv.spec.endpointMode ?? 'vip'}/${JSON.stringify(sv.vips)}/${JSON.stringify(sv.spec.ports)}`);
  for (const n of cluster.networks) parts.push(`n${n.id}`);
  for (const n of cluster.nodes) parts.push(`h${n.id}/${n.hostId}/${n.left}`);
  for (const [hostId, byNet] of Object.entries(cluster.overlaySandboxes ?? {})) for (const [netId, nsId] of Object.entries(byNet)) parts.push(`x${hostId}/${netId}/${nsId}/${world.state.netns[nsId] !== undefined}`);
  for (const [hostId, nsId] of Object.entries(cluster.ingressSboxes ?? {})) parts.push(`i${hostId}/${nsId}/${world.state.netns[nsId] !== undefined}`);
  return parts.join('|');
}

/** A task without a VIP to follow (`--endpoint-mode dnsrr`) still gets an address on each of its service's networks. */
function assignTaskAddresses(cluster: Cluster): void {
  for (const service of cluster.services) {
    if (service.spec.endpointMode !== 'dnsrr') continue;
    const nets = serviceNetworkIds(cluster, service);
    for (const task of cluster.tasks) {
      if (task.serviceId !== service.id || task.desired !== 'running') continue;
      for (const id of nets) {
        const net = cluster.networks.find((n) => n.id === id);
        const ip = task.addrs[id] === undefined && net ? allocateOverlayIp(cluster, net) : undefined;
        if (ip !== undefined) task.addrs[id] = ip;
      }
    }
  }
}

/** Sandboxes of nodes where no task uses the network any more go, as the driver leaves them; a node that left loses its ingress_sbox. */
function removeUnused(world: World, cluster: Cluster, wanted: Map<string, unknown>): void {
  for (const node of cluster.nodes) {
    const host = world.state.hosts[node.hostId];
    if (!host || !node.left) continue;
    removeIngressSbox(world, cluster, host);
    // Its ingress address goes back to the pool (a node that joins again is a new node).
    if (cluster.ingressEndpoints) delete cluster.ingressEndpoints[node.id];
  }
  for (const net of cluster.networks) {
    for (const node of cluster.nodes) {
      const host = world.state.hosts[node.hostId];
      if (!host || wanted.has(`${net.id}/${host.id}`)) continue;
      const ns = overlaySandbox(world, host, net, cluster);
      if (!ns) continue;
      for (const link of linksIn(world, ns.id)) if (vxlanDevice(world, link)) removeVxlanDevice(world, link.id);
      destroyNetns(world, host, ns);
      delete cluster.overlaySandboxes![host.id]![net.id];
    }
  }
}

export function ensureSandbox(world: World, cluster: Cluster, net: OverlayNetwork, node: SwarmNode, host: Host): Netns {
  const existing = overlaySandbox(world, host, net, cluster);
  if (existing) return existing;
  const ns = createNetns(world, host, null);
  // Named for traces and the view, but not under /run/netns (Docker keeps it in /var/run/docker/netns).
  ns.name = sandboxName(net);
  ((cluster.overlaySandboxes ??= {})[host.id] ??= {})[net.id] = ns.id;
  setAdminUp(world, linkByName(world, ns.id, 'lo')!, true);
  const br0 = createLink(world, ns, { name: 'br0', kind: 'bridge', mtu: OVERLAY_MTU });
  configure(world, ns, br0, `${formatIpv4(net.gateway)}/${net.prefixLen}`);
  const vxlan0 = createLink(world, ns, { name: 'vxlan0', kind: 'dummy', mtu: OVERLAY_MTU });
  addVxlanDevice(world, { linkId: vxlan0.id, vni: net.vni, underlayNsId: host.rootNsId, local: nodeLanAddress(node), fdb: {} });
  attachPort(world, br0, vxlan0);
  setAdminUp(world, vxlan0, true);
  setAdminUp(world, br0, true);
  return ns;
}

/** The container end's name: the task's first overlay is eth0, docker_gwbridge eth1, then eth2... */
function containerIfname(ep: OverlayEndpoint): string {
  const order = Object.keys(ep.addrs).indexOf(ep.net.id);
  return order === 0 ? 'eth0' : `eth${order + 1}`;
}

function attachEndpoint(world: World, cluster: Cluster, ep: OverlayEndpoint, overlays: number): void {
  const cns = world.netns(ep.nsId);
  if (cns.addrs.some((a) => a.family === 4 && a.local === ep.ip)) return;
  const sandbox = overlaySandbox(world, ep.host, ep.net, cluster);
  const br0 = sandbox && linkByName(world, sandbox.id, 'br0');
  if (!sandbox || !br0) return;
  // A container connected to an overlay keeps its own gateway network (no docker_gwbridge to move).
  if (ep.ifname === undefined) moveGatewayBridgeAside(world, cns, overlays);
  const [inside, outside] = createVethPair(world, cns, ep.ifname ?? containerIfname(ep), sandbox, freeVethName(world, sandbox));
  setMac(world, inside, ep.mac);
  inside.mtu = OVERLAY_MTU;
  outside.mtu = OVERLAY_MTU;
  // The overlay driver creates the pair with TxQLen 0, as the bridge driver does (no "qlen 1000" in ip addr).
  inside.txqlen = 0;
  outside.txqlen = 0;
  attachPort(world, br0, outside);
  setAdminUp(world, outside, true);
  configure(world, cns, inside, `${formatIpv4(ep.ip)}/${ep.net.prefixLen}`);
  setAdminUp(world, inside, true);
}

/** The daemon plugged docker_gwbridge in as eth0; once the task joins an overlay it is eth1. */
function moveGatewayBridgeAside(world: World, cns: Netns, overlays: number): void {
  if (overlays === 0) return;
  const eth0 = linkByName(world, cns.id, 'eth0');
  if (eth0 && !linkByName(world, cns.id, 'eth1')) {
    renameLink(world, eth0, 'eth1');
    for (const a of cns.addrs) if (a.linkId === eth0.id && a.family === 4) a.label = 'eth1';
  }
}

/** The lowest free vethN in the sandbox (one pass over its links). */
export function freeVethName(world: World, ns: Netns): string {
  const taken = new Set(linksIn(world, ns.id).map((l) => l.name));
  for (let i = 0; ; i++) if (!taken.has(`veth${i}`)) return `veth${i}`;
}

function peersByNetwork(peers: OverlayPeer[]): Map<string, OverlayPeer[]> {
  const out = new Map<string, OverlayPeer[]>();
  for (const p of peers) (out.get(p.net.id) ?? out.set(p.net.id, []).get(p.net.id)!).push(p);
  return out;
}

/** vxlan0's FDB and neighbour entries: every endpoint of the network (`onNet`) on another node. */
function programPeers(world: World, cluster: Cluster, net: OverlayNetwork, host: Host, onNet: OverlayPeer[]): void {
  const ns = overlaySandbox(world, host, net, cluster);
  const vxlan0: Link | undefined = ns && linkByName(world, ns.id, 'vxlan0');
  const dev = vxlan0 && vxlanDevice(world, vxlan0);
  if (!ns || !vxlan0 || !dev) return;
  const remote = onNet.filter((e) => e.host.id !== host.id);
  const lan = new Map<string, number>();
  const fdb: Record<string, number> = {};
  for (const e of remote) fdb[e.mac] = lan.get(e.node.id) ?? lan.set(e.node.id, nodeLanAddress(e.node)).get(e.node.id)!;
  dev.fdb = fdb;
  const keep = new Map(remote.map((e) => [e.ip, e.mac]));
  const known = new Map<number, string | null>();
  ns.neigh = ns.neigh.filter((n) => n.linkId !== vxlan0.id || (keep.has(n.ip) && (known.set(n.ip, n.mac), true)));
  for (const e of remote) if (known.get(e.ip) !== e.mac) setNeigh(ns, vxlan0.id, e.ip, { mac: e.mac, state: 'PERMANENT', now: world.clock.now() });
}
