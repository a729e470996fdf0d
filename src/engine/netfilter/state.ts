/** Fresh netfilter state: every table with its built-in chains, ACCEPT policies, no rules. */
import type { Chain, Hook, NetfilterState, TableName } from './types';

export const BUILTIN_CHAINS: Record<TableName, Hook[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
};

function builtin(name: string): Chain {
  return { name, policy: 'ACCEPT', rules: [], counters: { packets: 0, bytes: 0 } };
}

export function createNetfilterState(): NetfilterState {
  const tables = {} as NetfilterState['tables'];
  for (const [table, hooks] of Object.entries(BUILTIN_CHAINS) as [TableName, Hook[]][]) {
    tables[table] = { chains: hooks.map(builtin) };
  }
  return { tables };
}
