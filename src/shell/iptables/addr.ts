/**
 * Addresses as iptables reads and writes them: `-s host[/mask][,host...]` (xtables_ipparse_multiple),
 * names from /etc/hosts and /etc/networks, and the listing forms (`anywhere`, `localhost`,
 * `10.0.0.0/8`, `1.0.3.0/255.0.255.0`). DNS is not reachable from the simulator, so names
 * resolve only through the files, as on a machine whose resolver does not answer.
 */
import { formatIpv4 } from '../../engine/net/ipv4';
import { networkAddr, networkName } from './netdb';
import { paramError, type IptError } from './errors';
import { strtoui } from './numbers';

export interface HostsDb {
  byName: Map<string, number[]>;
  byAddr: Map<number, string>;
}

/** nss_files for AF_INET: every line naming the host counts, and glibc reads `::1` as 127.0.0.1. */
export function parseHosts(text: string): HostsDb {
  const byName = new Map<string, number[]>();
  const byAddr = new Map<number, string>();
  for (const raw of text.split('\n')) {
    const [addrText, ...names] = raw.replace(/#.*/, '').trim().split(/\s+/);
    const v4 = addrText ? strictIpv4(addrText) : null;
    const addr = v4 ?? (addrText === '::1' ? 0x7f000001 : null);
    if (addr === null || names.length === 0) continue;
    if (v4 !== null && !byAddr.has(addr)) byAddr.set(addr, names[0]!);
    for (const n of names) byName.set(n, [...(byName.get(n) ?? []), addr]);
  }
  return { byName, byAddr };
}

function strictIpv4(text: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  const b = m.slice(1).map(Number);
  return b.some((x) => x > 255) ? null : toU32(b);
}

function toU32(b: number[]): number {
  return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
}

/** __numeric_to_ipaddr: up to four parts, missing ones are zero ("10.1" is 10.1.0.0); masks need all four. */
function numericToAddr(text: string, isMask: boolean): number | null {
  const parts = text.slice(0, 19).split('.');
  if (parts.length > 4 || (isMask && parts.length !== 4)) return null;
  const bytes = [0, 0, 0, 0];
  for (let i = 0; i < parts.length; i++) {
    const n = strtoui(parts[i]!, 255);
    if (n === null) return null;
    bytes[i] = n;
  }
  return toU32(bytes);
}

/** inet_aton, which getaddrinfo falls back to: "a", "a.b", "a.b.c" forms pack the last part. */
function inetAton(text: string): number | null {
  const parts = text.split('.');
  if (parts.length > 4) return null;
  const nums: number[] = [];
  for (const p of parts) {
    const n = strtoui(p, 0xffffffff);
    if (n === null || /^\s|^[+-]/.test(p)) return null;
    nums.push(n);
  }
  const last = nums.pop()!;
  const lastMax = [0xffffffff, 0xffffff, 0xffff, 0xff][nums.length]!;
  if (last > lastMax || nums.some((n) => n > 255)) return null;
  let value = 0;
  nums.forEach((n, i) => (value += n * 2 ** (24 - 8 * i)));
  return (value + last) >>> 0;
}

function parseMask(text: string | null): number | IptError {
  if (text === null) return 0xffffffff;
  const dotted = numericToAddr(text, true);
  if (dotted !== null) return dotted;
  const bits = strtoui(text, 32);
  if (bits === null) return paramError(`invalid mask \`${text}' specified`);
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

function hostToAddrs(name: string, hosts: HostsDb): number[] | null {
  const numeric = numericToAddr(name, false);
  if (numeric !== null) return [numeric];
  const net = networkAddr(name);
  if (net !== undefined) return [net];
  const listed = hosts.byName.get(name);
  if (listed) return listed;
  const aton = inetAton(name);
  return aton === null ? null : [aton];
}

export interface ParsedAddr {
  addr: number;
  mask: number;
}

/** `-s`/`-d` argument: comma-separated hosts or networks, each with an optional /len or /mask. */
export function parseAddrList(spec: string, hosts: HostsDb): ParsedAddr[] | IptError {
  const out: ParsedAddr[] = [];
  for (const item of spec.split(',')) {
    const slash = item.lastIndexOf('/');
    const mask = parseMask(slash < 0 ? null : item.slice(slash + 1));
    if (typeof mask !== 'number') return mask;
    const name = mask === 0 ? '0.0.0.0' : slash < 0 ? item : item.slice(0, slash);
    const addrs = hostToAddrs(name, hosts);
    if (!addrs) return paramError(`host/network \`${name}' not found`);
    for (const a of addrs) out.push({ addr: (a & mask) >>> 0, mask });
  }
  return out;
}

/** "/24", "" for /32, or "/255.0.255.0" for a mask that is not a prefix. */
export function maskSuffix(mask: number): string {
  if (mask === 0xffffffff) return '';
  const len = prefixLength(mask);
  return len === null ? `/${formatIpv4(mask)}` : `/${len}`;
}

export function prefixLength(mask: number): number | null {
  for (let len = 0; len <= 32; len++) if ((len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0) === mask) return len;
  return null;
}

/** iptables -S / iptables-save form: always with a length (or dotted mask). */
export function saveAddr(addr: number, mask: number): string {
  const len = prefixLength(mask);
  return `${formatIpv4(addr)}/${len === null ? formatIpv4(mask) : len}`;
}

/** xtables_ipaddr_to_anyname: a host name, else a network name, else the number. */
export function addrName(addr: number, hosts: HostsDb): string {
  return hosts.byAddr.get(addr) ?? networkName(addr) ?? formatIpv4(addr);
}

/** The source/destination column of `iptables -L`. */
export function listAddr(addr: number, mask: number, numeric: boolean, hosts: HostsDb): string {
  if (mask === 0 && !numeric) return 'anywhere';
  return (numeric ? formatIpv4(addr) : addrName(addr, hosts)) + maskSuffix(mask);
}
