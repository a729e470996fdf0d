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

  /** Keeps the index current while `mutate` changes a link's namespace, ifindex or master. */
  reindex(link: Link, mutate: () => void): void {
    if (!this.index) return mutate();
    unindex(this.index, link);
    mutate();
    if (this.state.links[link.id]) addToIndex(this.index, link);
  }

  linkIndex(): LinkIndex {
    if (this.index) return this.index;
    const index: LinkIndex = { byNs: new Map(), byMaster: new Map() };
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

function insertSorted(map: Map<number, Link[]>, key: number, link: Link): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.ifindex <= link.ifindex) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, link);
}

function removeFrom(map: Map<number, Link[]>, key: number, link: Link): void {
  const list = map.get(key);
  const i = list ? list.indexOf(link) : -1;
  if (i >= 0) list!.splice(i, 1);
}

function addToIndex(index: LinkIndex, link: Link): void {
  insertSorted(index.byNs, link.nsId, link);
  if (link.masterId !== null) insertSorted(index.byMaster, link.masterId, link);
}

function unindex(index: LinkIndex, link: Link): void {
  removeFrom(index.byNs, link.nsId, link);
  if (link.masterId !== null) removeFrom(index.byMaster, link.masterId, link);
}
