/**
 * What happened to a packet: every hop and decision in order, and, if it died, where and
 * why in words a learner understands.
 */
import type { Packet } from './packet';

export type HopKind =
  | 'route'
  | 'netfilter'
  | 'arp'
  | 'xmit'
  | 'bridge'
  | 'receive'
  | 'forward'
  | 'deliver'
  | 'icmp'
  /** A probe's TTL ran out here, as traceroute meant it to (see trace-merge.ts). */
  | 'ttl'
  | 'drop';

export interface Hop {
  hostId: number;
  nsId: number;
  linkId?: number;
  kind: HopKind;
  detail: string;
}

export interface Drop {
  hostId: number;
  nsId: number;
  linkId?: number;
  reason: string;
}

export interface Trace {
  /** The packet the walk started with, once its source address was chosen. */
  sent?: Packet;
  /** The namespace that answered the echo request, if one did. */
  answeredBy?: number;
  hops: Hop[];
  /** Every packet of the walk that died (a request, a reply, an ICMP error), in order. */
  drops: Drop[];
}

export function emptyTrace(): Trace {
  return { hops: [], drops: [] };
}

/** The first death of the walk, the one a learner asks about. */
export function firstDrop(trace: Trace): Drop | undefined {
  return trace.drops[0];
}
