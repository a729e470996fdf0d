/**
 * The ingress routing mesh's own namespace on each node, `ingress_sbox`, as libnetwork builds it
 * when the node joins: eth0 on the `ingress` overlay (the node's ingress endpoint, 10.0.0.2 on
 * the first node), eth1 on docker_gwbridge (172.18.0.2), ip_forward on, and
 * `POSTROUTING -d <ingress subnet> -j SNAT --to-source <its ingress address>`. The host DNATs a
 * published port to eth1's address; IPVS here balances it (round robin) over the service's tasks
 * on every node through the ingress overlay, and each task REDIRECTs the published port to its
 * target port. Replies come back the same way, un-NATed at each step.
 */
import type { World } from '../world';
import { addGatewayRoute, configure } from '../host';
import { setIpForward } from '../net/forwarding';
import { formatIpv4, prefixMask } from '../net/ipv4';
import { attachPort, createVethPair, setAdminUp, setMac } from '../net/linkops';
import { linkByName } from '../net/links';
import { createNetns, destroyNetns } from '../net/netns';
import type { Host, Netns } from '../net/types';
import { appendRule } from '../netfilter/rules';
import type { MatchModule, Rule } from '../netfilter/types';
import { daemonOf } from '../docker/daemon';
import { allocateIp } from '../docker/networks';
import { macFromIp } from '../docker/sandbox';
import type { DockerNetwork } from '../docker/types';
import { pruneVirtualServices, setVirtualService } from '../packet/ipvs';
import { allocateOverlayIp } from './overlay';
import { membershipOf } from './state';
import type { Cluster, OverlayNetwork, SwarmNode } from './types';
import { ensureSandbox, freeVethName, OVERLAY_MTU, type OverlayEndpoint, type OverlayPeer } from './vxlan-overlay';

export const INGRESS_SBOX = 'ingress_sbox';

/** What the gateway bridge network keeps out of IPAM (see docker/networks.ts takenIps). */
type ReservingNetwork = DockerNetwork & { reserved?: number[] };

export function ingressNetwork(cluster: Cluster): OverlayNetwork | undefined {
  return cluster.networks.find((n) => n.ingress);
}

export function ingressSbox(world: World, host: Host): Netns | undefined {
  const known = membershipOf(world, host)?.cluster.ingressSboxes?.[host.id];
  const ns = known === undefined ? undefined : world.state.netns[known];
  if (ns && ns.name === INGRESS_SBOX && ns.hostId === host.id) return ns;
  return Object.values(world.state.netns).find((n) => n.hostId === host.id && n.name === INGRESS_SBOX && host.netnsNames[INGRESS_SBOX] !== n.id);
}

/** The node's ingress endpoint (its address on the ingress overlay, kept in the cluster so IPAM skips it). */
function ingressAddress(cluster: Cluster, node: SwarmNode, net: OverlayNetwork): number | undefined {
  const table = (cluster.ingressEndpoints ??= {});
  const have = table[node.id];
  if (have !== undefined) return have;
  const ip = allocateOverlayIp(cluster, net);
  if (ip !== undefined) table[node.id] = ip;
  return ip;
}

/** Creates the node's ingress_sbox (once, when it joins or inits the swarm; again after it left and rejoined). */
export function ensureIngressSbox(world: World, cluster: Cluster, node: SwarmNode, host: Host): void {
  const existing = ingressSbox(world, host);
  if (existing && cluster.ingressEndpoints?.[node.id] !== undefined && linkByName(world, existing.id, 'eth0')) return;
  if (existing) removeIngressSbox(world, cluster, host);
  const net = ingressNetwork(cluster);
  const daemon = daemonOf(world, host);
  const gw = daemon?.networks.find((n) => n.name === 'docker_gwbridge') as ReservingNetwork | undefined;
  if (!net || !daemon || !gw) return;
  const overlayIp = ingressAddress(cluster, node, net);
  const gwIp = allocateIp(daemon, gw);
  const sandbox = ensureSandbox(world, cluster, net, node, host);
  const br0 = linkByName(world, sandbox.id, 'br0');
  const bridge = linkByName(world, host.rootNsId, gw.bridge);
  if (overlayIp === undefined || gwIp === undefined || !br0 || !bridge) return;
  gw.reserved = [...(gw.reserved ?? []), gwIp];
  const ns = createNetns(world, host, null);
  // Docker keeps it in /var/run/docker/netns, not /run/netns: `ip netns` does not list it.
  ns.name = INGRESS_SBOX;
  (cluster.ingressSboxes ??= {})[host.id] = ns.id;
  setAdminUp(world, linkByName(world, ns.id, 'lo')!, true);
  setIpForward(ns, true);
  const [eth0, overlayEnd] = createVethPair(world, ns, 'eth0', sandbox, freeVethName(world, sandbox));
  setMac(world, eth0, macFromIp(overlayIp));
  eth0.mtu = OVERLAY_MTU;
  overlayEnd.mtu = OVERLAY_MTU;
  attachPort(world, br0, overlayEnd);
  setAdminUp(world, overlayEnd, true);
  configure(world, ns, eth0, `${formatIpv4(overlayIp)}/${net.prefixLen}`);
  setAdminUp(world, eth0, true);
  const root = world.netns(host.rootNsId);
  const [eth1, hostEnd] = createVethPair(world, ns, 'eth1', root, `veth${world.rng.bytes(4).map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, 7)}`);
  setMac(world, eth1, macFromIp(gwIp));
  attachPort(world, bridge, hostEnd);
  setAdminUp(world, hostEnd, true);
  configure(world, ns, eth1, `${formatIpv4(gwIp)}/${gw.prefixLen}`);
  setAdminUp(world, eth1, true);
  addGatewayRoute(ns, eth1, 'default', formatIpv4(gw.gateway));
  appendRule(ns, 'nat', 'POSTROUTING', snatToSbox(net, overlayIp));
}

