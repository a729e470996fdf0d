/** The check language: parsing, judging against the world (never changing it), hints. */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { createBareWorld, createWorld } from '../../src/engine/presets';
import { judge } from '../../src/labs/checks/judge';
import { parseChecks, parseStatement, tokenize } from '../../src/labs/checks/syntax';
import { HintLedger, runCheckCell } from '../../src/labs/grade';
import { Shell } from '../../src/shell/shell';

const SETUP = [
  'ip netns add red',
  'ip netns add blue',
  'ip link add v-net-0 type bridge',
  'ip link set v-net-0 up',
  'ip link add veth-red type veth peer name veth-red-br',
  'ip link add veth-blue type veth peer name veth-blue-br',
  'ip link set veth-red netns red',
  'ip link set veth-blue netns blue',
  'ip link set veth-red-br master v-net-0',
  'ip link set veth-blue-br master v-net-0',
  'ip link set veth-red-br up',
  'ip link set veth-blue-br up',
  'ip -n red addr add 192.168.15.1/24 dev veth-red',
  'ip -n blue addr add 192.168.15.2/24 dev veth-blue',
  'ip -n red link set veth-red up',
  'ip -n blue link set veth-blue up',
  'ip netns exec blue ip route add default via 192.168.15.5',
  'iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE',
];

function world() {
  const { world, host } = createBareWorld();
  const shell = new Shell(world, host);
  for (const line of SETUP) assert.equal(shell.run(line).exitCode, 0, line);
  return { world, host, shell };
}

