/** `iptables -L` (columns) and `iptables -S` (rule lines) for a table or one chain. */
import { chainOf, listingOrder, references } from '../../engine/netfilter/rules';
import type { Chain, Table, TableName } from '../../engine/netfilter/types';
import type { HostsDb } from './addr';
import { listRule, printNum, saveRule, type ListFormat } from './print-rule';

function header(f: ListFormat): string {
  let out = f.lineNumbers ? 'num  ' : '';
  // With -x the header's bytes column is two wider than the rows' (as iptables prints it).
  if (f.verbose) out += f.exact ? '    pkts      bytes ' : ' pkts bytes ';
  out += 'target     prot opt';
  if (f.verbose) out += ' in     out    ';
  return `${out} source               destination         `;
}

function chainTitle(table: Table, chain: Chain, f: ListFormat): string {
  if (chain.policy === null) return `Chain ${chain.name} (${references(table, chain.name)} references)`;
  if (!f.verbose) return `Chain ${chain.name} (policy ${chain.policy})`;
  const c = chain.counters;
  return `Chain ${chain.name} (policy ${chain.policy} ${printNum(c.packets, f.exact, false)}packets, ${printNum(c.bytes, f.exact, false)}bytes)`;
}

function listChain(table: Table, chain: Chain, f: ListFormat, hosts: HostsDb): string {
  const rows = chain.rules.map((r, i) => listRule(r, i + 1, f, hosts) + '\n').join('');
  return `${chainTitle(table, chain, f)}\n${header(f)}\n${rows}`;
}

/** Output of `-L [chain [rulenum]]`, or null when the chain does not exist. */
export function listTable(table: Table, tableName: TableName, chainName: string | null, rulenum: number, f: ListFormat, hosts: HostsDb): string | null {
  if (chainName === null) return listingOrder(table, tableName).map((c) => listChain(table, c, f, hosts)).join('\n');
  const chain = chainOf(table, chainName);
  if (!chain) return null;
  if (rulenum === 0) return listChain(table, chain, f, hosts);
  const rule = chain.rules[rulenum - 1];
  return rule ? listRule(rule, rulenum, f, hosts) + '\n' : '';
}

function chainLine(chain: Chain, counters: boolean): string {
  if (chain.policy === null) return `-N ${chain.name}\n`;
  return `-P ${chain.name} ${chain.policy}${counters ? ` -c ${chain.counters.packets} ${chain.counters.bytes}` : ''}\n`;
}

function ruleLines(chain: Chain, counters: boolean): string {
  return chain.rules.map((r) => saveRule(chain.name, r, counters) + '\n').join('');
}

/** Output of `-S [chain [rulenum]]`, or null when the chain does not exist. */
export function listRules(table: Table, tableName: TableName, chainName: string | null, rulenum: number, counters: boolean): string | null {
  if (chainName === null) {
    const chains = listingOrder(table, tableName);
    return chains.map((c) => chainLine(c, counters)).join('') + chains.map((c) => ruleLines(c, counters)).join('');
  }
  const chain = chainOf(table, chainName);
  if (!chain) return null;
  if (rulenum === 0) return chainLine(chain, counters) + ruleLines(chain, counters);
  const rule = chain.rules[rulenum - 1];
  return rule ? saveRule(chain.name, rule, counters) + '\n' : '';
}
