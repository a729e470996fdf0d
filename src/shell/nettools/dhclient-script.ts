/**
 * What the clients' scripts do with a lease (Debian's /sbin/dhclient-script and udhcpc's
 * default.script): bring the link up, add the address (dhclient with the lease's lifetime,
 * so `ip addr` shows it "dynamic"), the default route, and /etc/resolv.conf.
 */
import { addAddr4, addrs4Of, delAddr4 } from '../../engine/net/addr';
import { broadcastOf, formatIpv4 } from '../../engine/net/ipv4';
import { setAdminUp } from '../../engine/net/linkops';
import { insertRoute, makeRoute } from '../../engine/net/route';
import type { Link } from '../../engine/net/types';
import type { DhcpMessage } from '../../engine/dhcp-message';
import type { Output, ShellContext } from '../types';

export function prefixLenOf(mask: number): number {
  let len = 0;
  while (len < 32 && (mask >>> (31 - len)) & 1) len++;
  return len;
}

export interface Bound {
  ip: number;
  mask: number;
  router: number | null;
  dns: number | null;
  leaseSecs: number;
}

export function boundFrom(ack: DhcpMessage): Bound {
  return { ip: ack.yiaddr, mask: ack.mask ?? 0xffffff00, router: ack.router ?? null, dns: ack.dns ?? null, leaseSecs: ack.leaseSecs ?? 3600 };
}

/** PREINIT: the interface must be up to send. */
export function preinit(ctx: ShellContext, link: Link): void {
  if (!link.adminUp) setAdminUp(ctx.world, link, true);
}

/** BOUND/REBOOT: address, default route, resolv.conf. `dynamic`: dhclient gives the address the lease's lifetime. */
export function applyLease(ctx: ShellContext, link: Link, lease: Bound, out: Output, opts: { dynamic: boolean; resolv: string }): void {
  const len = prefixLenOf(lease.mask);
  const added = addAddr4(ctx.world, ctx.ns, link, {
    local: lease.ip,
    prefixLen: len,
    broadcast: broadcastOf(lease.ip, len),
    scope: 'global',
    label: link.name,
    ...(opts.dynamic ? { validUntil: ctx.world.clock.now() + lease.leaseSecs * 1000 } : {}),
  });
  if (!added.ok && added.error === 'exists') out.err('Error: ipv4: Address already assigned.');
  if (lease.router !== null && !ctx.ns.routes.some((r) => r.table === 254 && r.len === 0 && r.dst === 0)) {
    insertRoute(ctx.ns, makeRoute({ dst: 0, len: 0, gateway: lease.router, linkId: link.id }));
  }
  if (lease.dns !== null) ctx.fs.write('/etc/resolv.conf', opts.resolv.replace('DNS', formatIpv4(lease.dns)), false, ctx.ns);
  ctx.world.changed();
}

/** RELEASE/STOP: the interface's IPv4 addresses go, and the routes with them. */
export function dropAddresses(ctx: ShellContext, link: Link): void {
  for (const a of addrs4Of(ctx.ns, link)) delAddr4(ctx.world, ctx.ns, link, a);
  ctx.ns.routes = ctx.ns.routes.filter((r) => r.linkId !== link.id || r.table === 255);
  ctx.world.changed();
}
