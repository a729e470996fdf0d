/**
 * A strict pcapng reader for the tests, written from the format's description rather than from
 * the writer: every block's two lengths must agree and be multiples of 4, options must end
 * inside their block, and packets must name an interface described before them.
 */

export interface ReadInterface {
  linktype: number;
  snaplen: number;
  name?: string;
  description?: string;
}

export interface ReadPacket {
  interfaceId: number;
  /** Microseconds since the epoch. */
  us: number;
  caplen: number;
  origlen: number;
  bytes: number[];
  flags?: number;
}

export interface ReadSection {
  major: number;
  minor: number;
  comment?: string;
  application?: string;
  interfaces: ReadInterface[];
  packets: ReadPacket[];
  /** Block types in file order. */
  blocks: number[];
}

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

function readOptions(b: Uint8Array, from: number, end: number): Map<number, Uint8Array> {
  const opts = new Map<number, Uint8Array>();
  let at = from;
  while (at < end) {
    if (at + 4 > end) throw new Error(`option header past the block at ${at}`);
    const code = u16(b, at);
    const len = u16(b, at + 2);
    if (code === 0) {
      if (len !== 0) throw new Error('opt_endofopt with a length');
      return opts;
    }
    const padded = (len + 3) & ~3;
    if (at + 4 + padded > end) throw new Error(`option ${code} runs past its block`);
    opts.set(code, b.slice(at + 4, at + 4 + len));
    at += 4 + padded;
  }
  if (from < end) throw new Error('options without opt_endofopt');
  return opts;
}

const text = (v: Uint8Array | undefined) => (v === undefined ? undefined : new TextDecoder('utf-8', { fatal: true }).decode(v));

export function readPcapng(b: Uint8Array): ReadSection {
  if (u32(b, 0) !== 0x0a0d0d0a) throw new Error('no Section Header Block first');
  if (u32(b, 8) !== 0x1a2b3c4d) throw new Error('not little-endian pcapng');
  const section: ReadSection = { major: u16(b, 12), minor: u16(b, 14), interfaces: [], packets: [], blocks: [] };
  let at = 0;
  while (at < b.length) {
    if (at + 12 > b.length) throw new Error(`truncated block at ${at}`);
    const type = u32(b, at);
    const total = u32(b, at + 4);
    if (total % 4 !== 0 || total < 12 || at + total > b.length) throw new Error(`bad block length ${total} at ${at}`);
    if (u32(b, at + total - 4) !== total) throw new Error(`trailing length differs at ${at}`);
    const end = at + total - 4;
    section.blocks.push(type);
    if (type === 0x0a0d0d0a) {
      const opts = readOptions(b, at + 24, end);
      section.comment = text(opts.get(1));
      section.application = text(opts.get(4));
    } else if (type === 1) {
      const opts = readOptions(b, at + 16, end);
      section.interfaces.push({ linktype: u16(b, at + 8), snaplen: u32(b, at + 12), name: text(opts.get(2)), description: text(opts.get(3)) });
    } else if (type === 6) {
      const interfaceId = u32(b, at + 8);
      if (interfaceId >= section.interfaces.length) throw new Error(`packet on undescribed interface ${interfaceId}`);
      const caplen = u32(b, at + 20);
      const data = at + 28;
      const opts = readOptions(b, data + ((caplen + 3) & ~3), end);
      const flags = opts.get(2);
      section.packets.push({
        interfaceId,
        us: u32(b, at + 12) * 2 ** 32 + u32(b, at + 16),
        caplen,
        origlen: u32(b, at + 24),
        bytes: Array.from(b.slice(data, data + caplen)),
        ...(flags ? { flags: u32(flags, 0) } : {}),
      });
    } else {
      throw new Error(`unexpected block type ${type}`);
    }
    at += total;
  }
  return section;
}
