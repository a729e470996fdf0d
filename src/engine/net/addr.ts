/** Interface addresses: ordering rules of the kernel and the routes they bring. */
import type { World } from '../world';
import { err, ok, type Result } from '../../common/result';
import { inPrefix } from './ipv4';
import { insertRoute, kernelRoutesFor, removeRoutesOfAddr } from './route';
import type { Addr, Addr4, Link, Netns } from './types';

export function addrsOf(ns: Netns, link: Link): Addr[] {
  return ns.addrs.filter((a) => a.linkId === link.id);
}

export function addrs4Of(ns: Netns, link: Link): Addr4[] {
  return ns.addrs.filter((a): a is Addr4 => a.family === 4 && a.linkId === link.id);
}

/** Primary IPv4 address of a link (the first non-secondary one). */
export function primaryAddr(ns: Netns, link: Link): Addr4 | undefined {
  return addrs4Of(ns, link).find((a) => !a.secondary);
}

export type AddrError = 'exists' | 'invalid';

/** __inet_insert_ifa: a same-subnet address becomes secondary; primaries go before secondaries. */
export function addAddr4(world: World, ns: Netns, link: Link, addr: Omit<Addr4, 'secondary' | 'family' | 'linkId'>): Result<Addr4, AddrError> {
  const existing = addrs4Of(ns, link);
  let secondary = false;
  for (const a of existing) {
    if (a.prefixLen !== addr.prefixLen || !inPrefix(a.local, addr.local, addr.prefixLen)) continue;
    if (a.local === addr.local) return err('exists');
    if (a.scope !== addr.scope) return err('invalid');
    secondary = true;
  }
  const full: Addr4 = { family: 4, linkId: link.id, secondary, ...addr };
  insertAddr(ns, link, full);
  if (link.adminUp) for (const route of kernelRoutesFor(full, link)) insertRoute(ns, route);
  world.changed();
  return ok(full);
}

function insertAddr(ns: Netns, link: Link, addr: Addr4): void {
  if (addr.secondary) {
    ns.addrs.push(addr);
    return;
  }
  // Insert after the last primary address of this link with a scope at least as wide.
  let at = -1;
  ns.addrs.forEach((a, i) => {
    if (a.linkId === link.id && a.family === 4 && !a.secondary && scopeRank(addr.scope) <= scopeRank(a.scope)) at = i;
  });
  if (at < 0) {
    const firstOfLink = ns.addrs.findIndex((a) => a.linkId === link.id && a.family === 4);
    ns.addrs.splice(firstOfLink < 0 ? ns.addrs.length : firstOfLink, 0, addr);
    return;
  }
  ns.addrs.splice(at + 1, 0, addr);
}

/** Kernel scope values: global 0 < link 253 < host 254. */
function scopeRank(scope: Addr4['scope']): number {
  return scope === 'global' ? 0 : scope === 'link' ? 253 : 254;
}

/** Deleting a primary address also deletes its secondaries (promote_secondaries is off). */
export function delAddr4(world: World, ns: Netns, link: Link, addr: Addr4): void {
  const doomed = new Set<Addr4>([addr]);
  if (!addr.secondary) {
    for (const a of addrs4Of(ns, link)) {
      if (a.secondary && a.prefixLen === addr.prefixLen && inPrefix(a.local, addr.local, addr.prefixLen)) doomed.add(a);
    }
  }
  for (const a of doomed) removeRoutesOfAddr(ns, a, link);
  ns.addrs = ns.addrs.filter((a) => !doomed.has(a as Addr4));
  // fib_inetaddr_event: when a device's last IPv4 address goes, fib_disable_ip flushes every
  // route through it (a default route via eth0 disappears with eth0's address).
  if (addrs4Of(ns, link).length === 0) ns.routes = ns.routes.filter((r) => r.linkId !== link.id);
  world.changed();
}
