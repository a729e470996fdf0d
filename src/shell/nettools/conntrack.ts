/**
 * conntrack (conntrack-tools 1.4.7): -L lists the namespace's connection tracking table
 * (ns.conntrack, filled by the walker's netfilter hooks), -C counts it, -F flushes it.
 * Listing goes to stdout, the summary line to stderr, as the real tool prints them.
 */
import { formatIpv4, parseIpv4 } from '../../engine/net/ipv4';
import { expire } from '../../engine/netfilter/conntrack';
import type { ConntrackEntry, Tuple } from '../../engine/netfilter/types';
import { Output, type CommandFn } from '../types';
import { CONNTRACK_USAGE } from './conntrack-help';

const VERSION = 'conntrack v1.4.7 (conntrack-tools)';
const PROTO_NUMBER = { icmp: 1, tcp: 6, udp: 17 } as const;

export const conntrack: CommandFn = (argv, ctx) => {
  const out = new Output();
  const args = argv.slice(1);
  let command: 'L' | 'C' | 'F' | null = null;
  let proto: string | null = null;
  let src: number | null = null;
  let dst: number | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-L' || a === '--dump') command = 'L';
    else if (a === '-C' || a === '--count') command = 'C';
    else if (a === '-F' || a === '--flush') command = 'F';
    else if (a === '-p' || a === '--proto') proto = args[++i] ?? '';
    else if (a === '-s' || a === '--src' || a === '--orig-src') src = parseIpv4(args[++i] ?? '');
    else if (a === '-d' || a === '--dst' || a === '--orig-dst') dst = parseIpv4(args[++i] ?? '');
    else if (a === '-n' || a === '-g' || a === '-o' || a === '-e') {
      if (a === '-o' || a === '-e') i++;
    } else return out.err(`${VERSION}: Bad parameter \`${a}'\nTry \`conntrack -h' or 'conntrack --help' for more information.`).done(2);
  }
  if (command === null) return out.out(CONNTRACK_USAGE).done(0);
  expire(ctx.ns, ctx.world.clock.now());
  if (command === 'F') {
    ctx.ns.conntrack = ctx.ns.conntrack.filter((e) => !e.confirmed);
    ctx.world.changed();
    return out.err(`${VERSION}: connection tracking table has been emptied.`).done(0);
  }
  const entries = ctx.ns.conntrack.filter((e) => e.confirmed && (proto === null || e.proto === proto) && (src === null || e.orig.src === src) && (dst === null || e.orig.dst === dst));
  if (command === 'C') return out.line(String(entries.length)).done(0);
  for (const e of entries) out.line(formatEntry(e, ctx.world.clock.now()));
  return out.err(`${VERSION}: ${entries.length} flow entries have been shown.`).done(0);
};

function formatEntry(e: ConntrackEntry, now: number): string {
  const timeout = Math.max(0, Math.floor((e.expiresAt - now) / 1000));
  const state = e.proto === 'tcp' ? (e.replied ? 'ESTABLISHED ' : 'SYN_SENT ') : '';
  const unreplied = e.replied ? '' : '[UNREPLIED] ';
  const assured = e.replied && e.proto !== 'icmp' ? '[ASSURED] ' : '';
  return `${e.proto.padEnd(8)} ${PROTO_NUMBER[e.proto]} ${timeout} ${state}${tuple(e, e.orig, true)}${unreplied}${tuple(e, e.reply, false)}${assured}mark=0 use=1`;
}

function tuple(e: ConntrackEntry, t: Tuple, original: boolean): string {
  const addrs = `src=${formatIpv4(t.src)} dst=${formatIpv4(t.dst)} `;
  if (e.proto === 'icmp') return `${addrs}type=${original ? 8 : 0} code=0 id=${t.sport} `;
  return `${addrs}sport=${t.sport} dport=${t.dport} `;
}
