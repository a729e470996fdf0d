/**
 * DHCP servers and leases (RFC 2131) as dnsmasq 2.90 runs them, and the client leases that
 * dhclient/udhcpc hold. A server answers on one link of its namespace (dnsmasq --interface,
 * or the router's LAN NIC). Addresses are picked as dnsmasq's address_allocate does: the SDBM
 * hash of the client's MAC, modulo the range size, then the next free one; a client that
 * had a lease gets it back. State lives in Netns.dhcp, so snapshots and restores carry it.
 */
import type { World } from './world';
import { addrs4Of } from './net/addr';
import { linksIn } from './net/links';
import type { Link, Netns } from './net/types';
import type { DhcpMessage } from './dhcp-message';

export interface DhcpLease {
  mac: string;
  ip: number;
  /** Simulated ms when it runs out. */
  expiresAt: number;
  hostname: string | null;
}

export interface DhcpServer {
  program: 'dnsmasq';
  pid: number;
  /** The link it answers on, or null for every link with an address in the range's subnet. */
  linkId: number | null;
  start: number;
  end: number;
  mask: number | null;
  leaseSecs: number;
  router: number | null;
  dns: number | null;
  leases: DhcpLease[];
  /** Where it writes its leases (dnsmasq's /var/lib/misc/dnsmasq.leases), or null (router). */
  leaseFile: string | null;
  /** Addresses being ping-checked before a first offer: MAC -> when the offer goes out. */
  pinging?: Record<string, number>;
  /** dnsmasq --port: its DNS port (53 by default; 0 turns DNS off), bound on every address with TCP and UDP, IPv4 and IPv6. */
  dnsPort?: number;
}

/** What a client got and keeps (dhclient's lease file, udhcpc's state). */
export interface DhcpClientLease {
  program: 'dhclient' | 'udhcpc';
  linkId: number;
  ip: number;
  mask: number;
  router: number | null;
  dns: number | null;
  serverId: number;
  leaseSecs: number;
  boundAt: number;
  hostname: string | null;
  /** The daemon still runs (dhclient forks and renews). */
  running: boolean;
  /** The daemon's process id (ss -p, netstat -p). */
  pid?: number;
  /** Simulated ms of T1, when the daemon asks its server to renew. */
  renewAt?: number;
  /** dnsmasq answers a DISCOVER and a REQUEST with options in different orders (lease file). */
  via: 'discover' | 'reboot';
}

export interface DhcpState {
  servers: DhcpServer[];
  clients: DhcpClientLease[];
}

export function dhcpState(ns: Netns): DhcpState {
  return (ns.dhcp ??= { servers: [], clients: [] });
}

const u32 = (n: number) => n >>> 0;

/** dnsmasq's SDBM hash of the hardware address (rfc2131.c address_allocate). */
export function macHash(mac: string): number {
  let j = 0;
  for (const byte of mac.split(':').map((b) => parseInt(b, 16))) j = u32(byte + u32(j << 6) + u32(j << 16) - j);
  return j === 0 ? 1 : j;
}

function prefixMask(len: number): number {
  return len === 0 ? 0 : u32(0xffffffff << (32 - len));
}

/** The address, mask and link a server answers from on `link` (its primary address in the range's subnet). */
export function serverAddress(ns: Netns, server: DhcpServer, link: Link): { ip: number; mask: number } | null {
  if (server.linkId !== null && server.linkId !== link.id) return null;
  for (const a of addrs4Of(ns, link)) {
    const mask = server.mask ?? prefixMask(a.prefixLen);
    if (u32(a.local & mask) === u32(server.start & mask)) return { ip: a.local, mask };
  }
  return null;
}

export function serverFor(ns: Netns, link: Link): DhcpServer | undefined {
  return ns.dhcp?.servers.find((s) => serverAddress(ns, s, link) !== null);
}

function inUse(server: DhcpServer, ip: number, mac: string, now: number): boolean {
  return server.leases.some((l) => l.ip === ip && l.mac !== mac && l.expiresAt > now);
}

