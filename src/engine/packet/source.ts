/** Source address selection (inet_select_addr / fib_result_prefsrc) for packets a namespace sends. */
import type { World } from '../world';
import { inPrefix } from '../net/ipv4';
import type { Addr4, Netns, Route } from '../net/types';

export function selectSource(world: World, ns: Netns, route: Route, dst: number): number {
  if (route.src !== null) return route.src;
  if (route.type === 'local') return dst;
  const toward = route.gateway ?? dst;
  const v4 = ns.addrs.filter((a): a is Addr4 => a.family === 4 && a.scope !== 'host');
  const onLink = v4.filter((a) => a.linkId === route.linkId && !a.secondary);
  const match = onLink.find((a) => inPrefix(toward, a.local, a.prefixLen)) ?? onLink[0];
  if (match) return match.local;
  const global = v4.find((a) => a.scope === 'global' && world.state.links[a.linkId]?.adminUp);
  return global?.local ?? 0;
}

/** Is `addr` one of the namespace's own addresses (a `local` route in table local)? */
export function isLocalAddr(ns: Netns, addr: number): boolean {
  return ns.routes.some((r) => r.type === 'local' && r.table === 255 && inPrefix(addr, r.dst, r.len));
}
