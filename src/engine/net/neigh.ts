/**
 * The neighbour (ARP) cache of a namespace as data: entries, their NUD states and the kernel's
 * timers (net.ipv4.neigh.default.*). Walking frames to probe a neighbour lives in engine/packet.
 */
import type { Neigh, NeighState, Netns } from './types';

/** An entry with the timer state the kernel keeps (`updated`, probes sent). */
export interface NeighEntry extends Neigh {
  /** When the entry last changed state (neigh->updated). */
  updatedAt?: number;
  /** Probes sent in the current resolution or probe round. */
  probes?: number;
}

/** retrans_time_ms: one ARP probe per second. */
export const RETRANS_MS = 1000;
/** mcast_probes (resolution) and ucast_probes (re-validation): 3 each. */
export const MAX_PROBES = 3;
/** delay_first_probe_time: a STALE entry in use is re-validated 5 s later. */
export const DELAY_FIRST_PROBE_MS = 5000;

export function baseReachableMs(ns: Netns): number {
  const v = Number(ns.sysctl['net.ipv4.neigh.default.base_reachable_time_ms']);
  return Number.isFinite(v) && v > 0 ? v : 30000;
}

export function findNeigh(ns: Netns, linkId: number, ip: number): NeighEntry | undefined {
  return ns.neigh.find((n) => n.linkId === linkId && n.ip === ip);
}

export function updatedAt(n: NeighEntry): number {
  return n.updatedAt ?? n.confirmedAt;
}

/** States in which the link-layer address can be used (NUD_VALID). */
export function isValid(state: NeighState): boolean {
  return state !== 'INCOMPLETE' && state !== 'FAILED';
}

/** Bumped by every neighbour entry added (here and by `ip neigh add`): the world-size guard's bound on them. */
export const neighbourAdds = { count: 0 };

/** Creates or changes an entry; new entries go last (the order `ip neigh` and /proc/net/arp list). */
export function setNeigh(ns: Netns, linkId: number, ip: number, change: { mac?: string | null; state: NeighState; now: number; probes?: number; confirmed?: boolean }): NeighEntry {
  let entry = findNeigh(ns, linkId, ip);
  if (!entry) {
    entry = { linkId, ip, mac: null, state: change.state, confirmedAt: change.now, updatedAt: change.now, probes: 0 };
    ns.neigh.push(entry);
    neighbourAdds.count++;
  }
  if (change.mac !== undefined) entry.mac = change.mac;
  entry.state = change.state;
  entry.updatedAt = change.now;
  entry.probes = change.probes ?? 0;
  if (change.confirmed) entry.confirmedAt = change.now;
  return entry;
}
