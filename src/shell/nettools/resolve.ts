/**
 * Name lookups the way glibc does them on the simulated host (nsswitch "hosts: files dns"):
 * numeric forms first (inet_aton), then /etc/hosts. The simulated LAN has no DNS server, so a
 * name missing from /etc/hosts fails, and reverse lookups of other addresses find nothing.
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

export type LookupError = 'EAI_NONAME' | 'EAI_AGAIN';
export type Lookup = { ok: true; addr: number; numeric: boolean } | { ok: false; error: LookupError };

/** getaddrinfo(name, AF_INET). */
export function lookupHost(ctx: ShellContext, name: string): Lookup {
  const numeric = inetAton(name);
  if (numeric !== null) return { ok: true, addr: numeric, numeric: true };
  for (const entry of hostsOf(ctx)) {
    const addr = /^\d+\.\d+\.\d+\.\d+$/.test(entry.addr) ? inetAton(entry.addr) : null;
    if (addr !== null && entry.names.includes(name)) return { ok: true, addr, numeric: false };
  }
  return { ok: false, error: 'EAI_AGAIN' };
}

/** gai_strerror */
export function lookupMessage(error: LookupError): string {
  return error === 'EAI_NONAME' ? 'Name or service not known' : 'Temporary failure in name resolution';
}

/** getnameinfo / gethostbyaddr: the first name /etc/hosts gives the address, or null. */
export function reverseLookup(ctx: ShellContext, addr: number): string | null {
  const text = formatIpv4(addr);
  for (const entry of hostsOf(ctx)) if (entry.addr === text) return entry.names[0]!;
  return null;
}
