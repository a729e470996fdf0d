/**
 * Hovers explain every flag the parsers accept: each option `ip`, `iptables`, `bridge`, `brctl`
 * and the main `docker` subcommands take has a line in the command-doc table (src/shell/docs). Acceptance is asked of the
 * simulator itself (an unknown option gets the real tool's "unknown" error), over the tools'
 * own option lists (iproute2 6.1 ip.c/bridge.c, iptables 1.8.9's option table).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';
import { COMMAND_DOCS, type CommandDoc } from '../../src/shell/docs';
import { CORE_OPTIONS } from '../../src/shell/iptables/options';
import { bareShell } from './helpers';

/** Every spelling a doc line gives: `-s ADDR[/MASK], --source, --src` -> -s, --source, --src. */
function documented(doc: CommandDoc): Set<string> {
  const out = new Set<string>();
  const lines = [...doc.flags, ...doc.subcommands.flatMap((s) => s.flags ?? [])];
  for (const f of lines) for (const alias of f.flag.split(', ')) out.add(alias.split(' ')[0]!);
  return out;
}

/** iproute2 6.1 ip(8) options, long forms as ip.c matches them. */
const IP_OPTIONS = ['-h', '-human', '-human-readable', '-iec', '-s', '-stats', '-statistics', '-d', '-details', '-r', '-resolve', '-f', '-family', '-4', '-6', '-B', '-0', '-M', '-l', '-loops', '-o', '-oneline', '-rc', '-rcvbuf', '-t', '-timestamp', '-ts', '-tshort', '-b', '-batch', '-force', '-n', '-netns', '-N', '-Numeric', '-a', '-all', '-c', '-color', '-br', '-brief', '-j', '-json', '-p', '-pretty', '-V', '-Version', '-help'];
const BRIDGE_OPTIONS = ['-s', '-stats', '-d', '-details', '-c', '-color', '-n', '-netns', '-j', '-json', '-p', '-pretty', '-o', '-oneline', '-t', '-timestamp', '-b', '-batch', '-force', '-V', '-Version', '-h', '-help'];
const BRCTL_COMMANDS = ['addbr', 'delbr', 'addif', 'delif', 'hairpin', 'setageing', 'setbridgeprio', 'setfd', 'sethello', 'setmaxage', 'setpathcost', 'setportprio', 'show', 'showmacs', 'showstp', 'stp'];

describe('command docs cover every flag the parsers accept', () => {
  it('ip: every global option the simulator accepts has a doc line (and it accepts all of ip.c)', () => {
    const shell = bareShell();
    const docs = documented(COMMAND_DOCS.get('ip')!);
    const accepted = IP_OPTIONS.filter((o) => !/is unknown, try "ip -help"/.test(shell.run(`ip ${o} link show lo`).stderr));
    assert.deepEqual(accepted, IP_OPTIONS);
    assert.deepEqual(accepted.filter((o) => !docs.has(o)), []);
  });

  it("iptables: every option of its getopt table, short and long, has a doc line", () => {
    const docs = documented(COMMAND_DOCS.get('iptables')!);
    const missing: string[] = [];
    for (const o of CORE_OPTIONS) {
      if (!docs.has(`--${o.name}`)) missing.push(`--${o.name}`);
      if (/^[A-Za-z46]$/.test(o.val) && !docs.has(`-${o.val}`)) missing.push(`-${o.val}`);
    }
    assert.deepEqual(missing, []);
  });

  it('bridge: every option the simulator accepts has a doc line', () => {
    const shell = bareShell();
    const docs = documented(COMMAND_DOCS.get('bridge')!);
    const accepted = BRIDGE_OPTIONS.filter((o) => shell.run(`bridge ${o} link`).exitCode === 0);
    assert.ok(accepted.length >= 4, accepted.join(' '));
    assert.deepEqual(accepted.filter((o) => !docs.has(o)), []);
  });

  it('brctl: every command the simulator runs is a documented subcommand', () => {
    const shell = bareShell();
    const docs = new Set(COMMAND_DOCS.get('brctl')!.subcommands.map((s) => s.name));
    const accepted = BRCTL_COMMANDS.filter((c) => !/never heard of command/.test(shell.run(`brctl ${c} br0 eth0`).stderr));
    assert.ok(accepted.includes('addbr') && accepted.includes('show'), accepted.join(' '));
    assert.deepEqual(accepted.filter((c) => !docs.has(c)), []);
  });

  it('docker: every subcommand the client dispatches has a doc entry', () => {
    const shell = bareShell();
    const docs = new Set(COMMAND_DOCS.get('docker')!.subcommands.map((s) => s.name.split(' ')[0]!));
    const candidates = ['run', 'create', 'start', 'stop', 'restart', 'kill', 'rm', 'ps', 'logs', 'exec', 'inspect', 'port', 'rename', 'wait', 'pull', 'images', 'rmi', 'network', 'version', 'pause', 'unpause', 'tag', 'volume', 'build', 'swarm', 'node', 'service', 'compose', 'push', 'commit', 'cp', 'top', 'stats', 'login', 'save', 'load', 'history', 'system', 'info', 'events', 'attach', 'diff', 'export', 'import', 'update', 'search', 'secret', 'config', 'stack', 'plugin', 'context', 'builder', 'buildx', 'manifest', 'trust', 'checkpoint', 'logout'];
    const accepted = candidates.filter((c) => !/is not a docker command/.test(shell.run(`docker ${c}`).stderr));
    assert.ok(accepted.includes('run') && accepted.includes('network'), accepted.join(' '));
    assert.deepEqual(accepted.filter((c) => !docs.has(c)), []);
  });
});

describe('docker: every flag a subcommand accepts has a doc line', () => {
  // Candidate flags: every long name in the client's flag tables; the client says which it accepts.
  const dir = path.join(__dirname, '..', '..', 'src', 'shell', 'docker');
  const names = new Set<string>();
  for (const file of fs.readdirSync(dir)) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of text.matchAll(/long: '([a-z-]+)'/g)) names.add(m[1]!);
    // flagSpecs('d|detach name= ...'): [SHORT|]LONG[=] words
    for (const m of text.matchAll(/flagSpecs\((['`])([^'`]*)\1\)/g)) for (const word of m[2]!.trim().split(/\s+/)) names.add(word.replace(/=$/, '').split('|').pop()!);
  }
  const subcommands = ['run', 'create', 'exec', 'ps', 'logs', 'rm', 'stop', 'start', 'restart', 'kill', 'inspect', 'images', 'rmi', 'pull', 'network create', 'network ls', 'network rm', 'network inspect', 'network connect', 'network disconnect'];
  const docker = COMMAND_DOCS.get('docker')!;
  for (const sub of subcommands) {
    it(`docker ${sub}`, () => {
      const { world, host } = createWorld('docker')!;
      const shell = new Shell(world, host);
      const doc = docker.subcommands.find((s) => s.name === sub);
      assert.ok(doc, `docker ${sub} has a doc entry`);
      const spelled = new Set((doc.flags ?? []).flatMap((fl) => fl.flag.split(', ').map((a) => a.split(' ')[0]!)));
      const accepted = [...names].filter((n) => !/unknown flag/.test(shell.run(`docker ${sub} --${n}`).stderr));
      assert.ok(accepted.length > 0);
      assert.deepEqual(accepted.filter((n) => !spelled.has(`--${n}`)), []);
    });
  }
});
