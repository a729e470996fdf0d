/**
 * Layer 2: a frame leaves a link and arrives wherever the wire takes it. veth -> its peer,
 * a NIC -> the NIC at the other end of its cable, a bridge port -> the bridge (FDB learning,
 * forwarding to the known port or flooding), frames for the bridge's own MAC -> the bridge's
 * IP stack. Returns the links whose IP stack receives the frame.
 */
import { fdbLearn, fdbLookup } from '../net/fdb';
import { hasCarrier, isPortMac, peerOf, portList } from '../net/links';
import { isMulticastMac } from '../net/mac';
import type { Link } from '../net/types';
import { egressTag, ingressVlan, lowerOf, vlanChild } from '../net/vlan';
import { captureFrame } from './capture';
import { frameBytes, withTag, type Frame } from './frame';
import { keepFrame } from './trace-frames';
import { drop, hop, MAX_STEPS, type Walk } from './walk-context';
import { vxlanDevice, vxlanXmit } from './vxlan';

export interface Arrival {
  link: Link;
  frame: Frame;
}

function countTx(walk: Walk, link: Link, frame: Frame): void {
  captureFrame(walk.world, link, frame, 'out', walk.at, walk.hops);
  keepFrame(walk, link, frame, 'out');
  link.stats.txPackets++;
  link.stats.txBytes += frameBytes(frame);
}

function countRx(walk: Walk, link: Link, frame: Frame): void {
  captureFrame(walk.world, link, frame, 'in', walk.at, walk.hops);
  keepFrame(walk, link, frame, 'in');
  link.stats.rxPackets++;
  link.stats.rxBytes += frameBytes(frame);
}

function nsOf(walk: Walk, link: Link) {
  return walk.world.netns(link.nsId);
}

/** Why a link cannot send right now, in a learner's words, or null if it can. */
export function linkProblem(walk: Walk, link: Link): string | null {
  if (!link.adminUp) return `link ${link.name} is down`;
  if (hasCarrier(walk.world, link)) return null;
  const peer = peerOf(walk.world, link);
  if (link.kind === 'veth') return peer ? `link ${link.name} has no carrier: its peer ${peer.name} is down` : `link ${link.name} has no peer`;
  if (link.kind === 'ether') return link.cable && peer ? `link ${link.name} has no carrier: the other end of its cable is down` : `link ${link.name} has no cable plugged in`;
  if (link.kind === 'bridge') return `bridge ${link.name} has no port in forwarding state`;
  return `link ${link.name} has no carrier`;
}

/** dev_queue_xmit on `from`. */
export function transmit(walk: Walk, from: Link, frame: Frame): Arrival[] {
  const ns = nsOf(walk, from);
  if (++walk.steps > MAX_STEPS) {
    if (walk.steps === MAX_STEPS + 1) drop(walk, ns, 'too many hops: the packet is looping', from);
    return [];
  }
  const problem = linkProblem(walk, from);
  if (problem) {
    if (from.adminUp) from.stats.txDropped++;
    drop(walk, ns, problem, from);
    return [];
  }
  if (from.kind === 'loopback') {
    countTx(walk, from, frame);
    countRx(walk, from, frame);
    return [{ link: from, frame }];
  }
  countTx(walk, from, frame);
  if (from.kind === 'vlan') return vlanOut(walk, from, frame);
  if (vxlanDevice(walk.world, from)) return vxlanXmit(walk, from, frame);
  hop(walk, ns, 'xmit', `${describe(frame)} leaves ${from.name}`, from);
  const seen = new Set([from.id]);
  if (from.kind === 'bridge') {
    const vlan = ingressVlan(from, from, frame.vlan);
    if ('drop' in vlan) {
      drop(walk, ns, `bridge ${from.name}: ${vlan.drop}`, from);
      return [];
    }
    return bridgeOut(walk, from, null, frame, seen, vlan.vid);
  }
  const peer = peerOf(walk.world, from);
  if (!peer) return [];
  return arrive(walk, peer, frame, seen);
}

/** vlan_dev_hard_start_xmit: the VLAN device tags the frame and its lower device sends it. */
function vlanOut(walk: Walk, from: Link, frame: Frame): Arrival[] {
  const ns = nsOf(walk, from);
  const lower = lowerOf(walk.world, from);
  if (!lower || !from.vlan) {
    drop(walk, ns, `${from.name} has no lower device`, from);
    return [];
  }
  hop(walk, ns, 'xmit', `${describe(frame)} leaves ${from.name} tagged VLAN ${from.vlan.id} on ${lower.name}`, from);
  return transmit(walk, lower, withTag(frame, from.vlan.id));
}

/**
 * The frame goes up the stack of `link`: a tagged frame to the VLAN device of its id on
 * `link` (vlan_do_receive), dropped when there is none.
 */
function up(walk: Walk, link: Link, frame: Frame): Arrival[] {
  if (frame.vlan === undefined) return [{ link, frame }];
  const ns = nsOf(walk, link);
  const child = vlanChild(walk.world, link, frame.vlan);
  if (!child || child.nsId !== link.nsId) {
    drop(walk, ns, `${link.name} has no VLAN ${frame.vlan} device: the tagged frame is dropped`, link);
    return [];
  }
  if (!child.adminUp) {
    drop(walk, ns, `link ${child.name} is down`, child);
    return [];
  }
  const untagged = withTag(frame, undefined);
  countRx(walk, child, untagged);
  hop(walk, ns, 'receive', `${link.name} hands VLAN ${frame.vlan} to ${child.name}`, child);
  return [{ link: child, frame: untagged }];
}

