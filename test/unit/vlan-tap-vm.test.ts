/**
 * VLANs (802.1Q devices, tags on the wire, bridge VLAN filtering), tap devices and VMs.
 * This machine's kernel has no 8021q module nor bridge VLAN filtering, so the VLAN formats
 * here follow iproute2 6.1 and tcpdump 4.99 sources (cited in src/shell/ip/link-vlan.ts,
 * src/shell/bridge/vlan.ts, src/shell/nettools/tcpdump-print.ts), not a recording.
 */
import { strict as assert } from 'node:assert';
import { buildViewModel } from '../../src/engine/view';
import { bareShell, LEAKS, runAll } from './helpers';

/** Namespaces a and b joined by a veth, each with VLAN 10 (10.10.0.x) and VLAN 20 (10.20.0.x) on it. */
const TWO_VLANS = [
  'ip netns add a',
  'ip netns add b',
  'ip link add va netns a type veth peer name vb netns b',
  'ip -n a link set va up',
  'ip -n b link set vb up',
  'ip -n a link add link va name va.10 type vlan id 10',
  'ip -n b link add link vb name vb.10 type vlan id 10',
  'ip -n a link add link va name va.20 type vlan id 20',
  'ip -n b link add link vb name vb.30 type vlan id 30',
  'ip -n a addr add 10.10.0.1/24 dev va.10',
  'ip -n b addr add 10.10.0.2/24 dev vb.10',
  'ip -n a addr add 10.20.0.1/24 dev va.20',
  'ip -n b addr add 10.20.0.2/24 dev vb.30',
  'ip -n a link set va.10 up',
  'ip -n b link set vb.10 up',
  'ip -n a link set va.20 up',
  'ip -n b link set vb.30 up',
];

/** A bridge in netns sw with ports to namespaces h1, h2 (VLAN 10) and h3 (VLAN 20), all 10.0.0.0/24. */
const FILTERING_BRIDGE = [
  'ip netns add sw',
  ...[1, 2, 3].flatMap((n) => [
    `ip netns add h${n}`,
    `ip link add p${n} netns sw type veth peer name eth0 netns h${n}`,
    `ip -n h${n} addr add 10.0.0.${n}/24 dev eth0`,
    `ip -n h${n} link set eth0 up`,
  ]),
  'ip -n sw link add br0 type bridge',
  ...[1, 2, 3].map((n) => `ip -n sw link set p${n} master br0 up`),
  'ip -n sw link set br0 up',
  'ip netns exec sw bridge vlan add vid 10 dev p1 pvid untagged',
  'ip netns exec sw bridge vlan add vid 10 dev p2 pvid untagged',
  'ip netns exec sw bridge vlan add vid 20 dev p3 pvid untagged',
];