describe('lab checks', () => {
  it('tokenizes words and "quoted strings"', () => {
    assert.deepEqual(tokenize('a "b c" "d \\"e\\"" f'), ['a', 'b c', 'd "e"', 'f']);
    assert.equal(tokenize('a "b'), 'unterminated quote');
  });

  const parses: Array<[string, unknown]> = [
    ['red can ping 192.168.15.2', { kind: 'ping', from: 'red', target: '192.168.15.2', expect: true }],
    ['host cannot ping 192.168.15.1', { kind: 'ping', from: 'host', target: '192.168.15.1', expect: false }],
    ['netns red exists', { kind: 'netns', name: 'red', expect: true }],
    ['netns red does not exist', { kind: 'netns', name: 'red', expect: false }],
    ['link veth-red in red is UP', { kind: 'link-up', link: 'veth-red', ns: 'red', up: true }],
    ['link v-net-0 is down', { kind: 'link-up', link: 'v-net-0', ns: 'host', up: false }],
    ['link veth-red-br master v-net-0', { kind: 'link-master', link: 'veth-red-br', ns: 'host', master: 'v-net-0' }],
    ['link eth0 has no master', { kind: 'link-master', link: 'eth0', ns: 'host', master: null }],
    ['address 192.168.15.1/24 on veth-red in red', { kind: 'address', cidr: '192.168.15.1/24', dev: 'veth-red', ns: 'red', expect: true }],
    ['no address 10.0.0.1/8 on eth0', { kind: 'address', cidr: '10.0.0.1/8', dev: 'eth0', ns: 'host', expect: false }],
    ['route default via 192.168.15.5 in blue', { kind: 'route', dst: 'default', via: '192.168.15.5', dev: null, ns: 'blue', expect: true }],
    ['no route default in red', { kind: 'route', dst: 'default', via: null, dev: null, ns: 'red', expect: false }],
    ['sysctl net.ipv4.ip_forward = 1', { kind: 'sysctl', key: 'net.ipv4.ip_forward', value: '1', ns: 'host' }],
    ['sysctl net/ipv4/ip_forward=0 in red', { kind: 'sysctl', key: 'net.ipv4.ip_forward', value: '0', ns: 'red' }],
    ['red knows the MAC of 192.168.15.2', { kind: 'neighbour', ns: 'red', ip: '192.168.15.2', expect: true }],
    ['iptables -t nat -S POSTROUTING contains "-j MASQUERADE"', { kind: 'command', command: 'iptables -t nat -S POSTROUTING', ns: 'host', predicates: [{ kind: 'contains', text: '-j MASQUERADE', negate: false }] }],
    ['command "ip -n red link show veth-red" exits 0', { kind: 'command', command: 'ip -n red link show veth-red', ns: 'host', predicates: [{ kind: 'exits', code: 0 }] }],
    ['command "ip link" in red output does not contain "eth0" and exits 0', { kind: 'command', command: 'ip link', ns: 'red', predicates: [{ kind: 'contains', text: 'eth0', negate: true }, { kind: 'exits', code: 0 }] }],
    ['container web is running', { kind: 'container', container: 'web', status: 'running', expect: true }],
    ['container web is not exited', { kind: 'container', container: 'web', status: 'exited', expect: false }],
    ['container web does not exist', { kind: 'container', container: 'web', status: 'exists', expect: false }],
    ['container box can ping 8.8.8.8', { kind: 'container-ping', container: 'box', target: '8.8.8.8', expect: true }],
  ];
  for (const [text, spec] of parses) it(`parses: ${text}`, () => assert.deepEqual(parseStatement(text), spec));

  for (const bad of ['red can ping', 'link veth-red is sideways', 'netns', 'route', 'sysctl x', 'command "x"', 'command "x" exits', 'iptables -S', 'hello world', 'container web is sleepy', 'container box can ping']) {
    it(`rejects: ${bad}`, () => assert.equal(parseStatement(bad).kind, 'invalid'));
  }

  it('reads hints, comments and blank lines; a hint with no check before it is an error', () => {
    const checks = parseChecks('# comment\n\nnetns red exists\n  hint: one\nhint: two\nlink eth0 is UP\n');
    assert.deepEqual(checks.map((c) => [c.text, c.line, c.hints]), [['netns red exists', 2, ['one', 'two']], ['link eth0 is UP', 5, []]]);
    assert.equal(parseChecks('hint: alone')[0]!.spec.kind, 'invalid');
  });

  const judged: Array<[string, boolean]> = [
    ['red can ping 192.168.15.2', true],
    ['blue can ping 192.168.15.1', true],
    ['red cannot ping 192.168.15.2', false],
    ['host can ping 192.168.15.1', false],
    ['host cannot ping 192.168.15.1', true],
    ['red can ping 192.168.1.3', false],
    ['netns red exists', true],
    ['netns green exists', false],
    ['link veth-red in red is UP', true],
    ['link veth-red is UP', false],
    ['link veth-red in red exists', true],
    ['link veth-red-br master v-net-0', true],
    ['link eth0 has no master', true],
    ['link v-net-0 is UP', true],
    ['address 192.168.15.1/24 on veth-red in red', true],
    ['address 192.168.15.1/16 on veth-red in red', false],
    ['address 192.168.1.2/24 on eth0', true],
    ['route default via 192.168.15.5 in blue', true],
    ['route default via 192.168.1.1 dev eth0', true],
    ['route default in red', false],
    ['no route default in red', true],
    ['route 192.168.15.0/24 dev veth-red in red', true],
    ['sysctl net.ipv4.ip_forward = 0', true],
    ['sysctl net.ipv4.ip_forward = 1', false],
    ['iptables -t nat -S POSTROUTING contains "-s 192.168.15.0/24 -j MASQUERADE"', true],
    ['iptables -t nat -S POSTROUTING in red contains "MASQUERADE"', false],
    ['iptables -t nat -S does not contain "DNAT"', true],
    ['command "ip -n red link show veth-red" exits 0 and output contains "state UP"', true],
    ['command "ip -n red link show eth0" exits 0', false],
    ['command "ip link" in red output does not contain "eth0"', true],
    ['command "hostname" output contains "host"', true],
    ['red knows the MAC of 192.168.15.2', false],
    ['no such check', false],
  ];
  for (const [text, pass] of judged) {
    it(`judges: ${text} -> ${pass ? 'PASS' : 'FAIL'}`, () => {
      const { world: w, host } = world();
      const verdict = judge(w, host, parseChecks(text)[0]!);
      assert.equal(verdict.pass, pass, verdict.detail);
      if (!pass) assert.ok(verdict.detail, 'a failing check says what it found');
    });
  }

  it('explains a failed ping with the packet walker', () => {
    const { world: w, host, shell } = world();
    shell.run('ip addr add 192.168.15.5/24 dev v-net-0');
    const verdict = judge(w, host, parseChecks('blue can ping 192.168.1.3')[0]!);
    assert.equal(verdict.pass, false);
    assert.match(verdict.detail!, /ip_forward=0/);
  });

  it('judging never changes the world, its clock or its random numbers (fast-check over checks)', () => {
    const { world: w, host, shell } = world();
    const texts = judged.map(([t]) => t);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...texts), { minLength: 1, maxLength: 6 }), (lines) => {
        const before = JSON.stringify(w.snapshot());
        for (const line of lines) judge(w, host, parseChecks(line)[0]!);
        assert.equal(JSON.stringify(w.snapshot()), before);
      }),
      { numRuns: 40, seed: 3 },
    );
    assert.equal(shell.run('ip -n red neigh').stdout, '', 'pings run by checks left no ARP entries');
  });

  it('shows one more hint per failed attempt, none once it passes', () => {
    const { world: w, host, shell } = world();
    const ledger = new HintLedger();
    const code = 'netns green exists\n  hint: one\n  hint: two';
    const hints = () => runCheckCell({ world: w, host }, code, ledger, 'cell')[0]!.hints;
    assert.deepEqual(hints(), ['one']);
    assert.deepEqual(hints(), ['one', 'two']);
    assert.deepEqual(hints(), ['one', 'two']);
    shell.run('ip netns add green');
    assert.deepEqual(hints(), []);
  });

  it('judges containers in the docker world: state, existence, reachability from inside', () => {
    const handle = createWorld('docker')!;
    const shell = new Shell(handle.world, handle.host);
    assert.equal(shell.run('docker run -d --name box busybox sleep 3600').exitCode, 0);
    assert.equal(shell.run('docker run -d --name web nginx').exitCode, 0);
    const cases: Array<[string, boolean]> = [
      ['container box is running', true],
      ['container box is exited', false],
      ['container nope exists', false],
      ['container nope does not exist', true],
      ['container box can ping 8.8.8.8', true],
      ['container box can ping 172.17.0.3', true],
      ['container web can ping 8.8.8.8', false],
    ];
    const before = JSON.stringify(handle.world.snapshot());
    for (const [text, pass] of cases) {
      const verdict = judge(handle.world, handle.host, parseChecks(text)[0]!);
      assert.equal(verdict.pass, pass, `${text}: ${verdict.detail}`);
    }
    assert.equal(JSON.stringify(handle.world.snapshot()), before, 'judging changed the world');
    shell.run('docker stop box');
    assert.equal(judge(handle.world, handle.host, parseChecks('container box is exited')[0]!).pass, true);
  });
});
