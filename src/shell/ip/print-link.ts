/** `ip link` / `ip addr` link lines, as iproute2 6.1 prints them (print_linkinfo). */
import type { World } from '../../engine/world';
import { hasCarrier, operState, peerOf, portsOf } from '../../engine/net/links';
import type { Link, Netns } from '../../engine/net/types';
import { lowerOf } from '../../engine/net/vlan';
import { tunDetails } from './tuntap';

export interface LinkPrintOptions {
  /** `ip link` prints "mode DEFAULT"; `ip addr` does not. */
  mode: boolean;
  details: boolean;
  /**
   * `ip -6 addr` reads links from the IPv6 link dump, which has no qdisc, group or master;
   * `ip -4 addr` skips the link/ether line, so link-netns moves onto the header.
   */
  family?: 4 | 6;
}

/** The `NAME@PEER` part: a veth shows its peer by name in the same netns, else as @ifN. */
export function linkDisplayName(world: World, link: Link): string {
  if (link.kind === 'vlan') {
    // A VLAN device shows its lower device: eth0.10@eth0 (IFLA_LINK).
    const lower = lowerOf(world, link);
    if (!lower) return `${link.name}@NONE`;
    return lower.nsId === link.nsId ? `${link.name}@${lower.name}` : `${link.name}@if${lower.ifindex}`;
  }
  if (link.kind !== 'veth') return link.name;
  const peer = peerOf(world, link);
  if (!peer) return link.name;
  return peer.nsId === link.nsId ? `${link.name}@${peer.name}` : `${link.name}@if${peer.ifindex}`;
}

/** netif_oper_up: operstate UP or UNKNOWN; iproute2 prints NO-CARRIER for UP links that are not. */
export function linkFlags(world: World, link: Link): string {
  const flags: string[] = [];
  const oper = operState(world, link);
  const running = link.adminUp && (oper === 'UP' || oper === 'UNKNOWN');
  if (link.adminUp && !running) flags.push('NO-CARRIER');
  if (link.kind === 'loopback') flags.push('LOOPBACK');
  else if (link.tun?.mode === 'tun') flags.push('POINTOPOINT', 'MULTICAST', 'NOARP');
  else flags.push('BROADCAST', 'MULTICAST');
  if (link.adminUp) flags.push('UP');
  if (link.adminUp && hasCarrier(world, link)) flags.push('LOWER_UP');
  const peer = peerOf(world, link);
  if (link.kind === 'veth' && peer && peer.nsId === link.nsId && !peer.adminUp) flags.push('M-DOWN');
  return `<${flags.join(',')}>`;
}

export function linkHeader(world: World, link: Link, opts: LinkPrintOptions, viewNs?: Netns): string {
  const master = link.masterId === null ? undefined : world.state.links[link.masterId];
  let line = `${link.ifindex}: ${linkDisplayName(world, link)}: ${linkFlags(world, link)} mtu ${link.mtu}`;
  if (opts.family === 6) return `${line} state ${operState(world, link)}${link.txqlen ? ` qlen ${link.txqlen}` : ''}`;
  line += ` qdisc ${link.qdisc}`;
  if (master) line += ` master ${master.name}`;
  line += ` state ${operState(world, link)}`;
  if (opts.mode) line += ' mode DEFAULT';
  // iproute2 prints "group %s " then "qlen %d" only for a non-zero queue: a veth of Docker's ends in "group default " (recorded).
  line += ' group default ';
  if (link.txqlen) line += `qlen ${link.txqlen}`;
  if (opts.family === 4 && viewNs) line += linkNetnsSuffix(world, viewNs, link);
  return line;
}

/** link-netns NAME when a named netns has that nsid here, else link-netnsid N. */
export function linkNetnsSuffix(world: World, viewNs: Netns, link: Link): string {
  const peer = peerOf(world, link);
  if (link.kind !== 'veth' || !peer || peer.nsId === link.nsId) return '';
  const nsid = viewNs.nsids[peer.nsId];
  if (nsid === undefined) return '';
  const host = world.host(viewNs.hostId);
  const named = Object.entries(host.netnsNames).find(([, id]) => viewNs.nsids[id] === nsid);
  return named ? ` link-netns ${named[0]}` : ` link-netnsid ${nsid}`;
}

export function linkAddressLine(world: World, viewNs: Netns, link: Link, details: boolean): string {
  // A tun device has no link-layer address (ARPHRD_NONE): "link/none " with nothing after.
  if (link.tun?.mode === 'tun') return `    link/none ${details ? detailsText(world, link) : ''}`;
  const type = link.kind === 'loopback' ? 'loopback' : 'ether';
  const brd = link.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff';
  let line = `    link/${type} ${link.mac} brd ${brd}${linkNetnsSuffix(world, viewNs, link)}`;
  if (details) line += detailsText(world, link);
  return line;
}

const QUEUE_TAIL = 'gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 gro_max_size 65536 ';

/** tun_net_init: tun and tap devices carry 64 KiB TSO at most. */
const TUN_QUEUE_TAIL = 'gso_max_size 65536 gso_max_segs 65535 tso_max_size 65536 tso_max_segs 65535 gro_max_size 65536 ';

