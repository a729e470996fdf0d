/**
 * Listening sockets of simulated programs (`nc -l`), per world: what `ss -l` lists and what the
 * walker's Sockets function answers with (a SYN-ACK from a bound port, RST otherwise). A listener
 * lives as long as the process that opened it.
 */
import type { World } from '../../engine/world';
import type { Netns } from '../../engine/net/types';
import { defaultTtl } from '../../engine/packet/icmp';
import type { Packet } from '../../engine/packet/packet';
import type { Sockets } from '../../engine/packet/walk';

export interface Listener {
  nsId: number;
  proto: 'tcp' | 'udp';
  /** Bound address (0 = 0.0.0.0). */
  addr: number;
  port: number;
  program: string;
  pid: number;
  fd: number;
  /** Bound to the IPv6 wildcard [::] (dnsmasq's DNS sockets). */
  v6?: boolean;
  /** With v6: one socket for both families (not IPV6_V6ONLY, Apache's `Listen 80`): ss shows `*`. */
  dualStack?: boolean;
  /** listen(2) backlog: ss shows it as a listening socket's Send-Q (nc: 1). */
  backlog?: number;
  /** Every process holding the socket, in ss's order, when there are several (nginx's workers and master). */
  holders?: { program: string; pid: number; fd: number }[];
  /** The process's command line as netstat names it, when it rewrote its argv (nginx: "nginx: master process …"). */
  cmdline?: string;
  /** Connections accepted so far, and the bytes clients sent. */
  accepted: number;
  received: string;
}

const tables = new WeakMap<World, Listener[]>();

export function listenersOf(world: World): Listener[] {
  let t = tables.get(world);
  if (!t) tables.set(world, (t = []));
  return t;
}

export function listen(world: World, l: Omit<Listener, 'accepted' | 'received'>): Listener | null {
  const all = listenersOf(world);
  if (all.some((o) => o.nsId === l.nsId && o.proto === l.proto && o.port === l.port)) return null;
  const listener = { ...l, accepted: 0, received: '' };
  all.push(listener);
  return listener;
}

export function unlisten(world: World, l: Listener): void {
  const all = listenersOf(world);
  const i = all.indexOf(l);
  if (i >= 0) all.splice(i, 1);
}

function find(world: World, ns: Netns, p: Packet): Listener | undefined {
  return listenersOf(world).find((l) => l.nsId === ns.id && l.proto === p.proto && l.port === p.dport && (l.addr === 0 || l.addr === p.dst));
}

/** The walker's view: a SYN to a listening port is answered SYN-ACK (and counted as a connection). */
export function listenerSockets(world: World): Sockets {
  return (ns, p) => {
    const l = find(world, ns, p);
    if (!l) return { kind: 'refused' };
    if (p.proto === 'tcp' && /SYN/.test(p.tcpFlags ?? '') && !/ACK/.test(p.tcpFlags ?? '')) {
      l.accepted++;
      const reply: Packet = { src: p.dst, dst: p.src, proto: 'tcp', ttl: defaultTtl(ns), length: 60, sport: p.dport ?? 0, dport: p.sport ?? 0, tcpFlags: 'SYN,ACK' };
      return { kind: 'reply', packet: reply };
    }
    return { kind: 'accepted' };
  };
}
