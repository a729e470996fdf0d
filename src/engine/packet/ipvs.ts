/**
 * IPVS (net/netfilter/ipvs) in NAT mode, as Docker programs it for service VIPs: per namespace a
 * table of virtual services (a VIP, optionally a protocol and port) with their real servers. A new
 * connection to a VIP is scheduled round robin (ip_vs_rr) and remembered, its packets have their
 * destination rewritten to the real server, and the real server's replies have their source
 * rewritten back to the VIP. Only TCP and UDP are balanced (ICMP to a VIP is not IPVS's).
 *
 * Order matters and is the kernel's: a new real server is added at the head of the service's list
 * (list_add_rcu in __ip_vs_update_dest), and ip_vs_rr_schedule takes the entry after the last one
 * it chose, starting from the head. So servers added 1, 2, 3 are chosen 3, 2, 1, 3, 2, 1...
 */
import type { World } from '../world';
import { formatIpv4 } from '../net/ipv4';
import type { Netns } from '../net/types';
import type { Packet } from './packet';
import { hop, type Walk } from './walk-context';

export interface RealServer {
  ip: number;
  /** The port connections go to; null keeps the one the client asked for (firewall-mark services). */
  port: number | null;
}

export interface VirtualService {
  vip: number;
  /** null: any TCP or UDP port (Docker marks VIP traffic with a firewall mark and balances the mark). */
  proto: 'tcp' | 'udp' | null;
  port: number | null;
  /** What traces call it ("service web"). */
  label: string;
  /** Real servers in the kernel's list order (newest first). */
  dests: RealServer[];
  /** Index in `dests` of the one chosen last (svc->sched_data), -1 for the list head. */
  last: number;
}

export interface IpvsConn {
  proto: 'tcp' | 'udp';
  client: number;
  cport: number;
  vip: number;
  vport: number;
  real: number;
  rport: number;
  at: number;
}

interface IpvsTable {
  services: VirtualService[];
  conns: IpvsConn[];
}

type IpvsWorldState = World['state'] & { ipvs?: Record<number, IpvsTable> };

/** Connections older than this are forgotten (ip_vs's TCP established timeout is 15 minutes). */
const CONN_TIMEOUT_MS = 15 * 60_000;
const MAX_CONNS = 1024;

function tableOf(world: World, nsId: number, create: true): IpvsTable;
function tableOf(world: World, nsId: number, create: false): IpvsTable | undefined;
function tableOf(world: World, nsId: number, create: boolean): IpvsTable | undefined {
  const state = world.state as IpvsWorldState;
  // Reading (every packet asks) never adds anything to the world state.
  if (!create) return state.ipvs?.[nsId];
  const all = (state.ipvs ??= {});
  return (all[nsId] ??= { services: [], conns: [] });
}

export function virtualServices(world: World, nsId: number): VirtualService[] {
  return tableOf(world, nsId, false)?.services ?? [];
}

function sameKey(s: VirtualService, vip: number, proto: VirtualService['proto'], port: number | null): boolean {
  return s.vip === vip && s.proto === proto && s.port === port;
}

/** A real server as one number (address and port; a port-less one below zero), for cheap sets. */
export function destKey(r: RealServer): number {
  return r.port === null ? -r.ip - 1 : r.ip * 65536 + r.port;
}

/**
 * Makes the namespace's service for (vip, proto, port) have exactly `reals`: servers no longer
 * wanted are deleted (ip_vs_rr_del_dest moves the cursor back when its server goes), new ones are
 * added in the given order, each at the head of the list.
 */
export function setVirtualService(world: World, nsId: number, key: { vip: number; proto: VirtualService['proto']; port: number | null; label: string }, reals: RealServer[], wanted: ReadonlySet<number> = new Set(reals.map(destKey))): void {
  const table = tableOf(world, nsId, true);
  let svc = table.services.find((s) => sameKey(s, key.vip, key.proto, key.port));
  if (!svc) {
    svc = { vip: key.vip, proto: key.proto, port: key.port, label: key.label, dests: [], last: -1 };
    table.services.push(svc);
  }
  if (svc.dests.length === wanted.size && svc.dests.every((d) => wanted.has(destKey(d)))) return;
  const have = new Set(svc.dests.map(destKey));
  for (let i = svc.dests.length - 1; i >= 0; i--) {
    if (wanted.has(destKey(svc.dests[i]!))) continue;
    svc.dests.splice(i, 1);
    if (svc.last >= i) svc.last--;
  }
  // Each new server goes to the head: the added ones end up in reverse order before the others
  // (one concatenation; an unshift per server made a table of n servers cost n²).
  const added: RealServer[] = [];
  for (const r of reals) {
    if (have.has(destKey(r))) continue;
    have.add(destKey(r));
    added.push({ ...r });
  }
  if (added.length === 0) return;
  svc.dests = [...added.reverse(), ...svc.dests];
  if (svc.last >= 0) svc.last += added.length;
}

