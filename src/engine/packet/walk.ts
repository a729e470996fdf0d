/**
 * Walking a packet through the world like the kernel would, from a namespace's own stack to
 * wherever it (and the replies and errors it causes) end up. The public face of engine/packet.
 */
import type { World } from '../world';
import { formatIpv4 } from '../net/ipv4';
import { lookupRoute } from '../net/route';
import type { Link, Netns } from '../net/types';
import { defaultHooks, type HookRunner } from './hooks';
import { localOut, routeOutput, type RouteDecision, type SendError } from './ip-output';
import type { Packet } from './packet';
import { noSockets, type Sockets } from './sockets';
import type { Trace } from './trace';
import { newWalk, type Delivery } from './walk-context';

export type { Delivery } from './walk-context';
export type { SendError, RouteDecision } from './ip-output';
export { refreshNeighbours } from './arp';
export type { Sockets, SocketAnswer } from './sockets';

export interface SendOptions {
  oif?: Link;
  hooks?: HookRunner;
  /** Who answers TCP/UDP in the namespaces the walk reaches (default: nobody, so RST / port unreachable). */
  sockets?: Sockets;
}

export interface WalkResult {
  /** The errno the sending socket saw (no route, OUTPUT drop), or null once the packet left. */
  error: SendError | null;
  trace: Trace;
  /** Packets that reached sockets (echo replies, ICMP errors, ...), in the order they arrived. */
  deliveries: Delivery[];
}

export function sendPacket(world: World, ns: Netns, packet: Packet, opts: SendOptions = {}): WalkResult {
  const walk = newWalk(world, opts.hooks ?? defaultHooks, world.clock.now(), senderAccepts(ns, packet, opts.sockets ?? noSockets));
  const error = localOut(walk, ns, packet, opts.oif ? { oif: opts.oif } : {});
  const deliveries = [...walk.deliveries].sort((a, b) => a.at - b.at);
  if (walk.steps > 0 || walk.trace.hops.length > 0) world.changed();
  return { error, trace: walk.trace, deliveries };
}

/** The route and source a socket connected to `dst` would get (what ping's connect() probe does). */
export function routeFor(world: World, ns: Netns, dst: number, oif?: Link): RouteDecision {
  const walk = newWalk(world, defaultHooks, world.clock.now());
  return routeOutput(walk, ns, dst, oif ? { oif } : {});
}

/**
 * One sentence for a learner: why the walk failed, if it did. A reply that died on its way
 * back is explained from the answering host's point of view.
 */
export function explain(world: World, trace: Trace): string | undefined {
  const first = trace.drops[0];
  const packet = trace.sent;
  if (!first || !packet) return first?.reason;
  const ns = trace.answeredBy === undefined ? undefined : world.state.netns[trace.answeredBy];
  if (!ns) return first.reason;
  const back = lookupRoute(world, ns, packet.src);
  if (back && back.len === 0) return `${formatIpv4(packet.dst)} has no route back to ${formatIpv4(packet.src)} (replies go to its default gateway)`;
  return first.reason;
}

/** The sending socket itself takes what comes back to its port (the SYN-ACK, the RST). */
function senderAccepts(origin: Netns, sent: Packet, sockets: Sockets): Sockets {
  return (ns, p) => (ns.id === origin.id && p.proto === sent.proto && p.dport === sent.sport ? { kind: 'accepted' } : sockets(ns, p));
}
