/**
 * tcpdump 4.99's one-line decodes (-n): timestamps, ARP, IPv4 with ICMP/TCP/UDP, and the -e
 * link-level header. Formats from print-arp.c, print-icmp.c, print-tcp.c, print-udp.c, print-vxlan.c.
 */
import { formatIpv4 } from '../../engine/net/ipv4';
import { frameBytes, type Frame } from '../../engine/packet/frame';
import { IP_HEADER, UNREACH, type Packet } from '../../engine/packet/packet';

export interface PrintOptions {
  /** -e: print the link-level header. */
  link: boolean;
}

/** "HH:MM:SS.uuuuuu" of an epoch time in ms (UTC, like the recorder's machines). */
export function timestamp(epochMs: number): string {
  const us = Math.round(epochMs * 1000);
  const day = ((us % 86_400_000_000) + 86_400_000_000) % 86_400_000_000;
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(day / 3_600_000_000);
  const m = Math.floor(day / 60_000_000) % 60;
  const s = Math.floor(day / 1_000_000) % 60;
  return `${two(h)}:${two(m)}:${two(s)}.${String(day % 1_000_000).padStart(6, '0')}`;
}

export function formatFrame(frame: Frame, opts: PrintOptions): string {
  const ethertype = frame.kind === 'arp' ? 'ethertype ARP (0x0806)' : 'ethertype IPv4 (0x0800)';
  const body = frame.kind === 'arp' ? arpText(frame) : ipText(frame.packet, opts);
  if (!opts.link) return frame.kind === 'arp' ? `ARP, ${body}` : `IP ${body}`;
  const head = `${frame.src} > ${frame.dst}, `;
  // print-ether.c: a tagged frame shows the 802.1Q TPID first, then ieee8021q_tci_string ("vlan N, p P").
  if (frame.vlan !== undefined) return `${head}ethertype 802.1Q (0x8100), length ${frameBytes(frame)}: vlan ${frame.vlan}, p 0, ${ethertype}, ${body}`;
  return `${head}${ethertype}, length ${frameBytes(frame)}: ${body}`;
}

function arpText(frame: Extract<Frame, { kind: 'arp' }>): string {
  const a = frame.arp;
  if (a.op === 'reply') return `Reply ${formatIpv4(a.senderIp)} is-at ${a.senderMac}, length 28`;
  const known = a.targetMac !== '00:00:00:00:00:00' ? ` (${a.targetMac})` : '';
  return `Request who-has ${formatIpv4(a.targetIp)}${known} tell ${formatIpv4(a.senderIp)}, length 28`;
}

export function ipText(p: Packet, opts: PrintOptions = { link: false }): string {
  const src = formatIpv4(p.src);
  const dst = formatIpv4(p.dst);
  const payload = p.length - IP_HEADER;
  if (p.proto === 'icmp') return `${src} > ${dst}: ICMP ${icmpText(p)}, length ${payload}`;
  // print-bootp.c: "BOOTP/DHCP, Request from CHADDR" / "Reply", then the BOOTP length.
  if (p.proto === 'udp' && p.dhcp) return `${src}.${p.sport ?? 0} > ${dst}.${p.dport ?? 0}: BOOTP/DHCP, ${p.dhcp.op === 'request' ? `Request from ${p.dhcp.chaddr}` : 'Reply'}, length ${Math.max(0, payload - 8)}`;
  // print-vxlan.c: the header on the datagram's line, then ether_print of the inner frame on the next.
  if (p.proto === 'udp' && p.vxlan) return `${src}.${p.sport ?? 0} > ${dst}.${p.dport ?? 0}: VXLAN, flags [I] (0x08), vni ${p.vxlan.vni}\n${formatFrame(p.vxlan.frame, opts)}`;
  if (p.proto === 'udp') return `${src}.${p.sport ?? 0} > ${dst}.${p.dport ?? 0}: UDP, length ${Math.max(0, payload - 8)}`;
  return `${src}.${p.sport ?? 0} > ${dst}.${p.dport ?? 0}: ${tcpText(p)}`;
}

function icmpText(p: Packet): string {
  const icmp = p.icmp;
  if (!icmp) return 'type-#0';
  if (icmp.type === 'echo-request' || icmp.type === 'echo-reply') return `echo ${icmp.type === 'echo-request' ? 'request' : 'reply'}, id ${icmp.id}, seq ${icmp.seq}`;
  if (icmp.type === 'time-exceeded') return icmp.code === 1 ? 'ip reassembly time exceeded' : 'time exceeded in-transit';
  return unreachText(icmp.code ?? 0, p.inner);
}

const UNREACH_TEXT: Record<number, (h: string) => string> = {
  [UNREACH.net]: (h) => `net ${h} unreachable`,
  [UNREACH.host]: (h) => `host ${h} unreachable`,
  [UNREACH.netProhibited]: (h) => `net ${h} unreachable - admin prohibited`,
  [UNREACH.hostProhibited]: (h) => `host ${h} unreachable - admin prohibited`,
  [UNREACH.adminProhibited]: (h) => `host ${h} unreachable - admin prohibited filter`,
};

function unreachText(code: number, inner: Packet | undefined): string {
  const host = inner ? formatIpv4(inner.dst) : '0.0.0.0';
  if (code === UNREACH.protocol) return `${host} protocol ${inner ? { icmp: 1, tcp: 6, udp: 17 }[inner.proto] : 0} unreachable`;
  if (code === UNREACH.port) return inner && inner.proto !== 'icmp' ? `${host} ${inner.proto} port ${inner.dport ?? 0} unreachable` : `${host} unreachable`;
  return (UNREACH_TEXT[code] ?? ((h: string) => `${h} unreachable - #${code}`))(host);
}

/** print-tcp.c: flags as letters (S F R P U, "." for ACK), then seq/ack/win and the payload length. */
function tcpText(p: Packet): string {
  const names = (p.tcpFlags ?? '').toUpperCase().split(/[,|\s]+/);
  const letters = [['FIN', 'F'], ['SYN', 'S'], ['RST', 'R'], ['PSH', 'P'], ['URG', 'U']]
    .filter(([n]) => names.includes(n!))
    .map(([, l]) => l)
    .join('');
  const ack = names.includes('ACK');
  const flags = `${letters}${ack ? '.' : ''}` || 'none';
  const rst = names.includes('RST');
  const seq = ack && !names.includes('SYN') ? (rst ? 'seq 0, ack 1' : 'ack 1') : 'seq 0';
  return `Flags [${flags}], ${seq}, win ${rst ? 0 : 64240}, length 0`;
}
