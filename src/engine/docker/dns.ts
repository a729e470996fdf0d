/**
 * The embedded DNS server (127.0.0.11) of user-defined networks: a container's name, its short
 * id and its network aliases resolve to its address on a network both containers share. The
 * default bridge has none (containers there only know each other through --link / /etc/hosts).
 */
import type { Container, DaemonState, DockerNetwork, Endpoint } from './types';

/**
 * The daemon's containers by every name they answer to, by address and by namespace, in the
 * daemon's order: what a lookup would find scanning the list, without the scan. Derived data: a
 * hit is checked against the container as it is now (running, on that network, that name).
 * Names are known when a container is created; its address and namespace when it starts, so
 * containers indexed before they started wait in `unstarted` until a lookup misses. A miss then
 * falls back to the scan, and keeps what the scan found (an address given at a restart) or drops
 * the index (a rename). Containers appended to the list are indexed as they come; a list
 * replaced (a removal, a restored snapshot) is indexed again.
 */
interface DnsIndex {
  containers: Container[];
  indexed: number;
  byName: Map<string, Container[]>;
  byIp: Map<number, Container[]>;
  byNs: Map<number, Container[]>;
  unstarted: Container[];
}

const indexes = new WeakMap<DaemonState, DnsIndex>();

/** Scans that a lookup needed (its index missed), and hits: the scale tests count them. */
export const dnsWork = { scans: 0, hits: 0 };

function push<K>(map: Map<K, Container[]>, key: K, c: Container): void {
  const list = map.get(key);
  if (!list) map.set(key, [c]);
  else if (list[list.length - 1] !== c) list.push(c);
}

function dnsIndex(daemon: DaemonState): DnsIndex {
  let index = indexes.get(daemon);
  if (!index || index.containers !== daemon.containers || index.indexed > daemon.containers.length) {
    index = { containers: daemon.containers, indexed: 0, byName: new Map(), byIp: new Map(), byNs: new Map(), unstarted: [] };
    indexes.set(daemon, index);
  }
  const all = daemon.containers;
  for (; index.indexed < all.length; index.indexed++) {
    const c = all[index.indexed]!;
    push(index.byName, c.name, c);
    push(index.byName, c.id.slice(0, 12), c);
    for (const e of c.endpoints) for (const alias of e.aliases) push(index.byName, alias, c);
    if (c.nsId === null) index.unstarted.push(c);
    else indexStarted(index, c);
  }
  return index;
}

function indexStarted(index: DnsIndex, c: Container): void {
  for (const e of c.endpoints) if (e.ip !== 0) push(index.byIp, e.ip, c);
  push(index.byNs, c.nsId!, c);
}

/** After a miss: the containers that have started since they were indexed join the address and namespace maps. */
function catchUp(index: DnsIndex): boolean {
  const before = index.unstarted.length;
  index.unstarted = index.unstarted.filter((c) => {
    if (c.nsId === null) return true;
    indexStarted(index, c);
    return false;
  });
  return index.unstarted.length < before;
}

/** The index no longer matches the containers (a scan found what it missed): built again on next use. */
function forget(daemon: DaemonState): void {
  indexes.delete(daemon);
}

function answersTo(c: Container, e: Endpoint, name: string): boolean {
  return c.name === name || c.id.slice(0, 12) === name || e.aliases.includes(name);
}

function runningOn(c: Container, net: DockerNetwork): Endpoint | undefined {
  return c.state === 'running' ? c.endpoints.find((e) => e.networkId === net.id) : undefined;
}

/** The user-defined networks the container asks the embedded DNS about, in its endpoints' order. */
function dnsNetworks(daemon: DaemonState, from: Container): DockerNetwork[] {
  const nets: DockerNetwork[] = [];
  for (const ep of from.endpoints) {
    const net = daemon.networks.find((n) => n.id === ep.networkId);
    if (net && !net.isDefault) nets.push(net);
  }
  return nets;
}

/** The first container named `name` by the index (names are unique in a daemon), or undefined: the caller scans then. */
export function containerNamed(daemon: DaemonState, name: string): Container | undefined {
  return dnsIndex(daemon).byName.get(name)?.find((c) => c.name === name);
}

export function containerInNs(daemon: DaemonState, nsId: number): Container | undefined {
  const index = dnsIndex(daemon);
  const inNs = (c: Container) => c.nsId === nsId && c.networkMode !== 'host';
  const hit = index.byNs.get(nsId)?.find(inNs) ?? (catchUp(index) ? index.byNs.get(nsId)?.find(inNs) : undefined);
  if (hit) {
    dnsWork.hits++;
    return hit;
  }
  dnsWork.scans++;
  const found = daemon.containers.find(inNs);
  if (found) push(index.byNs, nsId, found);
  return found;
}

/** The address of the first running container on a shared network that answers to `name` exactly. */
function lookupExact(daemon: DaemonState, from: Container, name: string): number | undefined {
  const nets = dnsNetworks(daemon, from);
  if (nets.length === 0) return undefined;
  const candidates = dnsIndex(daemon).byName.get(name) ?? [];
  for (const net of nets) {
    for (const c of candidates) {
      const theirs = runningOn(c, net);
      if (theirs && answersTo(c, theirs, name)) {
        dnsWork.hits++;
        return theirs.ip;
      }
    }
  }
  dnsWork.scans++;
  for (const net of nets) {
    for (const c of daemon.containers) {
      const theirs = runningOn(c, net);
      if (theirs && answersTo(c, theirs, name)) {
        forget(daemon);
        return theirs.ip;
      }
    }
  }
  return undefined;
}

export function embeddedDnsLookup(daemon: DaemonState, from: Container, name: string): number | undefined {
  return lookupExact(daemon, from, name.replace(/\.$/, ''));
}

/** Whether the container's resolver is Docker's embedded one (a user-defined network). */
export function usesEmbeddedDns(daemon: DaemonState, c: Container): boolean {
  const first = daemon.networks.find((n) => n.id === c.endpoints[0]?.networkId);
  return first !== undefined && !first.isDefault;
}

/** The NSS "dns" source of a container: what the embedded DNS answers, after /etc/hosts. */
export interface NameService {
  /** The address of a name, as the name is written (no trailing-dot handling: glibc's files+dns). */
  byName(name: string): number | undefined;
  /** The first name of an address (the container's name). */
  byAddr(addr: number): string | undefined;
}

export function embeddedDns(daemon: DaemonState, from: Container): NameService {
  return {
    byName: (name) => lookupExact(daemon, from, name),
    byAddr: (addr) => reverseLookup(daemon, from, addr),
  };
}

/** The name of the first running container on a shared network with this address (addresses are unique there). */
function reverseLookup(daemon: DaemonState, from: Container, addr: number): string | undefined {
  const nets = dnsNetworks(daemon, from);
  if (nets.length === 0) return undefined;
  const index = dnsIndex(daemon);
  const indexed = (): string | undefined => {
    const candidates = index.byIp.get(addr) ?? [];
    for (const net of nets) for (const c of candidates) if (runningOn(c, net)?.ip === addr) return c.name;
    return undefined;
  };
  const hit = indexed() ?? (catchUp(index) ? indexed() : undefined);
  if (hit !== undefined) {
    dnsWork.hits++;
    return hit;
  }
  dnsWork.scans++;
  for (const net of nets) {
    for (const c of daemon.containers) {
      if (runningOn(c, net)?.ip === addr) {
        push(index.byIp, addr, c);
        return c.name;
      }
    }
  }
  return undefined;
}
