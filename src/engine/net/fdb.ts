/**
 * Bridge forwarding database and the multicast addresses devices listen on (what
 * `bridge fdb show` prints as "self permanent").
 */
import type { World } from '../world';
import { isPortMac, peerOf } from './links';
import type { FdbEntry, Link } from './types';

/**
 * A bridge's entries by MAC (the first, as `find` sees them) and how many each port has. Derived
 * from the fdb array it was built for: the functions of this file that change an array in place
 * keep it current or drop it; an array replaced (a flush, a restored snapshot) gets a new one.
 */
interface FdbIndex {
  byMac: Map<string, FdbEntry>;
  perPort: Map<number, number>;
}

const indexes = new WeakMap<FdbEntry[], FdbIndex>();

function fdbIndex(fdb: FdbEntry[]): FdbIndex {
  let index = indexes.get(fdb);
  if (index) return index;
  index = { byMac: new Map(), perPort: new Map() };
  for (let i = fdb.length - 1; i >= 0; i--) index.byMac.set(fdb[i]!.mac, fdb[i]!);
  for (const e of fdb) countPort(index, e.portId, 1);
  indexes.set(fdb, index);
  return index;
}

function countPort(index: FdbIndex, portId: number, by: number): void {
  index.perPort.set(portId, (index.perPort.get(portId) ?? 0) + by);
}

/** br_fdb_update: learn (or refresh) a source MAC on the port it arrived on. Newest first. */
export function fdbLearn(world: World, bridge: Link, mac: string, portId: number): void {
  if (!bridge.bridge || world.state.links[portId]?.port?.flags?.learning === false) return;
  if (mac === bridge.mac || isPortMac(world, bridge, mac)) return;
  const fdb = bridge.bridge.fdb;
  const index = fdbIndex(fdb);
  const existing = index.byMac.get(mac);
  const entry: FdbEntry = { mac, portId, local: false, updatedAt: world.clock.now() };
  if (existing) {
    if (existing.local) return;
    if (existing.portId === portId) {
      existing.updatedAt = entry.updatedAt;
      return;
    }
    fdb.splice(fdb.indexOf(existing), 1);
    countPort(index, existing.portId, -1);
  }
  fdb.unshift(entry);
  index.byMac.set(mac, entry);
  countPort(index, portId, 1);
}

export function fdbLookup(world: World, bridge: Link, mac: string): FdbEntry | undefined {
  const entry = bridge.bridge ? fdbIndex(bridge.bridge.fdb).byMac.get(mac) : undefined;
  return entry && !fdbExpired(world, bridge, entry) ? entry : undefined;
}

/** br_fdb_cleanup: a learned entry not refreshed for the ageing time (centiseconds) is gone. */
export function fdbExpired(world: World, bridge: Link, entry: FdbEntry): boolean {
  if (entry.local || entry.static) return false;
  return world.clock.now() - entry.updatedAt > (bridge.bridge?.ageingTime ?? 30000) * 10;
}

export type FdbFlag = 'permanent' | 'static' | 'dynamic';

/**
 * `bridge fdb add|append|replace MAC dev PORT master [permanent|static|dynamic]` (br_fdb_add):
 * newest first like learned entries; "add" fails on an existing MAC, the others update it in place.
 */
export function fdbUserAdd(world: World, bridge: Link, mac: string, port: Link, flag: FdbFlag, replace: boolean): 'exists' | 'cannot-learn' | undefined {
  if (!bridge.bridge) return undefined;
  // fdb_add_entry: "If the port cannot learn allow only local and static entries" (EPERM).
  if (flag === 'dynamic' && port.port && port.port.state !== 'learning' && port.port.state !== 'forwarding') return 'cannot-learn';
  const entry: FdbEntry = { mac, portId: port.id, local: flag === 'permanent', updatedAt: world.clock.now(), ...(flag === 'static' ? { static: true } : {}) };
  const at = bridge.bridge.fdb.findIndex((e) => e.mac === mac);
  const old = bridge.bridge.fdb[at];
  if (old && !replace) return 'exists';
  indexes.delete(bridge.bridge.fdb);
  if (!old) bridge.bridge.fdb.unshift(entry);
  else bridge.bridge.fdb[at] = entry;
  return undefined;
}

/** `bridge fdb del MAC dev PORT master`: false when the port has no such entry. */
export function fdbUserDel(bridge: Link, mac: string, port: Link): boolean {
  const fdb = bridge.bridge?.fdb ?? [];
  const at = fdb.findIndex((e) => e.mac === mac && e.portId === port.id);
  indexes.delete(fdb);
  if (at >= 0) fdb.splice(at, 1);
  return at >= 0;
}

/** Frames a link sends when IPv6 comes up on it (MLD reports): the bridge on the far side learns it. */
export function announce(world: World, link: Link): void {
  const peer = peerOf(world, link);
  if (!peer || peer.masterId === null || peer.port?.state !== 'forwarding') return;
  const bridge = world.state.links[peer.masterId];
  if (bridge) fdbLearn(world, bridge, link.mac, peer.id);
}

/** A disabled port loses its learned entries (br_fdb_delete_by_port). */
export function flushPort(bridge: Link, portId: number): void {
  if (!bridge.bridge || !fdbIndex(bridge.bridge.fdb).perPort.get(portId)) return;
  bridge.bridge.fdb = bridge.bridge.fdb.filter((e) => e.portId !== portId);
}

/**
 * Multicast MACs a device has joined, in the order Linux lists them: IPv6 all-nodes,
 * a bridge's multicast-router-discovery groups, IPv4 all-hosts, IPv6 solicited-node groups.
 */
export function multicastMacs(world: World, link: Link): string[] {
  if (link.kind === 'loopback') return [];
  // IPv6 joins all-nodes when the device registers; the rest is joined when it comes up.
  const macs = ['33:33:00:00:00:01'];
  if (!link.adminUp) return macs;
  const ns = world.netns(link.nsId);
  if (link.kind === 'bridge') macs.push('01:00:5e:00:00:6a', '33:33:00:00:00:6a');
  macs.push('01:00:5e:00:00:01');
  for (const a of ns.addrs) {
    if (a.family !== 6 || a.linkId !== link.id) continue;
    const words = a.local.split(':');
    const last = words[words.length - 1]!.padStart(4, '0');
    const prev = (words[words.length - 2] ?? '0').padStart(4, '0');
    macs.push(`33:33:ff:${prev.slice(2, 4)}:${last.slice(0, 2)}:${last.slice(2, 4)}`);
  }
  return macs;
}
