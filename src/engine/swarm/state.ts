/** Where swarm state lives (world.state.swarm) and how a host finds its cluster and node. */
import type { World } from '../world';
import type { Host, WorldState } from '../net/types';
import type { Cluster, SwarmNode, SwarmState } from './types';

type SwarmWorldState = WorldState & { swarm?: SwarmState };

export function swarmState(world: World): SwarmState {
  return ((world.state as SwarmWorldState).swarm ??= { clusters: [] });
}

export interface Membership {
  cluster: Cluster;
  node: SwarmNode;
}

/** The cluster this host's daemon belongs to (not after it left). */
export function membershipOf(world: World, host: Host): Membership | undefined {
  const state = (world.state as SwarmWorldState).swarm;
  if (!state) return undefined;
  for (const cluster of state.clusters) {
    const node = cluster.nodes.find((n) => n.hostId === host.id && !n.left);
    if (node) return { cluster, node };
  }
  return undefined;
}

export function allClusters(world: World): Cluster[] {
  return (world.state as SwarmWorldState).swarm?.clusters ?? [];
}

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/** swarmkit's identity.NewID: 25 base-36 characters. */
export function newSwarmId(world: World, length = 25): string {
  // One flat string (25 concatenations made a rope V8 flattened later, 1 KB of garbage an id).
  const codes = new Array<number>(length);
  for (let i = 0; i < length; i++) codes[i] = BASE36.charCodeAt(world.rng.int(0, 35));
  return String.fromCharCode(...codes);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** encryption.HumanReadableKey: SWMKEY-1- and 32 random bytes in unpadded base64 (43 characters). */
export function newUnlockKey(world: World): string {
  let key = '';
  for (let i = 0; i < 43; i++) key += B64[world.rng.int(0, 63)];
  return `SWMKEY-1-${key}`;
}

export function joinToken(cluster: Cluster, role: 'worker' | 'manager'): string {
  return `SWMTKN-1-${cluster.caDigest}-${role === 'worker' ? cluster.workerSecret : cluster.managerSecret}`;
}
