/** `hostname -I`: every address of every up, non-loopback interface (IPv4 first), no link-local IPv6. */
import { formatIpv4 } from '../../engine/net/ipv4';
import { linksIn } from '../../engine/net/links';
import type { ShellContext } from '../types';

export function allIpAddresses(ctx: ShellContext): string {
  const links = linksIn(ctx.world, ctx.ns.id).filter((l) => l.adminUp && l.kind !== 'loopback');
  const words: string[] = [];
  for (const family of [4, 6] as const) {
    for (const link of links) {
      for (const a of ctx.ns.addrs) {
        if (a.linkId !== link.id || a.family !== family) continue;
        if (a.family === 4) words.push(formatIpv4(a.local));
        else if (a.scope !== 'link') words.push(a.local);
      }
    }
  }
  return words.map((w) => w + ' ').join('') + '\n';
}