/** address_allocate: the client's old lease, else hash(MAC) into the range, then the next free address. */
export function allocate(server: DhcpServer, mac: string, avoid: number, now: number): number | null {
  const old = server.leases.find((l) => l.mac === mac);
  if (old) return old.ip;
  const size = server.end - server.start + 1;
  const first = macHash(mac) % size;
  for (let i = 0; i < size; i++) {
    const ip = server.start + ((first + i) % size);
    if (ip !== avoid && !inUse(server, ip, mac, now)) return ip;
  }
  return null;
}

/** dhcp_reply: what the server sends back to a client message arriving on `link`, if anything. */
export function serve(world: World, ns: Netns, link: Link, msg: DhcpMessage): DhcpMessage | null {
  const server = serverFor(ns, link);
  if (!server || msg.op !== 'request') return null;
  const me = serverAddress(ns, server, link)!;
  const now = world.clock.now();
  const reply = (type: 'OFFER' | 'ACK' | 'NAK', yiaddr: number): DhcpMessage => ({
    type,
    op: 'reply',
    xid: msg.xid,
    chaddr: msg.chaddr,
    ciaddr: 0,
    yiaddr,
    serverId: me.ip,
    ...(type === 'NAK' ? {} : { mask: me.mask, router: server.router ?? me.ip, dns: server.dns ?? me.ip, leaseSecs: server.leaseSecs, ...(msg.hostname ? { hostname: msg.hostname } : {}) }),
    ...(type !== 'NAK' && (server.router !== null || server.dns !== null) ? { configured: true } : {}),
  });
  if (msg.type === 'DISCOVER') {
    const ip = allocate(server, msg.chaddr, me.ip, now);
    return ip === null ? null : reply('OFFER', ip);
  }
  if (msg.type === 'REQUEST') {
    if (msg.serverId !== undefined && msg.serverId !== me.ip) return null;
    const wanted = msg.requested ?? msg.ciaddr;
    const ok = wanted >= server.start && wanted <= server.end && wanted !== me.ip && !inUse(server, wanted, msg.chaddr, now);
    if (!ok) return reply('NAK', 0);
    server.leases = server.leases.filter((l) => l.mac !== msg.chaddr);
    server.leases.push({ mac: msg.chaddr, ip: wanted, expiresAt: now + server.leaseSecs * 1000, hostname: msg.hostname ?? null });
    const ack = reply('ACK', wanted);
    // rfc2131.c: a renewing client (ciaddr set) gets T1 and T2 less a fuzz of up to lease/16 s,
    // so that clients bound together do not renew together (recorded: 53 and 98 for a 2m lease).
    if (msg.ciaddr !== 0 && server.leaseSecs !== 0xffffffff) {
      const fuzz = world.rng.int(0, Math.floor(server.leaseSecs / 16));
      Object.assign(ack, { t1: Math.floor(server.leaseSecs / 2) - fuzz, t2: Math.floor((server.leaseSecs * 7) / 8) - fuzz });
    }
    return ack;
  }
  if (msg.type === 'RELEASE') server.leases = server.leases.filter((l) => !(l.mac === msg.chaddr && l.ip === msg.ciaddr));
  return null;
}

/** Starts a DHCP server in `ns`; fails (an errno word) when one runs there: both would bind 0.0.0.0:67. */
export function startServer(world: World, ns: Netns, server: DhcpServer): 'EADDRINUSE' | null {
  const state = dhcpState(ns);
  if (state.servers.length > 0) return 'EADDRINUSE';
  state.servers.push(server);
  world.changed();
  return null;
}

/** The links a server listens on (for netstat/ss and the view). */
export function serverLinks(world: World, ns: Netns, server: DhcpServer): Link[] {
  return linksIn(world, ns.id).filter((l) => serverAddress(ns, server, l) !== null);
}

export function clientLease(ns: Netns, link: Link): DhcpClientLease | undefined {
  return ns.dhcp?.clients.find((c) => c.linkId === link.id);
}
