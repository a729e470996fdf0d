/** Routing tables: kernel (connected/local) routes, lookups, and the order `ip route` dumps them in. */
import type { World } from '../world';
import { broadcastOf, inPrefix, isLoopbackNet, networkOf } from './ipv4';
import { isRunning } from './links';
import { TABLE_LOCAL, TABLE_MAIN, type Addr4, type Link, type Netns, type Route } from './types';

export function makeRoute(partial: Partial<Route> & Pick<Route, 'dst' | 'len'>): Route {
  return {
    table: TABLE_MAIN,
    type: 'unicast',
    gateway: null,
    linkId: null,
    proto: 'boot',
    scope: 'global',
    src: null,
    metric: null,
    onlink: false,
    ...partial,
  };
}

/** The routes the kernel adds for an address on an up link (fib_add_ifaddr). */
export function kernelRoutesFor(addr: Addr4, link: Link): Route[] {
  // Literals, not `{ ...base, more }`: V8 builds that shape through a slow path (~8 µs a route).
  const kernel = (table: number, type: Route['type'], dst: number, len: number, scope: Route['scope']): Route =>
    makeRoute({ linkId: link.id, proto: 'kernel', src: addr.local, table, type, dst, len, scope });
  const routes: Route[] = [kernel(TABLE_LOCAL, 'local', addr.local, 32, 'host')];
  if (addr.prefixLen >= 31) return routes;
  const net = networkOf(addr.local, addr.prefixLen);
  if (link.kind === 'loopback' || isLoopbackNet(addr.local)) {
    routes.push(kernel(TABLE_LOCAL, 'local', net, addr.prefixLen, 'host'));
  } else if (!addr.secondary) {
    routes.push(kernel(TABLE_MAIN, 'unicast', net, addr.prefixLen, 'link'));
  }
  const brd = addr.broadcast ?? broadcastOf(addr.local, addr.prefixLen);
  if (addr.broadcast !== null || link.kind === 'loopback') {
    routes.push(kernel(TABLE_LOCAL, 'broadcast', brd, 32, 'link'));
  }
  return routes;
}

export function sameRoute(a: Route, b: Route): boolean {
  return (
    a.table === b.table &&
    a.type === b.type &&
    a.dst === b.dst &&
    a.len === b.len &&
    a.gateway === b.gateway &&
    a.linkId === b.linkId &&
    a.src === b.src &&
    a.metric === b.metric
  );
}

/** Routes with the same key (table, prefix, metric) collide on `ip route add` (EEXIST). */
export function sameKey(a: Route, b: Route): boolean {
  return a.table === b.table && a.dst === b.dst && a.len === b.len && (a.metric ?? 0) === (b.metric ?? 0);
}

/** Bumped by every route added to a namespace (here and by `ip route add`): the world-size guard's bound on routes. */
export const routeAdds = { count: 0 };

export function insertRoute(ns: Netns, route: Route): void {
  if (ns.routes.some((r) => sameRoute(r, route))) return;
  ns.routes.push(route);
  routeAdds.count++;
}

export function removeRoutesOfAddr(ns: Netns, addr: Addr4, link: Link): void {
  const doomed = kernelRoutesFor(addr, link);
  ns.routes = ns.routes.filter((r) => !doomed.some((d) => sameRoute(r, d)));
}

/** Dump order: the FIB trie walks keys in ascending order; longer prefixes of one key first. */
export function compareRoutes(a: Route, b: Route): number {
  return a.dst - b.dst || b.len - a.len || (a.metric ?? 0) - (b.metric ?? 0);
}

export function routesOfTable(ns: Netns, table: number): Route[] {
  return ns.routes.filter((r) => r.table === table).sort(compareRoutes);
}

/** fib_lookup: local table, then main, longest prefix wins; routes over down links are dead. */
export function lookupRoute(world: World, ns: Netns, dst: number, oif?: number): Route | undefined {
  for (const table of [TABLE_LOCAL, TABLE_MAIN]) {
    let best: Route | undefined;
    for (const r of ns.routes) {
      if (r.table !== table || !inPrefix(dst, r.dst, r.len)) continue;
      if (r.linkId !== null && !world.state.links[r.linkId]?.adminUp) continue;
      if (oif !== undefined && r.linkId !== null && r.linkId !== oif && r.type !== 'local') continue;
      if (!best || r.len > best.len || (r.len === best.len && (r.metric ?? 0) < (best.metric ?? 0))) best = r;
    }
    if (best) return best;
  }
  return undefined;
}

/** A route is "linkdown" when its device has no carrier (printed by iproute2). */
export function isLinkdown(world: World, route: Route): boolean {
  if (route.linkId === null) return false;
  const link = world.state.links[route.linkId];
  return !!link && link.adminUp && !isRunning(world, link);
}
