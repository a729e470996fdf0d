/**
 * dhclient past T2 (RFC 2131 4.4.5, ISC dhclient's send_request): while its server does not
 * answer the unicast renewals, dhclient keeps its address; once the rebinding time (7/8 of the
 * lease) has passed it broadcasts DHCPREQUEST from its address to any server, and the server
 * that answers (here the same dnsmasq, whose address changed) renews the lease and becomes the
 * lease's server. Without an answer the address goes when the lease runs out. Recorded
 * counterpart: test/golden/dhcp-rebind.txt.
 */
import { strict as assert } from 'node:assert';
import type { Shell } from '../../src/shell/shell';
import { lastTrace } from '../../src/engine/view';
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

/** A 2-minute lease (T1 about 45-60 s, T2 105 s), then the server moves to 10.50.0.2: unicasts to 10.50.0.1 find nobody. */
function serverMoved(): Shell {
  const sh = shell('bare');
  for (const line of SETUP) ok(sh, line);
  assert.match(run(sh, 'ip netns exec blue dhclient -v veth-blue').stderr, /bound to 10\.50\.0\.\d+/);
  for (const line of ['sleep 10', 'ip -n red addr del 10.50.0.1/24 dev veth-red', 'ip -n red addr add 10.50.0.2/24 dev veth-red']) ok(sh, line);
  return sh;
}

const leaseBlocks = (sh: Shell) => ok(sh, 'cat /var/lib/dhcp/dhclient.leases').match(/^lease \{$/gm)?.length ?? 0;

describe('dhclient rebinds at T2', () => {
  it('renewals go unicast to the old address (the MAC the client knows) and die; after T2 a broadcast DHCPREQUEST is answered by the moved server', () => {
    const sh = serverMoved();
    ok(sh, 'sleep 25');
    const renewal = ok(sh, 'ip netns exec red timeout 25 tcpdump -n -i veth-red -c 1 udp port 67');
    assert.match(renewal, / IP 10\.50\.0\.\d+\.68 > 10\.50\.0\.1\.67: BOOTP\/DHCP, Request from [0-9a-f:]+, length 300\n$/);
    ok(sh, 'sleep 35');
    // About 95 s after binding: past T1, before T2. Still one lease block, the address kept.
    assert.equal(leaseBlocks(sh), 1);
    const capture = ok(sh, "ip netns exec red timeout 25 tcpdump -n -i veth-red -c 2 'udp port 67 and not dst host 10.50.0.1'").split('\n');
    assert.match(capture[0]!, / IP (10\.50\.0\.\d+)\.68 > 255\.255\.255\.255\.67: BOOTP\/DHCP, Request from [0-9a-f:]+, length 300$/);
    assert.match(capture[1]!, / IP 10\.50\.0\.2\.67 > 10\.50\.0\.\d+\.68: BOOTP\/DHCP, Reply, length 300$/);
    assert.equal(lastTrace(sh.world)!.label, 'dhclient veth-blue: DHCPACK');
    assert.equal(leaseBlocks(sh), 2);
    const lease = ok(sh, 'cat /var/lib/dhcp/dhclient.leases').split('lease {').at(-1)!;
    assert.match(lease, /option dhcp-server-identifier 10\.50\.0\.2;/);
    assert.match(ok(sh, 'ip -n blue -4 addr show dev veth-blue'), /valid_lft 1(19|20)sec/);
  });

  it('the rebound lease renews at its next T1 by unicast to its new server, and lives on', () => {
    const sh = serverMoved();
    ok(sh, 'sleep 110');
    ok(sh, 'ip netns exec red tcpdump -n -i veth-red -c 2 udp port 67 > /tmp/renew.txt 2>/dev/null &');
    ok(sh, 'sleep 70');
    assert.match(ok(sh, 'cat /tmp/renew.txt'), / IP 10\.50\.0\.\d+\.68 > 10\.50\.0\.2\.67: BOOTP\/DHCP, Request from /);
    ok(sh, 'sleep 300');
    assert.match(ok(sh, 'ip -n blue -4 addr show dev veth-blue'), /inet 10\.50\.0\.\d+\/24 .* dynamic veth-blue/);
  });

  it('with no server at all the broadcasts go unanswered and the address goes at expiry', () => {
    const sh = serverMoved();
    ok(sh, 'ip -n red link set veth-red down');
    ok(sh, 'sleep 100');
    assert.match(ok(sh, 'ip -n blue -4 addr show dev veth-blue'), /inet 10\.50\.0\.\d+\/24/);
    ok(sh, 'sleep 20');
    assert.equal(ok(sh, 'ip -n blue -4 addr show dev veth-blue'), '');
  });
});
