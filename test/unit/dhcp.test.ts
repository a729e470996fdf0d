/**
 * DHCP: the router's server (dnsmasq's allocation and ping check), dhclient, udhcpc and dnsmasq
 * in namespaces, DORA through the walker. Formats are the recorded ones (test/golden/dhcp*.txt);
 * these tests cover what the goldens cannot: determinism, errors, failures that change nothing.
 */
import { strict as assert } from 'node:assert';
import { macHash, allocate, type DhcpServer } from '../../src/engine/dhcp';
import { bareShell, LEAKS, runAll } from './helpers';

const server = (over: Partial<DhcpServer> = {}): DhcpServer => ({ program: 'dnsmasq', pid: 0, linkId: null, start: 100, end: 200, mask: null, leaseSecs: 60, router: null, dns: null, leases: [], leaseFile: null, ...over });

describe('DHCP server (dnsmasq allocation)', () => {
  it('hashes the MAC as dnsmasq does (52:54:00:12:34:56 gets .157 of .100-.200, as recorded)', () => {
    assert.equal(macHash('52:54:00:12:34:56'), 1826059958);
    assert.equal(allocate(server(), '52:54:00:12:34:56', 0, 0), 157);
    // 02:00:00:00:0b:01 in 10.50.0.10-50 got .49 in the recording.
    assert.equal(allocate(server({ start: 10, end: 50 }), '02:00:00:00:0b:01', 0, 0), 49);
  });

  it('skips addresses leased to others and its own address, and keeps a client on its old lease', () => {
    const s = server({ start: 10, end: 12 });
    const first = allocate(s, 'aa:00:00:00:00:01', 0, 0)!;
    s.leases.push({ mac: 'aa:00:00:00:00:01', ip: first, expiresAt: 1000, hostname: null });
    const second = allocate(s, 'aa:00:00:00:00:02', first === 10 ? 11 : 10, 0)!;
    assert.notEqual(second, first);
    assert.equal(allocate(s, 'aa:00:00:00:00:01', 0, 0), first);
    s.leases.push({ mac: 'aa:00:00:00:00:02', ip: second, expiresAt: 1000, hostname: null });
    const third = allocate(s, 'aa:00:00:00:00:03', 0, 0);
    assert.ok(third !== null && third !== first && third !== second);
    s.leases.push({ mac: 'aa:00:00:00:00:03', ip: third, expiresAt: 1000, hostname: null });
    assert.equal(allocate(s, 'aa:00:00:00:00:04', 0, 0), null, 'range exhausted');
    assert.notEqual(allocate(s, 'aa:00:00:00:00:04', 0, 2000), null, 'expired leases are free again');
  });
});

describe('dhclient against the router', () => {
  it('DORA: address, default route, resolv.conf, lease; ping works; -r gives it all back', () => {
    const shell = bareShell();
    shell.run('ip addr flush dev eth0');
    assert.equal(shell.run('ip route').stdout, '', 'the default route went with the last address');
    const r = shell.run('dhclient -v eth0');
    assert.equal(r.exitCode, 0);
    assert.match(r.stderr, /DHCPDISCOVER on eth0 to 255\.255\.255\.255 port 67 interval \d\nDHCPOFFER of 192\.168\.1\.157 from 192\.168\.1\.1\nDHCPREQUEST for 192\.168\.1\.157 on eth0 to 255\.255\.255\.255 port 67\nDHCPACK of 192\.168\.1\.157 from 192\.168\.1\.1\nbound to 192\.168\.1\.157 -- renewal in \d+ seconds\.\n$/);
    assert.match(shell.run('ip -4 addr show dev eth0').stdout, /inet 192\.168\.1\.157\/24 brd 192\.168\.1\.255 scope global dynamic eth0\n {7}valid_lft 43200sec preferred_lft 43200sec/);
    assert.equal(shell.run('cat /etc/resolv.conf').stdout, 'nameserver 192.168.1.1\n');
    assert.equal(shell.run('ping -c 1 8.8.8.8').exitCode, 0);
    assert.match(shell.run('cat /var/lib/dhcp/dhclient.leases').stdout, /^lease \{\n  interface "eth0";\n  fixed-address 192\.168\.1\.157;\n[\s\S]*  expire \d 2026\/01\/15 21:30:0\d;\n\}\n$/);
    assert.equal(shell.run('dhclient -r eth0').stderr, 'Killed old client process\n');
    assert.equal(shell.run('ip -4 addr show dev eth0').stdout, '');
    assert.equal(shell.run('ip route').stdout, '');
  });

  it('the lifetime counts down on the simulated clock', () => {
    const shell = bareShell();
    runAll(shell, ['ip addr flush dev eth0', 'dhclient eth0', 'sleep 100']);
    assert.match(shell.run('ip -4 addr show dev eth0').stdout, /valid_lft 43100sec preferred_lft 43100sec/);
  });

  it('DORA shows in tcpdump, with the ping check before the first offer', () => {
    const shell = bareShell();
    shell.run('ip addr flush dev eth0');
    const r = shell.run('(sleep 0.5; dhclient eth0) & timeout 10 tcpdump -i eth0 -n -c 4 "port 67 or port 68"; wait');
    const lines = r.stdout.trim().split('\n');
    assert.deepEqual(
      lines.map((l) => l.slice(16)),
      [
        'IP 0.0.0.0.68 > 255.255.255.255.67: BOOTP/DHCP, Request from 52:54:00:12:34:56, length 300',
        'IP 192.168.1.1.67 > 192.168.1.157.68: BOOTP/DHCP, Reply, length 300',
        'IP 0.0.0.0.68 > 255.255.255.255.67: BOOTP/DHCP, Request from 52:54:00:12:34:56, length 300',
        'IP 192.168.1.1.67 > 192.168.1.157.68: BOOTP/DHCP, Reply, length 300',
      ],
    );
    const seconds = lines.map((l) => Number(l.slice(6, 15)));
    assert.ok(seconds[1]! - seconds[0]! > 3 && seconds[1]! - seconds[0]! < 3.1, `offer after the ~3 s ping check: ${lines.join('\n')}`);
  });

  it('without a server it gives up after 60 s; -1 exits 2; nothing changed', () => {
    const shell = bareShell();
    runAll(shell, ['ip netns add lone', 'ip netns add other', 'ip link add la netns lone type veth peer name lb netns other']);
    const before = shell.run('ip -n lone -4 addr').stdout;
    const r = shell.run('ip netns exec lone dhclient -v -1 la');
    assert.equal(r.exitCode, 2);
    assert.match(r.stderr, /No DHCPOFFERS received\.\nNo working leases in persistent database - sleeping\.\n$/);
    assert.equal(shell.run('ip -n lone -4 addr').stdout, before);
    assert.doesNotMatch(r.stderr + r.stdout, LEAKS);
  });

  it('is deterministic: the same script prints the same bytes', () => {
    const run = () => {
      const shell = bareShell();
      return runAll(shell, ['ip addr flush dev eth0', 'dhclient -v eth0', 'cat /var/lib/dhcp/dhclient.leases'])
        .map((r) => r.stdout + r.stderr)
        .join('');
    };
    assert.equal(run(), run());
  });
});

