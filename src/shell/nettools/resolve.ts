/**
 * Name lookups the way glibc does them on the simulated host (nsswitch "hosts: files dns"):
 * numeric forms first (inet_aton), then /etc/hosts, then the context's name service if it has
 * one (Docker's embedded DNS inside a container). The simulated LAN has no DNS server, so on the
 * host a name missing from /etc/hosts fails, and reverse lookups of other addresses find nothing.
 */
import { formatIpv4 } from '../../engine/net/ipv4';
import type { ShellContext } from '../types';

export interface HostsEntry {
  addr: string;
  names: string[];
}

export function parseHosts(text: string): HostsEntry[] {
  const entries: HostsEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [addr, ...names] = line.split(/\s+/);
    if (addr && names.length > 0) entries.push({ addr, names });
  }
  return entries;
}

function hostsOf(ctx: ShellContext): HostsEntry[] {
  const file = ctx.fs.read('/etc/hosts', ctx.ns);
  return file.ok ? parseHosts(file.data) : [];
}

/** inet_aton: "a.b.c.d", "a.b.c" (c is 16 bits), "a.b" (b is 24 bits), "a"; parts in C bases. */
export function inetAton(text: string): number | null {
  const parts = text.split('.');
  if (parts.length === 0 || parts.length > 4) return null;
  const nums: number[] = [];
  for (const p of parts) {
    let n: number;
    if (/^0[xX][0-9a-fA-F]*$/.test(p)) n = p.length === 2 ? 0 : parseInt(p.slice(2), 16);
    else if (/^0[0-7]*$/.test(p)) n = parseInt(p, 8);
    else if (/^[1-9][0-9]*$/.test(p)) n = Number(p);
    else return null;
    nums.push(n);
  }
  const last = nums[nums.length - 1]!;
  const head = nums.slice(0, -1);
  if (head.some((n) => n > 255)) return null;
  const lastBits = 8 * (4 - head.length);
  if (last >= 2 ** lastBits) return null;
  let value = 0;
  head.forEach((n, i) => (value += n * 2 ** (24 - 8 * i)));
  return (value + last) >>> 0;
}

export type LookupError = 'EAI_NONAME' | 'EAI_AGAIN' | 'EAI_ADDRFAMILY';
export type Lookup =
  | { ok: true; family: 4; addr: number; numeric: boolean }
  | { ok: true; family: 6; addr6: string; numeric: boolean }
  | { ok: false; error: LookupError };

/** The only IPv6 address the simulated stacks carry. */
const LOOPBACK6 = '::1';

function isIpv6Loopback(text: string): boolean {
  return /^(0{0,4}:){2,7}0{0,3}1$/.test(text) || text === '::1';
}

/**
 * getaddrinfo(name, AF_UNSPEC or the family asked for). With both an IPv6 and an IPv4 answer
 * (localhost), RFC 6724 puts ::1 first while the namespace has it.
 */
export function lookupHost(ctx: ShellContext, name: string, family: 4 | 6 | null = 4): Lookup {
  const numeric = family === 6 ? null : inetAton(name);
  if (numeric !== null) return { ok: true, family: 4, addr: numeric, numeric: true };
  if (name.includes(':')) {
    if (family === 4) return { ok: false, error: 'EAI_ADDRFAMILY' };
    return isIpv6Loopback(name) ? { ok: true, family: 6, addr6: LOOPBACK6, numeric: true } : { ok: false, error: 'EAI_NONAME' };
  }
  let v4: number | null = null;
  let v6 = false;
  for (const entry of hostsOf(ctx)) {
    if (!entry.names.includes(name)) continue;
    if (v4 === null && /^\d+\.\d+\.\d+\.\d+$/.test(entry.addr)) v4 = inetAton(entry.addr);
    if (isIpv6Loopback(entry.addr)) v6 = true;
  }
  if (v4 === null) v4 = ctx.nss?.byName(name) ?? null;
  const has6 = ctx.ns.addrs.some((a) => a.family === 6 && a.local === LOOPBACK6);
  if (v6 && family !== 4 && (has6 || v4 === null || family === 6)) return { ok: true, family: 6, addr6: LOOPBACK6, numeric: false };
  if (v4 !== null && family !== 6) return { ok: true, family: 4, addr: v4, numeric: false };
  return { ok: false, error: family === 6 && v4 !== null ? 'EAI_ADDRFAMILY' : 'EAI_AGAIN' };
}

/** The first name /etc/hosts gives an IPv6 address. */
export function reverseLookup6(ctx: ShellContext, addr: string): string | null {
  for (const entry of hostsOf(ctx)) if (isIpv6Loopback(entry.addr) && addr === LOOPBACK6) return entry.names[0]!;
  return null;
}

/** gai_strerror */
export function lookupMessage(error: LookupError): string {
  if (error === 'EAI_NONAME') return 'Name or service not known';
  if (error === 'EAI_ADDRFAMILY') return 'Address family for hostname not supported';
  return 'Temporary failure in name resolution';
}

/** getnameinfo / gethostbyaddr: the first name /etc/hosts gives the address, or null. */
export function reverseLookup(ctx: ShellContext, addr: number): string | null {
  const text = formatIpv4(addr);
  for (const entry of hostsOf(ctx)) if (entry.addr === text) return entry.names[0]!;
  return ctx.nss?.byAddr(addr) ?? null;
}

export type Lookup4 = { ok: true; addr: number; numeric: boolean } | { ok: false; error: LookupError };

/** gethostbyname: IPv4 only (what net-tools uses). */
export function lookupHost4(ctx: ShellContext, name: string): Lookup4 {
  const found = lookupHost(ctx, name, 4);
  if (!found.ok) return found;
  if (found.family !== 4) return { ok: false, error: 'EAI_ADDRFAMILY' };
  return { ok: true, addr: found.addr, numeric: found.numeric };
}
