/**
 * The network-namespace walkthrough of seed 002 (red and blue, a cable, a bridge, the host as
 * their gateway, NAT to the LAN and the internet), replayed through the shell. Each step says
 * what a learner sees from ping, arp and route at that point.
 */
import { strict as assert } from 'node:assert';
import { prefixMask } from '../../src/engine/net/ipv4';
import { appendRule } from '../../src/engine/netfilter/rules';
import { COMMANDS } from '../../src/shell/registry';
import { bareShell } from '../unit/helpers';

type Step = [line: string, expect?: { stdout?: RegExp; stderr?: RegExp; exit?: number }];

const PING_OK = (ttl: number) => ({ stdout: new RegExp(`icmp_seq=1 ttl=${ttl} time=[\\d.]+ ms\\n[\\s\\S]*1 packets transmitted, 1 received, 0% packet loss`), exit: 0 });
const PING_LOST = { stdout: /1 packets transmitted, 0 received, 100% packet loss/, exit: 1 };
const UNREACHABLE = { stderr: /^ping: connect: Network is unreachable\n$/, exit: 2 };
const ROUTE_HEAD = 'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n';

const STEPS: Step[] = [
  ['ip netns add red'],
  ['ip netns add blue'],
  ['arp', { stdout: /^$/, exit: 0 }],
  ['ip netns exec red arp', { stdout: /^$/, exit: 0 }],
  ['route', { stdout: /^Kernel IP routing table\n.*\ndefault         192\.168\.1\.1     0\.0\.0\.0         UG    0      0        0 eth0\n192\.168\.1\.0     0\.0\.0\.0         255\.255\.255\.0   U     0      0        0 eth0\n$/ }],
  ['ip netns exec red route', { stdout: new RegExp(`^${ROUTE_HEAD}$`), exit: 1 }],
  ['ip link add veth-red type veth peer name veth-blue'],
  ['ip link set veth-red netns red'],
  ['ip link set veth-blue netns blue'],
  ['ip -n red addr add 192.168.15.1/24 dev veth-red'],
  ['ip -n blue addr add 192.168.15.2/24 dev veth-blue'],
  ['ip -n red link set veth-red up'],
  ['ip netns exec red ping -c 1 -W 1 192.168.15.2', PING_LOST],
  ['ip -n blue link set veth-blue up'],
  ['ip netns exec red ping -c 1 -W 1 192.168.15.2', PING_OK(64)],
  ['ip netns exec blue ping -c 1 -W 1 192.168.15.1', PING_OK(64)],
  ['ip netns exec red arp', { stdout: /^Address .*\n192\.168\.15\.2 +ether +([0-9a-f]{2}:){5}[0-9a-f]{2} +C +veth-red\n$/ }],
  ['ip netns exec blue arp', { stdout: /^Address .*\n192\.168\.15\.1 +ether +([0-9a-f]{2}:){5}[0-9a-f]{2} +C +veth-blue\n$/ }],
  ['arp', { stdout: /^$/ }],
  ['ip netns exec red route', { stdout: /^Kernel IP routing table\n.*\n192\.168\.15\.0    0\.0\.0\.0         255\.255\.255\.0   U     0      0        0 veth-red\n$/ }],
  // a virtual switch
  ['ip link add v-net-0 type bridge'],
  ['ip link set dev v-net-0 up'],
  ['ip -n red link del veth-red'],
  ['ip link add veth-red type veth peer name veth-red-br'],
  ['ip link add veth-blue type veth peer name veth-blue-br'],
  ['ip link set veth-red netns red'],
  ['ip link set veth-red-br master v-net-0'],
  ['ip link set veth-blue netns blue'],
  ['ip link set veth-blue-br master v-net-0'],
  ['ip -n red addr add 192.168.15.1/24 dev veth-red'],
  ['ip -n blue addr add 192.168.15.2/24 dev veth-blue'],
  ['ip -n red link set dev veth-red up'],
  ['ip -n blue link set dev veth-blue up'],
  ['ip netns exec red ping -c 1 -W 1 192.168.15.2', PING_LOST],
  ['ip link set veth-red-br up'],
  ['ip link set veth-blue-br up'],
  ['ip netns exec red ping -c 1 -W 1 192.168.15.2', PING_OK(64)],
  ['ip netns exec blue ping -c 1 -W 1 192.168.15.1', PING_OK(64)],
  ['ping -c 1 -W 1 192.168.15.1', { stdout: PING_LOST.stdout, exit: 1 }],
  ['ip addr add 192.168.15.5/24 dev v-net-0'],
  ['ping -c 1 -W 1 192.168.15.1', PING_OK(64)],
  // reaching the LAN from blue
  ['ip netns exec blue ping -c 1 -W 1 192.168.1.3', UNREACHABLE],
  ['ip netns exec blue ip route add 192.168.1.0/24 via 192.168.15.5'],
  ['ip netns exec blue route', { stdout: /^192\.168\.1\.0     192\.168\.15\.5    255\.255\.255\.0   UG    0      0        0 veth-blue$/m }],
  ['ip netns exec blue ping -c 1 -W 1 192.168.1.3', PING_LOST],
  ['sysctl -w net.ipv4.ip_forward=1'],
  ['ip netns exec blue ping -c 1 -W 1 192.168.1.3', PING_LOST],
  ['iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE'],
  ['ip netns exec blue ping -c 1 -W 1 192.168.1.3', PING_OK(63)],
  // reaching the internet
  ['ip netns exec blue ping -c 1 -W 1 8.8.8.8', UNREACHABLE],
  ['ip netns exec blue ip route add default via 192.168.15.5'],
  ['ip netns exec blue route -n', { stdout: /^0\.0\.0\.0         192\.168\.15\.5    0\.0\.0\.0         UG    0      0        0 veth-blue$/m }],
  ['ip netns exec blue ping -c 1 -W 1 8.8.8.8', PING_OK(62)],
  ['ip netns exec blue ping -c 2 -i 0.2 -W 1 1.1.1.1', { stdout: /2 packets transmitted, 2 received, 0% packet loss/, exit: 0 }],
  ['ip netns exec red ping -c 1 -W 1 8.8.8.8', UNREACHABLE],
  ['ip netns exec red ip route add default via 192.168.15.5'],
  ['ip netns exec red ping -c 1 -W 1 8.8.8.8', PING_OK(62)],
  ['arp -n', { stdout: /^192\.168\.15\.2 +ether .* C +v-net-0$/m }],
];

describe('scenario: seed 002 namespace walkthrough (ping, arp, route)', () => {
  const sh = bareShell();
  for (const [line, expect] of STEPS) {
    it(line, () => {
      if (line.startsWith('iptables ') && !COMMANDS.iptables) {
        // Until the iptables command is registered, add the same rule through the engine.
        const root = sh.world.netns(sh.host.rootNsId);
        appendRule(root, 'nat', 'POSTROUTING', { src: { addr: 0xc0a80f00, mask: prefixMask(24), neg: false }, modules: [], target: { kind: 'MASQUERADE' }, counters: { packets: 0, bytes: 0 } });
        return;
      }
      const r = sh.run(line);
      if (!expect) return assert.equal(r.exitCode, 0, `${line}: ${r.stderr}`);
      if (expect.stdout) assert.match(r.stdout, expect.stdout);
      if (expect.stderr) assert.match(r.stderr, expect.stderr);
      if (expect.exit !== undefined) assert.equal(r.exitCode, expect.exit, r.stderr);
    });
  }
});
