/**
 * Walks one table's chain for a hook (ipt_do_table): rules in order, counters on every match,
 * jumps push a return point, gotos do not, RETURN pops, the end of a built-in chain applies its policy.
 */
import { formatIpv4 } from '../net/ipv4';
import type { Packet } from '../packet/packet';
import { ruleMatches, type MatchEnv } from './match';
import { chainOf } from './rules';
import type { Chain, Hook, Rule, Table, TableName, Target } from './types';

export type NatTarget = Extract<Target, { kind: 'SNAT' | 'DNAT' | 'MASQUERADE' | 'REDIRECT' }>;

export type ChainOutcome =
  | { kind: 'accept' }
  | { kind: 'drop'; reason: string }
  | { kind: 'reject'; reason: string; rejectWith: string }
  | { kind: 'nat'; target: NatTarget; where: string };

export interface ChainRun {
  outcome: ChainOutcome;
  events: string[];
}

/** More jumps than this is a loop the rule checks missed (rules added by code, not by iptables). */
const MAX_STEPS = 100000;

interface Frame {
  chain: Chain;
  next: number;
}

export function runChain(tableName: TableName, table: Table, hook: Hook, p: Packet, env: MatchEnv): ChainRun {
  const events: string[] = [];
  const base = chainOf(table, hook);
  if (!base || !base.live) return { outcome: { kind: 'accept' }, events };
  const stack: Frame[] = [];
  let frame: Frame = { chain: base, next: 0 };
  for (let steps = 0; steps < MAX_STEPS; steps++) {
    const rule = frame.chain.rules[frame.next];
    if (!rule) {
      const back = stack.pop();
      if (!back) return { outcome: policy(tableName, base, p), events };
      frame = back;
      continue;
    }
    const number = ++frame.next;
    if (!ruleMatches(rule, p, env)) continue;
    rule.counters.packets += 1;
    rule.counters.bytes += p.length;
    const where = `${tableName}/${frame.chain.name} rule ${number}`;
    const t = rule.target;
    if (!t) continue;
    switch (t.kind) {
      case 'ACCEPT':
        return { outcome: { kind: 'accept' }, events };
      case 'DROP':
        return { outcome: { kind: 'drop', reason: `${where}: -j DROP` }, events };
      case 'REJECT':
        return { outcome: { kind: 'reject', reason: `${where}: -j REJECT --reject-with ${t.rejectWith}`, rejectWith: t.rejectWith }, events };
      case 'RETURN': {
        const back = stack.pop();
        if (!back) return { outcome: policy(tableName, base, p), events };
        frame = back;
        break;
      }
      case 'jump':
      case 'goto': {
        const next = chainOf(table, t.chain);
        if (!next) break;
        if (t.kind === 'jump') stack.push(frame);
        frame = { chain: next, next: 0 };
        break;
      }
      case 'LOG':
        events.push(`${where}: LOG ${describeLog(rule, p)}`);
        break;
      default:
        return { outcome: { kind: 'nat', target: t, where }, events };
    }
  }
  return { outcome: { kind: 'drop', reason: `${tableName}/${hook}: too many jumps (a loop between chains)` }, events };
}

function policy(tableName: TableName, base: Chain, p: Packet): ChainOutcome {
  if (base.counted) {
    base.counters.packets += 1;
    base.counters.bytes += p.length;
  }
  if (base.policy === 'DROP') return { kind: 'drop', reason: `${tableName}/${base.name} policy DROP` };
  return { kind: 'accept' };
}

function describeLog(rule: Rule, p: Packet): string {
  const t = rule.target;
  const prefix = t?.kind === 'LOG' && t.prefix ? `${t.prefix}` : '';
  return `${prefix}SRC=${formatIpv4(p.src)} DST=${formatIpv4(p.dst)} LEN=${p.length} PROTO=${p.proto.toUpperCase()}`;
}
