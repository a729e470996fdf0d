/**
 * The checks the kernel makes when a rule is committed: a target only in its table and hooks
 * (DNAT in nat PREROUTING/OUTPUT, REJECT in filter INPUT/FORWARD/OUTPUT ...), no loops among chains
 * reachable from a built-in chain, no jump to a built-in chain, matches with their protocol.
 */
import { chainOf, type NfErrno } from './rules';
import { BUILTIN_CHAINS, isBuiltinChain } from './state';
import type { Hook, MatchModule, Rule, Table, TableName, Target } from './types';

interface TargetScope {
  table: TableName;
  hooks: Hook[];
}

const TARGET_SCOPE: Partial<Record<Target['kind'], TargetScope>> = {
  DNAT: { table: 'nat', hooks: ['PREROUTING', 'OUTPUT'] },
  REDIRECT: { table: 'nat', hooks: ['PREROUTING', 'OUTPUT'] },
  SNAT: { table: 'nat', hooks: ['POSTROUTING', 'INPUT'] },
  MASQUERADE: { table: 'nat', hooks: ['POSTROUTING'] },
  REJECT: { table: 'filter', hooks: ['INPUT', 'FORWARD', 'OUTPUT'] },
};

const IPPROTO_ICMP = 1;
const IPPROTO_TCP = 6;

/** Checks that depend on the rule alone. */
export function checkRule(tableName: TableName, rule: Rule): NfErrno | null {
  const t = rule.target;
  if (t && (t.kind === 'jump' || t.kind === 'goto') && isBuiltinChain(tableName, t.chain)) return 'EOPNOTSUPP';
  // A negated 0.0.0.0/0 never matches; nf_tables refuses it.
  if ((rule.src?.neg && rule.src.mask === 0) || (rule.dst?.neg && rule.dst.mask === 0)) return 'EINVAL';
  const scope = t ? TARGET_SCOPE[t.kind] : undefined;
  if (scope && scope.table !== tableName) return 'EINVAL';
  const proto = rule.proto && !rule.proto.neg ? rule.proto.num : 0;
  if (t?.kind === 'REJECT' && t.rejectWith === 'tcp-reset' && proto !== IPPROTO_TCP) return 'EINVAL';
  if (rule.modules.some((m) => m.kind === 'icmp') && proto !== IPPROTO_ICMP) return 'EINVAL';
  return null;
}

/** Checks every chain reachable from a built-in chain against that chain's hook. */
export function checkTable(tableName: TableName, table: Table): NfErrno | null {
  for (const hook of BUILTIN_CHAINS[tableName]) {
    const error = walk(table, hook, hook, new Map());
    if (error) return error;
  }
  return null;
}

/** Matches the kernel allows only at some hooks. */
const MATCH_HOOKS: Partial<Record<MatchModule['kind'], Hook[]>> = { mac: ['PREROUTING', 'INPUT', 'FORWARD'] };

type Color = 'open' | 'done';

function walk(table: Table, chainName: string, hook: Hook, seen: Map<string, Color>): NfErrno | null {
  seen.set(chainName, 'open');
  const chain = chainOf(table, chainName);
  for (const rule of chain?.rules ?? []) {
    if (rule.modules.some((m) => !(MATCH_HOOKS[m.kind] ?? [hook]).includes(hook))) return 'EINVAL';
    const t = rule.target;
    if (!t) continue;
    const scope = TARGET_SCOPE[t.kind];
    if (scope && !scope.hooks.includes(hook)) return 'EINVAL';
    if (t.kind !== 'jump' && t.kind !== 'goto') continue;
    const state = seen.get(t.chain);
    if (state === 'open') return 'EMLINK';
    if (state === 'done') continue;
    const error = walk(table, t.chain, hook, seen);
    if (error) return error;
  }
  seen.set(chainName, 'done');
  return null;
}
