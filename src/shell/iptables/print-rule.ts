/**
 * One rule in the three shapes iptables prints it: the `-A CHAIN ...` line of `-S` and
 * iptables-save, the column row of `-L`, and the one-line echo of `-v -A`.
 */
import { formatIpv4 } from '../../engine/net/ipv4';
import type { AddrMatch, MatchModule, Rule, Target } from '../../engine/netfilter/types';
import { listAddr, saveAddr, type HostsDb } from './addr';
import { listAddrtype, saveAddrtype } from './ext/addrtype';
import { listComment, saveComment } from './ext/comment';
import { listStates, saveStates } from './ext/conntrack';
import { listIcmp, saveIcmp } from './ext/icmp';
import { listIprange, saveIprange } from './ext/iprange';
import { listLimit, saveLimit } from './ext/limit';
import { listMac, saveMac } from './ext/mac';
import { listLog, saveLog } from './ext/log';
import { listMultiport, saveMultiport } from './ext/multiport';
import { listNat, saveNat } from './ext/nat';
import { listReject, saveReject } from './ext/reject';
import { listPortsModule, savePortsModule } from './ext/tcpudp';
import type { PrintEnv } from './ext/types';
import { protocolName } from './netdb';

/** proto_to_name: /etc/protocols first, then the names iptables knows itself. */
export function protoToName(num: number): string | undefined {
  if (num === 0) return 'all';
  const builtin: Record<number, string> = { 6: 'tcp', 132: 'sctp', 17: 'udp', 136: 'udplite', 1: 'icmp', 58: 'icmpv6', 50: 'esp', 51: 'ah', 135: 'ipv6-mh' };
  return protocolName(num) ?? builtin[num];
}

function listMatch(m: MatchModule, env: PrintEnv): string {
  switch (m.kind) {
    case 'tcp':
    case 'udp':
      return listPortsModule(m, env);
    case 'icmp':
      return listIcmp(m, env);
    case 'multiport':
      return listMultiport(m, env);
    case 'conntrack':
    case 'state':
      return listStates(m);
    case 'addrtype':
      return listAddrtype(m);
    case 'comment':
      return listComment(m);
    case 'limit':
      return listLimit(m);
    case 'iprange':
      return listIprange(m);
    case 'mac':
      return listMac(m);
  }
}

function saveMatch(m: MatchModule): string {
  const body = (() => {
    switch (m.kind) {
      case 'tcp':
      case 'udp':
        return savePortsModule(m);
      case 'icmp':
        return saveIcmp(m);
      case 'multiport':
        return saveMultiport(m);
      case 'conntrack':
      case 'state':
        return saveStates(m);
      case 'addrtype':
        return saveAddrtype(m);
      case 'comment':
        return saveComment(m);
      case 'limit':
        return saveLimit(m);
      case 'iprange':
        return saveIprange(m);
      case 'mac':
        return saveMac(m);
    }
  })();
  return ` -m ${m.kind}${body}`;
}

/** The target column: a verdict, an extension, or a chain. */
export function targetName(t: Target | null): string {
  if (!t) return '';
  return t.kind === 'jump' || t.kind === 'goto' ? t.chain : t.kind;
}

function listTarget(t: Target | null, numeric: boolean): string {
  switch (t?.kind) {
    case 'REJECT':
      return listReject(t);
    case 'LOG':
      return listLog(t, numeric);
    case 'DNAT':
    case 'SNAT':
    case 'MASQUERADE':
    case 'REDIRECT':
      return listNat(t);
    default:
      return '';
  }
}

function saveTarget(t: Target | null): string {
  if (!t) return '';
  switch (t.kind) {
    case 'jump':
      return ` -j ${t.chain}`;
    case 'goto':
      return ` -g ${t.chain}`;
    case 'REJECT':
      return ` -j REJECT${saveReject(t)}`;
    case 'LOG':
      return ` -j LOG${saveLog(t)}`;
    case 'DNAT':
    case 'SNAT':
    case 'MASQUERADE':
    case 'REDIRECT':
      return ` -j ${t.kind}${saveNat(t)}`;
    default:
      return ` -j ${t.kind}`;
  }
}

function saveAddrPart(letter: 's' | 'd', a: AddrMatch | undefined): string {
  if (!a) return '';
  return `${a.neg ? ' !' : ''} -${letter} ${saveAddr(a.addr, a.mask)}`;
}

