/**
 * Carrying out a parsed iptables command on a namespace's tables, with the messages the
 * nf_tables backend gives. Every change is made on a copy of the table and kept only if the
 * whole command succeeded, so a failing command leaves the world as it was.
 */
import { checkRule, checkTable } from '../../engine/netfilter/checks';
import {
  chainOf,
  deleteChain,
  deleteRuleAt,
  editTable,
  ensurePresent,
  findRule,
  isLive,
  flushChain,
  insertRule,
  listingOrder,
  newChain,
  renameChain,
  replaceRule,
  retireIdleBuiltins,
  setPolicy,
  userChains,
  zeroChain,
  zeroListedChain,
  type NfErrno,
} from '../../engine/netfilter/rules';
import { isBuiltinChain } from '../../engine/netfilter/state';
import type { Table, TableName } from '../../engine/netfilter/types';
import type { Netns } from '../../engine/net/types';
import type { HostsDb } from './addr';
import { CMD, OPT } from './command';
import { paramError, type IptError } from './errors';
import { listRules, listTable } from './list';
import type { Plan } from './parse-checks';
import { echoRule } from './print-rule';

export interface Applied {
  stdout: string;
  error: IptError | null;
}

const strerror = (message: string): IptError => ({ kind: 'strerror', message });
const NO_CHAIN = strerror('No chain/target/match by that name');
const BAD_RULE = strerror('Bad rule (does a matching rule exist in that chain?)');

const ERRNO_TEXT: Record<NfErrno, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  EBUSY: 'Device or resource busy',
  EINVAL: 'Invalid argument',
  EMLINK: 'Too many links',
  EOPNOTSUPP: 'Operation not supported',
  E2BIG: 'Argument list too long',
};

/** A failed nf_tables batch: " RULE_APPEND failed (Invalid argument): rule in chain INPUT". */
function batchError(op: string, errno: NfErrno, what: string): IptError {
  return { kind: 'resource', message: ` ${op} failed (${ERRNO_TEXT[errno]}): ${what}` };
}

interface Context {
  ns: Netns;
  tableName: TableName;
  plan: Plan;
  hosts: HostsDb;
}

/** Chains the command can see: with no table yet, only the built-in ones (empty). */
function hasChain(table: Table, name: string): boolean {
  return chainOf(table, name) !== undefined;
}

export function apply(ns: Netns, tableName: TableName, plan: Plan, hosts: HostsDb): Applied {
  const c: Context = { ns, tableName, plan, hosts };
  const { args } = plan;
  const table = ns.netfilter.tables[tableName];
  let stdout = '';
  const ruleCommand = args.command & (CMD.APPEND | CMD.INSERT | CMD.REPLACE | CMD.DELETE | CMD.CHECK);
  if (ruleCommand) {
    const jump = plan.rules[0]?.target;
    if (jump && (jump.kind === 'jump' || jump.kind === 'goto') && !hasChain(table, jump.chain)) {
      return { stdout, error: paramError(`Chain '${jump.chain}' does not exist`) };
    }
    if (args.options & OPT.VERBOSE) stdout += plan.rules.map((r) => echoRule(r, hosts) + '\n').join('');
  }
  const result = dispatch(c);
  return { stdout: stdout + result.stdout, error: result.error };
}

function dispatch(c: Context): Applied {
  const { args } = c.plan;
  const chain = args.chain ?? '';
  switch (args.command) {
    case CMD.APPEND:
      return done(addRules(c, chain, null));
    case CMD.INSERT:
      return done(addRules(c, chain, args.rulenum - 1));
    case CMD.REPLACE:
      return done(replace(c, chain));
    case CMD.DELETE:
    case CMD.CHECK:
      return done(deleteOrCheck(c, chain, args.command === CMD.DELETE));
    case CMD.DELETE_NUM:
      return done(deleteNumber(c, chain));
    case CMD.FLUSH:
      return eachChain(c, 'Flushing', (t, name) => flushChain(t, name));
    case CMD.ZERO:
      return eachChain(c, 'Zeroing', (t, name) => zeroChain(t, name));
    case CMD.ZERO_NUM:
      return done(zeroNumber(c, chain));
    case CMD.NEW_CHAIN:
      return done(edit(c, (t) => (newChain(t, chain) === 'EEXIST' ? strerror('Chain already exists') : null)));
    case CMD.DELETE_CHAIN:
      return deleteChains(c);
    case CMD.RENAME_CHAIN:
      return done(rename(c, chain, args.newName ?? ''));
    case CMD.SET_POLICY:
      return done(policy(c, chain, args.policy ?? ''));
    default:
      return list(c);
  }
}

function done(error: IptError | null): Applied {
  return { stdout: '', error };
}

function edit(c: Context, change: (copy: Table) => IptError | null): IptError | null {
  return editTable(c.ns, c.tableName, change);
}

function addRules(c: Context, chain: string, index: number | null): IptError | null {
  const op = index === null ? 'RULE_APPEND' : 'RULE_INSERT';
  return edit(c, (t) => {
    if (!hasChain(t, chain)) return NO_CHAIN;
    for (const rule of c.plan.rules) {
      const error = insertRule(t, chain, index ?? chainOf(t, chain)!.rules.length, rule);
      if (error === 'E2BIG') return strerror('Index of insertion too big');
      const invalid = checkRule(c.tableName, rule) ?? checkTable(c.tableName, t);
      if (invalid) return batchError(op, invalid, `rule in chain ${chain}`);
    }
    return null;
  });
}