/** Deletes the namespace's services that `keep` rejects (and their connections). */
export function pruneVirtualServices(world: World, nsId: number, keep: (s: VirtualService) => boolean): void {
  const table = tableOf(world, nsId, false);
  if (!table) return;
  table.services = table.services.filter(keep);
  table.conns = table.conns.filter((c) => table.services.some((s) => s.vip === c.vip));
  if (table.services.length === 0) delete (world.state as IpvsWorldState).ipvs![nsId];
}

/** ip_vs_rr_schedule: the entry after the last one chosen, wrapping past the head. */
export function scheduleRoundRobin(svc: VirtualService): RealServer | undefined {
  if (svc.dests.length === 0) return undefined;
  svc.last = (svc.last + 1) % svc.dests.length;
  return svc.dests[svc.last];
}

function serviceFor(table: IpvsTable, p: Packet): VirtualService | undefined {
  if (p.proto === 'icmp') return undefined;
  return table.services.find((s) => s.vip === p.dst && (s.proto === null || (s.proto === p.proto && s.port === p.dport)));
}

function isNewConnection(p: Packet): boolean {
  const flags = (p.tcpFlags ?? '').toUpperCase();
  return p.proto === 'tcp' && flags.includes('SYN') && !flags.includes('ACK');
}

/**
 * ip_vs_in: a packet for a virtual service gets its real server (a new connection is scheduled;
 * a SYN always is, as conn_reuse_mode does for a finished connection), with the trace saying so.
 */
export function ipvsForward(walk: Walk, ns: Netns, p: Packet): Packet {
  const table = tableOf(walk.world, ns.id, false);
  if (!table || table.services.length === 0 || p.proto === 'icmp') return p;
  const svc = serviceFor(table, p);
  if (!svc) return p;
  const proto = p.proto as 'tcp' | 'udp';
  const cport = p.sport ?? 0;
  const vport = p.dport ?? 0;
  table.conns = table.conns.filter((c) => walk.at - c.at < CONN_TIMEOUT_MS);
  let conn = table.conns.find((c) => c.proto === proto && c.client === p.src && c.cport === cport && c.vip === p.dst && c.vport === vport);
  if (!conn || isNewConnection(p)) {
    const real = scheduleRoundRobin(svc);
    if (!real) {
      hop(walk, ns, 'netfilter', `IPVS: ${svc.label} at ${formatIpv4(svc.vip)} has no real server`);
      return p;
    }
    if (conn) table.conns = table.conns.filter((c) => c !== conn);
    conn = { proto, client: p.src, cport, vip: p.dst, vport, real: real.ip, rport: real.port ?? vport, at: walk.at };
    table.conns.push(conn);
    if (table.conns.length > MAX_CONNS) table.conns.shift();
    hop(walk, ns, 'netfilter', `IPVS: ${svc.label} ${formatIpv4(svc.vip)}:${vport} -> ${formatIpv4(conn.real)}:${conn.rport} (round robin, ${svc.dests.length} server${svc.dests.length === 1 ? '' : 's'})`);
  } else {
    conn.at = walk.at;
  }
  return { ...p, dst: conn.real, dport: conn.rport };
}

/** ip_vs_out: a real server's reply to a balanced connection leaves with the VIP as its source. */
export function ipvsReply(walk: Walk, ns: Netns, p: Packet): Packet {
  const table = tableOf(walk.world, ns.id, false);
  if (!table || table.conns.length === 0 || p.proto === 'icmp') return p;
  const conn = table.conns.find((c) => c.proto === p.proto && c.real === p.src && c.rport === p.sport && c.client === p.dst && c.cport === p.dport);
  if (!conn) return p;
  hop(walk, ns, 'netfilter', `IPVS: reply ${formatIpv4(p.src)}:${p.sport ?? 0} -> ${formatIpv4(conn.vip)}:${conn.vport} (un-NAT)`);
  return { ...p, src: conn.vip, sport: conn.vport };
}
