/**
 * tcpdump 4.99 (libpcap 1.10): captures what crosses one interface from the moment it starts,
 * waiting on simulated time for frames, until -c N packets, a signal (timeout, kill, Ctrl-C)
 * or forever. Prints one line per packet on stdout, its banner and statistics on stderr,
 * `-w FILE` writes a pcap instead, `-r FILE` reads one back.
 */
import { linkByName, linksIn } from '../../engine/net/links';
import { activity, closeTap, openTap, type CapturedFrame } from '../../engine/packet/capture';
import { frameFromBytes, frameToBytes, pcapFile, readPcap, SNAPLEN, type PcapRecord } from '../../engine/packet/capture-bytes';
import { resolvePath } from '../fs';
import type { Output } from '../types';
import { Signal, type Proc, type ProcContext } from '../jobs/process';
import { compileFilter, type FrameFilter } from './tcpdump-filter';
import { formatFrame, timestamp } from './tcpdump-print';

interface TcpdumpOptions {
  iface: string | null;
  count: number | null;
  write: string | null;
  read: string | null;
  link: boolean;
  verbose: boolean;
  stamps: 'time' | 'none' | 'epoch';
  expression: string[];
}

const WITH_ARG = new Set(['i', 'c', 'w', 'r', 's', 'C', 'G', 'W', 'E', 'F', 'y', 'B', 'Q', 'j', 'T', 'z', 'Z', 'V', 'M']);

type Parsed = { ok: true; opts: TcpdumpOptions } | { ok: false; error: string };

function parseArgs(args: string[]): Parsed {
  const opts: TcpdumpOptions = { iface: null, count: null, write: null, read: null, link: false, verbose: false, stamps: 'time', expression: [] };
  let tCount = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '-') {
      opts.expression.push(a);
      continue;
    }
    if (a === '--') {
      opts.expression.push(...args.slice(i + 1));
      break;
    }
    for (let j = 1; j < a.length; j++) {
      const flag = a[j]!;
      if (!WITH_ARG.has(flag)) {
        if (flag === 'e') opts.link = true;
        else if (flag === 'v') opts.verbose = true;
        else if (flag === 't') tCount++;
        else if (!'nlqNSUxXAKp#'.includes(flag)) return { ok: false, error: `tcpdump: invalid option -- '${flag}'` };
        continue;
      }
      const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
      if (value === undefined) return { ok: false, error: `tcpdump: option requires an argument -- '${flag}'` };
      if (flag === 'i') opts.iface = value;
      if (flag === 'w') opts.write = value;
      if (flag === 'r') opts.read = value;
      if (flag === 'c') {
        if (!/^\d+$/.test(value) || Number(value) <= 0) return { ok: false, error: `tcpdump: invalid packet count ${value}` };
        opts.count = Number(value);
      }
      break;
    }
  }
  opts.stamps = tCount === 0 ? 'time' : tCount === 1 ? 'none' : 'epoch';
  return { ok: true, opts };
}

function stampOf(opts: TcpdumpOptions, epochMs: number): string {
  if (opts.stamps === 'none') return '';
  if (opts.stamps === 'epoch') return `${(epochMs / 1000).toFixed(6)} `;
  return `${timestamp(epochMs)} `;
}