function replace(c: Context, chain: string): IptError | null {
  return edit(c, (t) => {
    if (!t.present) return NO_CHAIN;
    const rule = c.plan.rules[0]!;
    const e = replaceRule(t, chain, c.plan.args.rulenum - 1, rule);
    if (e === 'ENOENT') return NO_CHAIN;
    if (e === 'E2BIG') return strerror('Index of replacement too big');
    const invalid = checkRule(c.tableName, rule) ?? checkTable(c.tableName, t);
    return invalid ? batchError('RULE_REPLACE', invalid, `rule in chain ${chain}`) : null;
  });
}

function deleteOrCheck(c: Context, chain: string, remove: boolean): IptError | null {
  return edit(c, (t) => {
    for (const rule of c.plan.rules) {
      const at = findRule(t, chain, rule);
      if (at < 0) return BAD_RULE;
      if (remove) deleteRuleAt(t, chain, at);
    }
    return null;
  });
}

function deleteNumber(c: Context, chain: string): IptError | null {
  return edit(c, (t) => {
    if (!t.present) return NO_CHAIN;
    const e = deleteRuleAt(t, chain, c.plan.args.rulenum - 1);
    if (e === 'ENOENT') return NO_CHAIN;
    return e === 'E2BIG' ? strerror('Index of deletion too big') : null;
  });
}

function zeroNumber(c: Context, chain: string): IptError | null {
  return edit(c, (t) => {
    if (!t.present) return BAD_RULE;
    return zeroChain(t, chain, c.plan.args.rulenum - 1) ? NO_CHAIN : null;
  });
}

/** -F / -Z on one chain or on every chain the kernel has; -v names each chain, stand-ins too. */
function eachChain(c: Context, verb: string, change: (t: Table, name: string) => NfErrno | null, standIns = false): Applied {
  const { args } = c.plan;
  const table = c.ns.netfilter.tables[c.tableName];
  const names = args.chain !== null ? [args.chain] : listingOrder(table, c.tableName).map((x) => x.name);
  const live = args.chain !== null || standIns ? names : listingOrder(table, c.tableName).filter(isLive).map((x) => x.name);
  const error = edit(c, (t) => (live.some((n) => change(t, n) !== null) ? NO_CHAIN : null));
  const verbose = args.options & OPT.VERBOSE && !error ? names.map((n) => `${verb} chain \`${n}'\n`).join('') : '';
  return { stdout: verbose, error };
}

function deleteChains(c: Context): Applied {
  const { args } = c.plan;
  const table = c.ns.netfilter.tables[c.tableName];
  const names = args.chain !== null ? [args.chain] : userChains(table, c.tableName).map((x) => x.name);
  let busy: string | null = null;
  const error = edit(c, (t) => {
    for (const name of names) {
      const e = deleteChain(t, c.tableName, name);
      if (e === 'ENOENT') return NO_CHAIN;
      if (e === 'EBUSY' && busy === null) busy = name;
    }
    if (busy === null && args.chain === null) retireIdleBuiltins(t);
    return busy === null ? null : batchError('CHAIN_DEL', 'EBUSY', `chain ${busy}`);
  });
  const verbose = args.options & OPT.VERBOSE && !error ? names.map((n) => `Deleting chain \`${n}'\n`).join('') : '';
  return { stdout: verbose, error };
}

function rename(c: Context, from: string, to: string): IptError | null {
  return edit(c, (t) => {
    const e = t.present ? renameChain(t, c.tableName, from, to) : 'ENOENT';
    if (e === 'EEXIST') return strerror('File exists');
    return e ? NO_CHAIN : null;
  });
}

function policy(c: Context, chain: string, target: string): IptError | null {
  if (target !== 'ACCEPT' && target !== 'DROP') return strerror("Bad policy name. Run `dmesg' for more information");
  return edit(c, (t) => {
    if (!isBuiltinChain(c.tableName, chain)) return strerror('Bad built-in chain name');
    setPolicy(t, c.tableName, chain, target);
    ensurePresent(t);
    return null;
  });
}

/** -L / -S, possibly with -Z: list first, then zero. */
function list(c: Context): Applied {
  const { args } = c.plan;
  const table = c.ns.netfilter.tables[c.tableName];
  const verbose = (args.options & OPT.VERBOSE) !== 0;
  const text =
    args.command & CMD.LIST
      ? listTable(table, c.tableName, args.chain, args.command & CMD.ZERO_NUM ? 0 : args.rulenum, {
          numeric: (args.options & OPT.NUMERIC) !== 0,
          verbose,
          exact: (args.options & OPT.EXPANDED) !== 0,
          lineNumbers: (args.options & OPT.LINENUMBERS) !== 0,
        }, c.hosts)
      : listRules(table, c.tableName, args.chain, args.command & CMD.ZERO_NUM ? 0 : args.rulenum, verbose);
  if (text === null) return { stdout: '', error: { kind: 'other', message: `chain \`${args.chain}' in table \`${c.tableName}' is incompatible, use 'nft' tool.` } };
  if (args.command & CMD.ZERO) {
    const zeroed = eachChain(c, 'Zeroing', (t, name) => zeroListedChain(t, name), true);
    return { stdout: text + zeroed.stdout, error: zeroed.error };
  }
  if (args.command & CMD.ZERO_NUM) return { stdout: text, error: zeroNumber(c, args.chain ?? '') };
  return { stdout: text, error: null };
}

