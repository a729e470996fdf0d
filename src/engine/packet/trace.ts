/**
 * What happened to a packet: every hop and decision in order, and, if it died, where and
 * why in words a learner understands.
 */
import type { Frame } from './frame';
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
  /** The frames the walk put on the wire, in order, as a capture on each link saw them (see trace-frames.ts). */
  frames?: WireFrame[];
  /** Frames the walk sent beyond the MAX_TRACE_FRAMES kept (a flood over a big bridge). */
  framesLost?: number;
}

/** One frame crossing one link, with what a capture file needs once the link may be gone. */
export interface WireFrame {
  /** Simulated time (ms, fractional), stamped as tcpdump's taps stamp it. */
  at: number;
  linkId: number;
  /** The link's name and namespace when the frame crossed it. */
  ifName: string;
  nsId: number;
  direction: 'in' | 'out';
  frame: Frame;
}

export function emptyTrace(): Trace {
  return { hops: [], drops: [] };
}

/** The first death of the walk, the one a learner asks about. */
export function firstDrop(trace: Trace): Drop | undefined {
  return trace.drops[0];
}
