/** Ethernet frames on the wire: ARP or an IPv4 packet, and what they weigh in link counters. */
import type { Packet } from './packet';

export interface ArpMessage {
  op: 'request' | 'reply';
  senderMac: string;
  senderIp: number;
  targetMac: string;
  targetIp: number;
}

/** `vlan`: the 802.1Q tag's VLAN id while the frame carries one on the wire. */
export type Frame =
  | { src: string; dst: string; kind: 'arp'; arp: ArpMessage; vlan?: number }
  | { src: string; dst: string; kind: 'ipv4'; packet: Packet; vlan?: number };

/** The 4 bytes an 802.1Q tag adds between the source MAC and the ethertype. */
export const VLAN_TAG = 4;

export const ETH_HEADER = 14;
/** An ARP frame as veth counts it: 14 bytes of Ethernet header and 28 of ARP, no padding. */
export const ARP_FRAME_BYTES = 42;

export function frameBytes(frame: Frame): number {
  const tag = frame.vlan === undefined ? 0 : VLAN_TAG;
  return tag + (frame.kind === 'arp' ? ARP_FRAME_BYTES : ETH_HEADER + frame.packet.length);
}

/** The same frame with another 802.1Q tag, or none (`vid` undefined). */
export function withTag(frame: Frame, vid: number | undefined): Frame {
  const copy = { ...frame };
  if (vid === undefined) delete copy.vlan;
  else copy.vlan = vid;
  return copy;
}
