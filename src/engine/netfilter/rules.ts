/** Editing rule lists of a namespace's tables. */
import type { Netns } from '../net/types';
import type { Chain, Rule, TableName } from './types';

export function findChain(ns: Netns, table: TableName, chain: string): Chain | undefined {
  return ns.netfilter.tables[table].chains.find((c) => c.name === chain);
}

export function appendRule(ns: Netns, table: TableName, chain: string, rule: Rule): void {
  const target = findChain(ns, table, chain);
  if (!target) throw new Error(`no chain ${table}/${chain}`);
  target.rules.push(rule);
}
