/** IPv4 addresses as unsigned 32-bit numbers, parsed the way iproute2's get_addr_ipv4 does. */

/** Parses like iproute2: 1-4 dot-separated parts, each strtoul(base 0) <= 255 ("10" is 10.0.0.0). */
export function parseIpv4Loose(text: string): number | null {
  const parts = text.split('.');
  if (parts.length === 0 || parts.length > 4) return null;
  const bytes = [0, 0, 0, 0];
  for (let i = 0; i < parts.length; i++) {
    const n = parseCNumber(parts[i]!);
    if (n === null || n > 255) return null;
    bytes[i] = n;
  }
  return toU32(bytes);
}

/** Strict dotted quad, as inet_pton(AF_INET) accepts. */
export function parseIpv4(text: string): number | null {
  if (!/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(text)) return null;
  const bytes = text.split('.').map(Number);
  if (bytes.some((b) => b > 255)) return null;
  return toU32(bytes);
}

/** strtoul(s, &end, 0) that must consume the whole string. */
function parseCNumber(s: string): number | null {
  if (/^0[xX][0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^0[0-7]*$/.test(s)) return parseInt(s, 8);
  if (/^[1-9][0-9]*$/.test(s)) return s.length > 12 ? Infinity : parseInt(s, 10);
  return null;
}

function toU32(bytes: number[]): number {
  return (((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0);
}

export function formatIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff].join('.');
}

export function prefixMask(len: number): number {
  return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
}

export function networkOf(addr: number, len: number): number {
  return (addr & prefixMask(len)) >>> 0;
}

export function broadcastOf(addr: number, len: number): number {
  return (networkOf(addr, len) | (~prefixMask(len) >>> 0)) >>> 0;
}

export function inPrefix(addr: number, net: number, len: number): boolean {
  return networkOf(addr, len) === networkOf(net, len);
}

/** A dotted netmask (255.255.255.0) to a prefix length, or null if not contiguous. */
export function maskToPrefix(mask: number): number | null {
  const inv = ~mask >>> 0;
  if ((inv & (inv + 1)) !== 0) return null;
  return 32 - Math.log2(inv + 1);
}

export interface Prefix {
  addr: number;
  len: number;
}

/** iproute2 get_prefix for AF_INET: "default"/"any"/"all", ADDR, ADDR/LEN or ADDR/MASK. */
export function parsePrefixLoose(text: string): Prefix | null {
  if (text === 'default' || text === 'any' || text === 'all') return { addr: 0, len: 0 };
  const slash = text.indexOf('/');
  const addr = parseIpv4Loose(slash < 0 ? text : text.slice(0, slash));
  if (addr === null) return null;
  if (slash < 0) return { addr, len: 32 };
  const lenText = text.slice(slash + 1);
  const len = parsePrefixLen(lenText);
  return len === null ? null : { addr, len };
}

function parsePrefixLen(text: string): number | null {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n <= 32 ? n : null;
  }
  const mask = parseIpv4(text);
  return mask === null ? null : maskToPrefix(mask);
}

export function isMulticast(addr: number): boolean {
  return addr >>> 28 === 0xe;
}

export function isLoopbackNet(addr: number): boolean {
  return addr >>> 24 === 127;
}
