/**
 * The daemon's containers by name and by the time of their next event (a main process that ends
 * by itself, a restart policy's back-off), so that `docker run` checks its name and the clock's
 * catching up finds what is due without a pass over every container.
 *
 * Derived data per daemon object (a restored snapshot has new ones). Containers appended to the
 * list are indexed as they come; a list replaced by removeContainer is followed (forgetContainer),
 * any other replacement is indexed again. The name map is complete because names change only
 * through renameContainer; an event time (and a shell loop) is queued where it is set (noteDue),
 * and an entry counts only while its container still has that time, so cleared times need no telling.
 */
import { MinHeap } from './min-heap';
import type { Container, DaemonState } from './types';

export interface DueEvent {
  at: number;
  /** The container's place in the daemon's list: equal times go in list order. */
  seq: number;
  c: Container;
  kind: 'exit' | 'restart';
}

interface ContainerIndex {
  containers: Container[];
  indexed: number;
  seq: Map<Container, number>;
  nextSeq: number;
  byName: Map<string, Container>;
  due: MinHeap<DueEvent>;
  /** Containers whose main process is a shell loop (c.loop), or was when last seen. */
  looping: Set<Container>;
}

const indexes = new WeakMap<DaemonState, ContainerIndex>();

const earlier = (a: DueEvent, b: DueEvent): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

function queue(index: ContainerIndex, c: Container, seq: number): void {
  if (c.exitsAt !== null) index.due.push({ at: c.exitsAt, seq, c, kind: 'exit' });
  if (c.restartAt !== undefined) index.due.push({ at: c.restartAt, seq, c, kind: 'restart' });
  if (c.loop) index.looping.add(c);
}

function indexOf(daemon: DaemonState): ContainerIndex {
  let index = indexes.get(daemon);
  if (!index || index.containers !== daemon.containers || index.indexed > daemon.containers.length) {
    index = { containers: daemon.containers, indexed: 0, seq: new Map(), nextSeq: 0, byName: new Map(), due: new MinHeap(earlier), looping: new Set() };
    indexes.set(daemon, index);
  }
  const all = daemon.containers;
  for (; index.indexed < all.length; index.indexed++) {
    const c = all[index.indexed]!;
    const seq = index.nextSeq++;
    index.seq.set(c, seq);
    if (!index.byName.has(c.name)) index.byName.set(c.name, c);
    queue(index, c, seq);
  }
  return index;
}

/** The daemon's container named `name` (without the leading slash), or undefined. */
export function containerByName(daemon: DaemonState, name: string): Container | undefined {
  const index = indexOf(daemon);
  const c = index.byName.get(name);
  if (c === undefined || c.name === name) return c;
  // Renamed behind the index's back: built again from the list.
  indexes.delete(daemon);
  return daemon.containers.find((x) => x.name === name);
}

/** docker rename: the name map follows. */
export function renameContainer(daemon: DaemonState, c: Container, name: string): void {
  const index = indexOf(daemon);
  if (index.byName.get(c.name) === c) index.byName.delete(c.name);
  c.name = name;
  if (index.seq.has(c)) index.byName.set(name, c);
}

/** removeContainer replaced the list (`before` without `c`): the index follows instead of starting again. */
export function forgetContainer(daemon: DaemonState, c: Container, before: Container[]): void {
  const index = indexes.get(daemon);
  if (!index || index.containers !== before || index.indexed !== before.length || daemon.containers.length !== before.length - 1) return;
  index.containers = daemon.containers;
  index.indexed = daemon.containers.length;
  index.seq.delete(c);
  if (index.byName.get(c.name) === c) index.byName.delete(c.name);
}

/** The container's exit or restart time was set: queued. */
export function noteDue(daemon: DaemonState, c: Container): void {
  const index = indexOf(daemon);
  const seq = index.seq.get(c);
  if (seq !== undefined) queue(index, c, seq);
  // Entries whose times were cleared or changed stay until they come up: dropped when they outnumber the containers.
  if (index.due.size > 2 * index.seq.size + 64) index.due.retain((e) => live(index, e));
}

function live(index: ContainerIndex, e: DueEvent): boolean {
  return index.seq.has(e.c) && (e.kind === 'exit' ? e.c.exitsAt === e.at : e.c.restartAt === e.at);
}

function ready(e: DueEvent): boolean {
  return e.kind === 'exit' ? e.c.state === 'running' : e.c.state === 'exited';
}

/**
 * The next thing that happens by itself by `now`: the earliest due time, equal times in list
 * order; a running container's end, or an exited one's restart. (A paused container's end waits
 * in the queue until it runs again.)
 */
export function nextDue(daemon: DaemonState, now: number): DueEvent | undefined {
  const index = indexOf(daemon);
  const waiting: DueEvent[] = [];
  let found: DueEvent | undefined;
  for (let e = index.due.peek(); e !== undefined && e.at <= now; e = index.due.peek()) {
    if (!live(index, e)) index.due.pop();
    else if (!ready(e)) waiting.push(index.due.pop()!);
    else {
      found = e;
      break;
    }
  }
  for (const e of waiting) index.due.push(e);
  return found;
}

/** The containers running a shell loop (procs-loop.ts), in the daemon's order. */
export function loopingContainers(daemon: DaemonState): Container[] {
  const index = indexOf(daemon);
  const out: Container[] = [];
  for (const c of index.looping) {
    if (index.seq.has(c) && c.loop) out.push(c);
    else index.looping.delete(c);
  }
  return out.length > 1 ? out.sort((a, b) => index.seq.get(a)! - index.seq.get(b)!) : out;
}
