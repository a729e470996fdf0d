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
import { deleteLink } from '../net/linkops';
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
 * of nodes removed from the cluster) are given back, and a container of this node started again
 * on its overlay (docker start, restart) joins it again; overlays it was connected to (docker
 * network connect) stay in its configuration while it is stopped and are joined again when it
 * starts. True when something changed (the overlays were refreshed).
 */
export function syncAttachments(world: World, cluster: Cluster, node: SwarmNode): boolean {
  const host = world.state.hosts[node.hostId];
  const daemon = host ? daemonOf(world, host) : undefined;
  if (!daemon) return false;
  const present = new Map(daemon.containers.map((c) => [c.id, c]));
  const running = new Map(daemon.containers.filter((c) => c.state === 'running' && c.nsId !== null).map((c) => [c.id, c]));
  const before = cluster.attachments ?? [];
  // A node removed from the cluster (docker node rm) keeps no attachment either: the task reaper frees them.
  const members = new Set(cluster.nodes.map((n) => n.id));
  const kept = before.filter((a) => members.has(a.nodeId) && (a.nodeId !== node.id || running.has(a.containerId) || (a.connected !== undefined && present.has(a.containerId))));
  let changed = kept.length !== before.length;
  if (changed) cluster.attachments = kept;
  for (const a of kept) {
    if (a.nodeId !== node.id) continue;
    const c = running.get(a.containerId);
    if (!c) {
      // Stopped: a connected container keeps the networks, not the addresses.
      if (Object.keys(a.addrs).length > 0) changed = true;
      a.addrs = {};
      continue;
    }
    for (const netId of a.connected ?? []) {
      const net = cluster.networks.find((n) => n.id === netId);
      const ip = a.addrs[netId] === undefined && net ? allocateOverlayIp(cluster, net) : undefined;
      if (ip !== undefined) {
        a.addrs[netId] = ip;
        changed = true;
      }
    }
    // A container restarted (docker restart, a restart policy) has a new namespace without its overlay interface.
    if (!Object.values(a.addrs).every((ip) => world.netns(c.nsId!).addrs.some((x) => x.family === 4 && x.local === ip))) changed = true;
  }
  const attached = new Set(kept.filter((a) => a.connected === undefined).map((a) => a.containerId));
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

/** What `docker network connect NET CONTAINER` does with an overlay of the cluster; the error is the daemon's. */
export function connectContainer(world: World, cluster: Cluster, node: SwarmNode, c: Container, net: OverlayNetwork, ref: string): Result<void> {
  const refused = attachRefusal(net, ref);
  if (refused) return err(refused);
  const mine = (cluster.attachments ?? []).find((a) => a.containerId === c.id);
  if (mine && (mine.addrs[net.id] !== undefined || mine.connected?.includes(net.id) || c.networkMode === net.name)) return err(`endpoint with name ${c.name} already exists in network ${net.name}`);
  const running = c.state === 'running' && c.nsId !== null;
  const ip = running ? allocateOverlayIp(cluster, net) : undefined;
  if (running && ip === undefined) return err(`Could not attach to network ${ref}: rpc error: code = Unknown desc = could not allocate IP from IPAM: Address space is full`);
  const attachment = mine ?? { id: newSwarmId(world), nodeId: node.id, containerId: c.id, addrs: {} };
  if (!mine) (cluster.attachments ??= []).push(attachment);
  // On its own overlay (docker run --network) the next overlay is simply its next address; otherwise it is remembered as connected.
  if (c.networkMode !== 'docker_gwbridge' && !cluster.networks.some((n) => n.name === c.networkMode || n.id === c.networkMode)) attachment.connected = [...(attachment.connected ?? []), net.id];
  if (ip !== undefined) attachment.addrs[net.id] = ip;
  refreshOverlays(world, cluster);
  world.changed();
  return ok(undefined);
}

/** `docker network disconnect NET CONTAINER` of an overlay: the interface goes and the address goes back. */
export function disconnectContainer(world: World, cluster: Cluster, c: Container, net: OverlayNetwork): Result<void> {
  const mine = (cluster.attachments ?? []).find((a) => a.containerId === c.id);
  const joined = mine && (mine.addrs[net.id] !== undefined || mine.connected?.includes(net.id));
  if (!mine || !joined) return err(`container ${c.id} is not connected to network ${net.name}`);
  const ip = mine.addrs[net.id];
  delete mine.addrs[net.id];
  if (mine.connected) mine.connected = mine.connected.filter((id) => id !== net.id);
  if (Object.keys(mine.addrs).length === 0 && (mine.connected?.length ?? 0) === 0) cluster.attachments = (cluster.attachments ?? []).filter((a) => a !== mine);
  if (ip !== undefined && c.nsId !== null) {
    const addr = world.netns(c.nsId).addrs.find((a) => a.family === 4 && a.local === ip);
    const link = addr ? world.state.links[addr.linkId] : undefined;
    if (link) deleteLink(world, link);
  }
  refreshOverlays(world, cluster);
  world.changed();
  return ok(undefined);
}
