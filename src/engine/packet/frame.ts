/** Ethernet frames on the wire: ARP or an IPv4 packet, and what they weigh in link counters. */
import type { Packet } from './packet';

export interface ArpMessage {
  op: 'request' | 'reply';
  senderMac: string;
  senderIp: number;
  targetMac: string;
  targetIp: number;
}

export type Frame =
  | { src: string; dst: string; kind: 'arp'; arp: ArpMessage }
  | { src: string; dst: string; kind: 'ipv4'; packet: Packet };

export const ETH_HEADER = 14;
/** An ARP frame as veth counts it: 14 bytes of Ethernet header and 28 of ARP, no padding. */
export const ARP_FRAME_BYTES = 42;

export function frameBytes(frame: Frame): number {
  return frame.kind === 'arp' ? ARP_FRAME_BYTES : ETH_HEADER + frame.packet.length;
}
