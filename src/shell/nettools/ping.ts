/**
 * ping (iputils 20221126): echo requests walked through the simulated world, replies and ICMP
 * errors collected on the namespace's raw socket, timed on the simulated clock.
 *
 * Without -c or -w a real ping runs until Ctrl-C. The simulator has no Ctrl-C yet, so such a
 * ping is interrupted after 4 echo requests (just before the 5th would be sent) and prints the
 * summary a SIGINT would.
 */
import { formatIpv4, parseIpv4 } from '../../engine/net/ipv4';
import { linkByName } from '../../engine/net/links';
import type { Link } from '../../engine/net/types';
import { defaultTtl } from '../../engine/packet/icmp';
import { echoRequest } from '../../engine/packet/packet';
import { isLocalAddr } from '../../engine/packet/source';
import { routeFor, sendPacket, type Delivery, type SendError } from '../../engine/packet/walk';
import { Output, type CommandFn, type ShellContext } from '../types';
import { formatStatistics, formatTripTime, icmpErrorText } from './ping-format';
import { parsePingArgs, type PingOptions } from './ping-options';
import { lookupHost, lookupMessage, reverseLookup } from './resolve';

/** Echo requests a ping without -c/-w sends before the simulated Ctrl-C. */
export const INTERRUPT_AFTER = 4;

const ERRNO_TEXT: Record<SendError, string> = {
  ENETUNREACH: 'Network is unreachable',
  EHOSTUNREACH: 'No route to host',
  EINVAL: 'Invalid argument',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
};

const BROADCAST_HINT = 'ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules';

export const ping: CommandFn = (argv, ctx) => {
  const parsed = parsePingArgs(argv.slice(1));
  if (!parsed.ok) return { stdout: parsed.stdout ?? '', stderr: parsed.stderr, exitCode: parsed.exitCode };
  const out = new Output();
  out.stderr += parsed.warnings;
  const opts = parsed.opts;
  const target = opts.targets[opts.targets.length - 1]!;
  if (opts.family === 6 || target.includes(':')) return out.err(`ping: ${target}: Address family for hostname not supported`).done(2);
  const found = lookupHost(ctx, target);
  if (!found.ok) return out.err(`ping: ${target}: ${lookupMessage(found.error)}`).done(2);
  const dst = found.addr;
  let oif: Link | undefined;
  let bound: number | undefined;
  if (opts.iface !== null) {
    const addr = parseIpv4(opts.iface);
    if (addr !== null) {
      if (!isLocalAddr(ctx.ns, addr)) return out.err('ping: bind: Cannot assign requested address').done(2);
      bound = addr;
    } else {
      oif = linkByName(ctx.world, ctx.ns.id, opts.iface);
      if (!oif) return out.err(`ping: SO_BINDTODEVICE ${opts.iface}: No such device`).done(2);
    }
  }
  const decision = routeFor(ctx.world, ctx.ns, dst, oif);
  if (!decision.ok) {
    if (decision.error === 'EACCES' && !opts.broadcast) return out.err(BROADCAST_HINT).done(2);
    return out.err(`ping: connect: ${ERRNO_TEXT[decision.error]}`).done(2);
  }
  const broadcast = decision.route.type === 'broadcast' || dst === 0xffffffff;
  if (broadcast && !opts.broadcast) return out.err(BROADCAST_HINT).done(2);
  if (broadcast) out.err('WARNING: pinging broadcast address');
  const src = bound ?? decision.src;
  const from = oif || bound !== undefined ? `from ${formatIpv4(src)} ${oif?.name ?? ''}: ` : '';
  out.line(`PING ${target} (${formatIpv4(dst)}) ${from}${opts.dataLen}(${opts.dataLen + 28}) bytes of data.`);
  const numeric = opts.numeric || found.numeric;
  const session = new PingSession(ctx, out, opts, { dst, src: bound ?? 0, oif, target, numeric });
  return out.done(session.run());
};

interface Target {
  dst: number;
  src: number;
  oif: Link | undefined;
  target: string;
  numeric: boolean;
}

type PingEvent = { at: number; seq: number; from: number } & ({ kind: 'reply'; ttl: number; rtt: number } | { kind: 'error'; text: string });

/** main_loop of ping_common.c over simulated time. */
class PingSession {
  private transmitted = 0;
  private received = 0;
  private errors = 0;
  private pipe = 0;
  private readonly rtts: number[] = [];
  private readonly pending: PingEvent[] = [];
  private readonly ident: number;
  private readonly start: number;
  private lastSend: number;

  constructor(
    private readonly ctx: ShellContext,
    private readonly out: Output,
    private readonly opts: PingOptions,
    private readonly t: Target,
  ) {
    this.ident = ctx.world.rng.int(1, 0xffff);
    this.start = ctx.world.clock.now();
    this.lastSend = this.start;
  }

