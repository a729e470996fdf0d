/**
 * tracepath (iputils 20221126), as recorded in test/golden/tracepath.txt: UDP probes to port
 * 44444 with TTL 1, 2, … through the walker. The first hop is probed twice after the
 * "[LOCALHOST] pmtu" line (its TTL is not confirmed yet: "1?"); a port unreachable from the
 * destination is "reached", and the Resume line gives the path MTU, the hops there and back
 * (from the reply's TTL). Hop lines: "%2d: ", the host padded to 52 columns, "%3d.%03dms ".
 */
import { formatIpv4 } from '../../engine/net/ipv4';
import { sendPacket, routeFor, type Delivery } from '../../engine/packet/walk';
import { mergeProbeTraces } from '../../engine/packet/trace-merge';
import type { Trace } from '../../engine/packet/trace';
import { recordTrace } from '../../engine/view/last-trace';
import { UNREACH, type Packet } from '../../engine/packet/packet';
import type { Output } from '../types';
import type { Proc, ProcContext } from '../jobs/process';
import { lookupHost4, reverseLookup } from './resolve';

const USAGE = `
Usage
  tracepath [options] <destination>

Options:
  -4             use IPv4
  -6             use IPv6
  -b             print both name and ip
  -l <length>    use packet <length>
  -m <hops>      use maximum <hops>
  -n             no dns name resolution
  -p <port>      use destination <port>
  -V             print version and exit
  <destination>  dns name or ip address

For more details see tracepath(8).`;

const HOST_COLUMN = 52;
/** A probe nobody answers is given up after this long (tracepath's 1 s poll, retried). */
const PROBE_WAIT_MS = 1000;

interface Answer {
  from: number;
  rtt: number;
  reached: boolean;
  ttl: number;
}

export function* tracepath(argv: string[], ctx: ProcContext, out: Output): Proc {
  let numeric = false;
  let maxHops = 30;
  let port = 44444;
  let target: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-n') numeric = true;
    else if (a === '-m' || a === '-p' || a === '-l') {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v <= 0) {
        out.err(USAGE);
        return 255;
      }
      if (a === '-m') maxHops = v;
      if (a === '-p') port = v;
    } else if (a === '-4' || a === '-b') continue;
    else if (a.startsWith('-')) {
      out.err(USAGE);
      return 255;
    } else target = a;
  }
  if (target === undefined) {
    out.err(USAGE);
    return 255;
  }
  const found = lookupHost4(ctx, target);
  if (!found.ok) {
    out.err(`tracepath: ${target}: Name or service not known`);
    return 1;
  }
  const dst = found.addr;
  const route = routeFor(ctx.world, ctx.ns, dst);
  const dev = route.ok && route.route.linkId !== null ? ctx.world.state.links[route.route.linkId] : undefined;
  if (!route.ok || !dev) {
    out.line(' 1:  send failed');
    out.line('     Resume: pmtu 65535 ');
    return 0;
  }
  // An IPv4 datagram is at most 65535 bytes, whatever the MTU (lo has 65536).
  const pmtu = Math.min(dev.mtu, 65535);
  const loopback = dev.kind === 'loopback' || route.route.type === 'local';
  if (!loopback) out.line(` 1?: [LOCALHOST]${' '.repeat(22)}pmtu ${pmtu}`);
  const sport = ctx.world.rng.int(32768, 60999);
  const probes: Trace[] = [];
  const label = `tracepath ${formatIpv4(dst)}`;
  for (let ttl = 1; ttl <= maxHops; ttl++) {
    const tries = ttl === 1 && !loopback ? 2 : 1;
    let answer: Answer | null = null;
    for (let t = 0; t < tries; t++) {
      const packet: Packet = { src: 0, dst, proto: 'udp', ttl, length: pmtu, sport, dport: port + ttl - 1 };
      const result = sendPacket(ctx.world, ctx.ns, packet);
      if (t === 0) {
        probes.push(result.trace);
        recordTrace(ctx.world, label, mergeProbeTraces(probes));
      }
      answer = answerOf(ctx, result.deliveries, dst, packet.dport!);
      if (!answer) {
        yield { kind: 'timer', until: ctx.world.clock.now() + PROBE_WAIT_MS };
        out.line(`${String(ttl).padStart(2)}:  no reply`);
        continue;
      }
      out.line(hopLine(ctx, ttl, answer, numeric));
    }
    if (answer?.reached) {
      out.line(`     Resume: pmtu ${pmtu} hops ${ttl} back ${answer.ttl} `);
      return 0;
    }
  }
  out.line(`     Too many hops: pmtu ${pmtu}`);
  out.line(`     Resume: pmtu ${pmtu} `);
  return 0;
}

function hopLine(ctx: ProcContext, ttl: number, a: Answer, numeric: boolean): string {
  const text = formatIpv4(a.from);
  const host = numeric ? text : `${reverseLookup(ctx, a.from) ?? text}`;
  const ms = `${String(Math.floor(a.rtt / 1000)).padStart(3)}.${String(a.rtt % 1000).padStart(3, '0')}ms `;
  const asymm = a.ttl !== ttl && a.reached ? `asymm ${String(a.ttl).padStart(2)} ` : '';
  return `${String(ttl).padStart(2)}:  ${host.padEnd(HOST_COLUMN)}${ms}${asymm}${a.reached ? 'reached' : ''}`;
}

/** The ICMP error about our probe, with the hops it came back over (64 - its TTL + 1). */
function answerOf(ctx: ProcContext, deliveries: Delivery[], dst: number, dport: number): Answer | null {
  for (const d of deliveries) {
    const p = d.packet;
    if (d.nsId !== ctx.ns.id || p.proto !== 'icmp' || !p.icmp || !p.inner) continue;
    if (p.inner.proto !== 'udp' || p.inner.dport !== dport) continue;
    let us = 0;
    for (let i = 0; i < Math.max(1, d.hops); i++) us += ctx.world.rng.int(5, 40);
    const back = 64 - p.ttl + 1;
    if (p.icmp.type === 'time-exceeded') return { from: p.src, rtt: us, reached: false, ttl: back };
    return { from: p.src, rtt: us, reached: (p.icmp.code ?? 0) === UNREACH.port || p.src === dst, ttl: back };
  }
  return null;
}
