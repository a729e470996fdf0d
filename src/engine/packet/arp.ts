/**
 * ARP over the simulated wire (net/ipv4/arp.c and the neighbour state machine): resolving a
 * next hop, answering requests for our addresses, and the timers that age entries
 * (REACHABLE -> STALE, DELAY -> PROBE -> REACHABLE/FAILED, INCOMPLETE -> FAILED), evaluated
 * lazily against the simulated clock whenever the cache is used or shown.
 */
import type { World } from '../world';
import { formatIpv4 } from '../net/ipv4';
import { BROADCAST_MAC, ZERO_MAC } from '../net/mac';
import { baseReachableMs, DELAY_FIRST_PROBE_MS, findNeigh, isValid, MAX_PROBES, RETRANS_MS, setNeigh, updatedAt, type NeighEntry } from '../net/neigh';
import type { Link, Netns } from '../net/types';
import { defaultHooks } from './hooks';
import type { Frame } from './frame';
import { transmit, type Arrival } from './l2';
import { isLocalAddr, selectSource } from './source';
import { hop, later, newWalk, type Walk } from './walk-context';
import { lookupRoute } from '../net/route';

export type Resolution = { kind: 'resolved'; mac: string } | { kind: 'failed'; failAt: number };

/** neigh_resolve_output: the MAC for `nextHop` on `link`, or when the resolution will fail. */
export function resolve(walk: Walk, ns: Netns, link: Link, nextHop: number, src: number): Resolution {
  if (link.kind === 'loopback') return { kind: 'resolved', mac: ZERO_MAC };
  let entry = findNeigh(ns, link.id, nextHop);
  if (entry) refreshEntry(walk, ns, entry);
  entry = findNeigh(ns, link.id, nextHop);
  if (entry && isValid(entry.state) && entry.mac) {
    if (entry.state === 'STALE') setNeigh(ns, link.id, nextHop, { state: 'DELAY', now: walk.at });
    return { kind: 'resolved', mac: entry.mac };
  }
  if (entry?.state === 'INCOMPLETE') {
    const due = Math.min(MAX_PROBES, Math.floor((walk.at - updatedAt(entry)) / RETRANS_MS) + 1);
    if (catchUpProbes(walk, ns, link, entry, due, src)) return { kind: 'resolved', mac: entry.mac! };
    return { kind: 'failed', failAt: updatedAt(entry) + MAX_PROBES * RETRANS_MS };
  }
  entry = setNeigh(ns, link.id, nextHop, { mac: null, state: 'INCOMPLETE', now: walk.at });
  hop(walk, ns, 'arp', `who-has ${formatIpv4(nextHop)} on ${link.name}?`, link);
  if (catchUpProbes(walk, ns, link, entry, 1, src)) return { kind: 'resolved', mac: entry.mac! };
  return { kind: 'failed', failAt: walk.at + MAX_PROBES * RETRANS_MS };
}

/** Sends the broadcast probes that are due; true once a reply made the entry REACHABLE. */
function catchUpProbes(walk: Walk, ns: Netns, link: Link, entry: NeighEntry, due: number, src: number): boolean {
  while ((entry.probes ?? 0) < due) {
    entry.probes = (entry.probes ?? 0) + 1;
    sendRequest(walk, ns, link, entry.ip, src, BROADCAST_MAC);
    if (entry.state === 'REACHABLE' && entry.mac) return true;
  }
  return false;
}

/** arp_solicit: the sender address is the packet's source if it is ours, else one chosen for the link. */
function sendRequest(walk: Walk, ns: Netns, link: Link, target: number, src: number, dstMac: string): void {
  const sender = src !== 0 && isLocalAddr(ns, src) ? src : sourceFor(walk.world, ns, link, target);
  const frame: Frame = {
    src: link.mac,
    dst: dstMac,
    kind: 'arp',
    arp: { op: 'request', senderMac: link.mac, senderIp: sender, targetMac: dstMac === BROADCAST_MAC ? ZERO_MAC : dstMac, targetIp: target },
  };
  for (const arrival of transmit(walk, link, frame)) receiveArp(walk, arrival);
}

function sourceFor(world: World, ns: Netns, link: Link, target: number): number {
  const route = lookupRoute(world, ns, target, link.id);
  return route ? selectSource(world, ns, route, target) : 0;
}