describe('VLAN devices (ip link add … type vlan)', () => {
  it('a VLAN device shows its lower device and iproute2 6.1 vlan details', () => {
    const shell = bareShell();
    assert.equal(shell.run('ip link add link eth0 name eth0.10 type vlan id 10').exitCode, 0);
    const shown = shell.run('ip -d link show eth0.10').stdout;
    assert.match(shown, /^3: eth0\.10@eth0: <BROADCAST,MULTICAST,M-DOWN>|^3: eth0\.10@eth0: <BROADCAST,MULTICAST>/);
    assert.match(shown, /\n    vlan protocol 802\.1Q id 10 <REORDER_HDR> addrgenmode/);
    assert.match(shown, /minmtu 0 maxmtu 65535/);
    assert.doesNotMatch(shown, LEAKS);
  });

  it('refuses what 8021q refuses, and leaves the world unchanged', () => {
    const shell = bareShell();
    const before = shell.run('ip -o link').stdout;
    const results = runAll(shell, [
      'ip link add name v0 type vlan id 10',
      'ip link add link eth0 name v0 type vlan',
      'ip link add link eth0 name v0 type vlan id 4095',
      'ip link add link lo name v0 type vlan id 5',
      'ip link add link eth0 name v0 type vlan id abc',
      'ip link add link nosuch name v0 type vlan id 5',
    ]);
    assert.deepEqual(
      results.map((r) => [r.stderr.trim(), r.exitCode]),
      [
        ['Error: 8021q: link not specified.', 2],
        ['Error: 8021q: VLAN id not specified.', 2],
        ['Error: 8021q: Invalid VLAN id.', 2],
        ['Error: 8021q: VLANs not supported on device.', 2],
        ['Error: argument "abc" is wrong: id is invalid', 255],
        ['Cannot find device "nosuch"', 1],
      ],
    );
    assert.equal(shell.run('ip -o link').stdout, before);
    shell.run('ip link add link eth0 name v10 type vlan id 10');
    assert.deepEqual([shell.run('ip link add link eth0 name v11 type vlan id 10').stderr, shell.run('ip -o link').stdout.split('\n').length], ['Error: 8021q: VLAN device already exists.\n', before.split('\n').length + 1]);
  });

  it('carries tags between VLAN devices of the same id only', () => {
    const shell = bareShell();
    runAll(shell, TWO_VLANS).forEach((r, i) => assert.equal(r.exitCode, 0, TWO_VLANS[i]));
    assert.equal(shell.run('ip netns exec a ping -c 1 -W 1 10.10.0.2').exitCode, 0);
    // VLAN 20 on a meets VLAN 30 on b: the tagged frames find no VLAN 20 device on vb.
    const mismatch = shell.run('ip netns exec a ping -c 1 -W 1 10.20.0.2');
    assert.equal(mismatch.exitCode, 1);
    assert.match(mismatch.stdout, /1 packets transmitted, 0 received/);
  });

  it('tcpdump -e on the lower device shows the 802.1Q header, as print-ether.c prints it', () => {
    const shell = bareShell();
    runAll(shell, TWO_VLANS);
    shell.run('ip netns exec a ping -c 1 10.10.0.2');
    const r = shell.run('(sleep 0.5; ip netns exec a ping -c 1 10.10.0.2 >/dev/null) & ip netns exec b timeout 2 tcpdump -i vb -n -e -c 2 icmp; wait');
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 2, r.stdout + r.stderr);
    assert.match(lines[0]!, /^\d\d:\d\d:\d\d\.\d{6} ([0-9a-f:]{17}) > ([0-9a-f:]{17}), ethertype 802\.1Q \(0x8100\), length 102: vlan 10, p 0, ethertype IPv4 \(0x0800\), 10\.10\.0\.1 > 10\.10\.0\.2: ICMP echo request, id \d+, seq 1, length 64$/);
    const onVlanDevice = shell.run('(sleep 0.5; ip netns exec a ping -c 1 10.10.0.2 >/dev/null) & ip netns exec b timeout 2 tcpdump -i vb.10 -n -e -c 1 icmp; wait');
    assert.match(onVlanDevice.stdout, /ethertype IPv4 \(0x0800\), length 98: 10\.10\.0\.1 > 10\.10\.0\.2/);
  });

  it('deleting the lower device deletes its VLAN devices', () => {
    const shell = bareShell();
    runAll(shell, ['ip link add dummy0 type dummy', 'ip link add link dummy0 name dummy0.7 type vlan id 7']);
    shell.run('ip link del dummy0');
    assert.equal(shell.run('ip link show dummy0.7').stderr, 'Device "dummy0.7" does not exist.\n');
  });
});

