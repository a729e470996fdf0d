/** peernet2id_alloc: a namespace numbers the other namespaces its links point into, from 0. */
import type { Netns } from './types';

/**
 * The ids a namespace's nsids map uses, and an id below which all are used: derived from the map
 * object (a restored snapshot has new ones), so the lowest free id needs no scan of every
 * namespace it ever numbered.
 */
interface UsedIds {
  ids: Set<number>;
  lowestFree: number;
}

const usedIds = new WeakMap<Record<number, number>, UsedIds>();

function used(ns: Netns): UsedIds {
  let found = usedIds.get(ns.nsids);
  if (!found) usedIds.set(ns.nsids, (found = { ids: new Set(Object.values(ns.nsids)), lowestFree: 0 }));
  return found;
}

export function nsidOf(ns: Netns, other: Netns): number {
  const existing = ns.nsids[other.id];
  if (existing !== undefined) return existing;
  const taken = used(ns);
  let id = taken.lowestFree;
  while (taken.ids.has(id)) id++;
  assignNsid(ns, other, id);
  return id;
}

export function peekNsid(ns: Netns, other: Netns): number | undefined {
  return ns.nsids[other.id];
}

/** `ip netns set NAME ID`, and every other assignment: keeps the used ids current. */
export function assignNsid(ns: Netns, other: Netns, id: number): void {
  const taken = used(ns);
  const before = ns.nsids[other.id];
  // Ids are unique in a namespace (nsidOf picks a free one, `ip netns set` refuses a used one).
  if (before !== undefined) {
    taken.ids.delete(before);
    taken.lowestFree = Math.min(taken.lowestFree, before);
  }
  ns.nsids[other.id] = id;
  taken.ids.add(id);
  while (taken.ids.has(taken.lowestFree)) taken.lowestFree++;
}