/** A frame arriving from the wire on `link` (or out of a tunnel, see vxlan.ts). */
export function arrive(walk: Walk, link: Link, frame: Frame, seen: Set<number>): Arrival[] {
  const ns = nsOf(walk, link);
  // Bridges joined in a loop (no STP) would pass a broadcast around forever: stop at the second lap.
  if (seen.has(link.id)) {
    drop(walk, ns, `a frame came back to ${link.name}: the bridges form a loop`, link);
    return [];
  }
  seen.add(link.id);
  if (!link.adminUp) {
    drop(walk, ns, `link ${link.name} is down`, link);
    return [];
  }
  countRx(walk, link, frame);
  if (link.masterId !== null) {
    const bridge = walk.world.state.links[link.masterId];
    if (bridge) return bridgeIn(walk, bridge, link, frame, seen);
  }
  if (frame.dst === link.mac || isMulticastMac(frame.dst)) {
    hop(walk, ns, 'receive', `${describe(frame)} arrives on ${link.name}`, link);
    return up(walk, link, frame);
  }
  hop(walk, ns, 'receive', `${link.name} ignores a frame for ${frame.dst}`, link);
  return [];
}

function isBridgeLocal(walk: Walk, bridge: Link, mac: string): boolean {
  return mac === bridge.mac || isPortMac(walk.world, bridge, mac);
}

/** br_handle_frame: learn the source, then deliver up, forward or flood. */
function bridgeIn(walk: Walk, bridge: Link, port: Link, frame: Frame, seen: Set<number>): Arrival[] {
  const ns = nsOf(walk, bridge);
  if (port.port?.state !== 'forwarding') {
    drop(walk, ns, `bridge ${bridge.name}: port ${port.name} is not forwarding`, port);
    return [];
  }
  const vlan = ingressVlan(bridge, port, frame.vlan);
  if ('drop' in vlan) {
    drop(walk, ns, `bridge ${bridge.name}: ${vlan.drop}`, port);
    return [];
  }
  fdbLearn(walk.world, bridge, frame.src, port.id);
  hop(walk, ns, 'bridge', `${bridge.name} learns ${frame.src} on port ${port.name}${vlan.vid === null ? '' : ` (VLAN ${vlan.vid})`}`, bridge);
  return bridgeOut(walk, bridge, port, frame, seen, vlan.vid);
}

/** The frame as it leaves `at` (the bridge itself or a port) for VLAN `vid`, or null if `at` is not in it. */
function vlanEgress(at: Link, vid: number | null, frame: Frame): Frame | null {
  if (vid === null) return frame;
  const egress = egressTag(at, vid);
  return egress ? withTag(frame, egress.tag) : null;
}

/** br_forward / br_flood, plus the copy that goes up to the bridge device itself. */
function bridgeOut(walk: Walk, bridge: Link, ingress: Link | null, frame: Frame, seen: Set<number>, vid: number | null): Arrival[] {
  const ns = nsOf(walk, bridge);
  const arrivals: Arrival[] = [];
  const multicast = isMulticastMac(frame.dst);
  const local = !multicast && isBridgeLocal(walk, bridge, frame.dst);
  const upFrame = vlanEgress(bridge, vid, frame);
  if (ingress && (multicast || local) && bridge.adminUp && upFrame) {
    countRx(walk, bridge, upFrame);
    hop(walk, ns, 'receive', `${describe(frame)} goes up to ${bridge.name}`, bridge);
    arrivals.push(...up(walk, bridge, upFrame));
  }
  if (local) return arrivals;
  const forwards = (p: Link) => p.port?.state === 'forwarding' && p.id !== ingress?.id && vlanEgress(p, vid, frame) !== null;
  const entry = multicast ? undefined : fdbLookup(walk.world, bridge, frame.dst);
  let egress: Link[];
  if (entry) {
    // One port, looked up by id: a flood is the only walk over every port.
    const port = walk.world.state.links[entry.portId];
    egress = port && port.masterId === bridge.id && forwards(port) ? [port] : [];
    hop(walk, ns, 'bridge', `${bridge.name} forwards to ${egress[0]?.name ?? 'nowhere'} (FDB)`, bridge);
  } else {
    egress = portList(walk.world, bridge).filter(forwards);
    if (!multicast) hop(walk, ns, 'bridge', `${bridge.name} floods: ${frame.dst} not in its FDB`, bridge);
  }
  for (const port of egress) {
    const out = vlanEgress(port, vid, frame)!;
    countTx(walk, port, out);
    if (vxlanDevice(walk.world, port)) {
      arrivals.push(...vxlanXmit(walk, port, out));
      continue;
    }
    const peer = peerOf(walk.world, port);
    if (peer) arrivals.push(...arrive(walk, peer, out, seen));
  }
  return arrivals;
}

function describe(frame: Frame): string {
  if (frame.kind === 'arp') return frame.arp.op === 'request' ? 'ARP request' : 'ARP reply';
  return 'IPv4 packet';
}
