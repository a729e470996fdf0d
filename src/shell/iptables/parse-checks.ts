/**
 * What do_parse checks after its loop (final checks of matches and targets, a command given,
 * addresses, options legal for the command, chain names, -i/-o per chain), and the rules the
 * command line specifies: one per source x destination address.
 */
import type { MatchModule, Rule, Target } from '../../engine/netfilter/types';
import { parseAddrList, type HostsDb, type ParsedAddr } from './addr';
import { CMD, COMMANDS_V_OPTIONS, OPT, OPT_CHARS, type ParsedArgs } from './command';
import { paramError, type IptError } from './errors';
import type { LoopResult } from './parse';

const RULE_COMMANDS = CMD.REPLACE | CMD.INSERT | CMD.DELETE | CMD.APPEND | CMD.CHECK;

export interface Plan {
  args: ParsedArgs;
  /** The rules a rule command specifies (more than one with several -s/-d addresses). */
  rules: Rule[];
}

export function finishParse(loop: LoopResult, hosts: HostsDb): Plan | IptError {
  if (loop.outcome.kind !== 'args') throw new Error('finishParse needs parsed arguments');
  const { args, getopt } = loop.outcome;
  if (args.waitIntervalSet && !args.waitSet) return paramError('--wait-interval only makes sense with --wait\n');
  if (args.table === 'nat' && (args.policy === 'DROP' || args.jumpto === 'DROP')) {
    return paramError('\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n');
  }
  for (const m of args.matches) {
    const e = m.ext.final(m.state, loop.env, m.seen);
    if (e) return e;
  }
  if (args.target) {
    const e = args.target.ext.final(args.target.state, loop.env, args.target.seen);
    if (e) return e;
  }
  if (getopt.optind < getopt.argv.length) return paramError('unknown arguments found on commandline');
  if (!args.command) return paramError('no command specified');
  if (loop.pendingInvert) return paramError('nothing appropriate following !');
  const addrs = postParse(args, hosts);
  if (!('src' in addrs)) return addrs;
  if (args.command === CMD.REPLACE && (addrs.src.length !== 1 || addrs.dst.length !== 1)) return paramError('Replacement rule does not specify a unique address');
  const illegal = checkOptions(args.command, args.options);
  if (illegal) return illegal;
  if (args.chain !== null && args.chain.length >= 29) return paramError(`chain name \`${args.chain}' too long (must be under 29 chars)`);
  const direction = checkDirection(args);
  if (direction) return direction;
  return { args, rules: args.command & RULE_COMMANDS ? buildRules(args, addrs.src, addrs.dst) : [] };
}

function postParse(args: ParsedArgs, hosts: HostsDb): { src: ParsedAddr[]; dst: ParsedAddr[] } | IptError {
  const ruleCommand = (args.command & RULE_COMMANDS) !== 0;
  const srcText = args.source ?? (ruleCommand ? '0.0.0.0/0' : null);
  const dstText = args.destination ?? (ruleCommand ? '0.0.0.0/0' : null);
  const src = srcText === null ? [] : parseAddrList(srcText, hosts);
  if (!Array.isArray(src)) return src;
  const dst = dstText === null ? [] : parseAddrList(dstText, hosts);
  if (!Array.isArray(dst)) return dst;
  if ((src.length > 1 || dst.length > 1) && (args.inverted.has('s') || args.inverted.has('d'))) {
    return paramError('! not allowed with multiple source or destination IP addresses');
  }
  return { src, dst };
}

/** generic_opt_check: an option is legal if any of the given commands allows it. */
function checkOptions(command: number, options: number): IptError | null {
  for (let i = 0; i < OPT_CHARS.length; i++) {
    if (!(options & (1 << i))) continue;
    let legal = 0;
    for (let j = 0; j < COMMANDS_V_OPTIONS.length; j++) {
      if (!(command & (1 << j))) continue;
      if (COMMANDS_V_OPTIONS[j]![i] !== 'x') legal = 1;
      else if (legal === 0) legal = -1;
    }
    if (legal === -1) return paramError(`Illegal option \`-${OPT_CHARS[i]}' with this command`);
  }
  return null;
}

function checkDirection(args: ParsedArgs): IptError | null {
  if (!(args.command & RULE_COMMANDS)) return null;
  const chain = args.chain ?? '';
  if ((chain === 'PREROUTING' || chain === 'INPUT') && args.options & OPT.VIANAMEOUT) return paramError(`Can't use -o with ${chain}\n`);
  if ((chain === 'POSTROUTING' || chain === 'OUTPUT') && args.options & OPT.VIANAMEIN) return paramError(`Can't use -i with ${chain}\n`);
  return null;
}

function buildRules(args: ParsedArgs, srcs: ParsedAddr[], dsts: ParsedAddr[]): Rule[] {
  const rules: Rule[] = [];
  for (const s of srcs) {
    for (const d of dsts) {
      const rule: Rule = { modules: mergeModules(args.matches.map((m) => m.ext.build(m.state))), target: buildTarget(args), counters: { ...(args.counters ?? { packets: 0, bytes: 0 }) } };
      const src = addrMatch(s, args.inverted.has('s'));
      const dst = addrMatch(d, args.inverted.has('d'));
      if (src) rule.src = src;
      if (dst) rule.dst = dst;
      if (args.inIface !== null && args.inIface !== '+') rule.inIface = { name: args.inIface, neg: args.inverted.has('i') };
      if (args.outIface !== null && args.outIface !== '+') rule.outIface = { name: args.outIface, neg: args.inverted.has('o') };
      if (args.protoNum) rule.proto = { num: args.protoNum, neg: args.inverted.has('p') };
      if (args.options & OPT.FRAGMENT) rule.fragment = { neg: args.inverted.has('f') };
      rules.push(rule);
    }
  }
  return rules;
}

function addrMatch(a: ParsedAddr, neg: boolean) {
  if (a.mask === 0 && !neg) return undefined;
  return { addr: a.addr, mask: a.mask, neg };
}

function buildTarget(args: ParsedArgs): Target | null {
  if (args.target) return args.target.ext.build(args.target.state);
  const name = args.jumpto;
  if (name === null) return null;
  if (!args.isGoto && (name === 'ACCEPT' || name === 'DROP' || name === 'RETURN')) return { kind: name };
  return { kind: args.isGoto ? 'goto' : 'jump', chain: name };
}

/**
 * nf_tables stores port matches as payload expressions, so all tcp (udp) matches of a rule read
 * back as the first one, later values replacing earlier ones.
 */
function mergeModules(modules: MatchModule[]): MatchModule[] {
  const out: MatchModule[] = [];
  for (const m of modules) {
    const first = m.kind === 'tcp' || m.kind === 'udp' ? out.find((x) => x.kind === m.kind) : undefined;
    if (!first) out.push(m);
    else Object.assign(first, Object.fromEntries(Object.entries(m).filter(([k, v]) => k !== 'kind' && v !== undefined)));
  }
  return out;
}
