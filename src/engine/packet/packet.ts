import type { DhcpMessage } from '../dhcp-message';
import type { Frame } from './frame';

/** An IPv4 packet as the simulator carries it: enough of the headers for routing, NAT and printing. */
export type L4Proto = 'icmp' | 'tcp' | 'udp';

export type IcmpType = 'echo-request' | 'echo-reply' | 'dest-unreachable' | 'time-exceeded';

export interface Packet {
  src: number;
  dst: number;
  proto: L4Proto;
  ttl: number;
  /** Total IP length in bytes (ping -s 56 gives 84). */
  length: number;
  icmp?: { type: IcmpType; id: number; seq: number; code?: number };
  sport?: number;
  dport?: number;
  tcpFlags?: string;
  /** ICMP errors quote the header of the datagram that caused them (RFC 792). */
  inner?: Packet;
  /** A DHCP message in a UDP datagram between ports 67 and 68. */
  dhcp?: DhcpMessage;
  /** A VXLAN datagram (UDP 4789): the 8-byte header's VNI and the Ethernet frame it carries (see vxlan.ts). */
  vxlan?: { vni: number; frame: Frame };
}

export const protoNumber: Record<L4Proto, number> = { icmp: 1, tcp: 6, udp: 17 };

/** The connection-identifying ports of a packet: ICMP echo uses its id as both. */
export function portsOf(p: Packet): { sport: number; dport: number } {
  if (p.proto === 'icmp') return { sport: p.icmp?.id ?? 0, dport: p.icmp?.id ?? 0 };
  return { sport: p.sport ?? 0, dport: p.dport ?? 0 };
}

/** ICMP codes of "destination unreachable" (RFC 792, RFC 1812). */
export const UNREACH = {
  net: 0,
  host: 1,
  protocol: 2,
  port: 3,
  netProhibited: 9,
  hostProhibited: 10,
  adminProhibited: 13,
} as const;

export const IP_HEADER = 20;
export const ICMP_HEADER = 8;

/** An echo request as ping builds it: `dataLen` bytes of payload after the ICMP header. */
export function echoRequest(src: number, dst: number, opts: { id: number; seq: number; dataLen: number; ttl: number }): Packet {
  return {
    src,
    dst,
    proto: 'icmp',
    ttl: opts.ttl,
    length: IP_HEADER + ICMP_HEADER + opts.dataLen,
    icmp: { type: 'echo-request', id: opts.id, seq: opts.seq },
  };
}

/** icmp_echo: the kernel answers with the same id, sequence and payload. */
export function echoReplyTo(request: Packet, ttl: number): Packet {
  return {
    src: request.dst,
    dst: request.src,
    proto: 'icmp',
    ttl,
    length: request.length,
    icmp: { type: 'echo-reply', id: request.icmp?.id ?? 0, seq: request.icmp?.seq ?? 0 },
  };
}

/** icmp_send: an error quoting the offending datagram (its IP header and 8 bytes). */
export function icmpError(offender: Packet, src: number, type: 'dest-unreachable' | 'time-exceeded', code: number, ttl: number): Packet {
  return {
    src,
    dst: offender.src,
    proto: 'icmp',
    ttl,
    // icmp_send quotes as much of the offending packet as fits in 576 bytes.
    length: IP_HEADER + ICMP_HEADER + Math.min(offender.length, 576 - IP_HEADER - ICMP_HEADER),
    icmp: { type, id: 0, seq: 0, code },
    inner: { ...offender, inner: undefined },
  };
}

/** Errors are never sent about errors (RFC 1122 3.2.2). */
export function isIcmpError(p: Packet): boolean {
  return p.proto === 'icmp' && (p.icmp?.type === 'dest-unreachable' || p.icmp?.type === 'time-exceeded');
}
