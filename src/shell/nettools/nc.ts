/**
 * nc (netcat-openbsd 1.219): `nc -l [-p] PORT` listens (one connection, then prints what the
 * client sent and exits), `nc [-z] [-v] [-w N] HOST PORT` connects over TCP through the walker.
 * Both are processes on simulated time.
 */
import { activity } from '../../engine/packet/capture';
import { sendPacket } from '../../engine/packet/walk';
import { recordTrace } from '../../engine/view/last-trace';
import type { Output } from '../types';
import { Signal, type Proc, type ProcContext } from '../jobs/process';
import { listen, listenerSockets, listenersOf, unlisten } from './listeners';
import { lookupHost4 } from './resolve';

const USAGE = `usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]
	  [-m minttl] [-O length] [-P proxy_username] [-p source_port]
	  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]
	  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]
	  [destination] [port]`;

const SERVICES: Record<number, string> = { 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 8080: 'http-alt' };

interface NcOptions {
  listen: boolean;
  keep: boolean;
  zero: boolean;
  verbose: boolean;
  waitMs: number | null;
  port: string | null;
  positional: string[];
}

function parse(args: string[]): NcOptions | null {
  const o: NcOptions = { listen: false, keep: false, zero: false, verbose: false, waitMs: null, port: null, positional: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '-') {
      o.positional.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j]!;
      if ('pwqsiIMmOPTVWXx'.includes(f)) {
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (value === undefined) return null;
        if (f === 'p') o.port = value;
        if (f === 'w') o.waitMs = Number(value) * 1000;
        break;
      }
      if (f === 'l') o.listen = true;
      else if (f === 'k') o.keep = true;
      else if (f === 'z') o.zero = true;
      else if (f === 'v') o.verbose = true;
      else if (!'46CDdFhNnrStUuZ'.includes(f)) return null;
    }
  }
  return o;
}

export function* nc(argv: string[], ctx: ProcContext, out: Output): Proc {
  const o = parse(argv.slice(1));
  if (!o) {
    out.err(USAGE);
    return 1;
  }
  return o.listen ? yield* serve(o, ctx, out) : yield* connect(o, ctx, out);
}

function* serve(o: NcOptions, ctx: ProcContext, out: Output): Proc {
  const portText = o.port ?? o.positional[o.positional.length - 1];
  const port = Number(portText);
  if (portText === undefined || !/^\d+$/.test(portText) || port < 1 || port > 65535) {
    out.err(portText === undefined ? USAGE : `nc: port number invalid: ${portText}`);
    return 1;
  }
  const l = listen(ctx.world, { nsId: ctx.ns.id, proto: 'tcp', addr: 0, port, program: 'nc', pid: ctx.world.rng.int(1000, 32000), fd: 3 });
  if (!l) {
    out.err('nc: Address already in use');
    return 1;
  }
  ctx.world.changed();
  try {
    for (;;) {
      if (l.accepted > 0 && !o.keep) {
        out.out(l.received);
        return 0;
      }
      yield { kind: 'activity', since: activity(ctx.world) };
    }
  } catch (e) {
    if (e instanceof Signal) out.out(l.received);
    throw e;
  } finally {
    unlisten(ctx.world, l);
    ctx.world.changed();
  }
}

function* connect(o: NcOptions, ctx: ProcContext, out: Output): Proc {
  const [host, portText] = o.positional;
  if (host === undefined || portText === undefined) {
    out.err(USAGE);
    return 1;
  }
  const found = lookupHost4(ctx, host);
  if (!found.ok) {
    out.err(`nc: getaddrinfo for host "${host}" port ${portText}: Name or service not known`);
    return 1;
  }
  const port = Number(portText);
  const dst = found.addr;
  const sport = ctx.world.rng.int(32768, 60999);
  const result = sendPacket(ctx.world, ctx.ns, { src: 0, dst, proto: 'tcp', ttl: 64, length: 60, sport, dport: port, tcpFlags: 'SYN' }, { sockets: listenerSockets(ctx.world) });
  recordTrace(ctx.world, `nc ${host} ${port}`, result.trace);
  const failed = (why: string) => {
    if (o.verbose) out.err(`nc: connect to ${host} port ${port} (tcp) ${why}`);
    return 1;
  };
  if (result.error) return failed(`failed: ${result.error === 'ENETUNREACH' ? 'Network is unreachable' : 'No route to host'}`);
  const answer = result.deliveries.find((d) => d.nsId === ctx.ns.id && d.packet.proto === 'tcp' && d.packet.dport === sport);
  if (!answer) {
    const giveUp = ctx.world.clock.now() + (o.waitMs ?? 130_000);
    const unreachable = result.deliveries.find((d) => d.nsId === ctx.ns.id && d.packet.proto === 'icmp' && d.packet.inner?.dport === port && d.at <= giveUp);
    yield { kind: 'timer', until: unreachable ? Math.ceil(unreachable.at) : giveUp };
    return failed(unreachable ? 'failed: No route to host' : 'timed out: Operation now in progress');
  }
  if (/RST/.test(answer.packet.tcpFlags ?? '')) return failed('failed: Connection refused');
  if (o.verbose) out.err(`Connection to ${host} ${port} port [tcp/${SERVICES[port] ?? '*'}] succeeded!`);
  if (!o.zero) {
    const server = result.deliveries.find((d) => d.nsId !== ctx.ns.id && d.packet.proto === 'tcp' && d.packet.dport === port);
    const l = server && listenersOf(ctx.world).find((x) => x.nsId === server.nsId && x.port === port);
    if (l) l.received += ctx.stdin;
  }
  return 0;
}
