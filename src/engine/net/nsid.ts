/** peernet2id_alloc: a namespace numbers the other namespaces its links point into, from 0. */
import type { Netns } from './types';

export function nsidOf(ns: Netns, other: Netns): number {
  const existing = ns.nsids[other.id];
  if (existing !== undefined) return existing;
  const used = new Set(Object.values(ns.nsids));
  let id = 0;
  while (used.has(id)) id++;
  ns.nsids[other.id] = id;
  return id;
}

export function peekNsid(ns: Netns, other: Netns): number | undefined {
  return ns.nsids[other.id];
}
