/**
 * "Export trace as pcap": the walker keeps the frames of each walk on its trace (bounded), and
 * the last trace becomes a pcapng file with one interface per link the frames crossed, read back
 * here by a strict reader and, where it is installed, by the real tcpdump.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastTrace, toViewTrace, traceCapture } from '../../src/engine/view';
import { captureFileName } from '../../src/engine/view/trace-pcap';
import { frameToBytes } from '../../src/engine/packet/capture-bytes';
import { keepFrame, MAX_TRACE_FRAMES, mergeFrames } from '../../src/engine/packet/trace-frames';
import { newWalk } from '../../src/engine/packet/walk-context';
import { defaultHooks } from '../../src/engine/packet/hooks';
import { pcapngFile } from '../../src/engine/packet/pcapng';
import { formatFrame } from '../../src/shell/nettools/tcpdump-print';
import { TopologyFeed } from '../../src/host/topology/feed';
import type { Shell } from '../../src/shell/shell';
import { bareShell, RED_ON_HOST } from './helpers';
import { readPcapng } from './pcapng-reader';

const PING_RED = [...RED_ON_HOST, 'ip -n red route add default via 10.0.0.1', 'sleep 2', 'ip netns exec red ping -c 1 10.0.0.1'];

function after(lines: readonly string[]): Shell {
  const shell = bareShell();
  for (const l of lines) shell.run(l);
  return shell;
}

const sides = (shell: Shell) => lastTrace(shell.world)!.trace.frames!.map((f) => `${f.ifName} ${f.direction}`);

describe('trace frames: what the walker keeps for the export', () => {
  it('a first ping from red keeps ARP and the echo, each frame once per interface and direction, in the order they crossed', () => {
    const shell = after(PING_RED);
    assert.deepEqual(sides(shell), ['veth-red out', 'veth-host in', 'veth-host out', 'veth-red in', 'veth-red out', 'veth-host in', 'veth-host out', 'veth-red in']);
    const frames = lastTrace(shell.world)!.trace.frames!;
    assert.deepEqual(
      frames.map((f) => (f.frame.kind === 'arp' ? `arp ${f.frame.arp.op}` : f.frame.packet.icmp!.type)),
      ['arp request', 'arp request', 'arp reply', 'arp reply', 'echo-request', 'echo-request', 'echo-reply', 'echo-reply'],
    );
    // Simulated time: 2 s of sleep, then a few µs per L3 hop, never going back.
    assert.equal(frames[0]!.at, 2000);
    for (let i = 1; i < frames.length; i++) assert.ok(frames[i]!.at >= frames[i - 1]!.at, `frame ${i} goes back in time`);
    assert.ok(frames[7]!.at > frames[0]!.at);
  });

  it('the view tells the webview how many frames it could export', () => {
    const shell = after(PING_RED);
    assert.equal(toViewTrace(shell.world, lastTrace(shell.world)!).frames, 8);
    shell.run('ip link set veth-host down');
    shell.run('ip netns exec red ping -c 1 10.0.0.1');
    // A link without carrier: the ARP request never left, the trace says why, there is nothing to capture.
    const recorded = lastTrace(shell.world)!;
    assert.ok(recorded.trace.drops.length > 0);
    assert.equal(toViewTrace(shell.world, recorded).frames, 0);
    assert.equal(traceCapture(shell.world, recorded), null);
  });

  it('is bounded: past MAX_TRACE_FRAMES a walk counts the frames it does not keep', () => {
    const shell = after(RED_ON_HOST);
    const walk = newWalk(shell.world, defaultHooks, 0);
    const link = Object.values(shell.world.state.links).find((l) => l.name === 'veth-host')!;
    const frame = { src: link.mac, dst: 'ff:ff:ff:ff:ff:ff', kind: 'arp' as const, arp: { op: 'request' as const, senderMac: link.mac, senderIp: 1, targetMac: '00:00:00:00:00:00', targetIp: 2 } };
    for (let i = 0; i < MAX_TRACE_FRAMES + 5; i++) keepFrame(walk, link, frame, 'out');
    assert.equal(walk.trace.frames!.length, MAX_TRACE_FRAMES);
    assert.equal(walk.trace.framesLost, 5);
    // Merging probes keeps the bound and the count.
    const merged = mergeFrames([walk.trace, { hops: [], drops: [], frames: walk.trace.frames!.slice(0, 10) }]);
    assert.equal(merged.frames!.length, MAX_TRACE_FRAMES);
    assert.equal(merged.framesLost, 15);
  });

  it('traceroute: the frames of all its probes, in time order (the view shows them all too)', () => {
    const shell = after(['traceroute -n 8.8.8.8']);
    const frames = lastTrace(shell.world)!.trace.frames!;
    const probes = new Set(frames.flatMap((f) => (f.frame.kind === 'ipv4' && f.frame.packet.proto === 'udp' ? [f.frame.packet.dport] : [])));
    assert.ok(probes.size >= 2, `probes to ports ${[...probes].join(', ')}`);
    assert.ok(frames.some((f) => f.frame.kind === 'ipv4' && f.frame.packet.icmp?.type === 'time-exceeded'));
    assert.ok(frames.some((f) => f.frame.kind === 'ipv4' && f.frame.packet.icmp?.type === 'dest-unreachable'));
    for (let i = 1; i < frames.length; i++) assert.ok(frames[i]!.at >= frames[i - 1]!.at);
  });
});

describe('trace capture: the pcapng file', () => {
  it('one section by Vethlab, one Ethernet interface per link with its name and place, then a packet block per frame', () => {
    const shell = after(PING_RED);
    const recorded = lastTrace(shell.world)!;
    const capture = traceCapture(shell.world, recorded)!;
    const file = readPcapng(capture.bytes);
    assert.deepEqual([file.major, file.minor], [1, 0]);
    assert.equal(file.application, 'Vethlab');
    assert.equal(file.comment, `Vethlab trace #${recorded.seq}: ping 10.0.0.1 (simulated; each frame once per interface it crossed)`);
    assert.deepEqual(file.interfaces, [
      { linktype: 1, snaplen: 262144, name: 'veth-red', description: 'veth-red in red' },
      { linktype: 1, snaplen: 262144, name: 'veth-host', description: 'veth-host in host (root)' },
    ]);
    assert.deepEqual(file.blocks, [0x0a0d0d0a, 1, 1, 6, 6, 6, 6, 6, 6, 6, 6]);
    assert.deepEqual(file.packets.map((p) => p.interfaceId), [0, 1, 1, 0, 0, 1, 1, 0]);
    // epb_flags: 2 outbound, 1 inbound.
    assert.deepEqual(file.packets.map((p) => p.flags), [2, 1, 2, 1, 2, 1, 2, 1]);
    assert.deepEqual([capture.frames, capture.lost, capture.fileName], [8, 0, 'ping-10.0.0.1.pcapng']);
  });

  it('records hold the frames as on the wire (caplen = origlen = 42 for ARP, 98 for a 56-byte ping) at the simulated time in µs', () => {
    const shell = after(PING_RED);
    const recorded = lastTrace(shell.world)!;
    const file = readPcapng(traceCapture(shell.world, recorded)!.bytes);
    const frames = recorded.trace.frames!;
    assert.deepEqual(file.packets.map((p) => p.caplen), [42, 42, 42, 42, 98, 98, 98, 98]);
    file.packets.forEach((p, i) => {
      assert.equal(p.origlen, p.caplen);
      assert.deepEqual(p.bytes, frameToBytes(frames[i]!.frame));
      assert.equal(p.us, Math.round((shell.world.clock.epoch + frames[i]!.at) * 1000));
    });
    // 2026-01-15 09:30:02 UTC, the bare world's epoch plus the 2 s of sleep.
    assert.equal(file.packets[0]!.us, (Date.UTC(2026, 0, 15, 9, 30, 2) * 1000));
    assert.equal(file.packets[4]!.us - file.packets[0]!.us, 31);
  });

  it('is deterministic: the same script in two fresh worlds gives the same bytes', () => {
    const a = after(PING_RED);
    const b = after(PING_RED);
    assert.deepEqual(traceCapture(a.world, lastTrace(a.world)!)!.bytes, traceCapture(b.world, lastTrace(b.world)!)!.bytes);
  });

  it('links deleted since (ip netns del red takes the veth pair) keep the name they had', () => {
    const shell = after([...PING_RED, 'ip netns del red']);
    const file = readPcapng(traceCapture(shell.world, lastTrace(shell.world)!)!.bytes);
    assert.deepEqual(file.interfaces.map((i) => [i.name, i.description]), [
      ['veth-red', 'veth-red in a namespace removed since'],
      ['veth-host', 'veth-host in host (root)'],
    ]);
  });

  it('pads names and data to 32 bits and writes a block with a 1-byte frame the same way', () => {
    const bytes = pcapngFile({ application: 'A', comment: 'xy', interfaces: [{ name: 'eth0.10', description: 'é' }], packets: [{ interfaceId: 0, time: 1.5, direction: 'in', bytes: [7] }] });
    const file = readPcapng(bytes);
    assert.equal(bytes.length % 4, 0);
    assert.deepEqual(file.interfaces[0], { linktype: 1, snaplen: 262144, name: 'eth0.10', description: 'é' });
    assert.deepEqual(file.packets, [{ interfaceId: 0, us: 1500, caplen: 1, origlen: 1, bytes: [7], flags: 1 }]);
  });

  it('timestamps above 2^32 µs split into the high and low words', () => {
    const at = Date.UTC(2026, 0, 15, 9, 30, 0) + 0.001;
    const file = readPcapng(pcapngFile({ application: 'A', comment: 'c', interfaces: [{ name: 'e', description: 'd' }], packets: [{ interfaceId: 0, time: at, direction: 'out', bytes: [1, 2, 3, 4] }] }));
    assert.equal(file.packets[0]!.us, Date.UTC(2026, 0, 15, 9, 30, 0) * 1000 + 1);
  });

  it('file names come from the trace label', () => {
    assert.equal(captureFileName('ping 10.0.0.2'), 'ping-10.0.0.2.pcapng');
    assert.equal(captureFileName('curl 192.168.1.2:8080/'), 'curl-192.168.1.2-8080.pcapng');
    assert.equal(captureFileName('dhclient eth0: DHCPACK'), 'dhclient-eth0-DHCPACK.pcapng');
    assert.equal(captureFileName('/// '), 'trace.pcapng');
  });
});

describe('trace capture: what the host asks the feed', () => {
  it('no trace, a trace without frames, a stale seq, then the capture of the trace shown', () => {
    const shell = after(RED_ON_HOST);
    assert.deepEqual(TopologyFeed.captureOf(shell.world), { ok: false, reason: 'No packet trace yet: run ping, curl, nc or traceroute first.' });
    shell.run('ip link set veth-host down');
    shell.run('ip netns exec red ping -c 1 10.0.0.1');
    assert.deepEqual(TopologyFeed.captureOf(shell.world), { ok: false, reason: '"ping 10.0.0.1" put no frame on a wire: there is nothing to export.' });
    shell.run('ip link set veth-host up');
    shell.run('ip netns exec red ping -c 1 10.0.0.1');
    const seq = lastTrace(shell.world)!.seq;
    assert.deepEqual(TopologyFeed.captureOf(shell.world, seq - 1), { ok: false, reason: 'The trace shown is no longer the last one (it is now "ping 10.0.0.1"): export again.' });
    const found = TopologyFeed.captureOf(shell.world, seq);
    assert.ok(found.ok);
    assert.equal(found.capture.frames, 8);
  });
});

describe('trace capture read by the real tcpdump (when installed)', () => {
  const TCPDUMP = '/usr/bin/tcpdump';
  const scripts: Array<[string, string[]]> = [
    ['ping from red (ARP, echo)', PING_RED],
    ['traceroute (UDP probes, time exceeded, port unreachable)', [...PING_RED, 'traceroute -n 8.8.8.8']],
    ['dhclient (BOOTP/DHCP)', ['ip addr flush dev eth0', 'dhclient eth0']],
  ];
  for (const [name, lines] of scripts) {
    it(`${name}: tcpdump -r -n -e -tt prints every frame as the simulated tcpdump does, at the same time`, function () {
      if (!existsSync(TCPDUMP)) {
        console.log(`    (skipped: ${TCPDUMP} is not installed here, so the exported pcapng is not read back by a real tcpdump)`);
        this.skip();
      }
      const shell = after(lines);
      const recorded = lastTrace(shell.world)!;
      const dir = mkdtempSync(join(tmpdir(), 'vethlab-pcap-'));
      try {
        const path = join(dir, 'trace.pcapng');
        writeFileSync(path, traceCapture(shell.world, recorded)!.bytes);
        const printed = execFileSync(TCPDUMP, ['-r', path, '-n', '-e', '-tt'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trimEnd().split('\n');
        const expected = recorded.trace.frames!.map((f) => {
          const us = Math.round((shell.world.clock.epoch + f.at) * 1000);
          return `${Math.floor(us / 1e6)}.${String(us % 1e6).padStart(6, '0')} ${formatFrame(f.frame, { link: true })}`;
        });
        assert.deepEqual(printed, expected);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
