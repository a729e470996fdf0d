/**
 * How many IPv4 and IPv6 addresses each link has in a namespace, without walking its address
 * list: the host namespace of 2,000 containers holds 2,000 link-local addresses, and every veth
 * that comes up or moves away would scan them. Derived from the `addrs` array it was built for:
 * arrays are replaced when addresses go (filter) and grow in place (push at the end, or splice
 * for an IPv4 address in order), so an array grown only at its end is caught up from its last
 * known element, and any other change is counted again.
 */
import type { Addr, Netns } from './types';

interface AddrCount {
  length: number;
  last: Addr | undefined;
  v4: Map<number, number>;
  v6: Map<number, number>;
}

const counts = new WeakMap<Addr[], AddrCount>();

function add(count: AddrCount, a: Addr): void {
  const map = a.family === 4 ? count.v4 : count.v6;
  map.set(a.linkId, (map.get(a.linkId) ?? 0) + 1);
}

function countOf(addrs: Addr[]): AddrCount {
  let count = counts.get(addrs);
  const grewAtEnd = count !== undefined && addrs.length >= count.length && (count.length === 0 || addrs[count.length - 1] === count.last);
  if (!count || !grewAtEnd) {
    count = { length: 0, last: undefined, v4: new Map(), v6: new Map() };
    counts.set(addrs, count);
  }
  for (let i = count.length; i < addrs.length; i++) add(count, addrs[i]!);
  count.length = addrs.length;
  count.last = addrs[addrs.length - 1];
  return count;
}

/** A short list is cheaper to walk than to index (a container's namespace has two or three addresses). */
const SHORT = 16;

function scan(addrs: Addr[], family: 4 | 6, linkId: number): number {
  let n = 0;
  for (const a of addrs) if (a.family === family && a.linkId === linkId) n++;
  return n;
}

/** The link's IPv4 addresses in the namespace (0 when it has none). */
export function addr4Count(ns: Netns, linkId: number): number {
  return ns.addrs.length <= SHORT ? scan(ns.addrs, 4, linkId) : (countOf(ns.addrs).v4.get(linkId) ?? 0);
}

/** The link's IPv6 addresses in the namespace. */
export function addr6Count(ns: Netns, linkId: number): number {
  return ns.addrs.length <= SHORT ? scan(ns.addrs, 6, linkId) : (countOf(ns.addrs).v6.get(linkId) ?? 0);
}
