/**
 * How nft 1.0.6 shows iptables-nft's targets: verdicts and jumps are native; REJECT, LOG and
 * the NAT targets are xt targets printed through their translation (libxt_*.c `xlate`).
 */
import { formatIpv4 } from '../../engine/net/ipv4';
import type { NatFlags, NatRange, PortRange, Target } from '../../engine/netfilter/types';
import type { Stmt } from './xlate-match';

const REJECT_TYPES: Record<string, string> = {
  'icmp-net-unreachable': 'with icmp type net-unreachable',
  'icmp-host-unreachable': 'with icmp type host-unreachable',
  'icmp-proto-unreachable': 'with icmp type prot-unreachable',
  'icmp-port-unreachable': '',
  'icmp-net-prohibited': 'with icmp type net-prohibited',
  'icmp-host-prohibited': 'with icmp type host-prohibited',
  'icmp-admin-prohibited': 'with icmp type admin-prohibited',
  'tcp-reset': 'with tcp reset',
};

/** syslog levels as nft names them; 4 (warn) is the default and not printed. */
const LOG_LEVELS = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];

function logText(t: Extract<Target, { kind: 'LOG' }>): string {
  let text = 'log';
  if (t.prefix) text += ` prefix "${t.prefix}"`;
  if (t.level !== undefined && t.level !== 4) text += ` level ${LOG_LEVELS[t.level] ?? t.level}`;
  const flags = t.flags ?? 0;
  const tcp = [flags & 1 ? 'sequence' : '', flags & 2 ? 'options' : ''].filter(Boolean);
  if (tcp.length) text += ` flags tcp ${tcp.join(',')}`;
  if (flags & 4) text += ' flags ip options';
  if (flags & 8) text += ' flags skuid';
  if (flags & 16) text += ' flags ether';
  return text;
}

function ports(p: PortRange): string {
  return p.lo === p.hi ? `:${p.lo}` : `:${p.lo}-${p.hi}`;
}

function flagsText(f: NatFlags): string {
  return `${f.random ? ' random' : ''}${f.randomFully ? ' fully-random' : ''}${f.persistent ? ' persistent' : ''}`;
}

function rangeText(r: NatRange): string {
  let text = '';
  if (r.minIp !== null) text += formatIpv4(r.minIp) + (r.maxIp !== null && r.maxIp !== r.minIp ? `-${formatIpv4(r.maxIp)}` : '');
  if (r.minPort !== null) text += ports({ lo: r.minPort, hi: r.maxPort ?? r.minPort });
  return text;
}

export function targetStmt(t: Target | null): Stmt | null {
  if (!t) return null;
  switch (t.kind) {
    case 'ACCEPT':
    case 'DROP':
    case 'RETURN':
      return { text: t.kind.toLowerCase(), xt: false };
    case 'jump':
    case 'goto':
      return { text: `${t.kind} ${t.chain}`, xt: false };
    case 'REJECT': {
      const how = REJECT_TYPES[t.rejectWith] ?? '';
      return { text: how ? `reject ${how}` : 'reject', xt: true };
    }
    case 'LOG':
      return { text: logText(t), xt: true };
    case 'MASQUERADE':
    case 'REDIRECT': {
      const to = t.ports ? ` to ${ports(t.ports)}` : '';
      return { text: `${t.kind.toLowerCase()}${to}${flagsText(t)}`, xt: true };
    }
    case 'SNAT':
    case 'DNAT':
      return { text: `${t.kind.toLowerCase()} to ${rangeText(t.range)}${flagsText(t)}`, xt: true };
  }
}
