/** The simulated world: hosts (each a kernel of network namespaces), their links, a clock and an Rng. */
import { SimClock } from '../common/clock';
import { SeededRng, type Rng } from '../common/rng';
import type { Host, Link, Netns, WorldState } from './net/types';

export interface WorldSnapshot {
  state: WorldState;
  time: number;
  rng: number;
}

export type WorldListener = () => void;

/** Links grouped by namespace and by bridge, sorted by ifindex: derived, rebuilt after structural changes. */
export interface LinkIndex {
  byNs: Map<number, Link[]>;
  byMaster: Map<number, Link[]>;
  /**
   * Links by name (a list: names are unique in a kernel, not always in a lab), in ifindex order,
   * for namespaces with more than NAMED_FROM links: a short list is walked instead.
   */
  byName: Map<number, Map<string, Link[]>>;
  /** The MAC addresses of each bridge's ports, counted (the bridge's own FDB entries). */
  portMacs: Map<number, Map<string, number>>;
  /** How many links the world has, and how many of them are VLAN devices (none: no lookups for children). */
  size: number;
  vlans: number;
}

export class World {
  state: WorldState = { nextId: 1, hosts: {}, netns: {}, links: {}, files: {} };
  private index: LinkIndex | undefined;
  readonly clock: SimClock;
  readonly rng: Rng;
  private readonly listeners = new Set<WorldListener>();

  constructor(options: { seed?: number; clock?: SimClock } = {}) {
    this.clock = options.clock ?? new SimClock();
    this.rng = new SeededRng(options.seed ?? 0x5eed);
  }

  newId(): number {
    return this.state.nextId++;
  }

  host(id: number): Host {
    const host = this.state.hosts[id];
    if (!host) throw new Error(`no host ${id}`);
    return host;
  }

  hostByName(name: string): Host | undefined {
    return Object.values(this.state.hosts).find((h) => h.name === name);
  }

  netns(id: number): Netns {
    const ns = this.state.netns[id];
    if (!ns) throw new Error(`no netns ${id}`);
    return ns;
  }

  link(id: number): Link {
    const link = this.state.links[id];
    if (!link) throw new Error(`no link ${id}`);
    return link;
  }

  /** Drops the derived link index (after a restore or a bulk change). */
  linksChanged(): void {
    this.index = undefined;
  }

  /** Keeps the index current while `mutate` changes a link's namespace, ifindex, master, name or MAC address. */
  reindex(link: Link, mutate: () => void): void {
    if (!this.index) return mutate();
    unindex(this.index, link);
    mutate();
    if (this.state.links[link.id]) addToIndex(this.index, link);
  }

  linkIndex(): LinkIndex {
    if (this.index) return this.index;
    const index: LinkIndex = { byNs: new Map(), byMaster: new Map(), byName: new Map(), portMacs: new Map(), size: 0, vlans: 0 };
    const all = Object.values(this.state.links).sort((a, b) => a.ifindex - b.ifindex);
    for (const link of all) addToIndex(index, link);
    this.index = index;
    return index;
  }

  snapshot(): WorldSnapshot {
    return { state: structuredClone(this.state), time: this.clock.now(), rng: this.rng.state() };
  }

  restore(snapshot: WorldSnapshot): void {
    this.state = structuredClone(snapshot.state);
    this.linksChanged();
    this.clock.set(snapshot.time);
    this.rng.restore(snapshot.rng);
    this.changed();
  }

  onDidChange(listener: WorldListener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }
}

function insertSorted<K>(map: Map<K, Link[]>, key: K, link: Link): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  // New links mostly take the highest ifindex: appended, not spliced in.
  const last = list[list.length - 1];
  if (!last || last.ifindex <= link.ifindex) {
    list.push(link);
    return;
  }
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.ifindex <= link.ifindex) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, link);
}

/** The position of `link` in a list sorted by ifindex (ifindex changes only inside `reindex`), or -1. */
export function positionIn(list: readonly Link[], link: Link): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.ifindex < link.ifindex) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length && list[i]!.ifindex === link.ifindex; i++) if (list[i] === link) return i;
  return -1;
}

/** The first link of a list sorted by ifindex with this ifindex (a binary search). */
export function findIfindex(list: readonly Link[], ifindex: number): Link | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.ifindex < ifindex) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo]!.ifindex === ifindex ? list[lo] : undefined;
}

function removeFrom<K>(map: Map<K, Link[]>, key: K, link: Link): boolean {
  const list = map.get(key);
  const i = list ? positionIn(list, link) : -1;
  if (i < 0) return false;
  // Moves only the tail after it: the link removed is mostly last or second to last (a veth peer moving to its container).
  for (let j = i; j < list!.length - 1; j++) list![j] = list![j + 1]!;
  list!.pop();
  if (list!.length === 0) map.delete(key);
  return true;
}

function inner<K, V>(map: Map<number, Map<K, V>>, key: number): Map<K, V> {
  let found = map.get(key);
  if (!found) map.set(key, (found = new Map()));
  return found;
}

/** A namespace gets its name map once it has more links than this (a container's has two). */
export const NAMED_FROM = 8;

function addToIndex(index: LinkIndex, link: Link): void {
  insertSorted(index.byNs, link.nsId, link);
  const names = index.byName.get(link.nsId);
  if (names) insertSorted(names, link.name, link);
  else if (index.byNs.get(link.nsId)!.length > NAMED_FROM) {
    const map = inner(index.byName, link.nsId);
    for (const l of index.byNs.get(link.nsId)!) insertSorted(map, l.name, l);
  }
  index.size++;
  if (link.kind === 'vlan') index.vlans++;
  if (link.masterId === null) return;
  insertSorted(index.byMaster, link.masterId, link);
  const macs = inner(index.portMacs, link.masterId);
  macs.set(link.mac, (macs.get(link.mac) ?? 0) + 1);
}

function unindex(index: LinkIndex, link: Link): void {
  if (!removeFrom(index.byNs, link.nsId, link)) return;
  const names = index.byName.get(link.nsId);
  if (names) removeFrom(names, link.name, link);
  index.size--;
  if (link.kind === 'vlan') index.vlans--;
  if (link.masterId === null) return;
  removeFrom(index.byMaster, link.masterId, link);
  const macs = index.portMacs.get(link.masterId);
  const n = macs?.get(link.mac) ?? 0;
  if (n > 1) macs!.set(link.mac, n - 1);
  else macs?.delete(link.mac);
}
