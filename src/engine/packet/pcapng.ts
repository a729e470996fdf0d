/**
 * The pcapng capture format (IETF draft-ietf-opsawg-pcapng, what Wireshark writes by default),
 * for captures over several interfaces: a Section Header Block, one Interface Description
 * Block per interface (LINKTYPE_ETHERNET, if_name, if_description), then one Enhanced Packet
 * Block per frame with its interface, a microsecond timestamp and its direction (epb_flags).
 * Little-endian, every block and option padded to 32 bits.
 */

export interface PcapngInterface {
  /** if_name: what Wireshark's "Interface name" column shows (veth-red). */
  name: string;
  /** if_description: where it is (veth-red in red). */
  description: string;
}

export interface PcapngPacket {
  /** Index into the interfaces. */
  interfaceId: number;
  /** Milliseconds since the epoch (fractional: microseconds). */
  time: number;
  direction: 'in' | 'out';
  bytes: number[];
}

export interface PcapngSection {
  /** shb_userappl: the application that wrote the file. */
  application: string;
  /** opt_comment of the section (Statistics > Capture File Properties in Wireshark). */
  comment: string;
  interfaces: PcapngInterface[];
  packets: PcapngPacket[];
}

export const BLOCK = { section: 0x0a0d0d0a, interface: 0x00000001, enhancedPacket: 0x00000006 } as const;
export const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
export const LINKTYPE_ETHERNET = 1;
export const PCAPNG_SNAPLEN = 262144;
/** epb_flags bits 0-1: 01 inbound, 10 outbound. */
export const EPB_INBOUND = 1;
export const EPB_OUTBOUND = 2;

const OPT_END = 0;
const OPT_COMMENT = 1;
const SHB_USERAPPL = 4;
const IF_NAME = 2;
const IF_DESCRIPTION = 3;
const EPB_FLAGS = 2;

function le16(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff];
}

function le32(n: number): number[] {
  return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
}

function pad4(bytes: number[]): number[] {
  return bytes.length % 4 === 0 ? bytes : bytes.concat(new Array(4 - (bytes.length % 4)).fill(0));
}

function option(code: number, value: number[]): number[] {
  return [...le16(code), ...le16(value.length), ...pad4(value)];
}

function utf8(text: string): number[] {
  return Array.from(new TextEncoder().encode(text));
}

/** Options end with opt_endofopt; a block with none has no option field at all. */
function options(list: number[][]): number[] {
  return list.length === 0 ? [] : [...list.flat(), ...option(OPT_END, [])];
}

function block(type: number, body: number[]): number[] {
  const total = 12 + body.length;
  return [...le32(type), ...le32(total), ...body, ...le32(total)];
}

function sectionHeader(s: PcapngSection): number[] {
  // Section length -1: not given, a reader walks the blocks.
  const body = [...le32(BYTE_ORDER_MAGIC), ...le16(1), ...le16(0), ...new Array(8).fill(0xff)];
  return block(BLOCK.section, [...body, ...options([option(OPT_COMMENT, utf8(s.comment)), option(SHB_USERAPPL, utf8(s.application))])]);
}

function interfaceDescription(i: PcapngInterface): number[] {
  const body = [...le16(LINKTYPE_ETHERNET), ...le16(0), ...le32(PCAPNG_SNAPLEN)];
  // No if_tsresol: the default resolution is microseconds.
  return block(BLOCK.interface, [...body, ...options([option(IF_NAME, utf8(i.name)), option(IF_DESCRIPTION, utf8(i.description))])]);
}

function enhancedPacket(p: PcapngPacket): number[] {
  const us = Math.round(p.time * 1000);
  const high = Math.floor(us / 0x1_0000_0000);
  const low = us - high * 0x1_0000_0000;
  const head = [...le32(p.interfaceId), ...le32(high), ...le32(low), ...le32(p.bytes.length), ...le32(p.bytes.length)];
  const flags = option(EPB_FLAGS, le32(p.direction === 'in' ? EPB_INBOUND : EPB_OUTBOUND));
  return block(BLOCK.enhancedPacket, [...head, ...pad4(p.bytes), ...options([flags])]);
}

/** A whole pcapng file: one section, its interfaces, then its packets in the order given. */
export function pcapngFile(section: PcapngSection): Uint8Array {
  const parts: number[][] = [sectionHeader(section), ...section.interfaces.map(interfaceDescription), ...section.packets.map(enhancedPacket)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
