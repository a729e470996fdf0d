/**
 * How nft 1.0.6 shows the matches iptables-nft 1.8.9 writes: the interface, address and
 * protocol fields and tcp/udp ports become native nftables expressions; every `-m` extension
 * is an xt match that nft prints through its translation (libxt_*.c `xlate`), quirks included
 * (`-m comment` translates to nothing, `--ports` to a concatenated set). Recorded in
 * test/golden/nft*.txt.
 */
import { formatIpv4 } from '../../engine/net/ipv4';
import type { AddrMatch, CtState, IfaceMatch, MatchModule, PortMatch, PortRange, Rule } from '../../engine/netfilter/types';
import { prefixLength } from '../iptables/addr';
import { protocolName } from '../iptables/netdb';

/** A statement as printed, and whether it is an xt (compat) expression. */
export interface Stmt {
  text: string;
  xt: boolean;
}

const native = (text: string): Stmt => ({ text, xt: false });
const compat = (text: string): Stmt => ({ text, xt: true });
const not = (neg: boolean, op = '!= ') => (neg ? op : '');

function iface(dir: 'iifname' | 'oifname', m: IfaceMatch): Stmt {
  const name = m.name.endsWith('+') ? `${m.name.slice(0, -1)}*` : m.name;
  return native(`${dir} ${not(m.neg)}"${name}"`);
}

function address(field: 'saddr' | 'daddr', m: AddrMatch): Stmt {
  const len = prefixLength(m.mask);
  if (len === null) return native(`ip ${field} & ${formatIpv4(m.mask)} ${m.neg ? '!=' : '=='} ${formatIpv4(m.addr)}`);
  return native(`ip ${field} ${not(m.neg)}${formatIpv4(m.addr)}${len === 32 ? '' : `/${len}`}`);
}

export function protoText(num: number): string {
  return protocolName(num) ?? String(num);
}

/** `-p tcp --dport 22` reads `tcp dport 22`: nft drops the l4proto test a tcp/udp port match implies. */
function protoImplied(rule: Rule): boolean {
  const first = rule.modules[0];
  return !!rule.proto && !rule.proto.neg && !!first && (first.kind === 'tcp' || first.kind === 'udp') && protoText(rule.proto.num) === first.kind;
}

/** The rule's matches in the order iptables-nft writes them: interfaces, addresses, protocol, fragment, extensions. */
export function matchStmts(rule: Rule): Stmt[] {
  const out: Stmt[] = [];
  if (rule.inIface) out.push(iface('iifname', rule.inIface));
  if (rule.outIface) out.push(iface('oifname', rule.outIface));
  if (rule.src) out.push(address('saddr', rule.src));
  if (rule.dst) out.push(address('daddr', rule.dst));
  if (rule.proto && !protoImplied(rule)) out.push(native(`meta l4proto ${not(rule.proto.neg)}${protoText(rule.proto.num)}`));
  if (rule.fragment) out.push(native(`ip frag-off & 8191 ${rule.fragment.neg ? '==' : '!='} 0`));
  const proto = rule.proto ? protoText(rule.proto.num) : '';
  for (const m of rule.modules) out.push(moduleStmt(m, proto));
  return out;
}

function range(p: PortRange): string {
  return p.lo === p.hi ? String(p.lo) : `${p.lo}-${p.hi}`;
}

function port(proto: string, dir: 'sport' | 'dport', p: PortMatch): string {
  return `${proto} ${dir} ${not(p.neg)}${range(p)}`;
}

const TCP_FLAG_NAMES: [string, number][] = [['fin', 0x01], ['syn', 0x02], ['rst', 0x04], ['psh', 0x08], ['ack', 0x10], ['urg', 0x20]];

function flagNames(bits: number): string {
  return TCP_FLAG_NAMES.filter(([, b]) => bits & b).map(([n]) => n).join(',');
}

function portsStmt(m: Extract<MatchModule, { kind: 'tcp' | 'udp' }>): Stmt {
  const parts: string[] = [];
  if (m.sport) parts.push(port(m.kind, 'sport', m.sport));
  if (m.dport) parts.push(port(m.kind, 'dport', m.dport));
  if (m.kind === 'tcp' && m.flags) {
    const f = m.flags;
    parts.push(f.cmp === 0 ? `tcp flags ! ${flagNames(f.mask)}` : `tcp flags ${not(f.neg)}${flagNames(f.cmp)} / ${flagNames(f.mask)}`);
  }
  return native(parts.join(' '));
}

