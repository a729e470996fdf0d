/**
 * A packet at one netfilter hook of a namespace, as the packet walker calls it.
 *
 * Per hook the tables run in priority order (raw, conntrack, mangle, nat for destination NAT,
 * filter, security, nat for source NAT). Connection tracking (active while some rule needs it)
 * finds or starts the packet's
 * connection first; the nat chains are consulted only for a connection's first packet, and every
 * later packet (and every reply) is rewritten from its conntrack entry. A first packet's entry is
 * confirmed when it leaves INPUT or POSTROUTING, and forgotten if the packet is dropped before.
 * Tables that were never written to (nf_tables creates them on first use) are skipped.
 */
import type { Netns } from '../net/types';
import type { Packet } from '../packet/packet';
import { confirm, conntrackActive, expire, forget, statesOf, track } from './conntrack';
import type { MatchEnv } from './match';
import { natStep } from './nat';
import { HOOK_STEPS } from './state';
import { runChain, type ChainOutcome } from './traverse';
import type { Hook } from './types';

export interface HookContext {
  inIface: string | null;
  outIface: string | null;
  now: number;
  /** addresses local to this netns, for addrtype LOCAL */
  isLocal(addr: number): boolean;
  /**
   * The primary IPv4 address of an interface of this netns (MASQUERADE uses the out interface's,
   * REDIRECT the in interface's). When absent, the address whose label is the interface name is used.
   */
  masqueradeAddr?(iface: string): number | null;
  /** The source MAC of the frame the packet arrived in, for `-m mac` (which never matches without it). */
  srcMac?: string | null;
}

export type Verdict = { kind: 'accept' } | { kind: 'drop'; reason: string } | { kind: 'reject'; reason: string; rejectWith: string };

export interface HookResult {
  verdict: Verdict;
  packet: Packet;
  /** human-readable decisions for traces, e.g. "nat/POSTROUTING: MASQUERADE 192.168.15.2 -> 192.168.1.2" */
  events: string[];
}

export function runHook(ns: Netns, hook: Hook, packet: Packet, ctx: HookContext): HookResult {
  expire(ns, ctx.now);
  const ref = conntrackActive(ns) ? track(ns, packet, ctx.now, hook === 'PREROUTING' || hook === 'OUTPUT') : null;
  let env: MatchEnv = { inIface: ctx.inIface, outIface: ctx.outIface, states: statesOf(ref), isLocal: (a) => ctx.isLocal(a), now: ctx.now, srcMac: ctx.srcMac ?? null };
  const events: string[] = [];
  let p = packet;
  for (const step of HOOK_STEPS[hook]) {
    if (step === 'conntrack') continue;
    let outcome: ChainOutcome;
    if (step === 'nat') {
      const nat = natStep(ns, hook, p, ref, env, ctx);
      events.push(...nat.events);
      p = nat.packet;
      outcome = nat.outcome;
      env = { ...env, states: statesOf(ref) };
    } else {
      const table = ns.netfilter.tables[step];
      if (!table.present) continue;
      const run = runChain(step, table, hook, p, env);
      events.push(...run.events);
      outcome = run.outcome;
    }
    if (outcome.kind === 'drop' || outcome.kind === 'reject') {
      forget(ns, ref);
      const verdict: Verdict = outcome.kind === 'drop' ? outcome : { kind: 'reject', reason: outcome.reason, rejectWith: outcome.rejectWith };
      return { verdict, packet: p, events };
    }
  }
  if (hook === 'INPUT' || hook === 'POSTROUTING') confirm(ref);
  return { verdict: { kind: 'accept' }, packet: p, events };
}
