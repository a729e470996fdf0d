/** iproute2 get_prefix / get_addr with its exact error texts. */
import { parseIpv4Loose, parsePrefixLoose, type Prefix } from '../../engine/net/ipv4';
import { IpError } from './args';

function familyVerbose(family: 4 | 6 | null): string {
  return family === 4 ? 'inet' : family === 6 ? 'inet6' : 'any valid';
}

export interface ParsedPrefix extends Prefix {
  /** True when the user wrote an explicit /LEN. */
  hasLen: boolean;
  v6?: { text: string };
}

/** Dies with `Error: any valid prefix is expected rather than "x".` (exit 1) like get_prefix(). */
export function getPrefix(text: string, family: 4 | 6 | null): ParsedPrefix {
  if (text.includes(':') && family !== 4) {
    const v6 = parseIpv6Prefix(text);
    if (v6) return v6;
  } else if (family !== 6) {
    const p = parsePrefixLoose(text);
    if (p) return { ...p, hasLen: text.includes('/') };
  }
  throw new IpError(`Error: ${familyVerbose(family)} prefix is expected rather than "${text}".`, 1);
}

/** ll_addr_a2n: hex octets separated by ':'; the first bad octet is named in the error. */
export function parseLladdr(text: string): string {
  const parts = text.split(':');
  for (const p of parts) {
    if (!/^[0-9a-fA-F]{1,2}$/.test(p)) throw new IpError(`"${p}" is invalid lladdr.`, 1);
  }
  if (parts.length !== 6) throw new IpError(`"${text}" is invalid lladdr.`, 1);
  return parts.map((p) => p.toLowerCase().padStart(2, '0')).join(':');
}

/** get_addr(): an address, no prefix length. */
export function getAddr(text: string, family: 4 | 6 | null, what = 'address'): number {
  const addr = family === 6 ? null : parseIpv4Loose(text);
  if (addr === null) throw new IpError(`Error: ${familyVerbose(family)} ${what} is expected rather than "${text}".`, 1);
  return addr;
}

function parseIpv6Prefix(text: string): ParsedPrefix | null {
  const [addr, len] = text.split('/');
  if (!addr || !/^[0-9a-fA-F:.]+$/.test(addr) || (addr.match(/::/g) ?? []).length > 1) return null;
  const n = len === undefined ? 128 : Number(len);
  if (!Number.isInteger(n) || n < 0 || n > 128) return null;
  return { addr: 0, len: n, hasLen: len !== undefined, v6: { text: addr.toLowerCase() } };
}