describe('dnsmasq and udhcpc in namespaces', () => {
  const PAIR = ['ip netns add red', 'ip netns add blue', 'ip link add veth-red netns red type veth peer name veth-blue netns blue', 'ip -n red addr add 10.50.0.1/24 dev veth-red', 'ip -n red link set veth-red up'];

  it('serves its range on its interface; the second one cannot bind; bad options change nothing', () => {
    const shell = bareShell();
    runAll(shell, PAIR);
    assert.deepEqual(runAll(shell, ['ip netns exec red dnsmasq --interface=nosuch --dhcp-range=10.50.0.10,10.50.0.50', 'ip netns exec red dnsmasq --frob', 'ip netns exec red dnsmasq --dhcp-range=10.50.0.10']).map((r) => [r.stderr.trim(), r.exitCode]), [
      ['dnsmasq: unknown interface nosuch', 2],
      ['dnsmasq: bad command line options: try --help', 1],
      ['dnsmasq: bad command line options: bad dhcp-range', 1],
    ]);
    assert.equal(shell.run('ip netns exec red dnsmasq --interface=veth-red --dhcp-range=10.50.0.10,10.50.0.50,2h').exitCode, 0);
    const again = shell.run('ip netns exec red dnsmasq --interface=veth-red --dhcp-range=10.50.0.10,10.50.0.50,2h');
    assert.deepEqual([again.stdout, again.stderr, again.exitCode], ['', '\ndnsmasq: failed to bind DHCP server socket: Address already in use\n', 2]);
    const r = shell.run('ip netns exec blue udhcpc -i veth-blue -n -q');
    assert.equal(r.exitCode, 0);
    assert.match(r.stderr, /^udhcpc: started, v1\.35\.0\nudhcpc: broadcasting discover\nudhcpc: broadcasting discover\nudhcpc: broadcasting select for (10\.50\.0\.\d+), server 10\.50\.0\.1\nudhcpc: lease of \1 obtained from 10\.50\.0\.1, lease time 7200\n$/);
    assert.match(shell.run('ip -n blue route').stdout, /^default via 10\.50\.0\.1 dev veth-blue \n/);
    assert.match(shell.run('cat /var/lib/misc/dnsmasq.leases').stdout, /^\d{10} [0-9a-f:]{17} 10\.50\.0\.\d+ \* \*\n$/);
  });

  it('udhcpc -n fails after three discovers when nobody answers', () => {
    const shell = bareShell();
    runAll(shell, PAIR);
    const r = shell.run('ip netns exec blue udhcpc -i veth-blue -n -q');
    assert.equal(r.exitCode, 1);
    assert.equal(r.stderr, 'udhcpc: started, v1.35.0\n' + 'udhcpc: broadcasting discover\n'.repeat(3) + 'udhcpc: no lease, failing\n');
    assert.equal(shell.run('ip netns exec blue udhcpc -i nosuch').stderr, 'udhcpc: SIOCGIFINDEX: No such device\n');
  });

  it('a VM gets its address from the router through vnet0, br0 and eth0', () => {
    const shell = bareShell();
    runAll(shell, ['ip link add br0 type bridge', 'ip link set br0 up', 'ip link set eth0 master br0', 'ip addr flush dev eth0', 'ip addr add 192.168.1.2/24 dev br0', 'ip tuntap add vnet0 mode tap', 'ip link set vnet0 master br0 up', 'vm create vm1 --tap vnet0 --mac 52:54:00:00:00:51']);
    const r = shell.run('vm exec vm1 dhclient -v eth0');
    assert.match(r.stderr, /DHCPACK of 192\.168\.1\.\d+ from 192\.168\.1\.1/);
    assert.equal(shell.run('vm exec vm1 ping -c 1 8.8.8.8').exitCode, 0);
    assert.equal(shell.run('vm exec vm1 cat /etc/resolv.conf').stdout, 'nameserver 192.168.1.1\n');
  });
});
