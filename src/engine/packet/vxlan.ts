/**
 * VXLAN devices (drivers/net/vxlan): a bridge port whose frames travel inside UDP datagrams to
 * port 4789 of another host. The device lives in one namespace (Docker's overlay sandbox) while its
 * UDP socket stays in the namespace it was created in (the host's own), so the outer datagram goes
 * through that namespace's routes, netfilter and NIC. Docker's overlay driver creates the device
 * without learning, with `proxy`: the remote endpoints' MACs are static FDB entries (MAC -> the
 * remote host's address) and their addresses permanent neighbour entries that answer ARP locally.
 */
import type { World } from '../world';
import { formatIpv4 } from '../net/ipv4';
import { findNeigh } from '../net/neigh';
import { isMulticastMac } from '../net/mac';
import type { Link, Netns } from '../net/types';
import { receiveArp } from './arp';
import { frameBytes, type Frame } from './frame';
import { receive } from './ip-input';
import { localOut } from './ip-output';
import { arrive, type Arrival } from './l2';
import { IP_HEADER, type Packet } from './packet';
import { defaultTtl } from './icmp';
import { drop, hop, nsLabel, type Walk } from './walk-context';

/** IANA's VXLAN port (RFC 7348), what Docker's overlay driver uses by default. */
export const VXLAN_PORT = 4789;
/** The UDP header and the 8-byte VXLAN header around the inner frame. */
export const VXLAN_OVERHEAD = IP_HEADER + 8 + 8;

export interface VxlanDevice {
  linkId: number;
  vni: number;
  /** The namespace whose UDP socket sends and receives the datagrams (where the device was made). */
  underlayNsId: number;
  /** The local tunnel endpoint: the host's own address the datagrams leave from. */
  local: number;
  /** Static FDB (`bridge fdb add MAC dev vxlan0 dst IP`): inner MAC -> remote tunnel endpoint. */
  fdb: Record<string, number>;
}

interface VxlanState {
  devices: Record<number, VxlanDevice>;
}

type VxlanWorldState = World['state'] & { vxlan?: VxlanState };

function stateOf(world: World): VxlanState {
  return ((world.state as VxlanWorldState).vxlan ??= { devices: {} });
}

/** Declares `link` a VXLAN device (it keeps its kind; this table says how it transmits). */
export function addVxlanDevice(world: World, device: VxlanDevice): void {
  stateOf(world).devices[device.linkId] = device;
}

export function removeVxlanDevice(world: World, linkId: number): void {
  const state = (world.state as VxlanWorldState).vxlan;
  if (state) delete state.devices[linkId];
}

export function vxlanDevice(world: World, link: Link): VxlanDevice | undefined {
  return (world.state as VxlanWorldState).vxlan?.devices[link.id];
}

export function allVxlanDevices(world: World): VxlanDevice[] {
  const state = (world.state as VxlanWorldState).vxlan;
  return state ? Object.values(state.devices).filter((d) => world.state.links[d.linkId] !== undefined) : [];
}

/**
 * udp_flow_src_port: the outer source port is a hash of the inner flow, scaled into the local
 * port range (32768-60999), so one flow always takes the same port and ECMP can spread flows.
 */