describe('bridge VLAN filtering (bridge vlan, vlan_filtering 1)', () => {
  it('new ports join VLAN 1 as PVID, egress untagged; bridge vlan show prints them with 6.1 columns', () => {
    const shell = bareShell();
    runAll(shell, FILTERING_BRIDGE);
    assert.equal(
      shell.run('ip netns exec sw bridge vlan show').stdout,
      [
        'port              vlan-id  ',
        'p1                1 Egress Untagged',
        '                  10 PVID Egress Untagged',
        'p2                1 Egress Untagged',
        '                  10 PVID Egress Untagged',
        'p3                1 Egress Untagged',
        '                  20 PVID Egress Untagged',
        'br0               1 PVID Egress Untagged',
        '',
      ].join('\n'),
    );
  });

  it('isolates VLANs once vlan_filtering is on, and only then', () => {
    const shell = bareShell();
    runAll(shell, FILTERING_BRIDGE);
    assert.equal(shell.run('ip netns exec h1 ping -c 1 -W 1 10.0.0.3').exitCode, 0, 'without filtering the bridge ignores VLANs');
    assert.equal(shell.run('ip -n sw link set br0 type bridge vlan_filtering 1').exitCode, 0);
    assert.match(shell.run('ip -n sw -d link show br0').stdout, / vlan_filtering 1 /);
    shell.run('ip -n h1 neigh flush all');
    assert.equal(shell.run('ip netns exec h1 ping -c 1 -W 1 10.0.0.2').exitCode, 0, 'same VLAN');
    assert.equal(shell.run('ip netns exec h1 ping -c 1 -W 1 10.0.0.3').exitCode, 1, 'VLAN 10 cannot reach VLAN 20');
    shell.run('ip netns exec sw bridge vlan add vid 10 dev p3 pvid untagged');
    assert.equal(shell.run('ip netns exec h1 ping -c 1 -W 1 10.0.0.3').exitCode, 0, 'p3 moved to VLAN 10');
  });

  it('a tagged port carries several VLANs to a host with VLAN devices', () => {
    const shell = bareShell();
    runAll(shell, [
      ...FILTERING_BRIDGE,
      'ip -n sw link set br0 type bridge vlan_filtering 1',
      'ip netns add trunk',
      'ip link add p4 netns sw type veth peer name eth0 netns trunk',
      'ip -n sw link set p4 master br0 up',
      'ip netns exec sw bridge vlan add vid 10 dev p4',
      'ip netns exec sw bridge vlan add vid 20 dev p4',
      'ip -n trunk link set eth0 up',
      'ip -n trunk link add link eth0 name eth0.10 type vlan id 10',
      'ip -n trunk link add link eth0 name eth0.20 type vlan id 20',
      'ip -n trunk addr add 10.0.0.10/24 dev eth0.10',
      'ip -n trunk addr add 10.0.0.20/24 dev eth0.20',
      'ip -n trunk link set eth0.10 up',
      'ip -n trunk link set eth0.20 up',
    ]);
    assert.equal(shell.run('ip netns exec h1 ping -c 1 -W 1 10.0.0.10').exitCode, 0);
    assert.equal(shell.run('ip netns exec h3 ping -c 1 -W 1 10.0.0.10').exitCode, 1);
    // Both addresses are in 10.0.0.0/24: replies would leave by eth0.10's route, so keep one.
    shell.run('ip -n trunk addr del 10.0.0.10/24 dev eth0.10');
    assert.equal(shell.run('ip netns exec h3 ping -c 1 -W 1 10.0.0.20').exitCode, 0);
    assert.equal(shell.run('ip netns exec h1 ping -c 1 -W 1 10.0.0.20').exitCode, 1);
  });

  it('bridge vlan errors as iproute2 prints them; a failed command changes nothing', () => {
    const shell = bareShell();
    runAll(shell, FILTERING_BRIDGE);
    const before = shell.run('ip netns exec sw bridge vlan show').stdout;
    const results = runAll(shell, [
      'ip netns exec sw bridge vlan add vid 10',
      'ip netns exec sw bridge vlan add vid 10 dev nosuch',
      'ip netns exec sw bridge vlan add vid 5000 dev p1',
      'ip netns exec sw bridge vlan del vid 99 dev p1',
      'bridge vlan add vid 10 dev eth0',
    ]);
    assert.deepEqual(
      results.map((r) => [r.stderr.trim(), r.exitCode]),
      [
        ['Device and VLAN ID are required arguments.', 255],
        ['Cannot find bridge device "nosuch"', 255],
        ['Invalid VLAN ID "5000"', 255],
        ['RTNETLINK answers: No such file or directory', 255],
        ['RTNETLINK answers: Operation not supported', 255],
      ],
    );
    assert.equal(shell.run('ip netns exec sw bridge vlan show').stdout, before);
  });
});

