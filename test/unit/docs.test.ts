/** The command documentation table: every registered command is documented; lookups find subcommands and flags. */
import assert from 'node:assert/strict';
import { COMMANDS } from '../../src/shell/registry';
import { PROCESSES } from '../../src/shell/jobs/programs';
import { COMMAND_DOCS, docForWords, helpText } from '../../src/shell/docs';
import { bareShell } from './helpers';

describe('command documentation table', () => {
  it('documents every command in src/shell/registry.ts and every waiting program in src/shell/jobs/programs.ts', () => {
    const missing = [...new Set([...Object.keys(COMMANDS), ...Object.keys(PROCESSES)])].filter((name) => !COMMAND_DOCS.has(name));
    assert.deepEqual(missing, [], `commands without docs: ${missing.join(', ')} (add them to src/shell/docs)`);
  });

  it('every entry has a summary, plain words about the kernel and a usage line', () => {
    for (const d of COMMAND_DOCS.values()) {
      assert.ok(d.summary.length > 5 && d.kernel.length > 10 && d.usage.length > 2, d.name);
      for (const f of d.flags) assert.ok(f.flag && f.words, `${d.name} ${f.flag}`);
      for (const s of d.subcommands) assert.ok(s.name && s.words && s.usage, `${d.name} ${s.name}`);
    }
  });

  const lookups: [string, string, string | undefined, string[]][] = [
    ['ip link add veth0 type veth peer name veth1', 'ip', 'link add', ['type veth peer name PEER']],
    ['ip l a v0 type veth peer name v1', 'ip', 'link add', ['type veth peer name PEER']],
    ['ip -n red addr add 10.0.0.2/24 dev veth-red', 'ip', 'addr add', ['-n NETNS, -netns NETNS', 'dev NAME']],
    ['ip a', 'ip', 'addr show', []],
    ['ip r', 'ip', 'route show', []],
    ['ip route get 8.8.8.8', 'ip', 'route get', []],
    ['ip link set veth-red netns red', 'ip', 'link set', ['netns NETNS']],
    ['ip link del veth0', 'ip', 'link delete', []],
    ['ip netns add red', 'ip', 'netns add', []],
    ['ip netns exec red ip link set lo up', 'ip', 'link set', ['up']],
    ['sudo ip netns', 'ip', 'netns list', []],
    ['brctl addif br0 eth0', 'brctl', 'addif', []],
    ['iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE', 'iptables', undefined, ['-t TABLE, --table TABLE', '-A CHAIN, --append CHAIN', '-o IFACE, --out-interface', '-j TARGET, --jump']],
    ['sysctl -w net.ipv4.ip_forward=1', 'sysctl', undefined, ['-w']],
    ['ping -c 1 10.0.0.2', 'ping', undefined, ['-c COUNT']],
    ['bridge fdb show br br0', 'bridge', 'fdb show', []],
    ['docker run -d nginx', 'docker', 'run', ['-d, --detach']],
  ];
  for (const [line, command, sub, flags] of lookups) {
    it(`finds ${line}`, () => {
      const m = docForWords(line.split(' '));
      assert.ok(m, 'documented');
      assert.equal(m.command.name, command);
      assert.equal(m.subcommand?.name, sub);
      assert.deepEqual(m.flags.map((f) => f.flag), flags);
    });
  }

  it('knows nothing about unknown commands', () => {
    assert.equal(docForWords(['frobnicate']), undefined);
  });

  it('help lists every command; help NAME prints its usage and options; unknown topics fail like bash', () => {
    const shell = bareShell();
    const all = shell.run('help');
    assert.equal(all.exitCode, 0);
    for (const name of COMMAND_DOCS.keys()) assert.match(all.stdout, new RegExp(`^  ${name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')} `, 'm'));
    const ip = shell.run('help ip');
    assert.match(ip.stdout, /^ip: show and change links/);
    assert.match(ip.stdout, /ip netns add NAME\n {6}creates a network namespace/);
    const none = shell.run('help nope');
    assert.equal(none.exitCode, 1);
    assert.equal(none.stderr, "bash: help: no help topics match `nope'.  Try `help help' or `man -k nope' or `info nope'.\n");
    assert.equal(helpText('nope'), undefined);
  });
});