/** nft's icmp type names (src/proto.c icmp_type_tbl). */
const ICMP_NAMES: Record<number, string> = {
  0: 'echo-reply', 3: 'destination-unreachable', 4: 'source-quench', 5: 'redirect', 8: 'echo-request',
  9: 'router-advertisement', 10: 'router-solicitation', 11: 'time-exceeded', 12: 'parameter-problem',
  13: 'timestamp-request', 14: 'timestamp-reply', 15: 'info-request', 16: 'info-reply',
  17: 'address-mask-request', 18: 'address-mask-reply',
};

function icmpStmt(m: Extract<MatchModule, { kind: 'icmp' }>): Stmt {
  if (m.type === 0xff) return compat('ip protocol icmp');
  if (m.codeMin !== 0 || m.codeMax !== 0xff) return compat('xt match icmp');
  return compat(`icmp type ${not(m.neg)}${ICMP_NAMES[m.type] ?? m.type}`);
}

function multiportStmt(m: Extract<MatchModule, { kind: 'multiport' }>, proto: string): Stmt {
  if (m.dir !== 'any') return compat(`${proto} ${m.dir === 'src' ? 'sport' : 'dport'} ${not(m.neg)}{ ${m.ports.map(range).join(', ')} }`);
  const pairs = m.ports.flatMap((p) => [`0-65535 . ${range(p)}`, `${range(p)} . 0-65535`]);
  return compat(`${proto} sport . ${proto} dport ${not(m.neg)}{ ${pairs.join(', ')} }`);
}

/** libxt_conntrack's state_xlate_print order; SNAT/DNAT are conntrack status bits. */
const STATE_ORDER: CtState[] = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED'];

function ctStmt(states: CtState[], neg: boolean): Stmt {
  const status = states.filter((s) => s === 'SNAT' || s === 'DNAT').map((s) => s.toLowerCase());
  if (status.length) return compat(`ct status ${not(neg, '! ')}${status.join(',')}`);
  const names = STATE_ORDER.filter((s) => states.includes(s)).map((s) => s.toLowerCase());
  return compat(`ct state ${not(neg, '! ')}${names.join(',')}`);
}

function addrtypeStmt(m: Extract<MatchModule, { kind: 'addrtype' }>): Stmt {
  const side = m.src ? { field: 'saddr', match: m.src } : { field: 'daddr', match: m.dst! };
  const iif = m.limitIfaceIn ? ' . iif' : m.limitIfaceOut ? ' . oif' : '';
  const types = side.match.types.map((t) => t.toLowerCase());
  const value = types.length === 1 ? types[0] : `{ ${types.join(', ')} }`;
  return compat(`fib ${side.field}${iif} type ${not(side.match.neg)}${value}`);
}

/** xt_limit's avg (1/10000 s per packet) as libxt_limit's xlate prints it. */
const RATES: [string, number][] = [['day', 864000000], ['hour', 36000000], ['minute', 600000], ['second', 10000]];

function limitStmt(m: Extract<MatchModule, { kind: 'limit' }>): Stmt {
  let i = 1;
  for (; i < RATES.length; i++) {
    const mult = RATES[i]![1];
    if (m.avg > mult || Math.floor(mult / m.avg) < mult % m.avg) break;
  }
  const [unit, mult] = RATES[i - 1]!;
  return compat(`limit rate ${Math.floor(mult / m.avg)}/${unit}${m.burst !== 5 ? ` burst ${m.burst} packets` : ''}`);
}

function iprangeStmt(m: Extract<MatchModule, { kind: 'iprange' }>): Stmt {
  const parts: string[] = [];
  if (m.src) parts.push(`ip saddr ${not(m.src.neg)}${formatIpv4(m.src.lo)}-${formatIpv4(m.src.hi)}`);
  if (m.dst) parts.push(`ip daddr ${not(m.dst.neg)}${formatIpv4(m.dst.lo)}-${formatIpv4(m.dst.hi)}`);
  return compat(parts.join(' '));
}

function moduleStmt(m: MatchModule, proto: string): Stmt {
  switch (m.kind) {
    case 'tcp':
    case 'udp':
      return portsStmt(m);
    case 'icmp':
      return icmpStmt(m);
    case 'multiport':
      return multiportStmt(m, proto);
    case 'conntrack':
      return ctStmt(m.ctstate, m.neg);
    case 'state':
      return ctStmt(m.states, m.neg);
    case 'addrtype':
      return addrtypeStmt(m);
    case 'comment':
      return compat('');
    case 'limit':
      return limitStmt(m);
    case 'iprange':
      return iprangeStmt(m);
    case 'mac':
      return compat(`ether saddr ${not(m.neg)}${m.mac}`);
  }
}
