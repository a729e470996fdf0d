/** The extensions the simulator has, by the names `-m` and `-j` load them under. */
import { addrtypeMatch } from './addrtype';
import { commentMatch } from './comment';
import { conntrackMatch, stateMatch } from './conntrack';
import { icmpMatch } from './icmp';
import { iprangeMatch } from './iprange';
import { limitMatch } from './limit';
import { macMatch } from './mac';
import { logTarget } from './log';
import { multiportMatch } from './multiport';
import { dnatTarget, masqueradeTarget, redirectTarget, snatTarget } from './nat';
import { rejectTarget } from './reject';
import { tcpMatch, udpMatch } from './tcpudp';
import type { MatchExtension, TargetExtension } from './types';

const MATCHES: Record<string, MatchExtension> = {
  tcp: tcpMatch as MatchExtension,
  udp: udpMatch as MatchExtension,
  icmp: icmpMatch as MatchExtension,
  multiport: multiportMatch as MatchExtension,
  conntrack: conntrackMatch as MatchExtension,
  state: stateMatch as MatchExtension,
  addrtype: addrtypeMatch as MatchExtension,
  comment: commentMatch as MatchExtension,
  limit: limitMatch as MatchExtension,
  iprange: iprangeMatch as MatchExtension,
  mac: macMatch as MatchExtension,
};

const TARGETS: Record<string, TargetExtension> = {
  REJECT: rejectTarget as TargetExtension,
  LOG: logTarget as TargetExtension,
  DNAT: dnatTarget as TargetExtension,
  SNAT: snatTarget as TargetExtension,
  MASQUERADE: masqueradeTarget as TargetExtension,
  REDIRECT: redirectTarget as TargetExtension,
};

/** Verdicts of the standard target. */
export const STANDARD_TARGETS = ['ACCEPT', 'DROP', 'RETURN'];

/** Every target Debian's iptables 1.8.9 can load: a new chain may not take one of these names. */
const KNOWN_TARGETS = new Set([
  '', 'standard', 'ACCEPT', 'DROP', 'RETURN', 'QUEUE', 'AUDIT', 'CHECKSUM', 'CLASSIFY', 'CLUSTERIP', 'CONNMARK', 'CONNSECMARK', 'CT', 'DNAT', 'DSCP',
  'ECN', 'HMARK', 'IDLETIMER', 'LED', 'LOG', 'MARK', 'MASQUERADE', 'NETMAP', 'NFLOG', 'NFQUEUE', 'NOTRACK', 'RATEEST', 'REDIRECT', 'REJECT',
  'SECMARK', 'SET', 'SNAT', 'SYNPROXY', 'TCPMSS', 'TCPOPTSTRIP', 'TEE', 'TOS', 'TPROXY', 'TRACE', 'TTL', 'ULOG',
]);

export function findMatch(name: string): MatchExtension | undefined {
  return Object.prototype.hasOwnProperty.call(MATCHES, name) ? MATCHES[name] : undefined;
}

export function findTarget(name: string): TargetExtension | undefined {
  return Object.prototype.hasOwnProperty.call(TARGETS, name) ? TARGETS[name] : undefined;
}

export function isKnownTarget(name: string): boolean {
  return KNOWN_TARGETS.has(name);
}
