/**
 * The nat table step of a hook: for a connection's first packet the nat chain picks a binding
 * (DNAT/REDIRECT at PREROUTING/OUTPUT, SNAT/MASQUERADE at POSTROUTING/INPUT); every packet of the
 * connection, both ways, is then rewritten from its conntrack entry.
 */
import { formatIpv4 } from '../net/ipv4';
import type { Addr4, Netns } from '../net/types';
import { portsOf, type Packet } from '../packet/packet';
import { bind, translate, type CtRef, type Manip } from './conntrack';
import type { MatchEnv } from './match';
import { runChain, type ChainOutcome, type NatTarget } from './traverse';
import type { Hook } from './types';

export interface NatContext {
  inIface: string | null;
  outIface: string | null;
  masqueradeAddr?(iface: string): number | null;
}

export interface NatStep {
  packet: Packet;
  /** A drop decided in the nat table (a MASQUERADE with no address, or a DROP rule a preset added). */
  outcome: ChainOutcome;
  events: string[];
}

export function manipOf(hook: Hook): Manip {
  return hook === 'PREROUTING' || hook === 'OUTPUT' ? 'dst' : 'src';
}

export function natStep(ns: Netns, hook: Hook, p: Packet, ref: CtRef | null, env: MatchEnv, ctx: NatContext): NatStep {
  const events: string[] = [];
  if (!ref) return { packet: p, outcome: { kind: 'accept' }, events };
  const manip = manipOf(hook);
  const e = ref.entry;
  let decided: string | null = null;
  if (!ref.related && ref.dir === 'orig' && !e.bound[manip]) {
    const table = ns.netfilter.tables.nat;
    if (table.present) {
      const run = runChain('nat', table, hook, p, env);
      events.push(...run.events);
      if (run.outcome.kind === 'drop' || run.outcome.kind === 'reject') return { packet: p, outcome: run.outcome, events };
      if (run.outcome.kind === 'nat') {
        const error = applyBinding(ns, hook, p, ref, run.outcome.target, ctx);
        if (error) return { packet: p, outcome: { kind: 'drop', reason: `${run.outcome.where}: ${error}` }, events };
        decided = run.outcome.target.kind;
      }
    }
    e.bound[manip] = true;
  }
  const packet = translate(p, ref, manip);
  if (packet !== p) events.push(describe(hook, decided, p, packet, ref));
  return { packet, outcome: { kind: 'accept' }, events };
}

/** "nat/POSTROUTING: MASQUERADE 192.168.15.2 -> 192.168.1.2", or for later packets "... (conntrack)". */
function describe(hook: Hook, decided: string | null, before: Packet, after: Packet, ref: CtRef): string {
  const manip = manipOf(hook);
  const change = `${endpoint(before, manip)} -> ${endpoint(after, manip)}`;
  if (decided) return `nat/${hook}: ${decided} ${change}`;
  const kind = targetName(ref, manip);
  const how = ref.related ? `related to ${kind}` : ref.dir === 'reply' ? `reply of ${kind}` : kind;
  return `nat/${hook}: ${how} ${change} (conntrack)`;
}

function targetName(ref: CtRef, manip: Manip): string {
  const snatSide = (ref.dir === 'orig') === (manip === 'src');
  return snatSide ? 'SNAT' : 'DNAT';
}

function endpoint(p: Packet, manip: Manip): string {
  const addr = formatIpv4(manip === 'src' ? p.src : p.dst);
  if (p.proto === 'icmp') return addr;
  const { sport, dport } = portsOf(p);
  return `${addr}:${manip === 'src' ? sport : dport}`;
}

/** Picks the new address and port for a first packet and records them in the conntrack entry. */
function applyBinding(ns: Netns, hook: Hook, p: Packet, ref: CtRef, t: NatTarget, ctx: NatContext): string | null {
  const manip = manipOf(hook);
  const { dport } = portsOf(p);
  const hasPorts = p.proto !== 'icmp';
  switch (t.kind) {
    case 'DNAT':
      bind(ns, ref.entry, manip, t.range.minIp ?? p.dst, hasPorts ? (t.range.minPort ?? dport) : null, null);
      return null;
    case 'REDIRECT': {
      const addr = hook === 'OUTPUT' ? 0x7f000001 : ctx.inIface ? addrOf(ns, ctx, ctx.inIface) : null;
      if (addr === null) return 'REDIRECT: no IPv4 address on the incoming interface';
      bind(ns, ref.entry, manip, addr, hasPorts ? (t.ports?.lo ?? dport) : null, null);
      return null;
    }
    case 'SNAT': {
      const range = hasPorts && t.range.minPort !== null ? { lo: t.range.minPort, hi: t.range.maxPort ?? t.range.minPort } : null;
      bind(ns, ref.entry, manip, t.range.minIp ?? p.src, null, range);
      return null;
    }
    case 'MASQUERADE': {
      const out = ctx.outIface;
      const addr = out ? addrOf(ns, ctx, out) : null;
      if (addr === null) return `MASQUERADE: no IPv4 address on ${out ?? 'the outgoing interface'}`;
      bind(ns, ref.entry, manip, addr, null, hasPorts && t.ports ? t.ports : null);
      return null;
    }
  }
}

/** The interface's primary IPv4 address: from the walker when it knows, else by address label. */
function addrOf(ns: Netns, ctx: NatContext, iface: string): number | null {
  if (ctx.masqueradeAddr) return ctx.masqueradeAddr(iface);
  const addr = ns.addrs.find((a): a is Addr4 => a.family === 4 && !a.secondary && a.label === iface);
  return addr?.local ?? null;
}
