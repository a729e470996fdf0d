/**
 * ISC dhclient 4.4.3-P1 (Debian 12's isc-dhcp-client), as recorded in test/golden/dhcp*.txt:
 * `dhclient [-v] [-r | -x] [-1] IF…`. DISCOVER, OFFER, REQUEST, ACK on simulated time through
 * the walker (dnsmasq on the router ping-checks a new address for about 3 s before offering
 * it), then dhclient-script configures the link and dhclient "forks": the lease stays, held
 * by a client that `-r` (release) or `-x` (stop) ends. A second run on a link with a lease
 * in the lease file asks for it again (INIT-REBOOT). All of it is logged on stderr.
 */
import { formatIpv4 } from '../../engine/net/ipv4';
import { linkByName } from '../../engine/net/links';
import { clientLease, dhcpState, type DhcpClientLease } from '../../engine/dhcp';
import type { DhcpMessage } from '../../engine/dhcp-message';
import { clientSend, serverSend, type PendingReply } from '../../engine/dhcp-wire';
import { recordTrace } from '../../engine/view/last-trace';
import type { Link } from '../../engine/net/types';
import type { Output } from '../types';
import type { Proc, ProcContext, Wait } from '../jobs/process';
import { writeServerLeases } from './dnsmasq-leases';
import { applyLease, boundFrom, dropAddresses, preinit, type Bound } from './dhclient-script';
import { DHCLIENT_LEASES, leaseBlock } from './dhclient-lease';
import { renewLease, serverLink } from './dhclient-renew';

/** Printed with -v, followed by an empty line. */
const HEADER = `Internet Systems Consortium DHCP Client 4.4.3-P1
Copyright 2004-2022 Internet Systems Consortium.
All rights reserved.
For info, please visit https://www.isc.org/software/dhcp/
`;

const BUG_BLURB = `
If you think you have received this message due to a bug rather
than a configuration issue please read the section on submitting
bugs on either our web page at www.isc.org or in the README file
before submitting a bug.  These pages explain the proper
process and the information we find helpful for debugging.

exiting.`;

/** How long dhclient tries before giving up (dhclient.conf `timeout`, Debian: 300 s; -1 then exits 2). */
const GIVE_UP_MS = 60_000;

interface Options {
  verbose: boolean;
  release: boolean;
  stop: boolean;
  once: boolean;
  ifnames: string[];
}

function parse(argv: string[]): Options | string {
  const o: Options = { verbose: false, release: false, stop: false, once: false, ifnames: [] };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-v') o.verbose = true;
    else if (a === '-r') o.release = true;
    else if (a === '-x') o.stop = true;
    else if (a === '-1') o.once = true;
    else if (a === '-d' || a === '-q' || a === '-4' || a === '-nw' || a === '-w') continue;
    else if (['-lf', '-pf', '-cf', '-sf', '-p', '-s', '-e'].includes(a)) i++;
    else if (a.startsWith('-')) return `Unknown command: ${a}`;
    else o.ifnames.push(a);
  }
  return o;
}

export function* dhclient(argv: string[], ctx: ProcContext, out: Output): Proc {
  const o = parse(argv);
  if (typeof o === 'string') {
    out.err(`${o}\nUsage: dhclient [-4|-6] [-SNTPRI1dvrxi] [-nw] [-p <port>] [-D LL|LLT]\n                [--dad-wait-time <seconds>] [--prefix-len-hint <length>]\n                [--decline-wait-time <seconds>]\n                [--address-prefix-len <length>]\n                [-s server-addr] [-cf config-file]\n                [-df duid-file] [-lf lease-file]\n                [-pf pid-file] [--no-pid] [-e VAR=val]\n                [-sf script-file] [interface]*`);
    return 1;
  }
  const links: Link[] = [];
  for (const name of o.ifnames) {
    const link = linkByName(ctx.world, ctx.ns.id, name);
    if (!link) {
      if (o.verbose) out.err(HEADER + '\n');
      out.err(`Cannot find device "${name}"\nFailed to get interface index: No such device\n${BUG_BLURB}`);
      return 1;
    }
    links.push(link);
  }
  const running = dhcpState(ctx.ns).clients.filter((c) => c.running && (links.length === 0 || links.some((l) => l.id === c.linkId)));
  if (o.release || o.stop) {
    if (running.length > 0) out.err('Killed old client process');
    for (const c of running) c.running = false;
    if (o.stop) return 0;
    if (o.verbose) out.err(HEADER + '\n');
    for (const link of links) release(ctx, link, o, out);
    return 0;
  }
  if (o.verbose) out.err(HEADER + '\n');
  if (links.length === 0) links.push(...defaultLinks(ctx));
  for (const link of links) {
    if (o.verbose) out.err(`Listening on LPF/${link.name}/${link.mac}\nSending on   LPF/${link.name}/${link.mac}`);
  }
  if (o.verbose) out.err('Sending on   Socket/fallback');
  let status = 0;
  for (const link of links) status = Math.max(status, yield* obtain(ctx, link, o, out));
  return status;
}