/** `-A CHAIN ...` as -S and iptables-save print it; `counters` adds `-c P B` (iptables -S -v). */
export function saveRule(chain: string, r: Rule, counters = false): string {
  let out = `-A ${chain}`;
  out += saveAddrPart('s', r.src) + saveAddrPart('d', r.dst);
  if (r.inIface) out += `${r.inIface.neg ? ' !' : ''} -i ${r.inIface.name}`;
  if (r.outIface) out += `${r.outIface.neg ? ' !' : ''} -o ${r.outIface.name}`;
  if (r.proto) out += `${r.proto.neg ? ' !' : ''} -p ${protoToName(r.proto.num) ?? r.proto.num}`;
  if (r.fragment) out += `${r.fragment.neg ? ' !' : ''} -f`;
  for (const m of r.modules) out += saveMatch(m);
  if (counters) out += ` -c ${r.counters.packets} ${r.counters.bytes}`;
  return out + saveTarget(r.target);
}

export interface ListFormat {
  numeric: boolean;
  verbose: boolean;
  exact: boolean;
  lineNumbers: boolean;
}

/** xtables_print_num: 5 columns with K/M/G/T suffixes, or 8 exact digits with -x. */
export function printNum(n: number, exact: boolean, table = true): string {
  if (exact) return table ? `${String(n).padStart(8)} ` : `${n} `;
  if (n <= 99999) return table ? `${String(n).padStart(5)} ` : `${n} `;
  let v = n;
  for (const unit of ['K', 'M', 'G']) {
    v = Math.floor((v + 500) / 1000);
    if (v <= 9999) return table ? `${String(v).padStart(4)}${unit} ` : `${v}${unit} `;
  }
  v = Math.floor((v + 500) / 1000);
  return table ? `${String(v).padStart(4)}T ` : `${v}T `;
}

function ifaceText(m: { name: string; neg: boolean } | undefined, numeric: boolean): string {
  if (!m) return numeric ? '*' : 'any';
  return `${m.neg ? '!' : ''}${m.name}`;
}

function protoColumn(r: Rule, numeric: boolean): string {
  const num = r.proto?.num ?? 0;
  const inv = r.proto?.neg ? '!' : ' ';
  if (numeric) return `${inv}${String(num).padEnd(4)} `;
  return `${inv}${(protoToName(num) ?? String(num)).padEnd(4)} `;
}

function addrColumn(a: AddrMatch | undefined, numeric: boolean, hosts: HostsDb): string {
  const text = a ? listAddr(a.addr, a.mask, numeric, hosts) : listAddr(0, 0, numeric, hosts);
  return (a?.neg ? '!' : ' ') + `${text.padEnd(19)} `;
}

function fragColumn(r: Rule): string {
  return `${r.fragment?.neg ? '!' : '-'}${r.fragment ? 'f' : '-'} `;
}

function tail(r: Rule, env: PrintEnv): string {
  let out = r.target?.kind === 'goto' ? '[goto] ' : '';
  for (const m of r.modules) out += listMatch(m, env);
  return out + listTarget(r.target, env.numeric);
}

/** A row of `iptables -L`. */
export function listRule(r: Rule, num: number, f: ListFormat, hosts: HostsDb): string {
  const env: PrintEnv = { numeric: f.numeric, proto: r.proto?.num ?? 0, hosts };
  let out = f.lineNumbers ? `${String(num).padEnd(4)} ` : '';
  if (f.verbose) out += printNum(r.counters.packets, f.exact) + printNum(r.counters.bytes, f.exact);
  out += `${targetName(r.target).padEnd(9)} ` + protoColumn(r, f.numeric) + fragColumn(r);
  if (f.verbose) out += ` ${ifaceText(r.inIface, f.numeric).padEnd(6)} ${ifaceText(r.outIface, f.numeric).padEnd(6)} `;
  out += addrColumn(r.src, f.numeric, hosts) + addrColumn(r.dst, f.numeric, hosts);
  return out + tail(r, env);
}

/** The line `iptables -v -A ...` echoes for each rule it adds, deletes or checks. */
export function echoRule(r: Rule, hosts: HostsDb): string {
  const env: PrintEnv = { numeric: true, proto: r.proto?.num ?? 0, hosts };
  const num = r.proto?.num ?? 0;
  let out = `${targetName(r.target)} ${r.proto?.neg ? '!' : ' '}${protoToName(num) ?? num} opt ${fragColumn(r)}`;
  out += `in ${ifaceText(r.inIface, true)} out ${ifaceText(r.outIface, true)} `;
  const text = (a: AddrMatch | undefined) => (a ? listAddr(a.addr, a.mask, true, hosts) : `${formatIpv4(0)}/0`);
  out += `${r.src?.neg ? '!' : ' '}${text(r.src)} ${r.dst?.neg ? '!' : ' '}-> ${text(r.dst)}  `;
  return out + tail(r, env);
}
