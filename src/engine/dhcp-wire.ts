/**
 * DHCP on the wire. Clients and servers use packet sockets (dhclient's LPF, dnsmasq's raw
 * replies), so messages are Ethernet frames handed to the link directly, not routed: a client
 * without an address broadcasts from 0.0.0.0:68 to 255.255.255.255:67; the server answers
 * unicast to the client's MAC and offered address (as recorded: "192.168.1.1.67 >
 * 192.168.1.157.68"). Every frame crosses veths, bridges and VLANs through the walker, so
 * tcpdump and the topology view see the exchange.
 */
import type { World } from './world';
import { BROADCAST_MAC } from './net/mac';
import type { Link } from './net/types';
import { defaultHooks } from './packet/hooks';
import { transmit } from './packet/l2';
import type { Packet } from './packet/packet';
import type { Trace } from './packet/trace';
import { newWalk } from './packet/walk-context';
import { BOOTP_MIN, DHCP_CLIENT_PORT, DHCP_SERVER_PORT, type DhcpMessage } from './dhcp-message';
import { serve, serverAddress, serverFor } from './dhcp';

/** IP + UDP + the 300-byte BOOTP minimum that dhclient and dnsmasq send. */
const DHCP_PACKET_BYTES = 20 + 8 + BOOTP_MIN;
const BROADCAST_IP = 0xffffffff;

/** dnsmasq pings an address before offering it the first time (about 3 s, as recorded). */
export const PING_CHECK_MS = 3017;
/** Otherwise the answer leaves at once (recorded 0.15 to 0.5 ms later; the capture's hop stamps show the order). */
const ANSWER_MS = 0;

/** A reply a server will send at `sendAt` from its link, to a client link. */
export interface PendingReply {
  serverLinkId: number;
  clientLinkId: number;
  msg: DhcpMessage;
  sendAt: number;
}

function dhcpPacket(src: number, dst: number, sport: number, dport: number, msg: DhcpMessage): Packet {
  return { src, dst, proto: 'udp', ttl: 64, length: DHCP_PACKET_BYTES, sport, dport, dhcp: msg };
}

/**
 * A client message leaves `link` now (broadcast, or unicast to `to` for a RELEASE); returns
 * the replies servers on the way decide to send, and the trace of the walk.
 */
export function clientSend(world: World, link: Link, msg: DhcpMessage, to?: { ip: number; mac: string }): { pending: PendingReply[]; trace: Trace } {
  const now = world.clock.now();
  const walk = newWalk(world, defaultHooks, now);
  const packet = dhcpPacket(msg.ciaddr, to?.ip ?? BROADCAST_IP, DHCP_CLIENT_PORT, DHCP_SERVER_PORT, msg);
  const arrivals = transmit(walk, link, { src: link.mac, dst: to?.mac ?? BROADCAST_MAC, kind: 'ipv4', packet });
  const pending: PendingReply[] = [];
  for (const arrival of arrivals) {
    const ns = world.netns(arrival.link.nsId);
    const server = serverFor(ns, arrival.link);
    if (!server) continue;
    // A unicast (a renewal) to an address the server's host no longer has dies in its IP input.
    if (to && serverAddress(ns, server, arrival.link)?.ip !== to.ip) continue;
    const pinging = (server.pinging ??= {});
    const checked = pinging[msg.chaddr];
    const known = server.leases.some((l) => l.mac === msg.chaddr);
    const reply = serve(world, ns, arrival.link, msg);
    if (!reply) continue;
    let sendAt = now + ANSWER_MS;
    // A DISCOVER that arrives during the check is answered when the check ends; a client
    // whose address was checked before is answered at once.
    if (reply.type === 'OFFER' && !known && (checked === undefined || checked > now)) {
      sendAt = checked ?? now + PING_CHECK_MS;
      pinging[msg.chaddr] = sendAt;
    }
    pending.push({ serverLinkId: arrival.link.id, clientLinkId: link.id, msg: reply, sendAt });
  }
  world.changed();
  return { pending, trace: walk.trace };
}

/** A server's reply leaves its link now; true when it reached the client's link. */
export function serverSend(world: World, reply: PendingReply): { delivered: boolean; trace: Trace } {
  const walk = newWalk(world, defaultHooks, world.clock.now());
  const from = world.state.links[reply.serverLinkId];
  if (!from) return { delivered: false, trace: walk.trace };
  const toIp = reply.msg.type === 'NAK' ? BROADCAST_IP : reply.msg.yiaddr;
  const dstMac = reply.msg.type === 'NAK' ? BROADCAST_MAC : reply.msg.chaddr;
  const packet = dhcpPacket(reply.msg.serverId ?? 0, toIp, DHCP_SERVER_PORT, DHCP_CLIENT_PORT, reply.msg);
  const arrivals = transmit(walk, from, { src: from.mac, dst: dstMac, kind: 'ipv4', packet });
  world.changed();
  return { delivered: arrivals.some((a) => a.link.id === reply.clientLinkId), trace: walk.trace };
}
