/** The state of one walk: the world, the hooks, the trace being written and what reached sockets. */
import type { World } from '../world';
import type { Link, Netns } from '../net/types';
import type { HookRunner } from './hooks';
import { noSockets, type Sockets } from './sockets';
import type { Packet } from './packet';
import type { HopKind, Trace } from './trace';

/** A packet handed to a socket of a namespace (ping's raw socket, later TCP/UDP listeners). */
export interface Delivery {
  nsId: number;
  linkId: number | null;
  packet: Packet;
  /** Simulated time it arrives (later than now for errors sent when ARP gives up). */
  at: number;
  /** L3 transmissions since the walk began (for round-trip times). */
  hops: number;
}

export interface Walk {
  world: World;
  hooks: HookRunner;
  /** Who answers TCP and UDP that reach a namespace. */
  sockets: Sockets;
  trace: Trace;
  deliveries: Delivery[];
  /** Simulated time of the current step. */
  at: number;
  hops: number;
  /** Frames and packets handled so far: a bound against forwarding loops. */
  steps: number;
}

export const MAX_STEPS = 100_000;

export function newWalk(world: World, hooks: HookRunner, at: number, sockets: Sockets = noSockets): Walk {
  return { world, hooks, sockets, trace: { hops: [], drops: [] }, deliveries: [], at, hops: 0, steps: 0 };
}

export function hop(walk: Walk, ns: Netns, kind: HopKind, detail: string, link?: Link): void {
  walk.trace.hops.push({ hostId: ns.hostId, nsId: ns.id, ...(link ? { linkId: link.id } : {}), kind, detail });
}

export function drop(walk: Walk, ns: Netns, reason: string, link?: Link): void {
  hop(walk, ns, 'drop', reason, link);
  walk.trace.drops.push({ hostId: ns.hostId, nsId: ns.id, ...(link ? { linkId: link.id } : {}), reason });
}

/** Runs `fn` at another simulated time (an ICMP error sent when ARP gives up 3 s later, a timer that fired earlier). */
export function later<T>(walk: Walk, at: number, fn: () => T): T {
  const saved = walk.at;
  walk.at = at;
  try {
    return fn();
  } finally {
    walk.at = saved;
  }
}

/** How a learner names a namespace: "the host", "netns blue", "router". */
export function nsLabel(world: World, ns: Netns): string {
  const host = world.state.hosts[ns.hostId];
  if (ns.name !== null) return `netns ${ns.name}`;
  if (!host) return 'a namespace';
  if (host.rootNsId !== ns.id) return `a container of ${host.name}`;
  return host.name === 'host' ? 'the host' : host.name;
}
