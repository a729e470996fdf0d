/**
 * traceroute 2.1 (Debian's "modern" traceroute): UDP probes to ports 33434+ with TTL 1, 2, …
 * walked through the world; each router where the TTL runs out answers ICMP time exceeded,
 * the destination answers port unreachable. Waits on simulated time for probes nobody answers.
 */
import { formatIpv4 } from '../../engine/net/ipv4';
import { sendPacket, type Delivery } from '../../engine/packet/walk';
import { mergeProbeTraces } from '../../engine/packet/trace-merge';
import type { Trace } from '../../engine/packet/trace';
import { recordTrace } from '../../engine/view/last-trace';
import { UNREACH, type Packet } from '../../engine/packet/packet';
import type { Output } from '../types';
import type { Proc, ProcContext } from '../jobs/process';
import { lookupHost4, lookupMessage, reverseLookup } from './resolve';

interface TraceOptions {
  numeric: boolean;
  maxHops: number;
  queries: number;
  waitMs: number;
  firstTtl: number;
  port: number;
  target: string | null;
}

const BASE_PORT = 33434;

function parseArgs(args: string[]): TraceOptions | string {
  const o: TraceOptions = { numeric: false, maxHops: 30, queries: 3, waitMs: 5000, firstTtl: 1, port: BASE_PORT, target: null };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '-') {
      if (o.target === null) o.target = a;
      continue;
    }
    const flags = a.slice(1);
    for (let j = 0; j < flags.length; j++) {
      const f = flags[j]!;
      if (f === 'n') o.numeric = true;
      else if ('mqwfp'.includes(f)) {
        const value = j + 1 < flags.length ? flags.slice(j + 1) : args[++i];
        const n = Number(value);
        if (value === undefined) return `Option \`-${f}' requires an argument: \`-${f} ${{ m: 'max_ttl', q: 'nqueries', w: 'MAX,HERE,NEAR', f: 'first_ttl', p: 'port' }[f]}'`;
        if (!Number.isFinite(n)) return `Cannot handle \`-${f}' option with arg \`${value}' (argc ${i})`;
        if (f === 'm') o.maxHops = n;
        if (f === 'q') o.queries = n;
        if (f === 'w') o.waitMs = n * 1000;
        if (f === 'f') o.firstTtl = n;
        if (f === 'p') o.port = n;
        break;
      } else if (!'IT46FdeAUrV'.includes(f)) return `Bad option \`-${f}' (argc ${i + 1})`;
    }
  }
  return o;
}

type ProbeAnswer = { from: number; rtt: number; reached: boolean; note: string };

export function* traceroute(argv: string[], ctx: ProcContext, out: Output): Proc {
  const parsed = parseArgs(argv.slice(1));
  if (typeof parsed === 'string') {
    out.err(parsed);
    return 2;
  }
  if (parsed.target === null) {
    out.err('Specify "host" missing argument.');
    return 2;
  }
  const found = lookupHost4(ctx, parsed.target);
  if (!found.ok) {
    out.err(`${parsed.target}: ${lookupMessage(found.error)}`);
    out.err(`Cannot handle "host" cmdline arg \`${parsed.target}' on position 1 (argc ${argv.length - 1})`);
    return 2;
  }
  const dst = found.addr;
  out.line(`traceroute to ${parsed.target} (${formatIpv4(dst)}), ${parsed.maxHops} hops max, 60 byte packets`);
  const sport = ctx.world.rng.int(32768, 60999);
  let probe = 0;
  // The view animates the first probe of each TTL, one after the other.
  const probes: Trace[] = [];
  const label = `traceroute ${formatIpv4(dst)}`;
  for (let ttl = parsed.firstTtl; ttl <= parsed.maxHops; ttl++) {
    let line = `${String(ttl).padStart(2)} `;
    let last: number | null = null;
    let reached = false;
    let unanswered = false;
    for (let q = 0; q < parsed.queries; q++) {
      const dport = parsed.port + probe++;
      const packet: Packet = { src: 0, dst, proto: 'udp', ttl, length: 60, sport, dport };
      const result = sendPacket(ctx.world, ctx.ns, packet);
      if (q === 0) {
        probes.push(result.trace);
        recordTrace(ctx.world, label, mergeProbeTraces(probes));
      }
      if (result.error) {
        out.err(`send: ${result.error === 'ENETUNREACH' ? 'Network is unreachable' : 'No route to host'}`);
        return 1;
      }
      const answer = answerOf(ctx, result.deliveries, dst, dport);
      if (!answer) {
        line += ' *';
        unanswered = true;
        continue;
      }
      if (answer.from !== last) line += ` ${name(ctx, parsed.numeric, answer.from)}`;
      last = answer.from;
      line += `  ${(answer.rtt / 1000).toFixed(3)} ms${answer.note}`;
      reached ||= answer.reached;
    }
    if (unanswered) yield { kind: 'timer', until: ctx.world.clock.now() + parsed.waitMs };
    out.line(line);
    if (reached) break;
  }
  return 0;
}

function name(ctx: ProcContext, numeric: boolean, addr: number): string {
  const text = formatIpv4(addr);
  if (numeric) return text;
  return `${reverseLookup(ctx, addr) ?? text} (${text})`;
}

const NOTES: Record<number, string> = { [UNREACH.net]: ' !N', [UNREACH.host]: ' !H', [UNREACH.protocol]: ' !P', [UNREACH.adminProhibited]: ' !X', [UNREACH.hostProhibited]: ' !X', [UNREACH.netProhibited]: ' !X' };

/** The ICMP error about our probe that reached our socket, if any. */
function answerOf(ctx: ProcContext, deliveries: Delivery[], dst: number, dport: number): ProbeAnswer | null {
  for (const d of deliveries) {
    const p = d.packet;
    if (d.nsId !== ctx.ns.id || p.proto !== 'icmp' || !p.icmp || !p.inner) continue;
    if (p.inner.proto !== 'udp' || p.inner.dport !== dport) continue;
    const rtt = hopDelay(ctx, d.hops);
    if (p.icmp.type === 'time-exceeded') return { from: p.src, rtt, reached: false, note: '' };
    const code = p.icmp.code ?? 0;
    if (code === UNREACH.port) return { from: p.src, rtt, reached: p.src === dst || true, note: '' };
    return { from: p.src, rtt, reached: true, note: NOTES[code] ?? ` !<${code}>` };
  }
  return null;
}

/** A few tens of microseconds per hop, from the world's seeded Rng. */
function hopDelay(ctx: ProcContext, hops: number): number {
  let us = 0;
  for (let i = 0; i < Math.max(1, hops); i++) us += ctx.world.rng.int(5, 40);
  return us;
}
