/**
 * What answers TCP and UDP in a namespace. The walker has no socket table of its own: whoever
 * runs servers (a container's nginx, a `nc -l`) passes a `Sockets` function that says, per
 * arriving segment, whether a socket takes it and what it sends back. Without one, or when it
 * says no socket is bound, the kernel answers like Linux: TCP RST, UDP ICMP port unreachable.
 */
import type { Netns } from '../net/types';
import { defaultTtl } from './icmp';
import type { Packet } from './packet';

export type SocketAnswer =
  /** A socket took it and replies (a SYN-ACK, a response). */
  | { kind: 'reply'; packet: Packet }
  /** A socket took it and stays quiet. */
  | { kind: 'accepted' }
  /** No socket is bound to that port. */
  | { kind: 'refused' };

export type Sockets = (ns: Netns, packet: Packet) => SocketAnswer;

export const noSockets: Sockets = () => ({ kind: 'refused' });

/** tcp_v4_send_reset: the RST a closed port sends back. */
export function tcpReset(ns: Netns, segment: Packet): Packet {
  return {
    src: segment.dst,
    dst: segment.src,
    proto: 'tcp',
    ttl: defaultTtl(ns),
    length: 40,
    sport: segment.dport ?? 0,
    dport: segment.sport ?? 0,
    tcpFlags: 'RST,ACK',
  };
}