describe('tap devices and VMs (vm create --tap)', () => {
  const SEED_PICTURE = [
    'ip link add br0 type bridge',
    'ip link set eth0 master br0',
    'ip addr flush dev eth0',
    'ip route flush dev eth0',
    'ip addr add 192.168.1.2/24 dev br0',
    'ip link set br0 up',
    'ip route add default via 192.168.1.1',
    'ip tuntap add vnet0 mode tap',
    'ip link set vnet0 master br0 up',
  ];

  it('a tap has no carrier until a VM holds it, and the VM reaches the LAN and the internet through br0 and eth0', () => {
    const shell = bareShell();
    runAll(shell, SEED_PICTURE).forEach((r, i) => assert.equal(r.exitCode, 0, `${SEED_PICTURE[i]}: ${r.stderr}`));
    assert.match(shell.run('ip -br link show vnet0').stdout, /DOWN .*<NO-CARRIER,BROADCAST,MULTICAST,UP>/);
    assert.equal(shell.run('vm create vm1 --tap vnet0 --mac 52:54:00:aa:bb:01').stdout, 'vm vm1 started: eth0 52:54:00:aa:bb:01 on vnet0\n');
    assert.match(shell.run('ip -br link show vnet0').stdout, /UP +\S+ <BROADCAST,MULTICAST,UP,LOWER_UP>/);
    runAll(shell, ['vm exec vm1 ip addr add 192.168.1.50/24 dev eth0', 'vm exec vm1 ip route add default via 192.168.1.1']);
    assert.equal(shell.run('vm exec vm1 ping -c 1 192.168.1.1').exitCode, 0);
    assert.equal(shell.run('vm exec vm1 ping -c 1 8.8.8.8').exitCode, 0);
    assert.equal(shell.run('ping -c 1 192.168.1.50').exitCode, 0);
    assert.match(shell.run('bridge fdb show br br0').stdout, /52:54:00:aa:bb:01 dev vnet0 master br0 \n/);
    assert.equal(shell.run('vm exec vm1 hostname').stdout, 'vm1\n');
    assert.equal(shell.run('vm ls').stdout, 'NAME   STATE     TAP     MAC                 ADDRESSES\nvm1    running   vnet0   52:54:00:aa:bb:01   192.168.1.50/24\n');
  });

  it('the topology view draws the VM as a host with a cable to its tap', () => {
    const shell = bareShell();
    runAll(shell, [...SEED_PICTURE, 'vm create vm1 --tap vnet0']);
    const model = buildViewModel(shell.world);
    const vmHost = model.nodes.find((n) => n.kind === 'host' && n.label === 'vm1');
    assert.ok(vmHost);
    const tap = model.nodes.find((n) => n.label === 'vnet0')!;
    const vmNic = model.nodes.find((n) => n.label === 'eth0' && model.nodes.find((p) => p.id === n.parent)?.parent === vmHost.id)!;
    assert.ok(model.edges.some((e) => e.kind === 'cable' && e.state === 'up' && [e.source, e.target].sort().join() === [tap.id, vmNic.id].sort().join()));
  });

  it('refuses what cannot be a VM NIC; vm rm leaves the tap without carrier', () => {
    const shell = bareShell();
    runAll(shell, ['ip tuntap add tun0 mode tun', 'ip tuntap add tap0 mode tap', 'ip link set tap0 up', 'vm create vm1 --tap tap0']);
    const results = runAll(shell, ['vm create vm2 --tap tap0', 'vm create vm2 --tap tun0', 'vm create vm2 --tap eth0', 'vm create vm2 --tap nosuch', 'vm create vm1 --tap tap0', 'vm exec nosuch true', 'vm create vm2']);
    assert.deepEqual(
      results.map((r) => r.exitCode),
      [1, 1, 1, 1, 1, 1, 2],
    );
    assert.equal(results[0]!.stderr, 'vm: tap0 is already in use by vm1\n');
    assert.equal(shell.run('ip tuntap del tap0 mode tap').stderr, 'ioctl(TUNSETIFF): Device or resource busy\n');
    assert.equal(shell.run('vm rm vm1').exitCode, 0);
    assert.match(shell.run('ip link show tap0').stdout, /NO-CARRIER/);
    assert.equal(shell.run('vm ls').stdout, 'NAME   STATE   TAP   MAC   ADDRESSES\n');
    assert.equal(shell.run('ip tuntap del tap0 mode tap').exitCode, 0);
  });
});