function defaultLinks(ctx: ProcContext): Link[] {
  return Object.values(ctx.world.state.links)
    .filter((l) => l.nsId === ctx.ns.id && l.kind !== 'loopback' && l.tun?.mode !== 'tun')
    .sort((a, b) => a.ifindex - b.ifindex);
}

function message(ctx: ProcContext, link: Link, type: DhcpMessage['type'], xid: number, extra: Partial<DhcpMessage> = {}): DhcpMessage {
  return { type, op: 'request', xid, chaddr: link.mac, ciaddr: 0, yiaddr: 0, hostname: ctx.host.hostname, ...extra };
}

/** Waits for the first reply that reaches the client until `until`; servers send what falls due on the way. */
export function* awaitReply(ctx: ProcContext, link: Link, pending: PendingReply[], until: number, program = 'dhclient'): Generator<Wait, DhcpMessage | null, void> {
  for (;;) {
    pending.sort((a, b) => a.sendAt - b.sendAt);
    const next = pending[0];
    if (!next || next.sendAt > until) {
      if (until > ctx.world.clock.now()) yield { kind: 'timer', until };
      return null;
    }
    if (next.sendAt > ctx.world.clock.now()) yield { kind: 'timer', until: next.sendAt };
    pending.shift();
    const sent = serverSend(ctx.world, next);
    recordTrace(ctx.world, `${program} ${link.name}: DHCP${next.msg.type}`, sent.trace);
    if (!sent.delivered) continue;
    if (next.msg.type === 'ACK') writeServerLeases(ctx, next.serverLinkId);
    return next.msg;
  }
}

function* obtain(ctx: ProcContext, link: Link, o: Options, out: Output): Proc {
  preinit(ctx, link);
  const xid = ctx.world.rng.int(0, 0x7fffffff);
  const old = clientLease(ctx.ns, link);
  const pending: PendingReply[] = [];
  let offer: DhcpMessage | null = null;
  let via: 'discover' | 'reboot' = 'discover';
  if (old) {
    via = 'reboot';
    offer = { type: 'OFFER', op: 'reply', xid, chaddr: link.mac, ciaddr: 0, yiaddr: old.ip, serverId: old.serverId };
  } else {
    const start = ctx.world.clock.now();
    while (!offer) {
      const interval = ctx.world.rng.int(4, 6);
      if (o.verbose) out.err(`DHCPDISCOVER on ${link.name} to 255.255.255.255 port 67 interval ${interval}`);
      const sent = clientSend(ctx.world, link, message(ctx, link, 'DISCOVER', xid));
      recordTrace(ctx.world, `dhclient ${link.name}: DHCPDISCOVER`, sent.trace);
      pending.push(...sent.pending);
      offer = yield* awaitReply(ctx, link, pending, ctx.world.clock.now() + interval * 1000);
      if (!offer && ctx.world.clock.now() - start >= GIVE_UP_MS) {
        if (o.verbose) out.err('No DHCPOFFERS received.\nNo working leases in persistent database - sleeping.');
        return o.once ? 2 : 0;
      }
    }
    if (o.verbose) out.err(`DHCPOFFER of ${formatIpv4(offer.yiaddr)} from ${formatIpv4(offer.serverId ?? 0)}`);
  }
  if (o.verbose) out.err(`DHCPREQUEST for ${formatIpv4(offer.yiaddr)} on ${link.name} to 255.255.255.255 port 67`);
  const request = message(ctx, link, 'REQUEST', xid, { requested: offer.yiaddr, ...(via === 'discover' ? { serverId: offer.serverId } : {}) });
  const sent = clientSend(ctx.world, link, request);
  const ack = yield* awaitReply(ctx, link, [...sent.pending], ctx.world.clock.now() + 3000);
  if (!ack || ack.type !== 'ACK') {
    if (ack?.type === 'NAK') if (o.verbose) out.err(`DHCPNAK from ${formatIpv4(ack.serverId ?? 0)}`);
    return o.once ? 2 : 0;
  }
  if (o.verbose) out.err(`DHCPACK of ${formatIpv4(ack.yiaddr)} from ${formatIpv4(ack.serverId ?? 0)}`);
  const lease = boundFrom(ack);
  applyLease(ctx, link, lease, out, { dynamic: true, resolv: 'nameserver DNS\n' });
  const renewal = renewalSecs(ctx, lease.leaseSecs);
  // dnsmasq lists configured options (--dhcp-option) first when answering a DISCOVER-started
  // exchange; its own defaults (router, DNS from its address) and INIT-REBOOT answers come in the other order.
  const order = via === 'discover' && ack.configured ? 'discover' : 'reboot';
  const pid = remember(ctx, link, lease, ack, order, renewal);
  // dhclient forks: the child renews the lease at T1 while simulated time passes.
  ctx.daemon?.('dhclient', pid, renewLease(ctx, ctx.ns.id, link.id, pid));
  ctx.fs.write(DHCLIENT_LEASES, leaseBlock({ ...lease, ifname: link.name, serverId: ack.serverId ?? 0, hostname: ack.hostname ?? null, via: order, boundAt: ctx.world.clock.epoch + ctx.world.clock.now(), renewalSecs: renewal }), true, ctx.ns);
  if (o.verbose) out.err(`bound to ${formatIpv4(lease.ip)} -- renewal in ${renewal} seconds.`);
  return 0;
}

