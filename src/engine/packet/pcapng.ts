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

/** Writes little-endian fields into one preallocated buffer (a capture of thousands of frames stays fast). */
class BlockWriter {
  private readonly view: DataView;
  at = 0;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u16(n: number): void {
    this.view.setUint16(this.at, n, true);
    this.at += 2;
  }
  u32(n: number): void {
    this.view.setUint32(this.at, n >>> 0, true);
    this.at += 4;
  }
  /** Data then zeros up to the next 32-bit boundary. */
  padded(data: ArrayLike<number>): void {
    this.bytes.set(data, this.at);
    this.at += padded(data.length);
  }
}

function padded(length: number): number {
  return (length + 3) & ~3;
}

interface Option {
  code: number;
  value: ArrayLike<number>;
}

function optionsLength(options: Option[]): number {
  return options.length === 0 ? 0 : options.reduce((n, o) => n + 4 + padded(o.value.length), 4);
}

/** Options end with opt_endofopt; a block with none has no option field at all. */
function writeOptions(w: BlockWriter, options: Option[]): void {
  if (options.length === 0) return;
  for (const o of options) {
    w.u16(o.code);
    w.u16(o.value.length);
    w.padded(o.value);
  }
  w.u16(OPT_END);
  w.u16(0);
}

/** A block: type, total length, the body `write` fills (exactly `bodyLength` bytes), total length again. */
function writeBlock(w: BlockWriter, type: number, bodyLength: number, write: () => void): void {
  const total = 12 + bodyLength;
  w.u32(type);
  w.u32(total);
  write();
  w.u32(total);
}

function le32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n >>> 0, true);
  return b;
}

/** A whole pcapng file: one section, its interfaces, then its packets in the order given. */
export function pcapngFile(section: PcapngSection): Uint8Array {
  const text = new TextEncoder();
  // Section length -1 (not given): a reader walks the blocks.
  const shbOptions: Option[] = [
    { code: OPT_COMMENT, value: text.encode(section.comment) },
    { code: SHB_USERAPPL, value: text.encode(section.application) },
  ];
  // No if_tsresol: the default resolution is microseconds.
  const idbOptions = section.interfaces.map((i): Option[] => [
    { code: IF_NAME, value: text.encode(i.name) },
    { code: IF_DESCRIPTION, value: text.encode(i.description) },
  ]);
  const flags = { in: [{ code: EPB_FLAGS, value: le32(EPB_INBOUND) }], out: [{ code: EPB_FLAGS, value: le32(EPB_OUTBOUND) }] };
  const shbBody = 16 + optionsLength(shbOptions);
  const idbBodies = idbOptions.map((o) => 8 + optionsLength(o));
  const epbBodies = section.packets.map((p) => 20 + padded(p.bytes.length) + optionsLength(flags[p.direction]));
  const size = [shbBody, ...idbBodies, ...epbBodies].reduce((n, body) => n + 12 + body, 0);
  const w = new BlockWriter(new Uint8Array(size));
  writeBlock(w, BLOCK.section, shbBody, () => {
    w.u32(BYTE_ORDER_MAGIC);
    w.u16(1);
    w.u16(0);
    w.u32(0xffffffff);
    w.u32(0xffffffff);
    writeOptions(w, shbOptions);
  });
  idbOptions.forEach((options, i) =>
    writeBlock(w, BLOCK.interface, idbBodies[i]!, () => {
      w.u16(LINKTYPE_ETHERNET);
      w.u16(0);
      w.u32(PCAPNG_SNAPLEN);
      writeOptions(w, options);
    }),
  );
  section.packets.forEach((p, i) =>
    writeBlock(w, BLOCK.enhancedPacket, epbBodies[i]!, () => {
      const us = Math.round(p.time * 1000);
      const high = Math.floor(us / 0x1_0000_0000);
      w.u32(p.interfaceId);
      w.u32(high);
      w.u32(us - high * 0x1_0000_0000);
      w.u32(p.bytes.length);
      w.u32(p.bytes.length);
      w.padded(p.bytes);
      writeOptions(w, flags[p.direction]);
    }),
  );
  return w.bytes;
}
