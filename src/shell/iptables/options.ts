/** iptables' own options (the getopt table of iptables 1.8.9), protocol names and new-chain names. */
import { paramError, type IptError } from './errors';
import { isKnownTarget } from './ext/registry';
import type { LongOption } from './getopt';
import { protocolNumber } from './netdb';
import { strtoui } from './numbers';

export const OPTSTRING = '-:A:C:D:R:I:L::S::M:F::Z::N:X::E:P:Vh::o:p:s:d:j:i:fvw::W::nt:m:xc:g:46';

export const CORE_OPTIONS: LongOption[] = [
  ['append', 1, 'A'], ['delete', 1, 'D'], ['check', 1, 'C'], ['insert', 1, 'I'], ['replace', 1, 'R'], ['list', 2, 'L'],
  ['list-rules', 2, 'S'], ['flush', 2, 'F'], ['zero', 2, 'Z'], ['new-chain', 1, 'N'], ['delete-chain', 2, 'X'],
  ['rename-chain', 1, 'E'], ['policy', 1, 'P'], ['source', 1, 's'], ['destination', 1, 'd'], ['src', 1, 's'], ['dst', 1, 'd'],
  ['protocol', 1, 'p'], ['in-interface', 1, 'i'], ['jump', 1, 'j'], ['table', 1, 't'], ['match', 1, 'm'], ['numeric', 0, 'n'],
  ['out-interface', 1, 'o'], ['verbose', 0, 'v'], ['wait', 2, 'w'], ['wait-interval', 2, 'W'], ['exact', 0, 'x'],
  ['fragments', 0, 'f'], ['version', 0, 'V'], ['help', 2, 'h'], ['line-numbers', 0, '0'], ['modprobe', 1, 'M'],
  ['set-counters', 1, 'c'], ['goto', 1, 'g'], ['ipv4', 0, '4'], ['ipv6', 0, '6'],
].map(([name, hasArg, val]) => ({ name: name as string, hasArg: hasArg as 0 | 1 | 2, val: val as string }));

/** Protocols whose match loads by itself when one of its options appears after `-p`. */
export const PROTO_MATCH: Record<number, string> = { 6: 'tcp', 17: 'udp', 1: 'icmp' };

/** xtables_parse_protocol: a number 0-255, "all", a name from /etc/protocols, or one iptables knows. */
export function parseProtocol(text: string): number | null {
  const n = strtoui(text, 255);
  if (n !== null) return n;
  if (text === 'all') return 0;
  const known = protocolNumber(text);
  if (known !== undefined) return known;
  const builtin: Record<string, number> = { tcp: 6, sctp: 132, udp: 17, udplite: 136, icmp: 1, icmpv6: 58, esp: 50, ah: 51, 'ipv6-mh': 135, mh: 135 };
  return Object.prototype.hasOwnProperty.call(builtin, text) ? builtin[text]! : null;
}

/** parse_chain, for -N. */
export function checkNewChainName(name: string): IptError | null {
  if (name.length >= 29) return paramError(`chain name \`${name}' too long (must be under 29 chars)`);
  if (name.startsWith('-') || name.startsWith('!')) return paramError(`chain name not allowed to start with \`${name[0]}'`);
  if (isKnownTarget(name)) return paramError('chain name may not clash with target name');
  if (/\s/.test(name)) return paramError(`Invalid chain name \`${name}'`);
  return null;
}