/** A node that left the swarm loses its ingress_sbox and gives its docker_gwbridge address back. */
export function removeIngressSbox(world: World, cluster: Cluster, host: Host): void {
  const ns = ingressSbox(world, host);
  if (!ns) return;
  const gwIp = sboxGatewayAddress(world, host);
  const gw = daemonOf(world, host)?.networks.find((n) => n.name === 'docker_gwbridge') as ReservingNetwork | undefined;
  if (gw?.reserved && gwIp !== undefined) gw.reserved = gw.reserved.filter((ip) => ip !== gwIp);
  destroyNetns(world, host, ns);
  if (cluster.ingressSboxes) delete cluster.ingressSboxes[host.id];
}

function snatToSbox(net: OverlayNetwork, overlayIp: number): Rule {
  return { dst: { addr: net.subnet, mask: prefixMask(net.prefixLen), neg: false }, modules: [], target: { kind: 'SNAT', range: { minIp: overlayIp, maxIp: overlayIp, minPort: null, maxPort: null } }, counters: { packets: 0, bytes: 0 } };
}

/** The ingress_sbox of every node as a peer on the ingress overlay (replies from tasks go back to it). */
export function ingressPeers(world: World, cluster: Cluster): OverlayPeer[] {
  const net = ingressNetwork(cluster);
  if (!net) return [];
  const peers: OverlayPeer[] = [];
  for (const node of cluster.nodes) {
    const host = world.state.hosts[node.hostId];
    const ip = cluster.ingressEndpoints?.[node.id];
    if (!host || node.left || ip === undefined || !ingressSbox(world, host)) continue;
    peers.push({ net, node, host, ip, mac: macFromIp(ip) });
  }
  return peers;
}

/** The gateway-bridge address the host DNATs published ports to (eth1 of its ingress_sbox). */
export function sboxGatewayAddress(world: World, host: Host): number | undefined {
  const ns = ingressSbox(world, host);
  const eth1 = ns && linkByName(world, ns.id, 'eth1');
  const addr = ns && eth1 && ns.addrs.find((a) => a.family === 4 && a.linkId === eth1.id);
  return addr && addr.family === 4 ? addr.local : undefined;
}

/**
 * IPVS in every ingress_sbox: one virtual service per published port, over the ingress
 * addresses of the service's running tasks (in the order they started); and in each task, the
 * REDIRECT of the published port to its target port on its ingress address.
 */
export function refreshIngressBalancing(world: World, cluster: Cluster, endpoints: OverlayEndpoint[]): void {
  const net = ingressNetwork(cluster);
  if (!net) return;
  const onIngress = endpoints.filter((e) => e.net.id === net.id);
  for (const node of cluster.nodes) {
    const host = world.state.hosts[node.hostId];
    const sbox = host && !node.left ? ingressSbox(world, host) : undefined;
    const vip = host && sboxGatewayAddress(world, host);
    if (!sbox || vip === undefined) continue;
    const wanted = new Set<string>();
    for (const service of cluster.services) {
      const reals = onIngress.filter((e) => e.serviceId === service.id).map((e) => ({ ip: e.ip, port: null }));
      for (const p of service.spec.ports) {
        if (p.mode !== 'ingress' || p.published === 0) continue;
        setVirtualService(world, sbox.id, { vip, proto: p.protocol, port: p.published, label: `ingress port ${p.published} of service ${service.spec.name}` }, reals);
        wanted.add(`${p.protocol}/${p.published}`);
      }
    }
    pruneVirtualServices(world, sbox.id, (s) => wanted.has(`${s.proto}/${s.port}`));
  }
  for (const ep of onIngress) {
    const service = cluster.services.find((s) => s.id === ep.serviceId);
    for (const p of service?.spec.ports ?? []) if (p.mode === 'ingress' && p.published !== 0) redirectPublished(world.netns(ep.nsId), ep.ip, p.protocol, p.published, p.target);
  }
}

/** `-t nat -A PREROUTING -d TASK_IP/32 -p tcp -m tcp --dport PUB -j REDIRECT --to-ports TARGET`. */
function redirectPublished(ns: Netns, ip: number, proto: 'tcp' | 'udp', published: number, target: number): void {
  const match: MatchModule = { kind: proto, dport: { lo: published, hi: published, neg: false } } as MatchModule;
  const rule: Rule = {
    dst: { addr: ip, mask: prefixMask(32), neg: false },
    proto: { num: proto === 'tcp' ? 6 : 17, neg: false },
    modules: [match],
    target: { kind: 'REDIRECT', ports: { lo: target, hi: target } },
    counters: { packets: 0, bytes: 0 },
  };
  const pre = ns.netfilter.tables.nat.chains.find((c) => c.name === 'PREROUTING');
  const installed = pre?.rules.some((r) => r.target?.kind === 'REDIRECT' && r.dst?.addr === ip && r.proto?.num === rule.proto!.num && r.target.ports?.lo === target && r.modules.some((m) => m.kind === proto && m.dport?.lo === published));
  if (!installed) appendRule(ns, 'nat', 'PREROUTING', rule);
}
