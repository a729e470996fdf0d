/**
 * Overlay networks (swarm scope): the `ingress` network made by swarm init, user networks from
 * `docker network create -d overlay`, addresses for service VIPs and tasks, and the per-node
 * `docker_gwbridge` bridge through which task containers reach the outside.
 */
import type { World } from '../world';
import type { Host } from '../net/types';
import { daemonOf } from '../docker/daemon';
import { createBridgeNetwork, nextPool } from '../docker/networks';
import { membershipOf, newSwarmId } from './state';
import { ensureIngressSbox } from './vxlan-ingress';
import type { Cluster, OverlayNetwork, Service } from './types';

const OVERLAY_POOL = (10 << 24) >>> 0;

export function createIngress(world: World, cluster: Cluster): OverlayNetwork {
  return addOverlay(world, cluster, { name: 'ingress', ingress: true, attachable: false });
}

export interface OverlaySpec {
  name: string;
  attachable: boolean;
  ingress?: boolean;
  subnet?: [number, number];
  labels?: Record<string, string>;
  stack?: string;
}

/** The next free /24 of 10.0.0.0/8 (the default address pool of swarm's IPAM). */
function nextOverlaySubnet(cluster: Cluster): number {
  for (let i = 0; i < 65536; i++) {
    const subnet = (OVERLAY_POOL + (i << 8)) >>> 0;
    if (!cluster.networks.some((n) => n.subnet === subnet)) return subnet;
  }
  return OVERLAY_POOL;
}

export function addOverlay(world: World, cluster: Cluster, spec: OverlaySpec): OverlayNetwork {
  const [subnet, prefixLen] = spec.subnet ?? [nextOverlaySubnet(cluster), 24];
  const used = new Set(cluster.networks.map((n) => n.vni));
  let vni = 4096;
  while (used.has(vni)) vni++;
  const net: OverlayNetwork = {
    id: newSwarmId(world),
    name: spec.name,
    subnet,
    prefixLen,
    gateway: (subnet + 1) >>> 0,
    attachable: spec.attachable,
    ingress: spec.ingress ?? false,
    created: world.clock.now(),
    vni,
    labels: spec.labels ?? {},
    ...(spec.stack ? { stack: spec.stack } : {}),
  };
  cluster.networks.push(net);
  return net;
}

export function findOverlay(cluster: Cluster, ref: string): OverlayNetwork | undefined {
  return cluster.networks.find((n) => n.name === ref) ?? cluster.networks.find((n) => n.id === ref) ?? (ref.length > 0 ? onlyOne(cluster.networks.filter((n) => n.id.startsWith(ref))) : undefined);
}

function onlyOne<T>(list: T[]): T | undefined {
  return list.length === 1 ? list[0] : undefined;
}

/** The overlays a service's tasks join: ingress when it publishes ports through the mesh, then its own networks. */
export function serviceNetworkIds(cluster: Cluster, service: Service): string[] {
  const ingress = cluster.networks.find((n) => n.ingress);
  return [...(service.spec.ports.some((p) => p.mode === 'ingress') && ingress ? [ingress.id] : []), ...service.spec.networks];
}

/** The lowest free address of an overlay network (after the gateway, VIPs and task addresses). */
export function allocateOverlayIp(cluster: Cluster, net: OverlayNetwork): number | undefined {
  const taken = new Set<number>([net.gateway, ...(net.ingress ? Object.values(cluster.ingressEndpoints ?? {}) : [])]);
  for (const s of cluster.services) if (s.vips[net.id] !== undefined) taken.add(s.vips[net.id]!);
  for (const t of cluster.tasks) if (t.desired === 'running' && t.addrs[net.id] !== undefined) taken.add(t.addrs[net.id]!);
  for (const a of cluster.attachments ?? []) if (a.addrs[net.id] !== undefined) taken.add(a.addrs[net.id]!);
  const size = 2 ** (32 - net.prefixLen);
  for (let i = 2; i < size - 1; i++) {
    const ip = (net.subnet + i) >>> 0;
    if (!taken.has(ip)) return ip;
  }
  return undefined;
}

/** docker_gwbridge: a local bridge network (the next default pool, 172.18.0.0/16 on a fresh host). */
export function ensureGatewayBridge(world: World, host: Host): void {
  const daemon = daemonOf(world, host);
  if (!daemon) return;
  const pool = daemon.networks.some((n) => n.name === 'docker_gwbridge') ? undefined : nextPool(daemon);
  if (pool) createBridgeNetwork(world, host, daemon, { name: 'docker_gwbridge', bridge: 'docker_gwbridge', subnet: pool[0], prefixLen: pool[1] });
  // The routing mesh's namespace comes with it, first on the bridge (172.18.0.2), as when the node joins.
  const member = membershipOf(world, host);
  if (member) ensureIngressSbox(world, member.cluster, member.node, host);
}

/** Overlay networks a node knows: all of them on a manager; on a worker, those its tasks and attached containers use (and ingress). */
export function overlaysSeenBy(cluster: Cluster, nodeId: string, role: 'manager' | 'worker'): OverlayNetwork[] {
  if (role === 'manager') return cluster.networks;
  const used = new Set<string>();
  for (const t of cluster.tasks) if (t.nodeId === nodeId && t.desired === 'running') for (const id of Object.keys(t.addrs)) used.add(id);
  for (const a of cluster.attachments ?? []) if (a.nodeId === nodeId) for (const id of Object.keys(a.addrs)) used.add(id);
  return cluster.networks.filter((n) => n.ingress || used.has(n.id));
}
