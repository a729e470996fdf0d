/**
 * Standalone containers on attachable overlays (`docker run --network NET` on a swarm node), as
 * moby's findAndAttachNetwork does it: the node asks a manager for an attachment (swarmkit's
 * ResourceAllocator.AttachNetwork), which refuses a network created without `--attachable`
 * (PermissionDenied) and otherwise allocates the container an address from the network's subnet.
 * The container then joins the overlay like a task (eth0 on the overlay, eth1 on docker_gwbridge);
 * stopping or removing it gives the attachment back (DetachNetwork).
 */
import type { World } from '../world';
import type { Container } from '../docker/types';
import { daemonOf } from '../docker/daemon';
import { err, ok, type Result } from '../../common/result';
import { allocateOverlayIp, findOverlay } from './overlay';
import { newSwarmId } from './state';
import type { Cluster, NetworkAttachment, OverlayNetwork, SwarmNode } from './types';
import { refreshOverlays } from './vxlan-overlay';

/** The overlay a `--network` reference names, when it is one of the cluster's (the daemon's own networks come first). */
export function overlayNamed(cluster: Cluster, ref: string): OverlayNetwork | undefined {
  return findOverlay(cluster, ref);
}

/** daemon/cluster/networks.go AttachNetwork wraps the manager's gRPC status; `ref` is the reference as the user wrote it. */
export function attachRefusal(net: OverlayNetwork, ref: string): string | undefined {
  if (net.attachable) return undefined;
  return `Could not attach to network ${ref}: rpc error: code = PermissionDenied desc = network ${ref} not manually attachable`;
}

/** Allocates the container's address on `net` and joins it to the overlay (its sandbox must exist: the container runs). */
export function attachContainer(world: World, cluster: Cluster, node: SwarmNode, c: Container, net: OverlayNetwork, ref: string): Result<NetworkAttachment> {
  const refused = attachRefusal(net, ref);
  if (refused) return err(refused);
  const existing = (cluster.attachments ?? []).find((a) => a.containerId === c.id);
  if (existing) return ok(existing);
  const ip = allocateOverlayIp(cluster, net);
  // swarmkit's IPAM when the subnet is used up (ipamutils: ErrNoAvailableIPs).
  if (ip === undefined) return err(`Could not attach to network ${ref}: rpc error: code = Unknown desc = could not allocate IP from IPAM: Address space is full`);
  const attachment: NetworkAttachment = { id: newSwarmId(world), nodeId: node.id, containerId: c.id, addrs: { [net.id]: ip } };
  (cluster.attachments ??= []).push(attachment);
  refreshOverlays(world, cluster);
  world.changed();
  return ok(attachment);
}

/**
 * After a command on a member node: attachments of containers that stopped or were removed (and
 * of nodes removed from the cluster) are given back, and a container of this node started again on its overlay (docker start, restart)
 * joins it again. True when something changed (the overlays were refreshed).
 */
export function syncAttachments(world: World, cluster: Cluster, node: SwarmNode): boolean {
  const host = world.state.hosts[node.hostId];
  const daemon = host ? daemonOf(world, host) : undefined;
  if (!daemon) return false;
  const running = new Map(daemon.containers.filter((c) => c.state === 'running' && c.nsId !== null).map((c) => [c.id, c]));
  const before = cluster.attachments ?? [];
  // A node removed from the cluster (docker node rm) keeps no attachment either: the task reaper frees them.
  const members = new Set(cluster.nodes.map((n) => n.id));
  const kept = before.filter((a) => members.has(a.nodeId) && (a.nodeId !== node.id || running.has(a.containerId)));
  let changed = kept.length !== before.length;
  if (changed) cluster.attachments = kept;
  // A container restarted (docker restart, a restart policy) has a new namespace without its overlay interface.
  for (const a of kept) {
    const c = a.nodeId === node.id ? running.get(a.containerId) : undefined;
    if (c && !Object.values(a.addrs).every((ip) => world.netns(c.nsId!).addrs.some((x) => x.family === 4 && x.local === ip))) changed = true;
  }
  const attached = new Set(kept.map((a) => a.containerId));
  for (const c of running.values()) {
    if (attached.has(c.id) || c.networkMode === 'docker_gwbridge') continue;
    // By its full name or id only (a run stores the network's name): `bridge` or `none` must never match an id prefix.
    const net = cluster.networks.find((n) => n.name === c.networkMode || n.id === c.networkMode);
    if (!net || !net.attachable || daemon.networks.some((n) => n.name === c.networkMode)) continue;
    const ip = allocateOverlayIp(cluster, net);
    if (ip === undefined) continue;
    (cluster.attachments ??= []).push({ id: newSwarmId(world), nodeId: node.id, containerId: c.id, addrs: { [net.id]: ip } });
    changed = true;
  }
  if (changed) refreshOverlays(world, cluster);
  return changed;
}
