/**
 * `nft` (nftables 1.0.6) over the tables iptables-nft wrote: `list ruleset|tables|chains
 * [FAMILY]`, `list table [FAMILY] NAME`, `list chain [FAMILY] TABLE CHAIN`, `flush ruleset`,
 * `-v`. nft joins its arguments into one line and parses it; errors quote that line with
 * carets under the word at fault, as the real parser does. Only the ip family has tables here.
 */
import { createNetfilterState } from '../../engine/netfilter/state';
import { isTableName } from '../../engine/netfilter/state';
import { type CommandResult, type ShellContext, success } from '../types';
import { liveChains, liveTables, rulesetListing, tableListing, type Listing } from './print';

const VERSION = 'nftables v1.0.6 (Lester Gooch #5)\n';
const FAMILIES = ['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev'];
const VERBS = ['add', 'create', 'insert', 'delete', 'destroy', 'replace', 'rename', 'reset', 'get', 'monitor', 'describe', 'import', 'export', 'flush', 'list'];

interface Word {
  text: string;
  at: number;
}

/** "Error: WHAT", the command line, then carets under columns [at, at + len) (at least one). */
function parseError(what: string, line: string, at: number, len: number): CommandResult {
  return { stdout: '', stderr: `Error: ${what}\n${line}\n${' '.repeat(at)}${'^'.repeat(Math.max(1, len))}\n`, exitCode: 1 };
}

function words(argv: string[]): { line: string; list: Word[] } {
  const list: Word[] = [];
  let at = 0;
  for (const text of argv) {
    list.push({ text, at });
    at += text.length + 1;
  }
  return { line: argv.join(' '), list };
}

function ok(l: Listing): CommandResult {
  return { stdout: l.stdout, stderr: l.stderr, exitCode: 0 };
}

export function nft(argv: string[], ctx: ShellContext): CommandResult {
  const args = argv.slice(1);
  if (args.length === 1 && (args[0] === '-v' || args[0] === '--version')) return success(VERSION);
  if (args[0]?.startsWith('-')) return unsimulated(`option ${args[0]}`);
  const { line, list } = words(args);
  const end = line.length;
  const verb = list[0];
  if (!verb) return unsimulated('an interactive or file ruleset');
  if (!VERBS.includes(verb.text)) {
    return list.length === 1 ? parseError('syntax error, unexpected newline, expecting string', line, end, 1) : unsimulated(`"${verb.text}"`);
  }
  if (verb.text === 'flush' && list[1]?.text === 'ruleset' && list.length === 2) return flushRuleset(ctx);
  if (verb.text !== 'list') return unsimulated(`"${verb.text}"`);
  return listCommand(list.slice(1), line, ctx);
}

/** The parts of nft this simulator does not have; the message says so rather than pretend. */
function unsimulated(what: string): CommandResult {
  return { stdout: '', stderr: `vethlab: nft: ${what} is not simulated; nft here lists what iptables wrote (nft list ruleset|tables|chains, list table, list chain) and flushes it (nft flush ruleset)\n`, exitCode: 1 };
}

function flushRuleset(ctx: ShellContext): CommandResult {
  ctx.ns.netfilter.tables = createNetfilterState().tables;
  ctx.world.changed();
  return success();
}

const EXPECT_END = 'syntax error, unexpected string, expecting end of file or newline or semicolon';
const EXPECT_STRING = 'syntax error, unexpected newline, expecting string';

function listCommand(rest: Word[], line: string, ctx: ShellContext): CommandResult {
  const what = rest[0];
  const end = line.length;
  if (!what) return parseError('syntax error, unexpected newline', line, end, 1);
  const state = ctx.ns.netfilter;
  const family = rest[1] && FAMILIES.includes(rest[1].text) ? rest[1].text : null;
  const args = rest.slice(family ? 2 : 1);
  switch (what.text) {
    case 'ruleset':
    case 'tables':
    case 'chains': {
      if (args[0]) return parseError(EXPECT_END, line, args[0].at, args[0].text.length);
      if (family !== null && family !== 'ip') return ok({ stdout: '', stderr: '' });
      if (what.text === 'tables') return ok({ stdout: liveTables(state).map((t) => `table ip ${t}\n`).join(''), stderr: '' });
      return ok(rulesetListing(state, what.text === 'chains'));
    }
    case 'table':
      return listTable(args, family ?? 'ip', line, ctx);
    case 'chain':
      return listChain(args, family ?? 'ip', line, ctx);
    default:
      return parseError('syntax error, unexpected string', line, what.at, what.text.length);
  }
}

const ENOENT = 'No such file or directory';

function listTable(args: Word[], family: string, line: string, ctx: ShellContext): CommandResult {
  const [name, extra] = args;
  if (!name) return parseError(EXPECT_STRING, line, line.length, 1);
  if (extra) return parseError(EXPECT_END, line, extra.at, extra.text.length);
  const table = family === 'ip' && isTableName(name.text) ? ctx.ns.netfilter.tables[name.text] : undefined;
  if (!table?.present || !isTableName(name.text)) return parseError(ENOENT, line, name.at, name.text.length);
  return ok(tableListing(name.text, liveChains(table)));
}

function listChain(args: Word[], family: string, line: string, ctx: ShellContext): CommandResult {
  const [tableWord, chainWord, extra] = args;
  if (!tableWord || !chainWord) return parseError(EXPECT_STRING, line, line.length, 1);
  if (extra) return parseError(EXPECT_END, line, extra.at, extra.text.length);
  const table = family === 'ip' && isTableName(tableWord.text) ? ctx.ns.netfilter.tables[tableWord.text] : undefined;
  if (!table?.present || !isTableName(tableWord.text)) return parseError(ENOENT, line, tableWord.at, tableWord.text.length);
  const chain = liveChains(table).find((c) => c.name === chainWord.text);
  if (!chain) return parseError(ENOENT, line, chainWord.at, chainWord.text.length);
  return ok(tableListing(tableWord.text, [chain]));
}
