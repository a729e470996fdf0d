import { strict as assert } from 'node:assert';
import { createBareWorld } from '../../src/engine/presets';
import { rootNs } from '../../src/engine/host';
import { checkRule, checkTable } from '../../src/engine/netfilter/checks';
import {
  deleteChain,
  deleteRuleAt,
  editTable,
  findRule,
  insertRule,
  listingOrder,
  newChain,
  references,
  renameChain,
  replaceRule,
  sameRule,
  setPolicy,
  zeroChain,
} from '../../src/engine/netfilter/rules';
import { createNetfilterState, emptyTable } from '../../src/engine/netfilter/state';
import type { Rule, Table, TableName, Target } from '../../src/engine/netfilter/types';

const rule = (target: Target | null, extra: Partial<Rule> = {}): Rule => ({ modules: [], target, counters: { packets: 0, bytes: 0 }, ...extra });

describe('netfilter state', () => {
  it('starts with every table absent and its built-in chains at ACCEPT', () => {
    const s = createNetfilterState();
    assert.deepEqual(Object.keys(s.tables), ['filter', 'nat', 'mangle', 'raw', 'security']);
    assert.ok(Object.values(s.tables).every((t) => !t.present));
    assert.deepEqual(s.tables.nat.chains.map((c) => [c.name, c.policy]), [['PREROUTING', 'ACCEPT'], ['INPUT', 'ACCEPT'], ['OUTPUT', 'ACCEPT'], ['POSTROUTING', 'ACCEPT']]);
  });
});

describe('netfilter rules: editing', () => {
  it('reports kernel errnos', () => {
    const t = emptyTable('filter');
    const cases: [string, () => string | null, string | null][] = [
      ['new chain', () => newChain(t, 'web'), null],
      ['same chain again', () => newChain(t, 'web'), 'EEXIST'],
      ['insert past the end', () => insertRule(t, 'web', 1, rule(null)), 'E2BIG'],
      ['insert into a missing chain', () => insertRule(t, 'nope', 0, rule(null)), 'ENOENT'],
      ['insert', () => insertRule(t, 'INPUT', 0, rule({ kind: 'jump', chain: 'web' })), null],
      ['replace past the end', () => replaceRule(t, 'INPUT', 1, rule(null)), 'E2BIG'],
      ['delete a referenced chain', () => deleteChain(t, 'filter', 'web'), 'EBUSY'],
      ['delete a built-in chain', () => deleteChain(t, 'filter', 'INPUT'), 'EBUSY'],
      ['rename onto an existing chain', () => renameChain(t, 'filter', 'web', 'INPUT'), 'EEXIST'],
      ['rename a built-in chain', () => renameChain(t, 'filter', 'INPUT', 'in'), 'ENOENT'],
      ['rename', () => renameChain(t, 'filter', 'web', 'www'), null],
      ['delete rule past the end', () => deleteRuleAt(t, 'INPUT', 3), 'E2BIG'],
      ['zero a missing chain', () => zeroChain(t, 'nope'), 'ENOENT'],
      ['policy on a user chain', () => setPolicy(t, 'filter', 'www', 'DROP'), 'ENOENT'],
    ];
    for (const [what, run, expected] of cases) assert.equal(run(), expected, what);
    assert.equal(references(t, 'www'), 1, 'renaming moves the jumps');
    assert.equal(t.present, true);
  });

  it('compares rules without their counters', () => {
    const a = rule({ kind: 'ACCEPT' }, { src: { addr: 1, mask: 0xffffffff, neg: false }, counters: { packets: 5, bytes: 50 } });
    const b = rule({ kind: 'ACCEPT' }, { src: { neg: false, mask: 0xffffffff, addr: 1 } });
    assert.ok(sameRule(a, b));
    assert.ok(!sameRule(a, rule({ kind: 'ACCEPT' })));
    const t = emptyTable('filter');
    insertRule(t, 'INPUT', 0, a);
    assert.equal(findRule(t, 'INPUT', b), 0);
  });

  it('lists built-in chains in hook order, then user chains by strcmp', () => {
    const t = emptyTable('nat');
    for (const n of ['b', 'A', '1']) newChain(t, n);
    assert.deepEqual(listingOrder(t, 'nat').map((c) => c.name), ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING', '1', 'A', 'b']);
  });

  it('keeps a table unchanged when an edit fails', () => {
    const { world, host } = createBareWorld();
    const ns = rootNs(world, host);
    const before = JSON.stringify(ns.netfilter);
    const error = editTable(ns, 'filter', (copy) => {
      newChain(copy, 'x');
      return 'boom';
    });
    assert.equal(error, 'boom');
    assert.equal(JSON.stringify(ns.netfilter), before);
  });
});

describe('netfilter checks', () => {
  it('allows targets only in their table and hooks', () => {
    const cases: [TableName, Target, string | null][] = [
      ['nat', { kind: 'DNAT', range: { minIp: 1, maxIp: 1, minPort: null, maxPort: null } }, null],
      ['filter', { kind: 'DNAT', range: { minIp: 1, maxIp: 1, minPort: null, maxPort: null } }, 'EINVAL'],
      ['mangle', { kind: 'REJECT', rejectWith: 'icmp-port-unreachable' }, 'EINVAL'],
      ['filter', { kind: 'REJECT', rejectWith: 'tcp-reset' }, 'EINVAL'],
      ['filter', { kind: 'jump', chain: 'INPUT' }, 'EOPNOTSUPP'],
      ['filter', { kind: 'LOG' }, null],
    ];
    for (const [table, target, expected] of cases) assert.equal(checkRule(table, rule(target)), expected, JSON.stringify(target));
    assert.equal(checkRule('filter', rule(null, { modules: [{ kind: 'icmp', type: 8, codeMin: 0, codeMax: 255, neg: false }] })), 'EINVAL');
    assert.equal(checkRule('filter', rule(null, { src: { addr: 0, mask: 0, neg: true } })), 'EINVAL');
  });

  it('follows jumps from each built-in chain with its hook, and finds loops', () => {
    const t: Table = emptyTable('nat');
    newChain(t, 'u');
    insertRule(t, 'u', 0, rule({ kind: 'MASQUERADE' }));
    assert.equal(checkTable('nat', t), null, 'unreferenced chains are not checked');
    insertRule(t, 'PREROUTING', 0, rule({ kind: 'jump', chain: 'u' }));
    assert.equal(checkTable('nat', t), 'EINVAL');
    const f = emptyTable('filter');
    newChain(f, 'a');
    newChain(f, 'b');
    insertRule(f, 'a', 0, rule({ kind: 'goto', chain: 'b' }));
    insertRule(f, 'b', 0, rule({ kind: 'jump', chain: 'a' }));
    assert.equal(checkTable('filter', f), null);
    insertRule(f, 'FORWARD', 0, rule({ kind: 'jump', chain: 'a' }));
    assert.equal(checkTable('filter', f), 'EMLINK');
  });
});
