/**
 * Connection tracking for one namespace: finding a packet's connection (in either direction, before
 * or after NAT rewrote it), creating entries for first packets, states for `-m conntrack`, timeouts,
 * and the address/port rewrites NAT applies to every packet of a connection.
 *
 * Packets carry no conntrack reference between hooks, so each hook finds the entry again from the
 * packet's tuple; a packet part-way through NAT has one of four shapes, all of which are tried.
 */
import { isIcmpError, portsOf, type Packet } from '../packet/packet';
import type { ConntrackEntry, CtState, Rule, Tuple } from './types';
import type { Netns } from '../net/types';

export type Direction = 'orig' | 'reply';
export type Manip = 'src' | 'dst';

export interface CtRef {
  entry: ConntrackEntry;
  dir: Direction;
  /** An ICMP error about this connection (state RELATED). */
  related: boolean;
}

const SECOND = 1000;
/** nf_conntrack timeouts: icmp 30 s, udp 30 s (120 s once replied), tcp 120 s until replied, then 5 days. */
export function timeoutOf(e: ConntrackEntry): number {
  if (e.proto === 'tcp') return (e.replied ? 432000 : 120) * SECOND;
  if (e.proto === 'udp') return (e.replied ? 120 : 30) * SECOND;
  return 30 * SECOND;
}

/**
 * Connection tracking runs in a namespace only while a rule needs it (a NAT target, or a
 * conntrack/state match), as nf_ct_netns_get does; without it nat chains never see a packet.
 */
export function conntrackActive(ns: Netns): boolean {
  return Object.values(ns.netfilter.tables).some((t) =>
    t.present && t.chains.some((c) => c.rules.some((r) => needsConntrack(r))),
  );
}

function needsConntrack(r: Rule): boolean {
  const k = r.target?.kind;
  if (k === 'SNAT' || k === 'DNAT' || k === 'MASQUERADE' || k === 'REDIRECT') return true;
  return r.modules.some((m) => m.kind === 'conntrack' || m.kind === 'state');
}

export function expire(ns: Netns, now: number): void {
  if (ns.conntrack.some((e) => e.expiresAt <= now)) ns.conntrack = ns.conntrack.filter((e) => e.expiresAt > now);
}

function tupleOf(p: Packet): Tuple {
  const { sport, dport } = portsOf(p);
  return { src: p.src, dst: p.dst, sport, dport };
}

function reverse(t: Tuple): Tuple {
  return { src: t.dst, dst: t.src, sport: t.dport, dport: t.sport };
}

function sameTuple(a: Tuple, b: Tuple): boolean {
  return a.src === b.src && a.dst === b.dst && a.sport === b.sport && a.dport === b.dport;
}

/** The tuple a packet of `dir` has after the NAT manipulation `manip` (ICMP ids change only with the source). */
export function manipTuple(t: Tuple, e: ConntrackEntry, dir: Direction, manip: Manip): Tuple {
  const icmp = e.proto === 'icmp';
  const other = dir === 'orig' ? e.reply : e.orig;
  if (manip === 'dst') {
    if (icmp) {
      const id = dir === 'reply' ? other.sport : t.sport;
      return { src: t.src, dst: other.src, sport: id, dport: id };
    }
    return { ...t, dst: other.src, dport: other.sport };
  }
  if (icmp) {
    const id = dir === 'orig' ? other.dport : t.sport;
    return { src: other.dst, dst: t.dst, sport: id, dport: id };
  }
  return { ...t, src: other.dst, sport: other.dport };
}

function startTuple(e: ConntrackEntry, dir: Direction): Tuple {
  return dir === 'orig' ? e.orig : e.reply;
}

/** The shapes a packet of `dir` can have: untouched, after dst NAT, after src NAT, after both. */
function shapes(e: ConntrackEntry, dir: Direction): Tuple[] {
  const start = startTuple(e, dir);
  const dst = manipTuple(start, e, dir, 'dst');
  return [start, dst, manipTuple(start, e, dir, 'src'), manipTuple(dst, e, dir, 'src')];
}

function directionsFor(p: Packet): Direction[] {
  if (p.proto !== 'icmp') return ['orig', 'reply'];
  if (p.icmp?.type === 'echo-request') return ['orig'];
  if (p.icmp?.type === 'echo-reply') return ['reply'];
  return [];
}

function find(ns: Netns, p: Packet): { entry: ConntrackEntry; dir: Direction } | null {
  const t = tupleOf(p);
  const dirs = directionsFor(p);
  for (const entry of ns.conntrack) {
    if (entry.proto !== p.proto) continue;
    for (const dir of dirs) if (shapes(entry, dir).some((s) => sameTuple(s, t))) return { entry, dir };
  }
  return null;
}

/** The connection of a packet, or for an ICMP error the connection of the datagram it quotes. */
export function lookup(ns: Netns, p: Packet): CtRef | null {
  if (isIcmpError(p)) {
    if (!p.inner) return null;
    const quoted = find(ns, p.inner);
    return quoted ? { entry: quoted.entry, dir: quoted.dir === 'orig' ? 'reply' : 'orig', related: true } : null;
  }
  const found = find(ns, p);
  return found ? { ...found, related: false } : null;
}