export function* tcpdump(argv: string[], ctx: ProcContext, out: Output): Proc {
  const parsed = parseArgs(argv.slice(1));
  if (!parsed.ok) {
    out.err(parsed.error);
    return 1;
  }
  const opts = parsed.opts;
  const filter = compileFilter(opts.expression);
  if (opts.read !== null) {
    if (!filter.ok) return failWith(out, filter.error);
    return readFile(ctx, out, opts, filter.filter);
  }
  const name = opts.iface ?? defaultInterface(ctx);
  const link = linkByName(ctx.world, ctx.ns.id, name);
  if (!link) return failWith(out, `${name}: No such device exists\n(No such device exists)`);
  if (!link.adminUp) return failWith(out, `${name}: That device is not up`);
  if (!filter.ok) return failWith(out, filter.error);
  const path = opts.write === null ? null : resolvePath(ctx.cwd, opts.write);
  if (path !== null && path !== '/dev/null') {
    const error = ctx.fs.write(path, pcapFile([]), false, ctx.ns);
    if (error) return failWith(out, `${opts.write}: ${error === 'EISDIR' ? 'Is a directory' : error === 'EACCES' ? 'Permission denied' : 'No such file or directory'}`);
  }
  if (!opts.verbose && path === null) out.err('tcpdump: verbose output suppressed, use -v[v]... for full protocol decode');
  out.stderr += `${path === null ? '' : 'tcpdump: '}listening on ${name}, link-type EN10MB (Ethernet), snapshot length ${SNAPLEN} bytes\n`;

  const tap = openTap(ctx.world, link);
  const records: PcapRecord[] = [];
  const epoch = ctx.world.clock.epoch;
  let captured = 0;
  let read = 0;
  let signal: Signal | null = null;
  const take = (f: CapturedFrame) => {
    if (!filter.filter(f.frame)) return;
    captured++;
    if (path !== null) records.push({ time: epoch + f.at, bytes: frameToBytes(f.frame) });
    else out.line(stampOf(opts, epoch + f.at) + formatFrame(f.frame, opts));
  };
  try {
    for (;;) {
      while (read < tap.frames.length && (opts.count === null || captured < opts.count)) take(tap.frames[read++]!);
      if (opts.count !== null && captured >= opts.count) break;
      try {
        yield { kind: 'activity', since: activity(ctx.world) };
      } catch (e) {
        if (!(e instanceof Signal) || e.name === 'KILL') throw e;
        signal = e;
        const until = e.at ?? Infinity;
        while (read < tap.frames.length && tap.frames[read]!.at <= until && (opts.count === null || captured < opts.count)) take(tap.frames[read++]!);
        break;
      }
    }
  } finally {
    closeTap(ctx.world, tap);
  }
  const last = read > 0 ? tap.frames[read - 1]!.at : -Infinity;
  // The kernel had already passed more frames of the same exchange through the filter.
  const horizon = signal ? (signal.at ?? Infinity) : last + 1;
  const perFrame = link.kind === 'loopback' ? 2 : 1;
  const received = tap.frames.filter((f) => f.at <= horizon && filter.filter(f.frame)).length * perFrame;
  if (path !== null && path !== '/dev/null') ctx.fs.write(path, pcapFile(records), false, ctx.ns);
  if (signal) out.out('\n');
  out.err(`${captured} packet${captured === 1 ? '' : 's'} captured`);
  out.err(`${received} packet${received === 1 ? '' : 's'} received by filter`);
  out.err('0 packets dropped by kernel');
  return 0;
}

function failWith(out: Output, message: string): number {
  out.err(`tcpdump: ${message}`);
  return 1;
}

/** pcap_findalldevs' first: the first interface that is up and not loopback. */
function defaultInterface(ctx: ProcContext): string {
  const links = linksIn(ctx.world, ctx.ns.id);
  return (links.find((l) => l.adminUp && l.kind !== 'loopback') ?? links[0])?.name ?? 'lo';
}

function readFile(ctx: ProcContext, out: Output, opts: TcpdumpOptions, filter: FrameFilter): number {
  const file = ctx.fs.read(resolvePath(ctx.cwd, opts.read!), ctx.ns);
  if (!file.ok) return failWith(out, `${opts.read}: No such file or directory`);
  const pcap = readPcap(file.data);
  if (!pcap) return failWith(out, `${opts.read}: unknown file format`);
  out.err(`reading from file ${opts.read}, link-type EN10MB (Ethernet), snapshot length ${pcap.snaplen}`);
  let shown = 0;
  for (const r of pcap.records) {
    if (opts.count !== null && shown >= opts.count) break;
    const frame = frameFromBytes(r.bytes);
    if (!frame || !filter(frame)) continue;
    shown++;
    out.line(stampOf(opts, r.time) + formatFrame(frame, opts));
  }
  return 0;
}
