/** Does a rule match a packet? Each criterion as the kernel's ip_packet_match and the xt matches test it. */
import { isMulticast } from '../net/ipv4';
import { portsOf, protoNumber, type Packet } from '../packet/packet';
import type { AddrMatch, AddrTypeMatch, CtState, IfaceMatch, IpRange, MatchModule, PortMatch, PortRange, Rule, TcpFlagsMatch } from './types';

/** What the matches may look at besides the packet. */
export interface MatchEnv {
  inIface: string | null;
  outIface: string | null;
  /** The packet's conntrack states (NEW, ESTABLISHED ... plus the virtual SNAT/DNAT). */
  states: ReadonlySet<CtState>;
  isLocal(addr: number): boolean;
  /** Simulated time (ms), for -m limit. */
  now: number;
  /** Source MAC of the frame the packet came in (-m mac); unknown means no match. */
  srcMac?: string | null;
}

/** ICMP type numbers of the packet types the simulator carries. */
const ICMP_TYPE: Record<string, number> = { 'echo-reply': 0, 'dest-unreachable': 3, 'echo-request': 8, 'time-exceeded': 11 };

/** TCP flag bits (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, URG 0x20) from the packet's flag text. */
export function tcpFlagBits(text: string | undefined): number {
  if (!text) return 0;
  const words = text.toUpperCase().split(/[^A-Z]+/).filter(Boolean);
  const names: Record<string, number> = { FIN: 1, SYN: 2, RST: 4, PSH: 8, ACK: 16, URG: 32 };
  const letters: Record<string, number> = { F: 1, S: 2, R: 4, P: 8, A: 16, U: 32, '.': 16 };
  let bits = 0;
  if (words.every((w) => w in names)) for (const w of words) bits |= names[w]!;
  else for (const ch of text.toUpperCase()) bits |= letters[ch] ?? 0;
  return bits;
}

export function ruleMatches(rule: Rule, p: Packet, env: MatchEnv): boolean {
  if (rule.src && !addrMatches(rule.src, p.src)) return false;
  if (rule.dst && !addrMatches(rule.dst, p.dst)) return false;
  if (rule.inIface && !ifaceMatches(rule.inIface, env.inIface)) return false;
  if (rule.outIface && !ifaceMatches(rule.outIface, env.outIface)) return false;
  if (rule.proto && (protoNumber[p.proto] === rule.proto.num) === rule.proto.neg) return false;
  if (rule.fragment && !rule.fragment.neg) return false;
  return rule.modules.every((m) => moduleMatches(m, p, env));
}

function addrMatches(m: AddrMatch, addr: number): boolean {
  return (((addr & m.mask) >>> 0) === m.addr) !== m.neg;
}

/** `eth+` matches every name starting with `eth`; a packet with no interface has the empty name. */
export function ifaceMatches(m: IfaceMatch, name: string | null): boolean {
  const actual = name ?? '';
  const hit = m.name.endsWith('+') ? actual.startsWith(m.name.slice(0, -1)) : actual === m.name;
  return hit !== m.neg;
}

function portMatches(m: PortMatch | undefined, port: number): boolean {
  if (!m) return true;
  return (port >= m.lo && port <= m.hi) !== m.neg;
}

function inRanges(ranges: PortRange[], port: number): boolean {
  return ranges.some((r) => port >= r.lo && port <= r.hi);
}

function flagsMatch(m: TcpFlagsMatch | undefined, p: Packet): boolean {
  if (!m) return true;
  return ((tcpFlagBits(p.tcpFlags) & m.mask) === m.cmp) !== m.neg;
}

function moduleMatches(m: MatchModule, p: Packet, env: MatchEnv): boolean {
  const { sport, dport } = portsOf(p);
  switch (m.kind) {
    case 'tcp':
      return p.proto === 'tcp' && portMatches(m.sport, sport) && portMatches(m.dport, dport) && flagsMatch(m.flags, p);
    case 'udp':
      return p.proto === 'udp' && portMatches(m.sport, sport) && portMatches(m.dport, dport);
    case 'icmp':
      return p.proto === 'icmp' && icmpMatches(m, p);
    case 'multiport': {
      if (p.proto !== 'tcp' && p.proto !== 'udp') return false;
      const hit = m.dir === 'src' ? inRanges(m.ports, sport) : m.dir === 'dst' ? inRanges(m.ports, dport) : inRanges(m.ports, sport) || inRanges(m.ports, dport);
      return hit !== m.neg;
    }
    case 'conntrack':
      return m.ctstate.some((s) => env.states.has(s)) !== m.neg;
    case 'state':
      return m.states.some((s) => env.states.has(s)) !== m.neg;
    case 'addrtype':
      return addrTypeMatches(m.src, p.src, env) && addrTypeMatches(m.dst, p.dst, env);
    case 'comment':
      return true;
    case 'limit':
      return takeToken(m, env.now);
    case 'iprange':
      return inRange(m.src, p.src) && inRange(m.dst, p.dst);
    case 'mac':
      return env.srcMac !== undefined && env.srcMac !== null && (env.srcMac.toLowerCase() === m.mac) !== m.neg;
  }
}

function inRange(r: IpRange | undefined, addr: number): boolean {
  return !r || (addr >= r.lo && addr <= r.hi) !== r.neg;
}

/** xt_limit's token bucket: `burst` tokens, one back every `avg` (1/10000 s), one per matching packet. */
function takeToken(m: Extract<MatchModule, { kind: 'limit' }>, now: number): boolean {
  const periodMs = m.avg / 10;
  const bucket = m.bucket ?? { tokens: m.burst, at: now };
  const refilled = periodMs > 0 ? Math.min(m.burst, bucket.tokens + Math.max(0, now - bucket.at) / periodMs) : m.burst;
  const hit = refilled >= 1;
  m.bucket = { tokens: hit ? refilled - 1 : refilled, at: now };
  return hit;
}

function icmpMatches(m: Extract<MatchModule, { kind: 'icmp' }>, p: Packet): boolean {
  if (m.type === 0xff) return !m.neg;
  const type = ICMP_TYPE[p.icmp?.type ?? ''] ?? -1;
  const code = p.icmp?.code ?? 0;
  return (type === m.type && code >= m.codeMin && code <= m.codeMax) !== m.neg;
}

/** The route type of an address as inet_addr_type sees it. */
export function addrType(addr: number, env: Pick<MatchEnv, 'isLocal'>): string {
  if (env.isLocal(addr)) return 'LOCAL';
  if (addr === 0xffffffff || addr === 0) return 'BROADCAST';
  if (isMulticast(addr)) return 'MULTICAST';
  return 'UNICAST';
}

function addrTypeMatches(m: AddrTypeMatch | undefined, addr: number, env: MatchEnv): boolean {
  if (!m) return true;
  return m.types.includes(addrType(addr, env)) !== m.neg;
}
