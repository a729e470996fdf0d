/**
 * The iptables tables of the nf_tables backend: their built-in chains, the order the hooks run
 * them in, and a fresh (empty) state. Tables start absent, as on a machine where nothing has run
 * iptables yet; the first write creates a table with all its built-in chains.
 */
import type { Chain, Hook, NetfilterState, Table, TableName } from './types';

export const BUILTIN_CHAINS: Record<TableName, Hook[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

export const TABLE_NAMES: TableName[] = ['filter', 'nat', 'mangle', 'raw', 'security'];

/** The order iptables-save prints tables in (nf_tables backend). */
export const SAVE_ORDER: TableName[] = ['mangle', 'security', 'raw', 'filter', 'nat'];

/** A step of a hook: a table's chain, or connection tracking itself. */
export type HookStep = TableName | 'conntrack';

/** Tables by hook in priority order: raw -300, conntrack -200, mangle -150, nat dst -100, filter 0, security 50, nat src 100. */
export const HOOK_STEPS: Record<Hook, HookStep[]> = {
  PREROUTING: ['raw', 'conntrack', 'mangle', 'nat'],
  INPUT: ['mangle', 'filter', 'security', 'nat'],
  FORWARD: ['mangle', 'filter', 'security'],
  OUTPUT: ['raw', 'conntrack', 'mangle', 'nat', 'filter', 'security'],
  POSTROUTING: ['mangle', 'nat'],
};

export function isTableName(name: string): name is TableName {
  return (TABLE_NAMES as string[]).includes(name);
}

export function isBuiltinChain(table: TableName, chain: string): chain is Hook {
  return (BUILTIN_CHAINS[table] as string[]).includes(chain);
}

function builtin(name: string): Chain {
  return { name, policy: 'ACCEPT', rules: [], counters: { packets: 0, bytes: 0 }, live: false, counted: false };
}

export function emptyTable(table: TableName): Table {
  return { present: false, chains: BUILTIN_CHAINS[table].map(builtin) };
}

export function createNetfilterState(): NetfilterState {
  const tables = {} as NetfilterState['tables'];
  for (const table of TABLE_NAMES) tables[table] = emptyTable(table);
  return { tables };
}
