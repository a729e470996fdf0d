import { strict as assert } from 'node:assert';
import { bareShell, runAll } from './helpers';

describe('ip: kernel invariants through the shell', () => {
  it('deleting one veth end deletes its peer, even across namespaces', () => {
    const sh = bareShell();
    runAll(sh, ['ip netns add red', 'ip link add veth-red type veth peer name veth-blue', 'ip link set veth-red netns red']);
    assert.match(sh.run('ip -n red link').stdout, /veth-red@if\d+/);
    assert.equal(sh.run('ip link del veth-blue').exitCode, 0);
    assert.doesNotMatch(sh.run('ip -n red link').stdout, /veth-red/);
  });

  it('deleting a namespace deletes its links and their peers', () => {
    const sh = bareShell();
    runAll(sh, ['ip netns add red', 'ip link add veth-red type veth peer name veth-red-br', 'ip link set veth-red netns red']);
    assert.equal(sh.run('ip netns del red').exitCode, 0);
    assert.doesNotMatch(sh.run('ip link').stdout, /veth-red-br/);
    assert.equal(sh.run('ip netns list').stdout, '');
  });

  it('connected routes follow the link: down removes them, up restores only them', () => {
    const sh = bareShell();
    assert.equal(sh.run('ip link set eth0 down').exitCode, 0);
    assert.equal(sh.run('ip route').stdout, '');
    sh.run('ip link set eth0 up');
    assert.equal(sh.run('ip route').stdout, '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.2 \n');
  });

  it('a gateway must be on a connected route', () => {
    const sh = bareShell();
    const r = sh.run('ip route add 10.0.0.0/8 via 10.9.9.9');
    assert.deepEqual([r.stderr, r.exitCode], ['Error: Nexthop has invalid gateway.\n', 2]);
    assert.equal(sh.run('ip route add 10.0.0.0/8 via 192.168.1.3').exitCode, 0);
    assert.match(sh.run('ip route').stdout, /^10\.0\.0\.0\/8 via 192\.168\.1\.3 dev eth0 $/m);
  });

  it('a route on a link without carrier is shown as linkdown', () => {
    const sh = bareShell();
    runAll(sh, ['ip netns add red', 'ip link add veth-red type veth peer name veth-blue', 'ip link set veth-red netns red', 'ip -n red addr add 192.168.15.1/24 dev veth-red', 'ip -n red link set veth-red up']);
    assert.equal(sh.run('ip -n red route').stdout, '192.168.15.0/24 dev veth-red proto kernel scope link src 192.168.15.1 linkdown \n');
    sh.run('ip link set veth-blue up');
    assert.equal(sh.run('ip -n red route').stdout, '192.168.15.0/24 dev veth-red proto kernel scope link src 192.168.15.1 \n');
  });

  it('a bridge takes the lowest port MAC and falls back to zeros without ports', () => {
    const sh = bareShell();
    runAll(sh, ['ip link add br0 type bridge', 'ip link add va type veth peer name va-br', 'ip link set va-br master br0']);
    const portMac = /link\/ether (\S+)/.exec(sh.run('ip link show va-br').stdout)![1];
    assert.match(sh.run('ip link show br0').stdout, new RegExp(`link/ether ${portMac} `));
    sh.run('ip link set va-br nomaster');
    assert.match(sh.run('ip link show br0').stdout, /link\/ether 00:00:00:00:00:00 /);
  });

  it('ifindexes: a veth peer gets the lower index; moving keeps the index when free', () => {
    const sh = bareShell();
    runAll(sh, ['ip netns add red', 'ip link add veth-red type veth peer name veth-blue']);
    assert.match(sh.run('ip link').stdout, /^3: veth-blue@veth-red:.*\n.*\n4: veth-red@veth-blue:/m);
    sh.run('ip link set veth-red netns red');
    assert.match(sh.run('ip -n red link').stdout, /^4: veth-red@if3:/m);
  });

  it('ip netns list shows nsids once links point across namespaces', () => {
    const sh = bareShell();
    runAll(sh, ['ip netns add red', 'ip netns add blue']);
    assert.equal(sh.run('ip netns').stdout, 'blue\nred\n');
    runAll(sh, ['ip link add veth-red type veth peer name veth-blue', 'ip link set veth-red netns red', 'ip link set veth-blue netns blue']);
    assert.equal(sh.run('ip netns').stdout, 'blue (id: 1)\nred (id: 0)\n');
  });
});