/** dhclient.c dhcpack(): T1 with randomness, between 3/4 of it and all of it. */
export function renewalSecs(ctx: ProcContext, leaseSecs: number, serverT1?: number): number {
  const t1 = serverT1 ?? Math.floor(leaseSecs / 2);
  return Math.floor((t1 * 3 + 3) / 4) + Math.floor((ctx.world.rng.int(0, t1 - 1) + 3) / 4);
}

/** The lease the forked dhclient holds; returns the fork's pid. */
function remember(ctx: ProcContext, link: Link, lease: Bound, ack: DhcpMessage, via: 'discover' | 'reboot', renewal: number): number {
  const state = dhcpState(ctx.ns);
  const now = ctx.world.clock.now();
  const pid = ctx.world.rng.int(1000, 32000);
  const entry: DhcpClientLease = { program: 'dhclient', linkId: link.id, ip: lease.ip, mask: lease.mask, router: lease.router, dns: lease.dns, serverId: ack.serverId ?? 0, leaseSecs: lease.leaseSecs, boundAt: now, hostname: ack.hostname ?? null, running: true, via, pid, renewAt: now + renewal * 1000 };
  state.clients = [...state.clients.filter((c) => c.linkId !== link.id), entry];
  return pid;
}

/** -r: DHCPRELEASE to the server, then dhclient-script takes the address and routes away. */
function release(ctx: ProcContext, link: Link, o: Options, out: Output): void {
  const lease = clientLease(ctx.ns, link);
  if (!lease) return;
  if (o.verbose) {
    out.err(`Listening on LPF/${link.name}/${link.mac}\nSending on   LPF/${link.name}/${link.mac}\nSending on   Socket/fallback`);
    out.err(`DHCPRELEASE of ${formatIpv4(lease.ip)} on ${link.name} to ${formatIpv4(lease.serverId)} port 67`);
  }
  // Unicast to the server, as recorded (test/golden/dhcp-renew.txt).
  const server = serverLink(ctx.world, lease.serverId);
  const sent = clientSend(ctx.world, link, message(ctx, link, 'RELEASE', 0, { ciaddr: lease.ip, serverId: lease.serverId }), server ? { ip: lease.serverId, mac: server.mac } : undefined);
  recordTrace(ctx.world, `dhclient -r ${link.name}: DHCPRELEASE`, sent.trace);
  if (server) writeServerLeases(ctx, server.id);
  dropAddresses(ctx, link);
  dhcpState(ctx.ns).clients = dhcpState(ctx.ns).clients.filter((c) => c.linkId !== link.id);
}
