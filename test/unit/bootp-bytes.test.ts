/** DHCP messages as bytes in captures: RFC 2131's BOOTP layout with RFC 2132 options, and back. */
import assert from 'node:assert/strict';
import { bootpBytes, bootpFromBytes } from '../../src/engine/packet/bootp-bytes';
import { frameFromBytes, frameToBytes } from '../../src/engine/packet/capture-bytes';
import type { DhcpMessage } from '../../src/engine/dhcp-message';
import { parseIpv4 } from '../../src/engine/net/ipv4';
import { bareShell } from './helpers';

const ip = (s: string) => parseIpv4(s)!;
const MAC = '52:54:00:12:34:56';
const DISCOVER: DhcpMessage = { type: 'DISCOVER', op: 'request', xid: 0x0774df6e, chaddr: MAC, ciaddr: 0, yiaddr: 0, hostname: 'host' };
const ACK: DhcpMessage = { type: 'ACK', op: 'reply', xid: 0x0774df6e, chaddr: MAC, ciaddr: 0, yiaddr: ip('192.168.1.157'), serverId: ip('192.168.1.1'), mask: ip('255.255.255.0'), router: ip('192.168.1.1'), dns: ip('192.168.1.1'), leaseSecs: 43200 };

describe('BOOTP bytes of DHCP messages', () => {
  it('a DISCOVER: BOOTREQUEST, Ethernet, xid, chaddr, the cookie, then message type 1, host name and the parameter list, padded to 300', () => {
    const b = bootpBytes(DISCOVER);
    assert.equal(b.length, 300);
    assert.deepEqual(b.slice(0, 8), [1, 1, 6, 0, 0x07, 0x74, 0xdf, 0x6e]);
    assert.deepEqual(b.slice(28, 34), [0x52, 0x54, 0x00, 0x12, 0x34, 0x56]);
    assert.deepEqual(b.slice(236, 240), [99, 130, 83, 99]);
    assert.deepEqual(b.slice(240, 249), [53, 1, 1, 12, 4, 104, 111, 115, 116]);
    assert.equal(b[249], 55);
    const end = 251 + b[250]!;
    assert.equal(b[end], 255);
    assert.ok(b.slice(end + 1).every((x) => x === 0));
  });

  it('an ACK: BOOTREPLY with yiaddr, server id, lease, T1 = lease/2 and T2 = 7/8 lease, mask, broadcast, router, DNS', () => {
    const b = bootpBytes(ACK);
    const options = b.slice(240, 240 + 3 + 6 * 8 + 1);
    assert.deepEqual(options, [
      ...[53, 1, 5],
      ...[54, 4, 192, 168, 1, 1],
      ...[51, 4, 0, 0, 0xa8, 0xc0],
      ...[58, 4, 0, 0, 0x54, 0x60],
      ...[59, 4, 0, 0, 0x93, 0xa8],
      ...[1, 4, 255, 255, 255, 0],
      ...[28, 4, 192, 168, 1, 255],
      ...[3, 4, 192, 168, 1, 1],
      ...[6, 4, 192, 168, 1, 1],
      255,
    ]);
    assert.deepEqual(b.slice(16, 20), [192, 168, 1, 157]);
  });

  it('reads back what it writes (every message type, fuzzed T1/T2, options given to the server first)', () => {
    const messages: DhcpMessage[] = [
      DISCOVER,
      { ...ACK, type: 'OFFER' },
      { type: 'REQUEST', op: 'request', xid: 7, chaddr: MAC, ciaddr: 0, yiaddr: 0, requested: ip('192.168.1.157'), serverId: ip('192.168.1.1'), hostname: 'host' },
      ACK,
      { ...ACK, t1: 53, t2: 98, leaseSecs: 120, configured: true },
      { type: 'NAK', op: 'reply', xid: 9, chaddr: MAC, ciaddr: 0, yiaddr: 0, serverId: ip('192.168.1.1') },
      { type: 'RELEASE', op: 'request', xid: 10, chaddr: MAC, ciaddr: ip('192.168.1.157'), yiaddr: 0, serverId: ip('192.168.1.1') },
    ];
    for (const m of messages) assert.deepEqual(bootpFromBytes(bootpBytes(m), 0), m, m.type);
  });

  it('a UDP datagram between 67 and 68 without the cookie stays plain UDP', () => {
    assert.equal(bootpFromBytes(new Array(300).fill(0), 0), null);
    const frame = { src: MAC, dst: 'ff:ff:ff:ff:ff:ff', kind: 'ipv4' as const, packet: { src: 0, dst: 0xffffffff, proto: 'udp' as const, ttl: 64, length: 328, sport: 68, dport: 67 } };
    assert.deepEqual(frameFromBytes(frameToBytes(frame)), frame);
  });

  it('tcpdump -w during dhclient, then tcpdump -r: the same BOOTP/DHCP lines as the live capture', () => {
    const shell = bareShell();
    shell.run('ip addr flush dev eth0');
    const live = shell.run("(sleep 0.5; dhclient eth0 >/dev/null 2>&1) & timeout 10 tcpdump -i eth0 -n -c 4 'port 67 or port 68'; wait").stdout;
    shell.run('dhclient -r eth0');
    shell.run("(sleep 0.5; dhclient eth0 >/dev/null 2>&1) & timeout 10 tcpdump -i eth0 -n -c 4 -w /tmp/dora.pcap 'port 67 or port 68'; wait");
    const read = shell.run('tcpdump -r /tmp/dora.pcap -n');
    const strip = (text: string) => text.split('\n').map((l) => l.replace(/^\S+ /, '').replace(/xid \S+/, ''));
    assert.equal(read.exitCode, 0, read.stderr);
    assert.deepEqual(strip(read.stdout), strip(live));
    assert.match(read.stdout, /BOOTP\/DHCP, Request from 52:54:00:12:34:56, length 300/);
    assert.equal(read.stdout.split('\n').filter(Boolean).length, 4);
  });
});
