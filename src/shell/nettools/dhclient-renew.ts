/**
 * dhclient after it forked: at T1 (the renewal time it printed) it asks its server again,
 * DHCPREQUEST unicast from its address to the server's (RENEWING, RFC 2131 4.4.5), and on the
 * DHCPACK dhclient-script renews the address's lifetime and a new lease block is appended to
 * the lease file; dnsmasq moves the lease's expiry. Without an answer it retries every 7 s, as
 * recorded (test/golden/dhcp-renew.txt). A renewal goes to the MAC the client knows for its
 * server, even after the server's address moved (it then dies in the server's IP input). At T2
 * (the rebinding time: the server's option 59, 7/8 of the lease) and at each retry after it,
 * the DHCPREQUEST is broadcast to any server (REBINDING, RFC 2131 4.4.5), and the server that
 * answers becomes the lease's server (recorded: test/golden/dhcp-rebind.txt); when the lease
 * runs out the address goes. Runs as a daemon on
 * simulated time: each wake-up reads the world afresh, so a restored snapshot or
 * `dhclient -r`/`-x` ends it.
 */
import { addrs4Of } from '../../engine/net/addr';
import { clientLease, dhcpState, serverAddress, type DhcpClientLease } from '../../engine/dhcp';
import type { DhcpMessage } from '../../engine/dhcp-message';
import { clientSend } from '../../engine/dhcp-wire';
import type { Link, Netns } from '../../engine/net/types';
import { recordTrace } from '../../engine/view/last-trace';
import type { World } from '../../engine/world';
import type { Proc, ProcContext } from '../jobs/process';
import { awaitReply, renewalSecs } from './dhclient';
import { DHCLIENT_LEASES, leaseBlock } from './dhclient-lease';
import { dropAddresses } from './dhclient-script';

/** dhclient's retransmission while RENEWING (recorded: about 7 s later). */
const RETRY_MS = 7000;

function current(world: World, nsId: number, linkId: number, pid: number): { ns: Netns; link: Link; lease: DhcpClientLease } | null {
  const ns = world.state.netns[nsId];
  const link = world.state.links[linkId];
  if (!ns || !link || link.nsId !== nsId) return null;
  const lease = clientLease(ns, link);
  return lease && lease.running && lease.pid === pid ? { ns, link, lease } : null;
}

/** The server's own link, found by its address (the kernel would ARP for it). */
export function serverLink(world: World, serverId: number): Link | undefined {
  for (const ns of Object.values(world.state.netns)) {
    for (const server of ns.dhcp?.servers ?? []) {
      for (const link of Object.values(world.state.links)) {
        if (link.nsId === ns.id && serverAddress(ns, server, link)?.ip === serverId) return link;
      }
    }
  }
  return undefined;
}

/** T2 of a lease bound at `boundAt`: the server's rebinding time, else 7/8 of the lease (what dnsmasq sends). */
export function rebindAt(lease: Pick<DhcpClientLease, 'boundAt' | 'leaseSecs'>, serverT2?: number): number {
  return lease.boundAt + (serverT2 ?? Math.floor((lease.leaseSecs * 7) / 8)) * 1000;
}