  run(): number {
    const { count, deadline, interval } = this.opts;
    const alarmAt = deadline !== null ? this.start + deadline * 1000 : count === null ? this.start + INTERRUPT_AFTER * interval : null;
    let nextSend: number | null = this.start;
    let lingerAt: number | null = null;
    let now = this.start;
    for (let guard = 0; guard < 1_000_000; guard++) {
      const due = Math.min(nextSend ?? Infinity, this.nextEvent(), lingerAt ?? Infinity, alarmAt ?? Infinity);
      if (!Number.isFinite(due)) break;
      now = due;
      if ((alarmAt !== null && alarmAt <= due) || (lingerAt !== null && lingerAt <= due)) break;
      if (nextSend !== null && nextSend <= due) {
        this.send(due);
        if (count !== null && this.transmitted >= count && deadline === null) {
          nextSend = null;
          lingerAt = due + (this.received ? Math.max((2 * Math.max(...this.rtts)) / 1000, interval) : this.opts.linger);
        } else nextSend = due + interval;
      }
      this.processUntil(due);
      if (count !== null && this.received + this.errors >= count) break;
      if (deadline !== null && this.errors > 0) break;
    }
    this.ctx.world.clock.set(Math.max(this.ctx.world.clock.now(), Math.ceil(now)));
    this.out.out(
      formatStatistics({
        target: this.t.target,
        transmitted: this.transmitted,
        received: this.received,
        errors: this.errors,
        elapsed: Math.round(this.lastSend - this.start),
        rtts: this.opts.dataLen >= 16 ? this.rtts : null,
        pipe: this.pipe,
      }),
    );
    const short = deadline !== null && count !== null && this.received < count;
    return !this.received || short ? 1 : 0;
  }

  private nextEvent(): number {
    return this.pending.reduce((min, e) => Math.min(min, e.at), Infinity);
  }

  private send(at: number): void {
    const { world, ns } = this.ctx;
    if (at > world.clock.now()) world.clock.set(Math.ceil(at));
    const seq = (this.transmitted + 1) & 0xffff;
    const packet = echoRequest(this.t.src, this.t.dst, { id: this.ident, seq, dataLen: this.opts.dataLen, ttl: this.opts.ttl ?? defaultTtl(ns) });
    const result = sendPacket(world, ns, packet, this.t.oif ? { oif: this.t.oif } : {});
    this.transmitted++;
    this.lastSend = at;
    if (result.error) {
      this.out.err(`ping: sendmsg: ${ERRNO_TEXT[result.error]}`);
      return;
    }
    for (const d of result.deliveries) this.collect(d, at);
  }

  /** What the raw ICMP socket of this namespace accepts: our echo replies and errors about our requests. */
  private collect(d: Delivery, sentAt: number): void {
    if (d.nsId !== this.ctx.ns.id || d.packet.proto !== 'icmp' || !d.packet.icmp) return;
    const icmp = d.packet.icmp;
    if (icmp.type === 'echo-reply') {
      if (icmp.id !== this.ident || d.packet.src !== this.t.dst) return;
      let rtt = Math.round((d.at - sentAt) * 1000);
      for (let i = 0; i < Math.max(1, d.hops); i++) rtt += this.ctx.world.rng.int(15, 45);
      this.pending.push({ kind: 'reply', at: sentAt + (d.at - sentAt) + rtt / 1000, seq: icmp.seq, from: d.packet.src, ttl: d.packet.ttl, rtt });
      return;
    }
    const inner = d.packet.inner;
    if (!inner?.icmp || inner.icmp.type !== 'echo-request' || inner.icmp.id !== this.ident || inner.dst !== this.t.dst) return;
    this.pending.push({ kind: 'error', at: d.at, seq: inner.icmp.seq, from: d.packet.src, text: icmpErrorText(icmp.type, icmp.code ?? 0) });
  }

  private processUntil(t: number): void {
    const due = this.pending.filter((e) => e.at <= t).sort((a, b) => a.at - b.at);
    for (const e of due) {
      this.pending.splice(this.pending.indexOf(e), 1);
      this.acknowledge(e.seq);
      if (e.kind === 'error') {
        this.errors++;
        if (!this.opts.quiet) this.out.line(`From ${this.addr(e.from)} icmp_seq=${e.seq} ${e.text}`);
        continue;
      }
      this.received++;
      this.rtts.push(e.rtt);
      if (this.opts.quiet) continue;
      const time = this.opts.dataLen >= 16 ? ` time=${formatTripTime(e.rtt)} ms` : '';
      this.out.line(`${this.opts.dataLen + 8} bytes from ${this.addr(e.from)}: icmp_seq=${e.seq} ttl=${e.ttl}${time}`);
    }
  }

  /** The pipe size: how many requests were outstanding when a reply or error came back. */
  private acknowledge(seq: number): void {
    const diff = (this.transmitted - seq) & 0xffff;
    if (diff <= 0x7fff && diff + 1 > this.pipe) this.pipe = diff + 1;
  }

  /** pr_addr: "name (a.b.c.d)" when a reverse lookup finds a name, else the address. */
  private addr(addr: number): string {
    const text = formatIpv4(addr);
    if (this.t.numeric) return text;
    const name = reverseLookup(this.ctx, addr);
    return name && name !== text ? `${name} (${text})` : text;
  }
}
