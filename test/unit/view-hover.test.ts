/** Hovers and completions over command lines, with the current state of the objects they name. */
import assert from 'node:assert/strict';
import { hoverText } from '../../src/host/hover/hover-text';
import { completionsAt } from '../../src/host/hover/completion-items';
import { childRows } from '../../src/host/tree/tree-model';
import { bareShell } from './helpers';

describe('command hovers', () => {
  const shell = bareShell();
  ['ip netns add red', 'ip link add veth-host type veth peer name veth-red', 'ip link set veth-red netns red'].forEach((l) => shell.run(l));

  it('explains the command and the hovered flag, and says what the named objects are now', () => {
    const line = 'ip -n red link set veth-red up';
    const h = hoverText(line, line.indexOf('up') + 1, shell.world)!;
    assert.ok(h);
    assert.deepEqual(h.range, [line.indexOf(' up') + 1, line.length]);
    assert.match(h.markdown, /^\*\*ip link set\*\*: changes an interface/);
    assert.match(h.markdown, /- `up`: administratively up/);
    assert.match(h.markdown, /- `-n NETNS, -netns NETNS`: run in the named network namespace/);
    assert.match(h.markdown, /- veth-red: veth in red, DOWN, no address, peer veth-host in host \(root\) \[Show in topology\]\(command:vethlab\.showInTopology\?/);
    assert.match(h.markdown, /- red: network namespace with veth-red/);
  });

  it('finds the command of the segment under the cursor (pipes, &&) and skips prompts', () => {
    const line = '$ ip netns add blue && ping -c 1 10.0.0.2 | grep ttl';
    assert.match(hoverText(line, line.indexOf('ping') + 1)!.markdown, /^\*\*ping\*\*/);
    assert.match(hoverText(line, 4)!.markdown, /^\*\*ip netns add\*\*: creates a network namespace/);
    assert.match(hoverText(line, line.indexOf('grep') + 1)!.markdown, /^\*\*grep\*\*/);
  });

  it('says nothing about unknown commands or blank space', () => {
    assert.equal(hoverText('frob --x', 2), undefined);
    assert.equal(hoverText('   ', 1), undefined);
  });

  it('completes commands, then subcommands and flags, and existing object names', () => {
    assert.ok(completionsAt('').some((c) => c.label === 'iptables' && c.kind === 'command'));
    const afterIp = completionsAt('ip ', shell.world);
    assert.ok(afterIp.some((c) => c.label === 'netns' && c.kind === 'subcommand'));
    assert.ok(afterIp.some((c) => c.label === '-n' && c.kind === 'flag'));
    const afterNetns = completionsAt('ip netns ', shell.world).filter((c) => c.kind === 'subcommand').map((c) => c.label);
    assert.deepEqual(afterNetns.sort(), ['add', 'delete', 'exec', 'identify', 'list']);
    assert.ok(completionsAt('ip link set ', shell.world).some((c) => c.label === 'veth-host' && c.kind === 'object'));
    assert.ok(completionsAt('ip netns exec ', shell.world).some((c) => c.label === 'red' && c.kind === 'object'));
  });
});

describe('sidebar explorer rows', () => {
  it('hosts -> namespaces -> interfaces with state and addresses, routes and neighbours', () => {
    const shell = bareShell();
    ['ip netns add red', 'ping -c 1 192.168.1.1'].forEach((l) => shell.run(l));
    const [host, ...others] = childRows(shell.world, undefined);
    assert.equal(others.length, 0, 'only the learner host');
    assert.equal(host!.label, 'host');
    const namespaces = childRows(shell.world, host);
    assert.deepEqual(namespaces.map((n) => n.label), ['host (root)', 'red']);
    const root = childRows(shell.world, namespaces[0]);
    const eth0 = root.find((r) => r.label === 'eth0')!;
    assert.equal(eth0.description, 'UP 192.168.1.2/24');
    assert.equal(eth0.address, '192.168.1.2');
    assert.equal(eth0.viewId, eth0.id);
    assert.equal(eth0.command, 'ip addr show dev eth0');
    assert.equal(namespaces[1]!.command, 'ip -n red addr');
    const routes = root.find((r) => r.kind === 'routes')!;
    assert.deepEqual(childRows(shell.world, routes).map((r) => r.label), ['default via 192.168.1.1 dev eth0', '192.168.1.0/24 dev eth0']);
    const neigh = root.find((r) => r.kind === 'neighbours')!;
    assert.match(childRows(shell.world, neigh)[0]!.label, /^192\.168\.1\.1 dev eth0 lladdr 52:54:00:00:01:01 REACHABLE$/);
    assert.deepEqual(childRows(shell.world, namespaces[1]).map((r) => `${r.label} ${r.description}`), ['lo DOWN no address', 'Routes 0', 'Neighbours 0']);
  });
});
