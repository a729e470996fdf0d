/** tcpdump: filters, the pcap bytes it writes, and captures on simulated time. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { frameFromBytes, frameToBytes, ipBytes, pcapFile, readPcap } from '../../src/engine/packet/capture-bytes';
import type { Frame } from '../../src/engine/packet/frame';
import { compileFilter } from '../../src/shell/nettools/tcpdump-filter';
import { formatFrame, timestamp } from '../../src/shell/nettools/tcpdump-print';
import { bareShell } from './helpers';

const ip = (s: string) => s.split('.').reduce((a, o) => a * 256 + Number(o), 0);
const echo: Frame = {
  src: '52:54:00:12:34:56',
  dst: '52:54:00:00:01:03',
  kind: 'ipv4',
  packet: { src: ip('192.168.1.2'), dst: ip('192.168.1.3'), proto: 'icmp', ttl: 64, length: 84, icmp: { type: 'echo-request', id: 7, seq: 1 } },
};
const arp: Frame = {
  src: '52:54:00:12:34:56',
  dst: 'ff:ff:ff:ff:ff:ff',
  kind: 'arp',
  arp: { op: 'request', senderMac: '52:54:00:12:34:56', senderIp: ip('192.168.1.2'), targetMac: '00:00:00:00:00:00', targetIp: ip('192.168.1.3') },
};
const syn: Frame = { ...echo, packet: { src: ip('10.0.0.1'), dst: ip('10.0.0.2'), proto: 'tcp', ttl: 64, length: 60, sport: 40000, dport: 80, tcpFlags: 'SYN' } };

describe('tcpdump filter expressions', () => {
  const cases: [string, Frame, boolean][] = [
    ['icmp', echo, true],
    ['icmp', arp, false],
    ['arp', arp, true],
    ['arp or icmp', echo, true],
    ['host 192.168.1.3', arp, true],
    ['src host 192.168.1.3', echo, false],
    ['dst 192.168.1.3', echo, true],
    ['icmp and not host 192.168.1.3', echo, false],
    ['tcp port 80', syn, true],
    ['udp port 80', syn, false],
    ['dst port 80 && tcp', syn, true],
    ['net 10.0.0.0/8', syn, true],
    ['not (icmp or arp)', syn, true],
    ['! icmp', echo, false],
  ];
  for (const [expr, frame, expected] of cases) {
    it(`${expr} -> ${expected}`, () => {
      const r = compileFilter([expr]);
      assert.ok(r.ok);
      assert.equal(r.filter(frame), expected);
    });
  }
  it('errors as libpcap words them', () => {
    assert.deepEqual(compileFilter(['icmp and']), { ok: false, error: "can't parse filter expression: syntax error" });
    assert.deepEqual(compileFilter(['icmp', 'or', 'frob']), { ok: false, error: 'syntax error in filter expression' });
  });
});

describe('tcpdump output and pcap bytes', () => {
  it('prints ARP and ICMP like tcpdump 4.99, with and without -e', () => {
    assert.equal(formatFrame(arp, { link: false }), 'ARP, Request who-has 192.168.1.3 tell 192.168.1.2, length 28');
    assert.equal(formatFrame(echo, { link: true }), '52:54:00:12:34:56 > 52:54:00:00:01:03, ethertype IPv4 (0x0800), length 98: 192.168.1.2 > 192.168.1.3: ICMP echo request, id 7, seq 1, length 64');
    assert.equal(formatFrame(syn, { link: false }), 'IP 10.0.0.1.40000 > 10.0.0.2.80: Flags [S], seq 0, win 64240, length 0');
    assert.equal(timestamp(Date.UTC(2026, 0, 15, 9, 30, 0) + 500.031), '09:30:00.500031');
  });

  it('writes valid IPv4 header checksums and a 98-byte echo frame', () => {
    const bytes = frameToBytes(echo);
    assert.equal(bytes.length, 98);
    const header = ipBytes(echo.packet).slice(0, 20);
    let sum = 0;
    for (let i = 0; i < 20; i += 2) sum += (header[i]! << 8) | header[i + 1]!;
    while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
    assert.equal(sum, 0xffff);
  });

  it('frames survive bytes and a pcap file', () => {
    const file = pcapFile([{ time: 1000.5, bytes: frameToBytes(echo) }, { time: 2000, bytes: frameToBytes(arp) }]);
    assert.equal(file.charCodeAt(0), 0xd4);
    const back = readPcap(file)!;
    assert.equal(back.linktype, 1);
    assert.deepEqual(back.records.map((r) => r.time), [1000.5, 2000]);
    assert.deepEqual(frameFromBytes(back.records[1]!.bytes), arp);
    assert.deepEqual(frameFromBytes(back.records[0]!.bytes), echo);
  });

  it('any echo request round-trips through bytes (property)', () => {
    fc.assert(
      fc.property(fc.nat(0xffffffff), fc.nat(0xffffffff), fc.integer({ min: 1, max: 255 }), fc.nat(0xffff), fc.nat(0xffff), fc.integer({ min: 28, max: 1500 }), (src, dst, ttl, id, seq, length) => {
        const f: Frame = { ...echo, packet: { src, dst, proto: 'icmp', ttl, length, icmp: { type: 'echo-reply', id, seq } } };
        assert.deepEqual(frameFromBytes(frameToBytes(f)), f);
      }),
    );
  });
});

describe('tcpdump on the simulated world', () => {
  it('the ARCHITECTURE example: four ICMP packets, banner and statistics on stderr', () => {
    const r = bareShell().run('(sleep 0.5; ping -c 2 192.168.1.3 >/dev/null) & timeout 3 tcpdump -i eth0 -n -c 4 icmp; wait');
    assert.equal(r.exitCode, 0);
    assert.deepEqual(
      r.stdout.split('\n').map((l) => l.replace(/id \d+/, 'id N')),
      [
        '09:30:00.500031 IP 192.168.1.2 > 192.168.1.3: ICMP echo request, id N, seq 1, length 64',
        '09:30:00.500062 IP 192.168.1.3 > 192.168.1.2: ICMP echo reply, id N, seq 1, length 64',
        '09:30:01.500031 IP 192.168.1.2 > 192.168.1.3: ICMP echo request, id N, seq 2, length 64',
        '09:30:01.500062 IP 192.168.1.3 > 192.168.1.2: ICMP echo reply, id N, seq 2, length 64',
        '',
      ],
    );
    assert.equal(
      r.stderr,
      'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\nlistening on eth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n4 packets captured\n4 packets received by filter\n0 packets dropped by kernel\n',
    );
  });

  it('-w writes a pcap that -r reads back', () => {
    const shell = bareShell();
    shell.run('ping -c 1 192.168.1.3 >/dev/null & timeout 2 tcpdump -i eth0 -n -w /tmp/x.pcap icmp; wait');
    const r = shell.run('tcpdump -r /tmp/x.pcap -n');
    assert.equal(r.stdout.split('\n').length, 3);
    assert.match(r.stderr, /^reading from file \/tmp\/x\.pcap, link-type EN10MB/);
  });

  it('errors: no device, device down, bad option, bad count', () => {
    const shell = bareShell();
    shell.run('ip link add dummy0 type dummy');
    const lines = ['tcpdump -i nosuch', 'tcpdump -i dummy0', 'tcpdump -Z', 'tcpdump -c 0'];
    assert.deepEqual(
      lines.map((l) => shell.run(l)).map((r) => [r.stderr, r.exitCode]),
      [
        ['tcpdump: nosuch: No such device exists\n(No such device exists)\n', 1],
        ['tcpdump: dummy0: That device is not up\n', 1],
        ["tcpdump: option requires an argument -- 'Z'\n", 1],
        ['tcpdump: invalid packet count 0\n', 1],
      ],
    );
  });
});