/** min/max MTU: loopback 0/0, tap 68/65521 (MAX_MTU), VLAN 0/65535 (vlan_setup), others 68/65535. */
function mtuRange(link: Link): [number, number] {
  if (link.kind === 'loopback') return [0, 0];
  if (link.kind === 'vlan') return [0, 65535];
  if (link.tun?.mode === 'tap') return [68, 65521];
  return [68, 65535];
}

function detailsText(world: World, link: Link): string {
  // A bridge port is put in promiscuous and allmulti mode by the bridge.
  const promisc = link.masterId === null ? 0 : 1;
  const [minmtu, maxmtu] = mtuRange(link);
  const text = ` promiscuity ${promisc}  allmulti ${promisc} minmtu ${minmtu} maxmtu ${maxmtu} `;
  const queues = link.kind === 'veth' ? 2 : link.tun?.multiQueue ? 256 : 1;
  const tail = `addrgenmode eui64 numtxqueues ${queues} numrxqueues ${queues} ${link.kind === 'tun' ? TUN_QUEUE_TAIL : QUEUE_TAIL}`;
  const slave = link.masterId === null ? '' : `\n    ${bridgeSlaveDetails(world, link)}`;
  if (link.kind === 'veth') return `${text}\n    veth ${slave}${tail}`;
  if (link.kind === 'tun') return `${text}\n    ${tunDetails(link)}${slave}${tail}`;
  if (link.kind === 'vlan') return `${text}\n    ${vlanDetails(link)}${slave}${tail}`;
  if (link.kind === 'bridge') return `${text}\n    ${bridgeDetails(link)}${tail}`;
  return `${text}${slave}${tail}`;
}

/** Port number: 1-based position among the bridge's ports in the order they joined (by ifindex here). */
function bridgeSlaveDetails(world: World, link: Link): string {
  const bridge = world.state.links[link.masterId!]!;
  const portNo = portsOf(world, bridge).findIndex((p) => p.id === link.id) + 1;
  const id = bridgeId(bridge.mac);
  const portId = (0x8000 | portNo).toString(16);
  return (
    `bridge_slave state ${link.port?.state ?? 'disabled'} priority ${link.port?.priority ?? 32} cost ${link.port?.cost ?? 2} hairpin off guard off root_block off fastleave off learning on flood on ` +
    `port_id 0x${portId} port_no 0x${portNo.toString(16)} designated_port ${0x8000 | portNo} designated_cost 0 designated_bridge ${id} designated_root ${id} ` +
    `hold_timer    0.00 message_age_timer    0.00 forward_delay_timer    0.00 topology_change_ack 0 config_pending 0 proxy_arp off proxy_arp_wifi off ` +
    `mcast_router 1 mcast_fast_leave off mcast_flood on bcast_flood on mcast_to_unicast off neigh_suppress off group_fwd_mask 0 group_fwd_mask_str 0x0 ` +
    `vlan_tunnel off isolated off locked off `
  );
}

function bridgeId(mac: string): string {
  // iproute2 prints the bridge id's MAC bytes with %x (no zero padding).
  return '8000.' + mac.split(':').map((b) => parseInt(b, 16).toString(16)).join(':');
}

/** vlan_print_opt (iproute2 ip/iplink_vlan.c): protocol, id, then the flags in <>. */
function vlanDetails(link: Link): string {
  const v = link.vlan!;
  return `vlan protocol ${v.protocol} id ${v.id} <${v.reorderHdr ? 'REORDER_HDR' : ''}> `;
}

function bridgeDetails(link: Link): string {
  const id = bridgeId(link.mac);
  // The garbage-collection timer only runs while the bridge is up.
  const gc = link.adminUp ? '299.98' : '  0.00';
  return (
    `bridge forward_delay ${link.bridge?.forwardDelay ?? 1500} hello_time 200 max_age 2000 ageing_time ${link.bridge?.ageingTime ?? 30000} stp_state 0 priority 32768 vlan_filtering ${link.bridge?.vlanFiltering ? 1 : 0} ` +
    `bridge_id ${id} designated_root ${id} root_port 0 root_path_cost 0 topology_change 0 topology_change_detected 0 ` +
    `hello_timer    0.00 tcn_timer    0.00 topology_change_timer    0.00 gc_timer  ${gc} group_fwd_mask 0 group_address 01:80:c2:00:00:00 ` +
    `mcast_snooping 1 no_linklocal_learn 0 mcast_vlan_snooping 0 mcast_router 1 mcast_query_use_ifaddr 0 mcast_querier 0 mcast_hash_elasticity 16 mcast_hash_max 4096 ` +
    `mcast_last_member_count 2 mcast_startup_query_count 2 mcast_last_member_interval 100 mcast_membership_interval 26000 mcast_querier_interval 25500 ` +
    `mcast_query_interval 12500 mcast_query_response_interval 1000 mcast_startup_query_interval 3124 mcast_stats_enabled 0 mcast_igmp_version 2 mcast_mld_version 1 ` +
    `nf_call_iptables 0 nf_call_ip6tables 0 nf_call_arptables 0 `
  );
}

/** `ip -br link`: name, operstate, MAC, flags. */
export function briefLink(world: World, link: Link): string {
  return `${linkDisplayName(world, link).padEnd(16)} ${operState(world, link).padEnd(14)} ${link.mac} ${linkFlags(world, link)} `;
}
