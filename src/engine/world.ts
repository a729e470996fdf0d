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

export class World {
  state: WorldState = { nextId: 1, hosts: {}, netns: {}, links: {}, files: {} };
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

  snapshot(): WorldSnapshot {
    return { state: structuredClone(this.state), time: this.clock.now(), rng: this.rng.state() };
  }

  restore(snapshot: WorldSnapshot): void {
    this.state = structuredClone(snapshot.state);
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