/** The renewal daemon of the lease that dhclient (pid) holds on `linkId`. */
export function* renewLease(ctx: ProcContext, nsId: number, linkId: number, pid: number): Proc {
  /** The T2 the last DHCPACK gave, when it gave one (a renewal's fuzzed times). */
  let serverT2: number | undefined;
  /** The server's MAC as the neighbour cache keeps it: a unicast still goes there after the server's address moved (recorded). */
  let serverMac: string | undefined;
  for (;;) {
    const now0 = current(ctx.world, nsId, linkId, pid);
    serverMac = (now0 && serverLink(ctx.world, now0.lease.serverId)?.mac) ?? serverMac;
    if (!now0?.lease.renewAt) return 0;
    yield { kind: 'timer', until: now0.lease.renewAt };
    let ack: DhcpMessage | null = null;
    for (;;) {
      const held = current(ctx.world, nsId, linkId, pid);
      if (!held) return 0;
      const { ns, link, lease } = held;
      const expiry = lease.boundAt + lease.leaseSecs * 1000;
      if (ctx.world.clock.now() >= expiry || ack?.type === 'NAK') {
        expire(ctx, ns, link, lease);
        return 0;
      }
      const now = ctx.world.clock.now();
      const rebind = rebindAt(lease, serverT2);
      const rebinding = now >= rebind;
      // The first broadcast leaves at T2 itself (recorded: 56.6 s after a T1 of 48.4 s, T2 105 s).
      const retry = Math.min(now + RETRY_MS, expiry, rebinding ? Infinity : rebind);
      const found = serverLink(ctx.world, lease.serverId)?.mac ?? serverMac;
      const to = rebinding || !found ? undefined : { ip: lease.serverId, mac: found };
      if (!rebinding && !to) {
        yield { kind: 'timer', until: retry };
        continue;
      }
      const xid = ctx.world.rng.int(0, 0x7fffffff);
      const request: DhcpMessage = { type: 'REQUEST', op: 'request', xid, chaddr: link.mac, ciaddr: lease.ip, yiaddr: 0, hostname: ctx.host.hostname };
      const sent = clientSend(ctx.world, link, request, to);
      recordTrace(ctx.world, `dhclient ${link.name}: DHCPREQUEST (${rebinding ? 'rebind' : 'renew'})`, sent.trace);
      ack = yield* awaitReply({ ...ctx, ns }, link, [...sent.pending], retry);
      if (ack?.type === 'ACK') break;
    }
    const held = current(ctx.world, nsId, linkId, pid);
    if (!held) return 0;
    serverT2 = ack.t2;
    renew(ctx, held.ns, held.link, held.lease, ack, renewalSecs(ctx, ack.leaseSecs ?? held.lease.leaseSecs, ack.t1));
  }
}

/**
 * The lease ran out (or the server said NAK): dhclient-script EXPIRE takes the address and its
 * routes away. This client then stops; a real one would start over with DISCOVER.
 */
function expire(ctx: ProcContext, ns: Netns, link: Link, lease: DhcpClientLease): void {
  dropAddresses({ ...ctx, ns }, link);
  dhcpState(ns).clients = dhcpState(ns).clients.filter((c) => c !== lease);
  ctx.world.changed();
}

/** dhclient-script RENEW: the address lives on for the new lease; the lease file gets the new block. */
function renew(ctx: ProcContext, ns: Netns, link: Link, lease: DhcpClientLease, ack: DhcpMessage, renewal: number): void {
  const now = ctx.world.clock.now();
  const leaseSecs = ack.leaseSecs ?? lease.leaseSecs;
  for (const a of addrs4Of(ns, link)) if (a.local === lease.ip && a.validUntil !== undefined) a.validUntil = now + leaseSecs * 1000;
  // While REBINDING another server may have answered: it is the lease's server from now on, and
  // its options go into the lease file (dhclient-script keeps the routes of an unchanged address).
  Object.assign(lease, { boundAt: now, leaseSecs, renewAt: now + renewal * 1000, serverId: ack.serverId ?? lease.serverId, router: ack.router ?? lease.router, dns: ack.dns ?? lease.dns });
  const record = { ip: lease.ip, mask: lease.mask, router: lease.router, dns: lease.dns, leaseSecs, ifname: link.name, serverId: lease.serverId, hostname: ack.hostname ?? lease.hostname, via: lease.via, boundAt: ctx.world.clock.epoch + now, renewalSecs: renewal, ...(ack.t1 !== undefined ? { t1: ack.t1, t2: ack.t2 } : {}) };
  ctx.fs.write(DHCLIENT_LEASES, leaseBlock(record), true, ns);
  ctx.world.changed();
}
