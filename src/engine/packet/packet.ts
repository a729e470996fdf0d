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
}

export const protoNumber: Record<L4Proto, number> = { icmp: 1, tcp: 6, udp: 17 };

/** The connection-identifying ports of a packet: ICMP echo uses its id as both. */
export function portsOf(p: Packet): { sport: number; dport: number } {
  if (p.proto === 'icmp') return { sport: p.icmp?.id ?? 0, dport: p.icmp?.id ?? 0 };
  return { sport: p.sport ?? 0, dport: p.dport ?? 0 };
}
