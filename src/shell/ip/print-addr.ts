/** `ip addr` address lines (print_addrinfo) and the brief form. */
import type { World } from '../../engine/world';
import { operState } from '../../engine/net/links';
import { formatIpv4 } from '../../engine/net/ipv4';
import type { Addr, Link, Netns } from '../../engine/net/types';
import { linkDisplayName } from './print-link';

/** `now` (simulated ms) prints the remaining lifetime of a dynamic (DHCP) address. */
export function addrLines(addr: Addr, now = 0): string {
  if (addr.family === 6) {
    return `    inet6 ${addr.local}/${addr.prefixLen} scope ${addr.scope} \n       valid_lft forever preferred_lft forever`;
  }
  let line = `    inet ${formatIpv4(addr.local)}/${addr.prefixLen}`;
  if (addr.broadcast !== null) line += ` brd ${formatIpv4(addr.broadcast)}`;
  line += ` scope ${addr.scope} `;
  if (addr.secondary) line += 'secondary ';
  if (addr.validUntil !== undefined) line += 'dynamic ';
  line += addr.label;
  if (addr.validUntil !== undefined) {
    const left = Math.max(0, Math.floor((addr.validUntil - now) / 1000));
    return `${line}\n       valid_lft ${left}sec preferred_lft ${left}sec`;
  }
  return `${line}\n       valid_lft forever preferred_lft forever`;
}

export function addrText(addr: Addr): string {
  return addr.family === 6 ? `${addr.local}/${addr.prefixLen}` : `${formatIpv4(addr.local)}/${addr.prefixLen}`;
}

/** The kernel dumps IPv4 addresses before IPv6 ones. */
export function orderedAddrs(ns: Netns, link: Link, family?: 4 | 6): Addr[] {
  const mine = ns.addrs.filter((a) => a.linkId === link.id && (family === undefined || a.family === family));
  return [...mine.filter((a) => a.family === 4), ...mine.filter((a) => a.family === 6)];
}

export function briefAddr(world: World, ns: Netns, link: Link, family?: 4 | 6): string {
  const addrs = orderedAddrs(ns, link, family).map((a) => addrText(a) + ' ').join('');
  return `${linkDisplayName(world, link).padEnd(16)} ${operState(world, link).padEnd(14)} ${addrs}`;
}
