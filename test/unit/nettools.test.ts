import { strict as assert } from 'node:assert';
import { linkByName } from '../../src/engine/net/links';
import type { Shell } from '../../src/shell/shell';
import { bareShell } from './helpers';
import { mustRun, ns, vethPair } from './packet-fixtures';

function fixMacs(sh: Shell): void {
  linkByName(sh.world, ns(sh, 'red').id, 'veth-red')!.mac = '46:ce:83:6a:df:10';
  linkByName(sh.world, ns(sh, 'blue').id, 'veth-blue')!.mac = '2a:1e:a3:23:cd:13';
}

describe('net-tools', () => {
  describe('arp', () => {
    it('prints nothing for an empty cache', () => {
      assert.deepEqual(vethPair().run('ip netns exec red arp'), { stdout: '', stderr: '', exitCode: 0, chunks: [] });
    });

    it('Linux and BSD styles after a ping, incomplete entries too', () => {
      const sh = vethPair();
      fixMacs(sh);
      mustRun(sh, ['ip netns exec red ping -c 1 192.168.15.2']);
      sh.run('ip netns exec red ping -c 1 -W 1 192.168.15.9');
      const header = 'Address                  HWtype  HWaddress           Flags Mask            Iface\n';
      assert.equal(
        sh.run('ip netns exec red arp -n').stdout,
        header +
          '192.168.15.2             ether   2a:1e:a3:23:cd:13   C                     veth-red\n' +
          '192.168.15.9                     (incomplete)                              veth-red\n',
      );
      assert.equal(sh.run('ip netns exec red arp -a').stdout, '? (192.168.15.2) at 2a:1e:a3:23:cd:13 [ether] on veth-red\n? (192.168.15.9) at <incomplete> on veth-red\n');
      assert.equal(sh.run('ip netns exec blue arp -n').stdout, header + '192.168.15.1             ether   46:ce:83:6a:df:10   C                     veth-blue\n');
      assert.equal(sh.run('ip netns exec red arp -i lo').stdout, 'arp: in 2 entries no match found.\n');
      assert.equal(sh.run('ip netns exec red arp -n 192.168.15.7').stdout, '192.168.15.7 (192.168.15.7) -- no entry\n');
    });

    it('names from /etc/hosts, -s adds a permanent entry, -d removes one', () => {
      const sh = vethPair();
      fixMacs(sh);
      mustRun(sh, ["echo '192.168.15.2 blue-host' >> /etc/hosts", 'ip netns exec red ping -c 1 192.168.15.2']);
      assert.match(sh.run('ip netns exec red arp').stdout, /^blue-host {16}ether {3}2a:1e:a3:23:cd:13 {3}C {21}veth-red$/m);
      mustRun(sh, ['ip netns exec red arp -s 192.168.15.60 02:00:00:00:00:60']);
      assert.match(sh.run('ip netns exec red arp -n').stdout, /^192\.168\.15\.60 {12}ether {3}02:00:00:00:00:60 {3}CM {20}veth-red$/m);
      mustRun(sh, ['ip netns exec red arp -d 192.168.15.60']);
      assert.doesNotMatch(sh.run('ip netns exec red arp -n').stdout, /15\.60/);
      assert.deepEqual(sh.run('ip netns exec red arp -d 192.168.15.61').exitCode, 255);
      assert.equal(sh.run('ip netns exec red arp -s 10.99.1.60 02:00:00:00:00:60').stderr, 'SIOCSARP: Network is unreachable\n');
    });
  });

  describe('route', () => {
    it('a fresh namespace has no table yet: header only, exit 1', () => {
      const sh = bareShell();
      mustRun(sh, ['ip netns add red']);
      const r = sh.run('ip netns exec red route');
      assert.deepEqual([r.stdout, r.exitCode], ['Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n', 1]);
    });

    it('-n, names, host routes and metrics', () => {
      const sh = vethPair();
      mustRun(sh, ['ip -n red route add default via 192.168.15.2', 'ip -n red route add 10.1.2.3 via 192.168.15.2 metric 5', 'ip -n red route add 10.9.0.0/16 dev veth-red']);
      const head = 'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n';
      assert.equal(
        sh.run('ip netns exec red route -n').stdout,
        head +
          '0.0.0.0         192.168.15.2    0.0.0.0         UG    0      0        0 veth-red\n' +
          '10.1.2.3        192.168.15.2    255.255.255.255 UGH   5      0        0 veth-red\n' +
          '10.9.0.0        0.0.0.0         255.255.0.0     U     0      0        0 veth-red\n' +
          '192.168.15.0    0.0.0.0         255.255.255.0   U     0      0        0 veth-red\n',
      );
      assert.match(sh.run('ip netns exec red route').stdout, /^default         192\.168\.15\.2    0\.0\.0\.0         UG    0      0        0 veth-red$/m);
      assert.match(sh.run('ip netns exec red route -e').stdout, /Flags   MSS Window  irtt Iface\ndefault         192\.168\.15\.2    0\.0\.0\.0         UG        0 0          0 veth-red\n/);
    });

    it('add and del like SIOCADDRT/SIOCDELRT', () => {
      const sh = bareShell();
      assert.equal(sh.run('route add -net 10.20.0.0 netmask 255.255.0.0 gw 192.168.1.3').exitCode, 0);
      assert.match(sh.run('route -n').stdout, /^10\.20\.0\.0       192\.168\.1\.3     255\.255\.0\.0     UG    0      0        0 eth0$/m);
      assert.deepEqual(sh.run('route add -net 10.20.0.0 netmask 255.255.0.0 gw 192.168.1.3').stderr, 'SIOCADDRT: File exists\n');
      assert.deepEqual(sh.run('route add -net 10.22.0.0 netmask 255.255.0.0 gw 10.9.9.9').stderr, 'SIOCADDRT: Network is unreachable\n');
      assert.equal(sh.run('route del -net 10.20.0.0 netmask 255.255.0.0').exitCode, 0);
      const r = sh.run('route del -net 10.20.0.0 netmask 255.255.0.0');
      assert.deepEqual([r.stderr, r.exitCode], ['SIOCDELRT: No such process\n', 7]);
    });
  });

  describe('ifconfig', () => {
    it('lists up interfaces sorted by name; -a adds the down ones', () => {
      const sh = vethPair();
      fixMacs(sh);
      mustRun(sh, ['ip -n red link set lo up']);
      assert.equal(
        sh.run('ip netns exec red ifconfig').stdout.replace(/fe80::\S+/, 'fe80::44ce:83ff:fe6a:df10'),
        [
          'lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536',
          '        inet 127.0.0.1  netmask 255.0.0.0',
          '        inet6 ::1  prefixlen 128  scopeid 0x10<host>',
          '        loop  txqueuelen 1000  (Local Loopback)',
          '        RX packets 0  bytes 0 (0.0 B)',
          '        RX errors 0  dropped 0  overruns 0  frame 0',
          '        TX packets 0  bytes 0 (0.0 B)',
          '        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0',
          '',
          'veth-red: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500',
          '        inet 192.168.15.1  netmask 255.255.255.0  broadcast 0.0.0.0',
          '        inet6 fe80::44ce:83ff:fe6a:df10  prefixlen 64  scopeid 0x20<link>',
          '        ether 46:ce:83:6a:df:10  txqueuelen 1000  (Ethernet)',
          '        RX packets 0  bytes 0 (0.0 B)',
          '        RX errors 0  dropped 0  overruns 0  frame 0',
          '        TX packets 0  bytes 0 (0.0 B)',
          '        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0',
          '',
          '',
        ].join('\n'),
      );
      mustRun(sh, ['ip -n blue link set veth-blue down']);
      assert.match(sh.run('ip netns exec red ifconfig veth-red').stdout, /^veth-red: flags=4099<UP,BROADCAST,MULTICAST>  mtu 1500$/m);
      assert.equal(sh.run('ip netns exec blue ifconfig').stdout, '');
      assert.match(sh.run('ip netns exec blue ifconfig -a').stdout, /^lo: flags=8<LOOPBACK>  mtu 65536\n {8}loop  txqueuelen 1000  \(Local Loopback\)\n/);
    });

    it('byte counts with binary units', () => {
      const sh = vethPair();
      for (let i = 0; i < 12; i++) sh.run('ip netns exec red ping -c 1 192.168.15.2');
      assert.match(sh.run('ip netns exec red ifconfig veth-red').stdout, /TX packets 13  bytes 1218 \(1\.1 KiB\)/);
    });

    it('sets an address (classful unless told), a netmask and up/down', () => {
      const sh = vethPair();
      mustRun(sh, ['ip netns exec red ifconfig veth-red 10.1.1.1 netmask 255.255.0.0']);
      assert.match(sh.run('ip -n red addr show veth-red').stdout, /inet 10\.1\.1\.1\/16 brd 10\.1\.255\.255 scope global veth-red/);
      mustRun(sh, ['ip netns exec red ifconfig veth-red 172.16.5.5']);
      assert.match(sh.run('ip -n red addr show veth-red').stdout, /inet 172\.16\.5\.5\/16 brd 172\.16\.255\.255/);
      mustRun(sh, ['ip netns exec red ifconfig veth-red down', 'ip netns exec red ifconfig veth-red 10.2.2.2/24']);
      assert.match(sh.run('ip -n red link show veth-red').stdout, /<BROADCAST,MULTICAST,UP,LOWER_UP>/);
      mustRun(sh, ['ip netns exec red ifconfig veth-red netmask 255.255.255.128']);
      assert.match(sh.run('ip -n red addr show veth-red').stdout, /inet 10\.2\.2\.2\/25 brd 10\.2\.2\.127/);
      assert.deepEqual(sh.run('ip netns exec red ifconfig veth-red 10.3.3.3 netmask 255.0.255.0').stderr, 'SIOCSIFNETMASK: Invalid argument\n');
      const missing = sh.run('ip netns exec red ifconfig nope');
      assert.deepEqual([missing.stderr, missing.exitCode], ['nope: error fetching interface information: Device not found\n', 1]);
      assert.deepEqual(sh.run('ip netns exec red ifconfig nope up').exitCode, 255);
    });
  });

  describe('ifconfig aliases', () => {
    it('IF:N adds a labelled address, listed as an interface of its own; IF:N down removes it', () => {
      const sh = vethPair();
      mustRun(sh, ['ip netns exec red ifconfig veth-red:1 10.8.8.8 up', 'ip netns exec red ifconfig veth-red:2 192.168.15.7 netmask 255.255.255.0']);
      const mac = linkByName(sh.world, ns(sh, 'red').id, 'veth-red')!.mac;
      assert.equal(sh.run('ip netns exec red ifconfig veth-red:1').stdout, `veth-red:1: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n        inet 10.8.8.8  netmask 255.0.0.0  broadcast 10.255.255.255\n        ether ${mac}  txqueuelen 1000  (Ethernet)\n\n`);
      assert.match(sh.run('ip -n red addr show veth-red').stdout, /inet 192\.168\.15\.7\/24 brd 192\.168\.15\.255 scope global secondary veth-red:2/);
      assert.match(sh.run('ip netns exec red ifconfig').stdout, /\n\nveth-red:1: flags=[\s\S]*\n\nveth-red:2: flags=/);
      assert.equal(sh.run('ip netns exec red hostname -I').stdout, '192.168.15.1 10.8.8.8 192.168.15.7 \n');
      mustRun(sh, ['ip netns exec red ifconfig veth-red:1 down']);
      assert.doesNotMatch(sh.run('ip -n red addr').stdout, /10\.8\.8\.8/);
    });
  });

  describe('hostname -I', () => {
    it('addresses of up interfaces, loopback and link-local left out, trailing space', () => {
      const sh = vethPair();
      assert.equal(sh.run('hostname -I').stdout, '192.168.1.2 \n');
      assert.equal(sh.run('ip netns exec red hostname -I').stdout, '192.168.15.1 \n');
      mustRun(sh, ['ip netns add empty']);
      assert.equal(sh.run('ip netns exec empty hostname -I').stdout, '\n');
    });
  });

  describe('netstat', () => {
    it('-rn is route -en', () => {
      assert.equal(
        bareShell().run('netstat -rn').stdout,
        'Kernel IP routing table\nDestination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n0.0.0.0         192.168.1.1     0.0.0.0         UG        0 0          0 eth0\n192.168.1.0     0.0.0.0         255.255.255.0   U         0 0          0 eth0\n',
      );
    });
    it('-i lists the up interfaces', () => {
      assert.equal(
        bareShell().run('netstat -i').stdout,
        'Kernel Interface table\nIface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\neth0             1500        0      0      0 0             0      0      0      0 BMRU\nlo              65536        0      0      0 0             0      0      0      0 LRU\n',
      );
    });
  });
});
