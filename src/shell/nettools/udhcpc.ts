/**
 * BusyBox udhcpc 1.35.0 (Debian 12's udhcpc package with its default.script), as recorded in
 * test/golden/dhcp-udhcpc.txt: `udhcpc [-i IFACE] [-n] [-q]`. It broadcasts a discover every
 * 3 s (three times with -n before "no lease, failing"), selects the first offer, and its
 * script adds the address (no lifetime), the default route and /etc/resolv.conf. Without -q
 * it stays in the foreground to renew, until interrupted. Messages go to stderr.
 */
import { formatIpv4 } from '../../engine/net/ipv4';
import { activity } from '../../engine/packet/capture';
import { linkByName } from '../../engine/net/links';
import { dhcpState } from '../../engine/dhcp';
import type { DhcpMessage } from '../../engine/dhcp-message';
import { clientSend, type PendingReply } from '../../engine/dhcp-wire';
import type { Output } from '../types';
import type { Proc, ProcContext } from '../jobs/process';
import { awaitReply } from './dhclient';
import { applyLease, boundFrom, preinit } from './dhclient-script';

const DISCOVER_TIMEOUT_MS = 3000;
const DISCOVER_RETRIES = 3;

export function* udhcpc(argv: string[], ctx: ProcContext, out: Output): Proc {
  let ifname = 'eth0';
  let failIfNone = false;
  let quit = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-i' || a === '--interface') ifname = argv[++i] ?? ifname;
    else if (a.startsWith('-i') && a.length > 2) ifname = a.slice(2);
    else if (a === '-n' || a === '--now') failIfNone = true;
    else if (a === '-q' || a === '--quit') quit = true;
    else if (a === '-nq' || a === '-qn') failIfNone = quit = true;
    else if (['-s', '-p', '-t', '-T', '-A', '-x', '-r', '-O', '-V', '-H', '-h', '-F', '-c'].includes(a)) i++;
  }
  const link = linkByName(ctx.world, ctx.ns.id, ifname);
  if (!link) {
    out.err('udhcpc: SIOCGIFINDEX: No such device');
    return 1;
  }
  out.err('udhcpc: started, v1.35.0');
  preinit(ctx, link);
  const xid = ctx.world.rng.int(0, 0x7fffffff);
  const base = { op: 'request' as const, xid, chaddr: link.mac, ciaddr: 0, yiaddr: 0 };
  const pending: PendingReply[] = [];
  let offer: DhcpMessage | null = null;
  for (let tries = 0; !offer; tries++) {
    if (tries === DISCOVER_RETRIES) {
      if (failIfNone) {
        out.err('udhcpc: no lease, failing');
        return 1;
      }
      tries = 0;
    }
    out.err('udhcpc: broadcasting discover');
    pending.push(...clientSend(ctx.world, link, { ...base, type: 'DISCOVER' }).pending);
    offer = yield* awaitReply(ctx, link, pending, ctx.world.clock.now() + DISCOVER_TIMEOUT_MS, 'udhcpc');
  }
  const server = offer.serverId ?? 0;
  out.err(`udhcpc: broadcasting select for ${formatIpv4(offer.yiaddr)}, server ${formatIpv4(server)}`);
  const sent = clientSend(ctx.world, link, { ...base, type: 'REQUEST', requested: offer.yiaddr, serverId: server });
  const ack = yield* awaitReply(ctx, link, [...sent.pending], ctx.world.clock.now() + DISCOVER_TIMEOUT_MS, 'udhcpc');
  if (!ack || ack.type !== 'ACK') {
    out.err(ack?.type === 'NAK' ? 'udhcpc: received DHCP NAK' : 'udhcpc: no lease, failing');
    return 1;
  }
  const lease = boundFrom(ack);
  out.err(`udhcpc: lease of ${formatIpv4(lease.ip)} obtained from ${formatIpv4(server)}, lease time ${lease.leaseSecs}`);
  applyLease(ctx, link, lease, out, { dynamic: false, resolv: '\nnameserver DNS\n' });
  const state = dhcpState(ctx.ns);
  state.clients = [
    ...state.clients.filter((c) => c.linkId !== link.id),
    { program: 'udhcpc', linkId: link.id, ip: lease.ip, mask: lease.mask, router: lease.router, dns: lease.dns, serverId: server, leaseSecs: lease.leaseSecs, boundAt: ctx.world.clock.now(), hostname: null, running: !quit, via: 'discover' },
  ];
  if (quit) return 0;
  // In the foreground until a signal (Ctrl-C, timeout, kill) ends it.
  for (;;) yield { kind: 'activity', since: activity(ctx.world) };
}
