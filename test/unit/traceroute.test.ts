/** traceroute through forwarding namespaces, and conntrack -L of the NAT it causes. */
import assert from 'node:assert/strict';
import { bareShell, RED_ON_HOST } from './helpers';

const RED = ['iptables -t nat -A POSTROUTING -o eth0 -j MASQUERADE', ...RED_ON_HOST, 'ip -n red route add default via 10.0.0.1'];

const hops = (stdout: string) => stdout.split('\n').slice(1, -1).map((l) => l.replace(/\d+\.\d{3} ms/g, 'T'));

describe('traceroute and conntrack', () => {
  it('each forwarding namespace is a hop; the destination ends the trace', () => {
    const shell = bareShell();
    for (const l of [...RED, 'sysctl -w net.ipv4.ip_forward=1']) shell.run(l);
    const r = shell.run('ip netns exec red traceroute -n 8.8.8.8');
    assert.equal(r.exitCode, 0);
    assert.deepEqual(hops(r.stdout), [' 1  10.0.0.1  T  T  T', ' 2  192.168.1.1  T  T  T', ' 3  8.8.8.8  T  T  T']);
  });

  it('a host that does not forward shows stars, waiting -w seconds per hop on the simulated clock', () => {
    const shell = bareShell();
    for (const l of RED) shell.run(l);
    const before = shell.world.clock.now();
    const r = shell.run('ip netns exec red traceroute -n -q 1 -w 1 -m 3 8.8.8.8');
    assert.deepEqual(hops(r.stdout), [' 1  *', ' 2  *', ' 3  *']);
    assert.equal(shell.world.clock.now() - before, 3000);
  });

  it('timeout stops a long traceroute', () => {
    const r = bareShell().run('timeout 2 traceroute -n -w 1 10.99.0.1');
    assert.equal(r.exitCode, 124);
  });

  it('conntrack -L shows the masqueraded echo with its remaining timeout', () => {
    const shell = bareShell();
    for (const l of [...RED, 'sysctl -w net.ipv4.ip_forward=1', 'ip netns exec red ping -c 1 192.168.1.3', 'sleep 10']) shell.run(l);
    const r = shell.run('conntrack -L');
    assert.match(r.stdout, /^icmp {5}1 19 src=10\.0\.0\.2 dst=192\.168\.1\.3 type=8 code=0 id=(\d+) src=192\.168\.1\.3 dst=192\.168\.1\.2 type=0 code=0 id=\1 mark=0 use=1\n$/);
    assert.equal(r.stderr, 'conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.\n');
    shell.run('sleep 30');
    assert.equal(shell.run('conntrack -L').stdout, '');
  });
});
