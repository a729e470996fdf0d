/**
 * Editing a table's chains and rules. Operations mutate the Table they are given and report
 * kernel errno names; callers that must stay atomic edit a copy (see `editTable`) and keep it
 * only when every step succeeded.
 */
import type { Netns } from '../net/types';
import { BUILTIN_CHAINS, isBuiltinChain } from './state';
import type { Chain, Rule, Table, TableName } from './types';

export type NfErrno = 'ENOENT' | 'EEXIST' | 'EBUSY' | 'EINVAL' | 'EMLINK' | 'EOPNOTSUPP' | 'E2BIG';

/** Bumped by every function here that adds or removes rules: the world-size guard recounts rules only then. */
export const ruleEdits = { count: 0 };

export function findChain(ns: Netns, table: TableName, chain: string): Chain | undefined {
  return chainOf(ns.netfilter.tables[table], chain);
}

export function chainOf(table: Table, name: string): Chain | undefined {
  return table.chains.find((c) => c.name === name);
}

/** Appends without checks (presets and daemons building known-good rule sets). */
export function appendRule(ns: Netns, table: TableName, chain: string, rule: Rule): void {
  const target = findChain(ns, table, chain);
  if (!target) throw new Error(`no chain ${table}/${chain}`);
  ns.netfilter.tables[table].present = true;
  ensureBorn(ns, ns.netfilter.tables[table]);
  goLive(ns.netfilter.tables[table], target);
  target.rules.push(rule);
  ruleEdits.count++;
}

/** Registers a chain with the kernel (nf_tables): it is listed after every chain registered before it. */
function goLive(table: Table, chain: Chain): void {
  if (chain.policy !== null) chain.live = true;
  if (chain.born !== undefined) return;
  chain.born = 1 + Math.max(0, ...table.chains.map((c) => c.born ?? 0));
}

/** A table that has just been created is listed (by nft) after the tables created before it. */
function ensureBorn(ns: Netns, table: Table): void {
  if (table.born !== undefined || !table.present) return;
  table.born = 1 + Math.max(0, ...Object.values(ns.netfilter.tables).map((t) => t.born ?? 0));
}

/**
 * For rule sets a program builds in one go (dockerd's first start): the tables and chains were
 * created in this order, as `nft list` shows them; chains not named keep their turn after these.
 */
export function stampCreationOrder(ns: Netns, order: [TableName, string[]][]): void {
  order.forEach(([name, chains], i) => {
    const table = ns.netfilter.tables[name];
    table.born = i + 1;
    const named = chains.map((c) => chainOf(table, c)).filter((c): c is Chain => c !== undefined && isLive(c));
    const rest = table.chains.filter((c) => !named.includes(c) && c.born !== undefined).sort((a, b) => a.born! - b.born!);
    [...named, ...rest].forEach((c, j) => (c.born = j + 1));
  });
}

/** A chain the kernel has: a user chain, or a built-in chain something was written to. */
export function isLive(chain: Chain): boolean {
  return chain.policy === null || chain.live === true;
}

/** Runs `edit` on a copy of the table and installs the copy only if it returned no error. */
export function editTable<E>(ns: Netns, table: TableName, edit: (copy: Table) => E | null): E | null {
  const copy = structuredClone(ns.netfilter.tables[table]);
  const error = edit(copy);
  if (error !== null) return error;
  ns.netfilter.tables[table] = copy;
  ruleEdits.count++;
  ensureBorn(ns, copy);
  return null;
}

/** The nf_tables backend creates a table with all its built-in chains on the first write. */
export function ensurePresent(table: Table): void {
  table.present = true;
}

export function userChains(table: Table, tableName: TableName): Chain[] {
  return table.chains.filter((c) => !isBuiltinChain(tableName, c.name)).sort((a, b) => byteCompare(a.name, b.name));
}

/** Built-in chains in hook order, then user chains sorted by name (strcmp), as iptables lists them. */
export function listingOrder(table: Table, tableName: TableName): Chain[] {
  const builtins = BUILTIN_CHAINS[tableName].map((h) => chainOf(table, h)).filter((c): c is Chain => c !== undefined);
  return [...builtins, ...userChains(table, tableName)];
}

export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rules (in any chain of the table) that jump or go to `name`. */
export function references(table: Table, name: string): number {
  let n = 0;
  for (const chain of table.chains) {
    for (const rule of chain.rules) {
      const t = rule.target;
      if (t && (t.kind === 'jump' || t.kind === 'goto') && t.chain === name) n++;
    }
  }
  return n;
}

/** Rule equality as `-D`/`-C` use it: everything but the counters and the limit buckets. */
export function sameRule(a: Rule, b: Rule): boolean {
  return canonical(asWritten(a)) === canonical(asWritten(b));
}

