/**
 * ping (iputils 20221126): echo requests walked through the simulated world, replies and ICMP
 * errors collected on the namespace's raw socket, timed on the simulated clock.
 *
 * Without -c or -w a real ping runs until Ctrl-C. In a script or a lab cell nobody can press it,
 * so such a ping is interrupted after 4 echo requests (just before the 5th would be sent) and
 * prints the summary a SIGINT would; the Vethlab terminal lets it run until the learner presses
 * Ctrl-C (src/host/terminal/interruptible.ts). IPv6 is simulated only for the loopback address ::1.
 */
import { formatIpv4, parseIpv4 } from '../../engine/net/ipv4';
import { linkByName } from '../../engine/net/links';
import type { Link } from '../../engine/net/types';
import { defaultTtl } from '../../engine/packet/icmp';
import { echoRequest } from '../../engine/packet/packet';
import { isLocalAddr } from '../../engine/packet/source';
import { routeFor, sendPacket, type Delivery } from '../../engine/packet/walk';
import { recordTrace } from '../../engine/view/last-trace';
import { Output, type CommandFn, type ShellContext } from '../types';
import { drive, type Proc } from '../jobs/process';
import { icmpErrorText } from './ping-format';
import { parsePingArgs, type PingOptions } from './ping-options';
import { ERRNO_TEXT, PingSession, type PingEvent, type Probe } from './ping-session';
import { lookupHost, lookupMessage, reverseLookup, reverseLookup6 } from './resolve';

export { INTERRUPT_AFTER } from './ping-session';

const BROADCAST_HINT = 'ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules';

export const ping: CommandFn = (argv, ctx) => {
  const out = new Output();
  const status = drive(pingProcess(argv, ctx, out), ctx.world.clock, ctx.deadline);
  return out.done(status);
};

/** ping as a process on simulated time: it waits between echo requests (so `timeout 2 ping …` stops it). */
export function* pingProcess(argv: string[], ctx: ShellContext, out: Output): Proc {
  const parsed = parsePingArgs(argv.slice(1));
  if (!parsed.ok) {
    out.stdout += parsed.stdout ?? '';
    out.stderr += parsed.stderr;
    return parsed.exitCode;
  }
  out.stderr += parsed.warnings;
  const opts = parsed.opts;
  const target = opts.targets[opts.targets.length - 1]!;
  const found = lookupHost(ctx, target, opts.family);
  if (!found.ok) return failed(out, `ping: ${target}: ${lookupMessage(found.error)}`, 2);
  if (found.family === 6) return yield* ping6(ctx, out, opts, target, found.addr6, found.numeric);
  const dst = found.addr;
  let oif: Link | undefined;
  let bound: number | undefined;
  if (opts.iface !== null) {
    const addr = parseIpv4(opts.iface);
    if (addr !== null) {
      if (!isLocalAddr(ctx.ns, addr)) return failed(out, 'ping: bind: Cannot assign requested address', 2);
      bound = addr;
    } else {
      oif = linkByName(ctx.world, ctx.ns.id, opts.iface);
      if (!oif) return failed(out, `ping: SO_BINDTODEVICE ${opts.iface}: No such device`, 2);
    }
  }
  const decision = routeFor(ctx.world, ctx.ns, dst, oif);
  if (!decision.ok) {
    if (decision.error === 'EACCES' && !opts.broadcast) return failed(out, BROADCAST_HINT, 2);
    return failed(out, `ping: connect: ${ERRNO_TEXT[decision.error]}`, 2);
  }
  const broadcast = decision.route.type === 'broadcast' || dst === 0xffffffff;
  if (broadcast && !opts.broadcast) return failed(out, BROADCAST_HINT, 2);
  if (broadcast) out.err('WARNING: pinging broadcast address');
  const src = bound ?? decision.src;
  const from = oif || bound !== undefined ? `from ${formatIpv4(src)} ${oif?.name ?? ''}: ` : '';
  out.line(`PING ${target} (${formatIpv4(dst)}) ${from}${opts.dataLen}(${opts.dataLen + 28}) bytes of data.`);
  const probe = probe4(ctx, opts, { dst, src: bound ?? 0, oif, numeric: opts.numeric || found.numeric });
  return yield* new PingSession(ctx, out, opts, target, probe).run();
}

