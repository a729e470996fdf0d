/**
 * dhclient renews its lease at T1 on simulated time (DHCPREQUEST unicast to the server, DHCPACK
 * back, a new lease block, the address's lifetime renewed), dnsmasq and dhclient show their
 * sockets in ss and netstat, and -r releases the lease (unicast). Recorded counterpart:
 * test/golden/dhcp-renew.txt.
 */
import { strict as assert } from 'node:assert';
import type { Shell } from '../../src/shell/shell';
import { ok, run, shell } from './shell.helpers';

const SETUP = [
  'ip netns add red',
  'ip netns add blue',
  'ip link add veth-red netns red type veth peer name veth-blue netns blue',
  'ip -n red link set lo up',
  'ip -n blue link set lo up',
  'ip -n red addr add 10.50.0.1/24 dev veth-red',
  'ip -n red link set veth-red up',
  'ip -n blue link set veth-blue up',
  'ip netns exec red dnsmasq --interface=veth-red --dhcp-range=10.50.0.10,10.50.0.50,2m',
];

function bound(): { sh: Shell; renewal: number } {
  const sh = shell('bare');
  for (const line of SETUP) ok(sh, line);
  const r = run(sh, 'ip netns exec blue dhclient -v veth-blue');
  const renewal = Number(/renewal in (\d+) seconds/.exec(r.stderr)?.[1]);
  assert.ok(renewal >= 45 && renewal <= 60, r.stderr);
  return { sh, renewal };
}

const leaseBlocks = (sh: Shell) => ok(sh, 'cat /var/lib/dhcp/dhclient.leases').match(/^lease \{$/gm)?.length ?? 0;

describe('dhclient renews its lease at T1 on simulated time', () => {
  it('sends DHCPREQUEST unicast to the server at T1 and gets DHCPACK; the lease file gets a second block', () => {
    const { sh, renewal } = bound();
    const start = sh.world.clock.now();
    ok(sh, 'ip netns exec red tcpdump -n -i veth-red -c 2 udp port 67 > /tmp/renew.txt 2>/dev/null &');
    assert.equal(leaseBlocks(sh), 1);
    ok(sh, `sleep ${renewal - 1}`);
    assert.equal(leaseBlocks(sh), 1, 'not renewed before T1');
    ok(sh, 'sleep 2');
    assert.equal(leaseBlocks(sh), 2);
    assert.equal(sh.world.clock.now() - start, (renewal + 1) * 1000);
    const capture = ok(sh, 'cat /tmp/renew.txt').split('\n');
    assert.match(capture[0]!, / IP 10\.50\.0\.\d+\.68 > 10\.50\.0\.1\.67: BOOTP\/DHCP, Request from 02:|Request from [0-9a-f:]+, length 300$/);
    assert.match(capture[1]!, / IP 10\.50\.0\.1\.67 > 10\.50\.0\.\d+\.68: BOOTP\/DHCP, Reply, length 300$/);
    // The address lives on for a whole new lease: about 120 s left, not 120 - T1.
    assert.match(ok(sh, 'ip -n blue -4 addr show dev veth-blue'), /valid_lft 119sec|valid_lft 120sec/);
  });

  it('keeps renewing: after 10 minutes the lease is still there', () => {
    const { sh } = bound();
    for (let i = 0; i < 10; i++) ok(sh, 'sleep 60');
    assert.ok(leaseBlocks(sh) >= 11, String(leaseBlocks(sh)));
    assert.match(ok(sh, 'ip -n blue -4 addr show dev veth-blue'), /inet 10\.50\.0\.\d+\/24 .* dynamic veth-blue/);
  });

  it('never keeps a foreground command from its simulated Ctrl-C, nor moves the clock on its own', () => {
    const { sh } = bound();
    const before = sh.world.clock.now();
    const r = run(sh, 'ip netns exec blue tcpdump -n -i veth-blue');
    assert.match(r.stderr, /^0 packets captured$/m);
    assert.equal(sh.world.clock.now(), before);
    ok(sh, 'true');
    assert.equal(sh.world.clock.now(), before);
    assert.equal(leaseBlocks(sh), 1);
  });

  it('dhclient -r stops the renewals and releases the lease unicast; dnsmasq forgets it', () => {
    const { sh } = bound();
    ok(sh, 'ip netns exec red tcpdump -n -i veth-red -c 1 udp port 67 > /tmp/release.txt 2>/dev/null &');
    ok(sh, 'ip netns exec blue dhclient -r veth-blue');
    ok(sh, 'sleep 1');
    assert.match(ok(sh, 'cat /tmp/release.txt'), / IP 10\.50\.0\.\d+\.68 > 10\.50\.0\.1\.67: BOOTP\/DHCP, Request from /);
    assert.equal(ok(sh, 'cat /var/lib/misc/dnsmasq.leases'), '');
    ok(sh, 'sleep 200');
    assert.equal(leaseBlocks(sh), 1);
    assert.equal(ok(sh, 'ip -n blue -4 addr show dev veth-blue'), '');
  });

  it('with its server unreachable it retries until the lease runs out, then the address goes', () => {
    const { sh } = bound();
    ok(sh, 'ip -n red link set veth-red down');
    ok(sh, 'sleep 100');
    assert.match(ok(sh, 'ip -n blue -4 addr show dev veth-blue'), /inet 10\.50\.0\.\d+\/24/);
    assert.equal(leaseBlocks(sh), 1);
    ok(sh, 'sleep 30');
    assert.equal(ok(sh, 'ip -n blue -4 addr show dev veth-blue'), '');
    assert.doesNotMatch(ok(sh, 'ip netns exec blue ss -ulnp'), /dhclient/);
  });

  it('ss and netstat list dnsmasq\'s DHCP and DNS sockets and dhclient\'s', () => {
    const { sh } = bound();
    const ss = ok(sh, 'ip netns exec red ss -tulnp').split('\n');
    assert.deepEqual(
      ss.slice(1, 6).map((l) => l.replace(/pid=\d+/, 'pid=N')),
      [
        'udp   UNCONN 0      0            0.0.0.0:53        0.0.0.0:*    users:(("dnsmasq",pid=N,fd=6))',
        'udp   UNCONN 0      0            0.0.0.0:67        0.0.0.0:*    users:(("dnsmasq",pid=N,fd=4))',
        'udp   UNCONN 0      0               [::]:53           [::]:*    users:(("dnsmasq",pid=N,fd=8))',
        'tcp   LISTEN 0      32           0.0.0.0:53        0.0.0.0:*    users:(("dnsmasq",pid=N,fd=7))',
        'tcp   LISTEN 0      32              [::]:53           [::]:*    users:(("dnsmasq",pid=N,fd=9))',
      ],
    );
    // Several rows with processes: the header is as long as the longest line.
    assert.equal(ss[0]!.length, ss[1]!.length);
    assert.match(ok(sh, 'ip netns exec red netstat -tulnp'), /^tcp6 +0 +0 :::53 +:::\* +LISTEN +\d+\/dnsmasq/m);
    assert.match(ok(sh, 'ip netns exec blue ss -ulnp'), /0\.0\.0\.0:68 +0\.0\.0\.0:\* +users:\(\("dhclient",pid=\d+,fd=6\)\)/);
    ok(sh, 'ip netns exec blue dhclient -x');
    assert.doesNotMatch(ok(sh, 'ip netns exec blue ss -ulnp'), /dhclient/);
  });
});
