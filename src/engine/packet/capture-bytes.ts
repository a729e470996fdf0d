/**
 * Frames as bytes on the wire (Ethernet II, ARP, IPv4 with ICMP/TCP/UDP, checksums), and back,
 * plus the classic pcap file format (magic a1b2c3d4, microsecond stamps, LINKTYPE_ETHERNET):
 * what `tcpdump -w` writes, Wireshark opens and `tcpdump -r` reads. Files are kept in the
 * simulated filesystem as latin1 strings (one character per byte).
 */
import type { ArpMessage, Frame } from './frame';
import { IP_HEADER, protoNumber, type IcmpType, type L4Proto, type Packet } from './packet';
import { bootpBytes, bootpFromBytes } from './bootp-bytes';

const ICMP_TYPE: Record<IcmpType, number> = { 'echo-reply': 0, 'dest-unreachable': 3, 'echo-request': 8, 'time-exceeded': 11 };
const TCP_FLAGS: [string, number][] = [['FIN', 1], ['SYN', 2], ['RST', 4], ['PSH', 8], ['ACK', 16], ['URG', 32]];

function macBytes(mac: string): number[] {
  return mac.split(':').map((h) => parseInt(h, 16));
}

function u16(n: number): number[] {
  return [(n >>> 8) & 0xff, n & 0xff];
}

function u32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

