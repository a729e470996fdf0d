/**
 * A DHCP message as the bytes of its UDP payload (RFC 2131's BOOTP layout, RFC 2132's options
 * after the magic cookie, padded to the 300-byte BOOTP minimum dhclient and dnsmasq send), and
 * back: so `tcpdump -w` and the topology view's pcap export carry a DORA exchange Wireshark
 * decodes, and `tcpdump -r` reads it back as BOOTP/DHCP.
 */
import type { DhcpMessage, DhcpType } from '../dhcp-message';
import { BOOTP_MIN } from '../dhcp-message';

const MESSAGE_TYPE: Record<DhcpType, number> = { DISCOVER: 1, OFFER: 2, REQUEST: 3, DECLINE: 4, ACK: 5, NAK: 6, RELEASE: 7 };
const TYPE_BY_NUMBER = Object.fromEntries(Object.entries(MESSAGE_TYPE).map(([k, v]) => [v, k as DhcpType])) as Record<number, DhcpType>;
const MAGIC_COOKIE = [99, 130, 83, 99];
/** Where the options start: the fixed BOOTP fields (236 bytes) and the cookie. */
const OPTIONS_AT = 240;
/** Debian's dhclient.conf `request` list: subnet-mask, time-offset, broadcast-address, routers, domain-name, ... */
const PARAMETER_REQUEST = [1, 28, 2, 3, 15, 6, 119, 12, 44, 47, 26, 121, 42];

const OPT = { pad: 0, mask: 1, router: 3, dns: 6, hostname: 12, broadcast: 28, requested: 50, lease: 51, type: 53, serverId: 54, params: 55, t1: 58, t2: 59, end: 255 } as const;

function u16(n: number): number[] {
  return [(n >>> 8) & 0xff, n & 0xff];
}

function u32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

function u32At(b: number[], at: number): number {
  return (((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>> 0;
}

function option(code: number, value: number[]): number[] {
  return [code, value.length, ...value];
}

function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0) & 0xff);
}

function broadcastOf(addr: number, mask: number): number {
  return (addr | ~mask) >>> 0;
}

function clientOptions(m: DhcpMessage): number[][] {
  const out = [option(OPT.type, [MESSAGE_TYPE[m.type]])];
  if (m.serverId !== undefined && m.type !== 'DISCOVER') out.push(option(OPT.serverId, u32(m.serverId)));
  if (m.requested !== undefined) out.push(option(OPT.requested, u32(m.requested)));
  if (m.type === 'RELEASE' || m.type === 'DECLINE') return out;
  if (m.hostname) out.push(option(OPT.hostname, ascii(m.hostname)));
  out.push(option(OPT.params, PARAMETER_REQUEST));
  return out;
}

function serverOptions(m: DhcpMessage): number[][] {
  const out = [option(OPT.type, [MESSAGE_TYPE[m.type]])];
  if (m.serverId !== undefined) out.push(option(OPT.serverId, u32(m.serverId)));
  if (m.type === 'NAK') return out;
  const lease = m.leaseSecs;
  if (lease !== undefined) {
    out.push(option(OPT.lease, u32(lease)));
    if (lease !== 0xffffffff) out.push(option(OPT.t1, u32(m.t1 ?? Math.floor(lease / 2))), option(OPT.t2, u32(m.t2 ?? Math.floor((lease * 7) / 8))));
  }
  const net = m.mask === undefined ? [] : [option(OPT.mask, u32(m.mask)), option(OPT.broadcast, u32(broadcastOf(m.yiaddr, m.mask)))];
  const given = [...(m.router === undefined ? [] : [option(OPT.router, u32(m.router))]), ...(m.dns === undefined ? [] : [option(OPT.dns, u32(m.dns))])];
  // Options given to the server (dnsmasq --dhcp-option) lead its answer.
  out.push(...(m.configured ? [...given, ...net] : [...net, ...given]));
  if (m.hostname) out.push(option(OPT.hostname, ascii(m.hostname)));
  return out;
}

/** The UDP payload: BOOTP fields, cookie, options, END, zero padding to BOOTP_MIN. */
export function bootpBytes(m: DhcpMessage): number[] {
  const chaddr = m.chaddr.split(':').map((h) => parseInt(h, 16));
  const fixed = [m.op === 'request' ? 1 : 2, 1, 6, 0, ...u32(m.xid), ...u16(0), ...u16(0), ...u32(m.ciaddr), ...u32(m.yiaddr), ...u32(0), ...u32(0)];
  const hw = chaddr.concat(new Array(16 - chaddr.length).fill(0));
  const names = new Array(64 + 128).fill(0);
  const options = [...(m.op === 'request' ? clientOptions(m) : serverOptions(m)).flat(), OPT.end];
  const out = [...fixed, ...hw, ...names, ...MAGIC_COOKIE, ...options];
  return out.length >= BOOTP_MIN ? out : out.concat(new Array(BOOTP_MIN - out.length).fill(0));
}

/** Reads a BOOTP payload back (null without the DHCP cookie or a message type). */
export function bootpFromBytes(b: number[], at: number): DhcpMessage | null {
  if (MAGIC_COOKIE.some((x, i) => b[at + 236 + i] !== x)) return null;
  const opts = new Map<number, number[]>();
  const order: number[] = [];
  for (let i = at + OPTIONS_AT; i < b.length; ) {
    const code = b[i] ?? OPT.end;
    if (code === OPT.end) break;
    if (code === OPT.pad) {
      i++;
      continue;
    }
    const len = b[i + 1] ?? 0;
    opts.set(code, b.slice(i + 2, i + 2 + len));
    order.push(code);
    i += 2 + len;
  }
  const type = TYPE_BY_NUMBER[opts.get(OPT.type)?.[0] ?? 0];
  if (!type) return null;
  const chaddr = b
    .slice(at + 28, at + 34)
    .map((x) => x.toString(16).padStart(2, '0'))
    .join(':');
  const m: DhcpMessage = { type, op: b[at] === 1 ? 'request' : 'reply', xid: u32At(b, at + 4), chaddr, ciaddr: u32At(b, at + 12), yiaddr: u32At(b, at + 16) };
  const addr = (code: number) => (opts.has(code) ? u32At(opts.get(code)!, 0) : undefined);
  const fields: Array<[keyof DhcpMessage, number]> = [['requested', OPT.requested], ['serverId', OPT.serverId], ['mask', OPT.mask], ['router', OPT.router], ['dns', OPT.dns], ['leaseSecs', OPT.lease]];
  for (const [name, code] of fields) {
    const v = addr(code);
    if (v !== undefined) (m as unknown as Record<string, number>)[name] = v;
  }
  const host = opts.get(OPT.hostname);
  if (host) m.hostname = String.fromCharCode(...host);
  // T1/T2 are carried on the message only when they are not the defaults (a renewal's fuzz).
  const lease = m.leaseSecs;
  const t1 = addr(OPT.t1);
  const t2 = addr(OPT.t2);
  if (lease !== undefined && t1 !== undefined && t1 !== Math.floor(lease / 2)) m.t1 = t1;
  if (lease !== undefined && t2 !== undefined && t2 !== Math.floor((lease * 7) / 8)) m.t2 = t2;
  if (m.op === 'reply' && order.includes(OPT.router) && order.indexOf(OPT.router) < order.indexOf(OPT.mask)) m.configured = true;
  return m;
}
