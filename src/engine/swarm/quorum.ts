/** Raft bookkeeping: which managers are reachable, whether they hold a quorum, who leads. */
import type { World } from '../world';
import { daemonOf } from '../docker/daemon';
import type { Cluster, SwarmNode } from './types';

/** A node is up while it has not left, its daemon runs and its LAN interface is up. */
export function nodeUp(world: World, node: SwarmNode): boolean {
  if (node.left) return false;
  const host = world.state.hosts[node.hostId];
  if (!host || !daemonOf(world, host)) return false;
  const eth0 = world.linkIndex().byNs.get(host.rootNsId)?.find((l) => l.name === 'eth0');
  return eth0 === undefined || eth0.adminUp;
}

export function managers(cluster: Cluster): SwarmNode[] {
  return cluster.nodes.filter((n) => n.role === 'manager');
}

export interface ManagerStats {
  reachable: number;
  unreachable: number;
}

export function managerStats(world: World, cluster: Cluster): ManagerStats {
  const all = managers(cluster);
  const reachable = all.filter((n) => nodeUp(world, n)).length;
  return { reachable, unreachable: all.length - reachable };
}

export function hasQuorum(world: World, cluster: Cluster): boolean {
  const { reachable, unreachable } = managerStats(world, cluster);
  return reachable > (reachable + unreachable) / 2;
}

/** Keeps a reachable leader while the quorum holds (a new election when the leader is gone). */
export function electLeader(world: World, cluster: Cluster): SwarmNode | undefined {
  if (!hasQuorum(world, cluster)) return undefined;
  const current = cluster.nodes.find((n) => n.id === cluster.leaderId);
  if (current && current.role === 'manager' && nodeUp(world, current)) return current;
  const next = managers(cluster).find((n) => nodeUp(world, n));
  if (next) cluster.leaderId = next.id;
  return next;
}

/** MANAGER STATUS: Leader, Reachable, Unreachable, or empty for a worker. */
export function managerStatus(world: World, cluster: Cluster, node: SwarmNode): string {
  if (node.role !== 'manager') return '';
  if (!nodeUp(world, node)) return 'Unreachable';
  return electLeader(world, cluster)?.id === node.id ? 'Leader' : 'Reachable';
}