function checksum(bytes: number[], start = 0, end = bytes.length): number {
  let sum = 0;
  for (let i = start; i < end; i += 2) sum += ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

function tcpFlagBits(flags: string | undefined): number {
  const names = (flags ?? '').toUpperCase().split(/[,|\s]+/);
  return TCP_FLAGS.reduce((bits, [name, bit]) => (names.includes(name) ? bits | bit : bits), 0);
}

/** The IPv4 datagram of a packet: header, then the L4 header and a payload padded to packet.length. */
export function ipBytes(p: Packet): number[] {
  const l4 = l4Bytes(p);
  const total = Math.max(p.length, IP_HEADER + l4.length);
  const header = [0x45, 0, ...u16(total), 0, 0, 0x40, 0, p.ttl & 0xff, protoNumber[p.proto], 0, 0, ...u32(p.src), ...u32(p.dst)];
  const csum = checksum(header);
  header[10] = csum >>> 8;
  header[11] = csum & 0xff;
  const body = l4.concat(new Array(Math.max(0, total - IP_HEADER - l4.length)).fill(0)).slice(0, total - IP_HEADER);
  if (p.proto === 'icmp') {
    // ping's payload after the 8-byte header: a timeval then 0x10, 0x11, ... (iputils' pattern).
    for (let i = 8 + 16; i < body.length && p.icmp && (p.icmp.type === 'echo-request' || p.icmp.type === 'echo-reply'); i++) body[i] = (i - 8) & 0xff;
    const c = checksum(body);
    body[2] = c >>> 8;
    body[3] = c & 0xff;
  }
  return header.concat(body);
}

function l4Bytes(p: Packet): number[] {
  if (p.proto === 'icmp') {
    const icmp = p.icmp ?? { type: 'echo-request' as const, id: 0, seq: 0 };
    const head = [ICMP_TYPE[icmp.type], icmp.code ?? 0, 0, 0];
    if (p.inner) return head.concat([0, 0, 0, 0], ipBytes(p.inner));
    return head.concat(u16(icmp.id), u16(icmp.seq));
  }
  if (p.proto === 'udp' && p.vxlan) return [...u16(p.sport ?? 0), ...u16(p.dport ?? 0), ...u16(Math.max(8, p.length - IP_HEADER)), 0, 0, ...vxlanBytes(p.vxlan.vni), ...frameToBytes(p.vxlan.frame)];
  if (p.proto === 'udp' && p.dhcp) return [...u16(p.sport ?? 0), ...u16(p.dport ?? 0), ...u16(Math.max(8, p.length - IP_HEADER)), 0, 0, ...bootpBytes(p.dhcp)];
  if (p.proto === 'udp') return [...u16(p.sport ?? 0), ...u16(p.dport ?? 0), ...u16(Math.max(8, p.length - IP_HEADER)), 0, 0];
  const headerLen = Math.min(60, Math.max(20, p.length - IP_HEADER)) & ~3;
  const options = new Array(headerLen - 20).fill(1);
  return [...u16(p.sport ?? 0), ...u16(p.dport ?? 0), ...u32(0), ...u32(0), (headerLen / 4) << 4, tcpFlagBits(p.tcpFlags), ...u16(/RST/.test(p.tcpFlags ?? '') ? 0 : 64240), 0, 0, 0, 0, ...options];
}

/** RFC 7348's header: flags with I (a valid VNI) set, 24 reserved bits, the VNI, 8 reserved bits. */
function vxlanBytes(vni: number): number[] {
  return [0x08, 0, 0, 0, (vni >>> 16) & 0xff, (vni >>> 8) & 0xff, vni & 0xff, 0];
}

function arpBytes(a: ArpMessage): number[] {
  return [0, 1, 8, 0, 6, 4, ...u16(a.op === 'request' ? 1 : 2), ...macBytes(a.senderMac), ...u32(a.senderIp), ...macBytes(a.targetMac), ...u32(a.targetIp)];
}

/** The frame as it crosses the wire (no FCS, no padding: what a veth hands to AF_PACKET). */
export function frameToBytes(frame: Frame): number[] {
  // An 802.1Q tag (TPID 0x8100, TCI = priority 0, VLAN id) sits before the ethertype.
  const tag = frame.vlan === undefined ? [] : [...u16(0x8100), ...u16(frame.vlan & 0xfff)];
  const eth = [...macBytes(frame.dst), ...macBytes(frame.src), ...tag, ...u16(frame.kind === 'arp' ? 0x0806 : 0x0800)];
  return eth.concat(frame.kind === 'arp' ? arpBytes(frame.arp) : ipBytes(frame.packet));
}

function macAt(b: number[], at: number): string {
  return b
    .slice(at, at + 6)
    .map((x) => x.toString(16).padStart(2, '0'))
    .join(':');
}

function u16At(b: number[], at: number): number {
  return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
}

function u32At(b: number[], at: number): number {
  return (((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>> 0;
}

const PROTO_BY_NUMBER: Record<number, L4Proto> = { 1: 'icmp', 6: 'tcp', 17: 'udp' };
const ICMP_BY_NUMBER: Record<number, IcmpType> = { 0: 'echo-reply', 3: 'dest-unreachable', 8: 'echo-request', 11: 'time-exceeded' };

/** Reads an IPv4 datagram back into a Packet (null for what the simulator does not carry). */
export function packetFromBytes(b: number[], at = 0): Packet | null {
  if ((b[at] ?? 0) >>> 4 !== 4) return null;
  const ihl = ((b[at] ?? 0) & 0xf) * 4;
  const proto = PROTO_BY_NUMBER[b[at + 9] ?? 0];
  if (!proto) return null;
  const p: Packet = { src: u32At(b, at + 12), dst: u32At(b, at + 16), proto, ttl: b[at + 8] ?? 0, length: u16At(b, at + 2) };
  const l4 = at + ihl;
  if (proto === 'icmp') {
    const type = ICMP_BY_NUMBER[b[l4] ?? 0];
    if (!type) return null;
    const isError = type === 'dest-unreachable' || type === 'time-exceeded';
    p.icmp = { type, id: isError ? 0 : u16At(b, l4 + 4), seq: isError ? 0 : u16At(b, l4 + 6), ...(isError ? { code: b[l4 + 1] ?? 0 } : {}) };
    if (isError) p.inner = packetFromBytes(b, l4 + 8) ?? undefined;
    return p;
  }
  p.sport = u16At(b, l4);
  p.dport = u16At(b, l4 + 2);
  if (proto === 'tcp') p.tcpFlags = TCP_FLAGS.filter(([, bit]) => (b[l4 + 13] ?? 0) & bit).map(([n]) => n).join(',');
  // Between ports 67 and 68 with the DHCP cookie: a DHCP message (tcpdump decodes BOOTP there).
  if (proto === 'udp' && (p.sport === 67 || p.sport === 68) && (p.dport === 67 || p.dport === 68)) {
    const dhcp = bootpFromBytes(b.slice(0, at + p.length), l4 + 8);
    if (dhcp) p.dhcp = dhcp;
  }
  // UDP 4789 with the I flag: a VXLAN datagram (tcpdump decodes that port as VXLAN too).
  if (proto === 'udp' && p.dport === 4789 && ((b[l4 + 8] ?? 0) & 0x08) !== 0) {
    const inner = frameFromBytes(b.slice(l4 + 16, at + p.length));
    if (inner) p.vxlan = { vni: ((b[l4 + 12] ?? 0) << 16) | ((b[l4 + 13] ?? 0) << 8) | (b[l4 + 14] ?? 0), frame: inner };
  }
  return p;
}

export function frameFromBytes(b: number[]): Frame | null {
  const dst = macAt(b, 0);
  const src = macAt(b, 6);
  const tagged = u16At(b, 12) === 0x8100;
  const at = tagged ? 4 : 0;
  const vlan = tagged ? { vlan: u16At(b, 14) & 0xfff } : {};
  const type = u16At(b, 12 + at);
  if (type === 0x0806) {
    const arp: ArpMessage = { op: u16At(b, 20 + at) === 1 ? 'request' : 'reply', senderMac: macAt(b, 22 + at), senderIp: u32At(b, 28 + at), targetMac: macAt(b, 32 + at), targetIp: u32At(b, 38 + at) };
    return { src, dst, kind: 'arp', arp, ...vlan };
  }
  if (type !== 0x0800) return null;
  const packet = packetFromBytes(b, 14 + at);
  return packet ? { src, dst, kind: 'ipv4', packet, ...vlan } : null;
}

export interface PcapRecord {
  /** Milliseconds since the epoch (fractional: microseconds). */
  time: number;
  bytes: number[];
}

export const SNAPLEN = 262144;

function le32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

function le32At(s: string, at: number): number {
  return (s.charCodeAt(at) | (s.charCodeAt(at + 1) << 8) | (s.charCodeAt(at + 2) << 16) | (s.charCodeAt(at + 3) << 24)) >>> 0;
}

/** A whole pcap file as a latin1 string. */
export function pcapFile(records: PcapRecord[]): string {
  const header = [...le32(0xa1b2c3d4), 2, 0, 4, 0, ...le32(0), ...le32(0), ...le32(SNAPLEN), ...le32(1)];
  const parts = [String.fromCharCode(...header)];
  for (const r of records) {
    const us = Math.round(r.time * 1000);
    const sec = Math.floor(us / 1_000_000);
    const rec = [...le32(sec), ...le32(us - sec * 1_000_000), ...le32(r.bytes.length), ...le32(r.bytes.length)];
    parts.push(String.fromCharCode(...rec), String.fromCharCode(...r.bytes));
  }
  return parts.join('');
}

/** Parses a pcap file; null if it is not one tcpdump would read. */
export function readPcap(data: string): { records: PcapRecord[]; snaplen: number; linktype: number } | null {
  if (data.length < 24 || le32At(data, 0) !== 0xa1b2c3d4) return null;
  const snaplen = le32At(data, 16);
  const linktype = le32At(data, 20);
  const records: PcapRecord[] = [];
  let at = 24;
  while (at + 16 <= data.length) {
    const sec = le32At(data, at);
    const usec = le32At(data, at + 4);
    const len = le32At(data, at + 8);
    const bytes: number[] = [];
    for (let i = 0; i < len && at + 16 + i < data.length; i++) bytes.push(data.charCodeAt(at + 16 + i) & 0xff);
    records.push({ time: sec * 1000 + usec / 1000, bytes });
    at += 16 + len;
  }
  return { records, snaplen, linktype };
}
