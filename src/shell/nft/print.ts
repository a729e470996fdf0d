/**
 * `nft list` output for the iptables-nft tables of a namespace (nftables 1.0.6): tables and
 * chains in the order the kernel got them, base chains with their type, hook and priority,
 * rules as statements with their counters. A table whose listed rules use xt expressions gets
 * nft's "managed by iptables-nft" warning on stderr.
 */
import { isLive } from '../../engine/netfilter/rules';
import { TABLE_NAMES, isBuiltinChain } from '../../engine/netfilter/state';
import type { Chain, Hook, NetfilterState, Rule, Table, TableName } from '../../engine/netfilter/types';
import { matchStmts, type Stmt } from './xlate-match';
import { targetStmt } from './xlate-target';

export interface Listing {
  stdout: string;
  stderr: string;
}

/** Present tables, oldest first (tables the daemon built directly have no birth: they come first, in iptables' order). */
export function liveTables(state: NetfilterState): TableName[] {
  return TABLE_NAMES.filter((t) => state.tables[t].present).sort((a, b) => (state.tables[a].born ?? 0) - (state.tables[b].born ?? 0));
}

/** The chains the kernel has, oldest first. */
export function liveChains(table: Table): Chain[] {
  return table.chains.filter(isLive).sort((a, b) => (a.born ?? 0) - (b.born ?? 0));
}

/** iptables-nft's base chain types and priorities, as nft names them. */
function baseChainLine(table: TableName, hook: Hook, policy: string): string {
  const type = table === 'nat' ? 'nat' : table === 'mangle' && hook === 'OUTPUT' ? 'route' : 'filter';
  let priority: string = table;
  if (table === 'nat') priority = hook === 'PREROUTING' ? 'dstnat' : hook === 'POSTROUTING' ? 'srcnat' : hook === 'OUTPUT' ? '-100' : '100';
  return `\t\ttype ${type} hook ${hook.toLowerCase()} priority ${priority}; policy ${policy.toLowerCase()};\n`;
}

function ruleStmts(rule: Rule): Stmt[] {
  const counter: Stmt = { text: `counter packets ${rule.counters.packets} bytes ${rule.counters.bytes}`, xt: false };
  const target = targetStmt(rule.target);
  return [...matchStmts(rule), counter, ...(target ? [target] : [])];
}

interface Block {
  text: string;
  xt: boolean;
}

function chainBlock(tableName: TableName, chain: Chain, withRules: boolean): Block {
  let text = `\tchain ${chain.name} {\n`;
  if (chain.policy !== null && isBuiltinChain(tableName, chain.name)) text += baseChainLine(tableName, chain.name, chain.policy);
  let xt = false;
  if (withRules) {
    for (const rule of chain.rules) {
      const stmts = ruleStmts(rule);
      xt ||= stmts.some((s) => s.xt);
      text += `\t\t${stmts.map((s) => s.text).join(' ')}\n`;
    }
  }
  return { text: text + '\t}\n', xt };
}

function warning(name: TableName): string {
  return `# Warning: table ip ${name} is managed by iptables-nft, do not touch!\n`;
}

/** One table with the given chains; `declarations` lists chains without rules (`nft list chains`). */
export function tableListing(name: TableName, chains: Chain[], declarations = false): Listing {
  const blocks = chains.map((c) => chainBlock(name, c, !declarations));
  const body = blocks.map((b) => b.text).join(declarations ? '' : '\n');
  return { stdout: `table ip ${name} {\n${body}}\n`, stderr: blocks.some((b) => b.xt) ? warning(name) : '' };
}

export function rulesetListing(state: NetfilterState, declarations = false): Listing {
  const parts = liveTables(state).map((t) => tableListing(t, liveChains(state.tables[t]), declarations));
  return { stdout: parts.map((p) => p.stdout).join(''), stderr: parts.map((p) => p.stderr).join('') };
}
