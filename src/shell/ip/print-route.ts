/** `ip route` lines (print_route): every field is followed by a space, as iproute2 prints them. */
import type { World } from '../../engine/world';
import { formatIpv4 } from '../../engine/net/ipv4';
import { isLinkdown } from '../../engine/net/route';
import { TABLE_LOCAL, TABLE_MAIN, type Route } from '../../engine/net/types';

export function tableName(table: number): string {
  return table === TABLE_MAIN ? 'main' : table === TABLE_LOCAL ? 'local' : table === 253 ? 'default' : String(table);
}

export function dstText(route: Route): string {
  if (route.len === 0 && route.dst === 0) return 'default';
  return route.len === 32 ? formatIpv4(route.dst) : `${formatIpv4(route.dst)}/${route.len}`;
}

export function routeLine(world: World, route: Route, opts: { showTable: boolean; showDev?: boolean }): string {
  let line = '';
  if (route.type !== 'unicast') line += `${route.type} `;
  line += `${dstText(route)} `;
  if (opts.showTable && route.table !== TABLE_MAIN) line += `table ${tableName(route.table)} `;
  if (route.gateway !== null) line += `via ${formatIpv4(route.gateway)} `;
  const link = route.linkId === null ? undefined : world.state.links[route.linkId];
  if (link && opts.showDev !== false) line += `dev ${link.name} `;
  if (route.proto !== 'boot') line += `proto ${route.proto} `;
  if (route.scope !== 'global') line += `scope ${route.scope} `;
  if (route.src !== null) line += `src ${formatIpv4(route.src)} `;
  if (route.metric !== null) line += `metric ${route.metric} `;
  if (route.onlink) line += 'onlink ';
  if (isLinkdown(world, route)) line += 'linkdown ';
  return line;
}