/** Finds the packet's connection or starts one (unconfirmed until the packet leaves the hooks). */
export function track(ns: Netns, p: Packet, now: number, firstHook: boolean): CtRef | null {
  const ref = lookup(ns, p);
  if (ref && (ref.entry.confirmed || !firstHook || ref.dir !== 'orig')) return touch(ref, now);
  if (ref) forget(ns, ref);
  if (isIcmpError(p) || directionsFor(p).length === 0 || (p.proto === 'icmp' && p.icmp?.type !== 'echo-request')) return null;
  const orig = tupleOf(p);
  const entry: ConntrackEntry = {
    proto: p.proto,
    orig,
    reply: reverse(orig),
    nat: null,
    bound: { dst: false, src: false },
    replied: false,
    confirmed: false,
    expiresAt: 0,
  };
  ns.conntrack.push(entry);
  return touch({ entry, dir: 'orig', related: false }, now);
}

function touch(ref: CtRef, now: number): CtRef {
  if (ref.dir === 'reply' && !ref.related) ref.entry.replied = true;
  ref.entry.expiresAt = now + timeoutOf(ref.entry);
  return ref;
}

/** A dropped first packet takes its unconfirmed entry with it. */
export function forget(ns: Netns, ref: CtRef | null): void {
  if (ref && !ref.entry.confirmed) ns.conntrack = ns.conntrack.filter((e) => e !== ref.entry);
}

export function confirm(ref: CtRef | null): void {
  if (ref) ref.entry.confirmed = true;
}

export function statesOf(ref: CtRef | null): Set<CtState> {
  if (!ref) return new Set(['INVALID']);
  const e = ref.entry;
  const states = new Set<CtState>();
  if (ref.related) states.add('RELATED');
  else states.add(ref.dir === 'reply' || e.replied ? 'ESTABLISHED' : 'NEW');
  if (e.orig.src !== e.reply.dst || e.orig.sport !== e.reply.dport) states.add('SNAT');
  if (e.orig.dst !== e.reply.src || e.orig.dport !== e.reply.sport) states.add('DNAT');
  return states;
}

/** Rewrites a packet (and the datagram an ICMP error quotes) for NAT manipulation `manip`. */
export function translate(p: Packet, ref: CtRef, manip: Manip): Packet {
  if (ref.related) return translateError(p, ref, manip);
  const before = tupleOf(p);
  const after = manipTuple(before, ref.entry, ref.dir, manip);
  if (sameTuple(before, after)) return p;
  return withTuple(p, after);
}

function withTuple(p: Packet, t: Tuple): Packet {
  if (p.proto === 'icmp') return { ...p, src: t.src, dst: t.dst, icmp: p.icmp ? { ...p.icmp, id: t.sport } : p.icmp };
  return { ...p, src: t.src, dst: t.dst, sport: t.sport, dport: t.dport };
}

/** An ICMP error travels against its quoted datagram: fix the outer address and the quote together. */
function translateError(p: Packet, ref: CtRef, manip: Manip): Packet {
  const e = ref.entry;
  let out = p;
  if (manip === 'dst') {
    const home = ref.dir === 'reply' ? e.orig.src : e.reply.src;
    const away = ref.dir === 'reply' ? e.reply.dst : e.orig.dst;
    if (p.dst === away && home !== away) out = { ...out, dst: home };
  } else {
    const home = ref.dir === 'reply' ? e.orig.dst : e.reply.dst;
    const away = ref.dir === 'reply' ? e.reply.src : e.orig.src;
    if (p.src === away && home !== away) out = { ...out, src: home };
  }
  if (!p.inner) return out;
  // The quote mirrors the error: translate its reversed tuple like the error itself, then reverse back.
  const quoted = tupleOf(p.inner);
  const fixed = reverse(manipTuple(reverse(quoted), e, ref.dir, manip));
  return sameTuple(quoted, fixed) ? out : { ...out, inner: withTuple(p.inner, fixed) };
}

/** Records a NAT decision in the entry: the reply tuple now points at the new address and port. */
export function bind(ns: Netns, e: ConntrackEntry, manip: Manip, addr: number, port: number | null, portRange: { lo: number; hi: number } | null): void {
  if (manip === 'dst') {
    e.reply = { ...e.reply, src: addr, sport: e.proto === 'icmp' ? e.reply.sport : (port ?? e.reply.sport) };
  } else {
    const chosen = freePort(ns, e, addr, e.orig.sport, portRange);
    e.reply = e.proto === 'icmp' ? { ...e.reply, dst: addr, sport: chosen, dport: chosen } : { ...e.reply, dst: addr, dport: chosen };
  }
  const snat = e.orig.src !== e.reply.dst || e.orig.sport !== e.reply.dport;
  const dnat = e.orig.dst !== e.reply.src || e.orig.dport !== e.reply.sport;
  e.nat = snat && dnat ? 'both' : snat ? 'snat' : dnat ? 'dnat' : null;
}

/** Keeps the source port (ICMP id) unless another connection already uses that reply tuple. */
function freePort(ns: Netns, e: ConntrackEntry, addr: number, wanted: number, range: { lo: number; hi: number } | null): number {
  const [lo, hi] = range ? [range.lo, range.hi] : e.proto === 'icmp' ? [0, 65535] : wanted < 1024 ? [1, 1023] : [1024, 65535];
  const taken = (port: number) =>
    ns.conntrack.some((o) => o !== e && o.proto === e.proto && o.reply.src === e.reply.src && o.reply.dst === addr && o.reply.dport === port && (e.proto === 'icmp' || o.reply.sport === e.reply.sport));
  let port = wanted >= lo && wanted <= hi ? wanted : lo;
  for (let tries = 0; tries <= hi - lo && taken(port); tries++) port = port >= hi ? lo : port + 1;
  return port;
}
