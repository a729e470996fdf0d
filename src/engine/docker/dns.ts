/**
 * The embedded DNS server (127.0.0.11) of user-defined networks: a container's name, its short
 * id and its network aliases resolve to its address on a network both containers share. The
 * default bridge has none (containers there only know each other through --link / /etc/hosts).
 */
import type { Container, DaemonState } from './types';

export function containerInNs(daemon: DaemonState, nsId: number): Container | undefined {
  return daemon.containers.find((c) => c.nsId === nsId && c.networkMode !== 'host');
}

export function embeddedDnsLookup(daemon: DaemonState, from: Container, name: string): number | undefined {
  const wanted = name.replace(/\.$/, '');
  for (const ep of from.endpoints) {
    const net = daemon.networks.find((n) => n.id === ep.networkId);
    if (!net || net.isDefault) continue;
    for (const c of daemon.containers) {
      if (c.state !== 'running') continue;
      const theirs = c.endpoints.find((e) => e.networkId === net.id);
      if (!theirs) continue;
      if (c.name === wanted || c.id.slice(0, 12) === wanted || theirs.aliases.includes(wanted)) return theirs.ip;
    }
  }
  return undefined;
}

/** Whether the container's resolver is Docker's embedded one (a user-defined network). */
export function usesEmbeddedDns(daemon: DaemonState, c: Container): boolean {
  const first = daemon.networks.find((n) => n.id === c.endpoints[0]?.networkId);
  return first !== undefined && !first.isDefault;
}

/** Every name the embedded DNS answers for this container, with its address (for resolvers that walk NSS). */
export function embeddedDnsTable(daemon: DaemonState, from: Container): Array<[string, number]> {
  const table: Array<[string, number]> = [];
  for (const ep of from.endpoints) {
    const net = daemon.networks.find((n) => n.id === ep.networkId);
    if (!net || net.isDefault) continue;
    for (const c of daemon.containers) {
      const theirs = c.state === 'running' ? c.endpoints.find((e) => e.networkId === net.id) : undefined;
      if (theirs) for (const name of [c.name, c.id.slice(0, 12), ...theirs.aliases]) table.push([name, theirs.ip]);
    }
  }
  return table;
}
