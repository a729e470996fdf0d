/**
 * dnsmasq's lease file (/var/lib/misc/dnsmasq.leases): "EXPIRY MAC IP HOSTNAME CLIENT-ID" per
 * lease, expiry in epoch seconds, "*" for an unknown name or client id (as recorded in
 * test/golden/dhcp-dnsmasq.txt). dnsmasq rewrites it on every lease change; here it is
 * rewritten when an ACK reaches its client.
 */
import { formatIpv4 } from '../../engine/net/ipv4';
import { serverFor, type DhcpServer } from '../../engine/dhcp';
import { SimFs } from '../fs';
import type { ShellContext } from '../types';

export const DNSMASQ_LEASES = '/var/lib/misc/dnsmasq.leases';

/** `epoch`: the wall-clock ms of simulated time 0 (Clock.epoch). */
export function leaseFileText(server: DhcpServer, epoch: number): string {
  return [...server.leases]
    .reverse()
    .map((l) => `${Math.floor((epoch + l.expiresAt) / 1000)} ${l.mac} ${formatIpv4(l.ip)} ${l.hostname ?? '*'} *\n`)
    .join('');
}

export function writeServerLeases(ctx: ShellContext, serverLinkId: number): void {
  const link = ctx.world.state.links[serverLinkId];
  if (!link) return;
  const ns = ctx.world.netns(link.nsId);
  const server = serverFor(ns, link);
  if (!server?.leaseFile) return;
  const host = ctx.world.host(ns.hostId);
  const fs = host.id === ctx.host.id ? ctx.fs : new SimFs(ctx.world, host);
  fs.write(server.leaseFile, leaseFileText(server, ctx.world.clock.epoch), false, ns);
}