export function flowSourcePort(frame: Frame): number {
  const p = frame.kind === 'ipv4' ? frame.packet : undefined;
  const words = p ? [p.src, p.dst, p.proto === 'icmp' ? 1 : p.proto === 'tcp' ? 6 : 17, p.sport ?? p.icmp?.id ?? 0, p.dport ?? 0] : [0x0806];
  let h = 0x811c9dc5;
  for (const w of words) {
    for (let i = 0; i < 4; i++) {
      h ^= (w >>> (8 * i)) & 0xff;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return 32768 + (h % (60999 - 32768 + 1));
}

/** The UDP datagram carrying `frame` from this device to `remote`. */
export function encapsulate(dev: VxlanDevice, frame: Frame, remote: number, ttl: number): Packet {
  return { src: dev.local, dst: remote, proto: 'udp', ttl, length: VXLAN_OVERHEAD + frameBytes(frame), sport: flowSourcePort(frame), dport: VXLAN_PORT, vxlan: { vni: dev.vni, frame } };
}

/** vxlan_xmit: a frame the device sends (from its bridge): answered locally (ARP), tunnelled, or dropped. */
export function vxlanXmit(walk: Walk, link: Link, frame: Frame): Arrival[] {
  const dev = vxlanDevice(walk.world, link)!;
  const ns = walk.world.netns(link.nsId);
  if (frame.kind === 'arp') return proxyArp(walk, ns, link, frame);
  if (isMulticastMac(frame.dst)) {
    hop(walk, ns, 'xmit', `${link.name} does not flood ${frame.dst}: the overlay has no multicast group`, link);
    return [];
  }
  const remote = dev.fdb[frame.dst];
  if (remote === undefined) {
    drop(walk, ns, `${link.name} (VNI ${dev.vni}) has no FDB entry for ${frame.dst}: the frame is dropped (l2miss)`, link);
    return [];
  }
  const underlay = walk.world.state.netns[dev.underlayNsId];
  if (!underlay) {
    drop(walk, ns, `${link.name} lost its underlay namespace`, link);
    return [];
  }
  const outer = encapsulate(dev, frame, remote, defaultTtl(underlay));
  hop(walk, ns, 'xmit', `${link.name} encapsulates the frame for ${frame.dst} in VXLAN (VNI ${dev.vni}): UDP ${formatIpv4(dev.local)}:${outer.sport} -> ${formatIpv4(remote)}:${VXLAN_PORT}`, link);
  localOut(walk, underlay, outer);
  return [];
}

/** arp_reduce: with `proxy`, the device answers ARP requests from its own neighbour table. */
function proxyArp(walk: Walk, ns: Netns, link: Link, frame: Extract<Frame, { kind: 'arp' }>): Arrival[] {
  const msg = frame.arp;
  if (msg.op !== 'request') return [];
  const entry = findNeigh(ns, link.id, msg.targetIp);
  if (!entry?.mac) {
    // A flooded copy for an address on this node's own bridge is normal: not a drop of the walk.
    hop(walk, ns, 'arp', `${link.name} has no neighbour entry for ${formatIpv4(msg.targetIp)}: it does not answer (l3miss)`, link);
    return [];
  }
  hop(walk, ns, 'arp', `${link.name} answers for ${formatIpv4(msg.targetIp)} from its neighbour table: is-at ${entry.mac} (proxy)`, link);
  const reply: Frame = { src: entry.mac, dst: msg.senderMac, kind: 'arp', arp: { op: 'reply', senderMac: entry.mac, senderIp: msg.targetIp, targetMac: msg.senderMac, targetIp: msg.senderIp } };
  return arrive(walk, link, reply, new Set());
}

/**
 * vxlan_rcv: a datagram for UDP 4789 reached the namespace holding the tunnel sockets. True when
 * the VXLAN socket took it (the inner frame then arrives on the device of its VNI, or is dropped).
 */
export function vxlanReceive(walk: Walk, ns: Netns, packet: Packet): boolean {
  if (packet.proto !== 'udp' || packet.dport !== VXLAN_PORT || !packet.vxlan) return false;
  const devices = allVxlanDevices(walk.world).filter((d) => d.underlayNsId === ns.id);
  if (devices.length === 0) return false;
  const { vni, frame } = packet.vxlan;
  const dev = devices.find((d) => d.vni === vni);
  const link = dev ? walk.world.state.links[dev.linkId] : undefined;
  if (!dev || !link) {
    drop(walk, ns, `${nsLabel(walk.world, ns)} has no VXLAN device with VNI ${vni}: the datagram is dropped`);
    return true;
  }
  hop(walk, ns, 'receive', `${nsLabel(walk.world, ns)} decapsulates VXLAN (VNI ${vni}) from ${formatIpv4(packet.src)}: the frame for ${frame.dst} arrives on ${link.name}`, link);
  for (const arrival of arrive(walk, link, frame, new Set())) {
    if (arrival.frame.kind === 'ipv4') receive(walk, arrival.link, { ...arrival.frame.packet }, arrival.frame.src);
    else receiveArp(walk, arrival);
  }
  return true;
}
