/**
 * Swarm membership: init, join, leave, promote/demote, node removal, join tokens and autolock.
 * Errors are values holding the daemon's text.
 */
import type { World } from '../world';
import type { Addr4, Host } from '../net/types';
import { err, ok, type Result } from '../../common/result';
import { formatIpv4, inPrefix } from '../net/ipv4';
import { daemonOf } from '../docker/daemon';
import { createIngress, ensureGatewayBridge } from './overlay';
import { electLeader, hasQuorum, managerStats, managers, nodeUp } from './quorum';
import { joinToken, membershipOf, newSwarmId, newUnlockKey, swarmState, type Membership } from './state';
import * as M from './messages';
import type { Cluster, NodeRole, SwarmNode } from './types';
import { reconcile } from './orchestrator';

export interface InitOptions {
  advertiseAddr?: string;
  autolock: boolean;
}

/** The address swarm init advertises: the flag (an IP or an interface), else the host's only address. */
export function advertiseAddress(world: World, host: Host, flag: string | undefined): Result<string> {
  const root = world.netns(host.rootNsId);
  const links = Object.values(world.state.links).filter((l) => l.nsId === root.id && l.kind !== 'loopback').sort((a, b) => a.ifindex - b.ifindex);
  if (flag !== undefined) {
    const ip = flag.replace(/:\d+$/, '');
    if (/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return ok(ip);
    const link = links.find((l) => l.name === ip);
    const addr = link && root.addrs.find((a): a is Addr4 => a.family === 4 && a.linkId === link.id);
    if (!addr) return err(link ? `interface ${ip} has no usable IPv4 or IPv6 address` : 'advertise address must be a non-zero IP address or network interface (with optional port number)');
    return ok(formatIpv4(addr.local));
  }
  const daemon = daemonOf(world, host);
  const dockerNets = (daemon?.networks ?? []).filter((n) => n.driver === 'bridge');
  let found: { addr: string; dev: string } | undefined;
  for (const link of links) {
    if (!link.adminUp) continue;
    for (const a of root.addrs) {
      if (a.family !== 4 || a.linkId !== link.id || a.scope !== 'global') continue;
      if (dockerNets.some((n) => inPrefix(a.local, n.subnet, n.prefixLen))) continue;
      const here = { addr: formatIpv4(a.local), dev: link.name };
      if (found) return err(M.multipleAddresses(found, here));
      found = here;
    }
  }
  if (!found) return err('could not find the system\'s IP address - specify one with --advertise-addr');
  return ok(found.addr);
}

/** The first global IPv4 address of an up interface (the source a connection to the manager would use). */
function firstAddress(world: World, host: Host): string {
  const root = world.netns(host.rootNsId);
  const a = root.addrs.find((x): x is Addr4 => x.family === 4 && x.scope === 'global' && world.link(x.linkId).adminUp);
  return a ? formatIpv4(a.local) : '';
}

function newNode(world: World, host: Host, role: NodeRole, addr: string): SwarmNode {
  const now = world.clock.now();
  return { id: newSwarmId(world), hostId: host.id, hostname: host.hostname, role, availability: 'active', addr, labels: {}, createdAt: now, updatedAt: now, left: false };
}

export function initSwarm(world: World, host: Host, opts: InitOptions): Result<Membership> {
  if (membershipOf(world, host)) return err(M.ALREADY_IN_SWARM);
  const addr = advertiseAddress(world, host, opts.advertiseAddr);
  if (!addr.ok) return addr;
  const now = world.clock.now();
  const node = newNode(world, host, 'manager', addr.value);
  const cluster: Cluster = {
    id: newSwarmId(world),
    createdAt: now,
    updatedAt: now,
    nodes: [node],
    leaderId: node.id,
    caDigest: newSwarmId(world, 50),
    workerSecret: newSwarmId(world),
    managerSecret: newSwarmId(world),
    autolock: opts.autolock,
    unlockKey: opts.autolock ? newUnlockKey(world) : '',
    lockedHosts: [],
    services: [],
    tasks: [],
    networks: [],
    version: 1,
  };
  swarmState(world).clusters.push(cluster);
  createIngress(world, cluster);
  ensureGatewayBridge(world, host);
  world.changed();
  return ok({ cluster, node });
}

/** `docker swarm join --token T ADDR[:2377]`: the token names the cluster and the role. */
export function joinSwarm(world: World, host: Host, token: string, remote: string): Result<Membership> {
  if (membershipOf(world, host)) return err(M.ALREADY_IN_SWARM);
  const ip = remote.replace(/:\d+$/, '');
  const cluster = swarmState(world).clusters.find((c) => managers(c).some((m) => m.addr === ip && nodeUp(world, m)));
  if (!cluster) return err(M.JOIN_TIMEOUT);
  const role: NodeRole | undefined = token === joinToken(cluster, 'worker') ? 'worker' : token === joinToken(cluster, 'manager') ? 'manager' : undefined;
  if (!role) return err(M.BAD_JOIN_TOKEN);
  if (!hasQuorum(world, cluster)) return err(M.NO_LEADER);
  // Joining needs no advertise address: the manager sees where the node connects from.
  const addr = advertiseAddress(world, host, undefined);
  const old = cluster.nodes.findIndex((n) => n.hostId === host.id && n.left);
  const node = newNode(world, host, role, addr.ok ? addr.value : firstAddress(world, host));
  if (old >= 0) cluster.nodes.splice(old, 1);
  cluster.nodes.push(node);
  ensureGatewayBridge(world, host);
  reconcile(world, cluster);
  world.changed();
  return ok({ cluster, node });
}

export function leaveSwarm(world: World, host: Host, force: boolean): Result<void> {
  const member = membershipOf(world, host);
  if (!member) return err(M.NOT_IN_SWARM);
  const { cluster, node } = member;
  if (cluster.lockedHosts.includes(host.id) && !force) return err(M.LEAVE_LOCKED);
  if (node.role === 'manager' && !force) {
    const stats = managerStats(world, cluster);
    return err(M.leaveManagerMessage(stats.reachable, stats.unreachable));
  }
  node.left = true;
  node.updatedAt = world.clock.now();
  cluster.lockedHosts = cluster.lockedHosts.filter((h) => h !== host.id);
  if (!managers(cluster).some((m) => !m.left)) {
    // The last manager took the cluster's state with it.
    swarmState(world).clusters = swarmState(world).clusters.filter((c) => c !== cluster);
  }
  reconcile(world, cluster);
  world.changed();
  return ok(undefined);
}

/** What a manager-only request needs: membership, the manager role, unlocked, a leader. */
export function managerAccess(world: World, host: Host): Result<Membership> {
  const member = membershipOf(world, host);
  if (!member) return err(M.NOT_IN_SWARM_MANAGER);
  if (member.cluster.lockedHosts.includes(host.id)) return err(M.SWARM_LOCKED);
  if (member.node.role !== 'manager') return err(M.WORKER_NOT_MANAGER);
  if (!electLeader(world, member.cluster)) return err(M.NO_LEADER);
  return ok(member);
}

export function findNode(cluster: Cluster, ref: string): SwarmNode | undefined {
  if (ref === 'self') return undefined;
  return cluster.nodes.find((n) => n.id === ref) ?? cluster.nodes.find((n) => n.hostname === ref) ?? uniquePrefix(cluster.nodes, ref);
}

function uniquePrefix(nodes: SwarmNode[], ref: string): SwarmNode | undefined {
  const matches = nodes.filter((n) => n.id.startsWith(ref));
  return matches.length === 1 ? matches[0] : undefined;
}

export function setRole(world: World, cluster: Cluster, node: SwarmNode, role: NodeRole): Result<void> {
  if (node.role === role) return ok(undefined);
  if (role === 'worker') {
    const live = managers(cluster);
    if (live.length === 1) return err(M.DEMOTE_LAST);
    const { reachable, unreachable } = managerStats(world, cluster);
    const up = nodeUp(world, node);
    const after = { reachable: reachable - (up ? 1 : 0), total: reachable + unreachable - 1 };
    if (after.reachable <= after.total / 2) return err(M.DEMOTE_QUORUM);
  }
  node.role = role;
  node.updatedAt = world.clock.now();
  if (role === 'worker') cluster.lockedHosts = cluster.lockedHosts.filter((h) => h !== node.hostId);
  electLeader(world, cluster);
  world.changed();
  return ok(undefined);
}

export function removeNode(world: World, cluster: Cluster, node: SwarmNode, ref: string, force: boolean): Result<void> {
  if (node.role === 'manager') return err(M.nodeIsManager(ref));
  if (nodeUp(world, node) && !force) return err(M.nodeNotDown(ref));
  cluster.nodes = cluster.nodes.filter((n) => n !== node);
  reconcile(world, cluster);
  world.changed();
  return ok(undefined);
}

export function rotateJoinToken(world: World, cluster: Cluster, role: NodeRole): void {
  if (role === 'worker') cluster.workerSecret = newSwarmId(world);
  else cluster.managerSecret = newSwarmId(world);
}

/** `swarm update --autolock=B` / `unlock-key --rotate`: a new key whenever autolock turns on. */
export function setAutolock(world: World, cluster: Cluster, on: boolean): void {
  if (on && !cluster.autolock) cluster.unlockKey = newUnlockKey(world);
  if (!on) cluster.unlockKey = '';
  cluster.autolock = on;
}

export function rotateUnlockKey(world: World, cluster: Cluster): void {
  cluster.unlockKey = newUnlockKey(world);
}

/** dockerd restarting on a manager of an autolocked swarm leaves it locked. */
export function daemonRestarted(world: World, host: Host): void {
  const member = membershipOf(world, host);
  if (member && member.cluster.autolock && member.node.role === 'manager' && !member.cluster.lockedHosts.includes(host.id)) member.cluster.lockedHosts.push(host.id);
}

export function unlockSwarm(world: World, host: Host, key: string): Result<void> {
  const member = membershipOf(world, host);
  if (!member) return err(M.NOT_IN_SWARM);
  const { cluster } = member;
  if (!cluster.lockedHosts.includes(host.id)) return err(M.NOT_LOCKED);
  if (key.trim() !== cluster.unlockKey) return err(M.BAD_UNLOCK_KEY);
  cluster.lockedHosts = cluster.lockedHosts.filter((h) => h !== host.id);
  world.changed();
  return ok(undefined);
}
