import { strict as assert } from 'node:assert';
import { bareShell, runAll } from '../unit/helpers';

describe('packets through netfilter, end to end', () => {
  it('-m mac matches the source MAC of the arriving frame', () => {
    const sh = bareShell();
    assert.equal(sh.run('ping -c 1 -W 1 192.168.1.3').exitCode, 0);
    const mac = /lladdr (\S+)/.exec(sh.run('ip neigh show 192.168.1.3').stdout)![1];
    assert.equal(sh.run(`iptables -A INPUT -m mac --mac-source ${mac} -j DROP`).exitCode, 0);
    assert.equal(sh.run('ping -c 1 -W 1 192.168.1.3').exitCode, 1);
    assert.match(sh.run('iptables -L INPUT -v -n').stdout, /^ +1 +84 DROP .* MAC /m);
    assert.equal(sh.run('ping -c 1 -W 1 8.8.8.8').exitCode, 0, 'frames from the router have another MAC');
  });

  it('an ICMP error quotes the whole offending ping (28 + 84 = 112 bytes)', () => {
    const sh = bareShell();
    runAll(sh, [
      'ip netns add red',
      'ip link add veth-red type veth peer name veth-host',
      'ip link set veth-red netns red',
      'ip addr add 10.0.0.1/24 dev veth-host',
      'ip link set veth-host up',
      'ip -n red addr add 10.0.0.2/24 dev veth-red',
      'ip -n red link set veth-red up',
      'iptables -A INPUT -p icmp --icmp-type echo-request -j REJECT',
      'iptables -A OUTPUT -p icmp --icmp-type destination-unreachable',
    ]);
    const ping = sh.run('ip netns exec red ping -c 1 -W 1 10.0.0.1');
    assert.match(ping.stdout, /From 10\.0\.0\.1 icmp_seq=1 Destination Port Unreachable/);
    assert.match(sh.run('iptables -L OUTPUT -v -n').stdout, /^ +1 +112 +1 +-- .*icmptype 3$/m);
  });
});