/** arp_process: learn from what arrives, answer requests for our own addresses. */
export function receiveArp(walk: Walk, arrival: Arrival): void {
  const { link, frame } = arrival;
  if (frame.kind !== 'arp') return;
  const ns = walk.world.netns(link.nsId);
  const msg = frame.arp;
  const existing = findNeigh(ns, link.id, msg.senderIp);
  if (msg.op === 'reply') {
    if (!existing || existing.state === 'PERMANENT' || existing.state === 'NOARP') return;
    const unicast = frame.dst === link.mac;
    setNeigh(ns, link.id, msg.senderIp, { mac: msg.senderMac, state: unicast ? 'REACHABLE' : 'STALE', now: walk.at, confirmed: unicast });
    hop(walk, ns, 'arp', `${formatIpv4(msg.senderIp)} is-at ${msg.senderMac} (learned on ${link.name})`, link);
    return;
  }
  if (existing) learnStale(walk, ns, link, existing, msg.senderMac);
  if (!isLocalAddr(ns, msg.targetIp) || msg.targetIp >>> 24 === 127 || msg.senderIp === 0) return;
  if (!existing) setNeigh(ns, link.id, msg.senderIp, { mac: msg.senderMac, state: 'STALE', now: walk.at });
  const reply: Frame = {
    src: link.mac,
    dst: msg.senderMac,
    kind: 'arp',
    arp: { op: 'reply', senderMac: link.mac, senderIp: msg.targetIp, targetMac: msg.senderMac, targetIp: msg.senderIp },
  };
  hop(walk, ns, 'arp', `${formatIpv4(msg.targetIp)} answers: is-at ${link.mac}`, link);
  for (const back of transmit(walk, link, reply)) receiveArp(walk, back);
}

/** neigh_update(STALE): a valid entry with the same address keeps its state. */
function learnStale(walk: Walk, ns: Netns, link: Link, entry: NeighEntry, mac: string): void {
  if (entry.state === 'PERMANENT' || entry.state === 'NOARP') return;
  if (isValid(entry.state) && entry.mac === mac) return;
  setNeigh(ns, link.id, entry.ip, { mac, state: 'STALE', now: walk.at });
}

/** Runs the entry's timers up to the walk's time. */
function refreshEntry(walk: Walk, ns: Netns, entry: NeighEntry): void {
  const link = walk.world.state.links[entry.linkId];
  if (!link) return;
  const now = walk.at;
  if (entry.state === 'INCOMPLETE' && now >= updatedAt(entry) + MAX_PROBES * RETRANS_MS) {
    const failAt = updatedAt(entry) + MAX_PROBES * RETRANS_MS;
    later(walk, failAt, () => catchUpProbes(walk, ns, link, entry, MAX_PROBES, 0));
    if (entry.state === 'INCOMPLETE') setNeigh(ns, link.id, entry.ip, { state: 'FAILED', now: failAt });
  }
  if (entry.state === 'DELAY' && now >= updatedAt(entry) + DELAY_FIRST_PROBE_MS) {
    const probeAt = updatedAt(entry) + DELAY_FIRST_PROBE_MS;
    const mac = entry.mac ?? BROADCAST_MAC;
    setNeigh(ns, link.id, entry.ip, { state: 'PROBE', now: probeAt });
    later(walk, probeAt, () => sendRequest(walk, ns, link, entry.ip, 0, mac));
    if ((entry.state as NeighEntry['state']) === 'PROBE' && now >= probeAt + MAX_PROBES * RETRANS_MS) setNeigh(ns, link.id, entry.ip, { state: 'FAILED', mac: null, now: probeAt + MAX_PROBES * RETRANS_MS });
  }
  if (entry.state === 'REACHABLE' && now >= entry.confirmedAt + baseReachableMs(ns)) {
    setNeigh(ns, link.id, entry.ip, { state: 'STALE', now: entry.confirmedAt + baseReachableMs(ns) });
  }
}

/** Brings every entry of a namespace up to date (before `arp` or `ip neigh` print the cache). */
export function refreshNeighbours(world: World, ns: Netns): void {
  const walk = newWalk(world, defaultHooks, world.clock.now());
  for (const entry of [...ns.neigh]) refreshEntry(walk, ns, entry);
}