function asWritten(r: Rule): unknown {
  return { ...r, counters: null, modules: r.modules.map((m) => (m.kind === 'limit' ? { ...m, bucket: undefined } : m)) };
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => byteCompare(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function insertRule(table: Table, chain: string, index: number, rule: Rule): NfErrno | null {
  const c = chainOf(table, chain);
  if (!c) return 'ENOENT';
  if (index < 0 || index > c.rules.length) return 'E2BIG';
  c.rules.splice(index, 0, rule);
  ruleEdits.count++;
  goLive(table, c);
  ensurePresent(table);
  return null;
}

export function replaceRule(table: Table, chain: string, index: number, rule: Rule): NfErrno | null {
  const c = chainOf(table, chain);
  if (!c) return 'ENOENT';
  if (index < 0 || index >= c.rules.length) return 'E2BIG';
  c.rules[index] = rule;
  return null;
}

export function deleteRuleAt(table: Table, chain: string, index: number): NfErrno | null {
  const c = chainOf(table, chain);
  if (!c) return 'ENOENT';
  if (index < 0 || index >= c.rules.length) return 'E2BIG';
  c.rules.splice(index, 1);
  ruleEdits.count++;
  return null;
}

export function findRule(table: Table, chain: string, rule: Rule): number {
  const c = chainOf(table, chain);
  return c ? c.rules.findIndex((r) => sameRule(r, rule)) : -1;
}

export function flushChain(table: Table, chain: string): NfErrno | null {
  const c = chainOf(table, chain);
  if (!c) return 'ENOENT';
  c.rules = [];
  ruleEdits.count++;
  return null;
}

/** Zeroes a chain's rule counters and its policy counters (which it keeps from now on), or only rule `index`. */
export function zeroChain(table: Table, chain: string, index?: number): NfErrno | null {
  const c = chainOf(table, chain);
  if (!c) return 'ENOENT';
  const zero = (r: { counters: { packets: number; bytes: number } }) => (r.counters = { packets: 0, bytes: 0 });
  if (index !== undefined) {
    const rule = c.rules[index];
    if (rule) zero(rule);
    return null;
  }
  if (!isLive(c)) return 'ENOENT';
  c.rules.forEach(zero);
  zero(c);
  if (c.policy !== null) c.counted = true;
  return null;
}

export function newChain(table: Table, name: string): NfErrno | null {
  if (chainOf(table, name)) return 'EEXIST';
  const chain: Chain = { name, policy: null, rules: [], counters: { packets: 0, bytes: 0 } };
  table.chains.push(chain);
  goLive(table, chain);
  ensurePresent(table);
  return null;
}

/**
 * Deletes a chain. A non-empty or referenced chain is busy; an empty built-in chain goes back
 * to being a stand-in (nf_tables deletes base chains too).
 */
export function deleteChain(table: Table, tableName: TableName, name: string): NfErrno | null {
  const c = chainOf(table, name);
  if (!c || !isLive(c)) return 'ENOENT';
  if (c.rules.length > 0 || references(table, name) > 0) return 'EBUSY';
  if (isBuiltinChain(tableName, name)) Object.assign(c, { policy: 'ACCEPT', counters: { packets: 0, bytes: 0 }, live: false, counted: false, born: undefined });
  else table.chains = table.chains.filter((x) => x !== c);
  return null;
}

/**
 * `iptables -X` without a chain (nf_tables backend) also unregisters the built-in chains that
 * have no rules and the default policy: `nft list` no longer shows them.
 */
export function retireIdleBuiltins(table: Table): void {
  for (const c of table.chains) {
    if (c.policy === 'ACCEPT' && c.live && c.rules.length === 0) Object.assign(c, { counters: { packets: 0, bytes: 0 }, live: false, counted: false, born: undefined });
  }
}

/** `-L -Z` zeroes through the listing, which registers a stand-in built-in chain first. */
export function zeroListedChain(table: Table, chain: string): NfErrno | null {
  const c = chainOf(table, chain);
  if (c && c.policy !== null && !c.live) goLive(table, c);
  return zeroChain(table, chain);
}

/** Renames a user chain and every jump to it. */
export function renameChain(table: Table, tableName: TableName, from: string, to: string): NfErrno | null {
  if (chainOf(table, to)) return 'EEXIST';
  const c = chainOf(table, from);
  if (!c || isBuiltinChain(tableName, from)) return 'ENOENT';
  c.name = to;
  for (const chain of table.chains) {
    for (const rule of chain.rules) {
      const t = rule.target;
      if (t && (t.kind === 'jump' || t.kind === 'goto') && t.chain === from) t.chain = to;
    }
  }
  return null;
}

export function setPolicy(table: Table, tableName: TableName, chain: string, policy: 'ACCEPT' | 'DROP'): NfErrno | null {
  const c = chainOf(table, chain);
  if (!c || !isBuiltinChain(tableName, chain)) return 'ENOENT';
  c.policy = policy;
  goLive(table, c);
  c.counted = true;
  ensurePresent(table);
  return null;
}