function failed(out: Output, message: string, status: number): number {
  out.err(message);
  return status;
}

interface Target4 {
  dst: number;
  src: number;
  oif: Link | undefined;
  numeric: boolean;
}

/** Echo requests walked through the world; the raw socket keeps our replies and errors about our requests. */
function probe4(ctx: ShellContext, opts: PingOptions, t: Target4): Probe {
  const ident = ctx.world.rng.int(1, 0xffff);
  const name = (addr: number) => prAddr(t.numeric, formatIpv4(addr), () => reverseLookup(ctx, addr));
  return (seq, at) => {
    const packet = echoRequest(t.src, t.dst, { id: ident, seq, dataLen: opts.dataLen, ttl: opts.ttl ?? defaultTtl(ctx.ns) });
    const result = sendPacket(ctx.world, ctx.ns, packet, t.oif ? { oif: t.oif } : {});
    recordTrace(ctx.world, `ping ${formatIpv4(t.dst)}`, result.trace);
    const events: PingEvent[] = [];
    for (const d of result.deliveries) {
      const e = socketEvent(ctx, d, at, ident, t.dst, name);
      if (e) events.push(e);
    }
    return { error: result.error, events };
  };
}

function socketEvent(ctx: ShellContext, d: Delivery, sentAt: number, ident: number, dst: number, name: (a: number) => string): PingEvent | null {
  if (d.nsId !== ctx.ns.id || d.packet.proto !== 'icmp' || !d.packet.icmp) return null;
  const icmp = d.packet.icmp;
  if (icmp.type === 'echo-reply') {
    if (icmp.id !== ident || d.packet.src !== dst) return null;
    const rtt = Math.round((d.at - sentAt) * 1000) + hopDelay(ctx, d.hops);
    return { kind: 'reply', at: sentAt + rtt / 1000, seq: icmp.seq, from: name(d.packet.src), ttl: d.packet.ttl, rtt };
  }
  const inner = d.packet.inner;
  if (!inner?.icmp || inner.icmp.type !== 'echo-request' || inner.icmp.id !== ident || inner.dst !== dst) return null;
  return { kind: 'error', at: d.at, seq: inner.icmp.seq, from: name(d.packet.src), text: icmpErrorText(icmp.type, icmp.code ?? 0) };
}

/** A few tens of microseconds per hop, from the world's seeded Rng. */
function hopDelay(ctx: ShellContext, hops: number): number {
  let us = 0;
  for (let i = 0; i < Math.max(1, hops); i++) us += ctx.world.rng.int(15, 45);
  return us;
}

/** pr_addr: "name (address)" when a reverse lookup finds a name, else the address. */
function prAddr(numeric: boolean, text: string, lookup: () => string | null): string {
  if (numeric) return text;
  const name = lookup();
  return name && name !== text ? `${name} (${text})` : text;
}

/** ping to ::1 (the only IPv6 address the simulator carries): answered by lo if it is up. */
function* ping6(ctx: ShellContext, out: Output, opts: PingOptions, target: string, addr: string, numeric: boolean): Proc {
  const lo = linkByName(ctx.world, ctx.ns.id, 'lo');
  const up = !!lo?.adminUp && ctx.ns.addrs.some((a) => a.family === 6 && a.linkId === lo.id && a.local === addr);
  if (!up) return failed(out, 'ping: connect: Network is unreachable', 2);
  const from = prAddr(numeric, addr, () => reverseLookup6(ctx, addr));
  out.line(`PING ${target}(${from}) ${opts.dataLen} data bytes`);
  const probe: Probe = (seq, at) => {
    const rtt = hopDelay(ctx, 2);
    lo!.stats.txPackets += 2;
    lo!.stats.rxPackets += 2;
    lo!.stats.txBytes += 2 * (opts.dataLen + 62);
    lo!.stats.rxBytes += 2 * (opts.dataLen + 62);
    return { error: null, events: [{ kind: 'reply', at: at + rtt / 1000, seq, from, ttl: opts.ttl ?? 64, rtt }] };
  };
  return yield* new PingSession(ctx, out, opts, target, probe).run();
}
