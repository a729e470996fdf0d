/**
 * The sidebar explorer's rows, without VS Code: hosts -> namespaces -> interfaces (state,
 * addresses), routes, neighbours. Pure, so it is tested with a world; the provider only
 * turns rows into TreeItems.
 */
import type { World } from '../../engine/world';
import { linksIn } from '../../engine/net/links';
import type { Host, Netns } from '../../engine/net/types';
import { addrsOf, formatNeigh, mainRoutes, netnsLabel, nodeState, STATE_WORDS } from '../../engine/view/describe';
import { hostId, ifId, nsId } from '../../engine/view/ids';

export type RowKind = 'host' | 'netns' | 'interface' | 'routes' | 'route' | 'neighbours' | 'neighbour';

export interface Row {
  /** Unique in the tree; for objects the topology knows, their view id. */
  id: string;
  kind: RowKind;
  label: string;
  description: string;
  /** The topology view id to reveal ("Show in Topology"), if the row is an object there. */
  viewId?: string;
  /** First address, for "Copy Address". */
  address?: string;
  /** `ip addr` for this object, to run in the world's terminal. */
  command?: string;
  /** For icons: up, down, no-carrier, unknown. */
  state?: string;
  expandable: boolean;
}

/** Rows under `parent` (the top level when undefined). Only the learner's hosts: the LAN, router and internet are scenery. */
export function childRows(world: World, parent: Row | undefined): Row[] {
  if (!parent) return Object.values(world.state.hosts).filter((h) => h.role === 'linux' && h.name === 'host').map((h) => hostRow(world, h));
  const [kind, raw] = splitId(parent.id);
  const ns = world.state.netns[raw];
  switch (kind) {
    case 'host':
      return Object.values(world.state.netns)
        .filter((n) => n.hostId === raw)
        .sort((a, b) => a.id - b.id)
        .map((n) => netnsRow(world, n));
    case 'ns':
      return ns ? [...interfaceRows(world, ns), group('routes', ns, 'Routes', mainRoutes(world, ns).length), group('neighbours', ns, 'Neighbours', ns.neigh.length)] : [];
    case 'routes':
      return ns ? mainRoutes(world, ns).map((r, i) => leaf(`route:${raw}:${i}`, 'route', r)) : [];
    case 'neighbours':
      return ns ? ns.neigh.map((n, i) => leaf(`neigh:${raw}:${i}`, 'neighbour', formatNeigh(world, n))) : [];
    default:
      return [];
  }
}

function splitId(id: string): [string, number] {
  const [kind, rest] = id.split(':') as [string, string];
  return [kind, Number(rest)];
}

function hostRow(world: World, host: Host): Row {
  const count = Object.values(world.state.netns).filter((n) => n.hostId === host.id).length;
  return { id: hostId(host.id), kind: 'host', label: host.name, description: `${count} namespace${count === 1 ? '' : 's'}`, viewId: hostId(host.id), expandable: true };
}

function netnsRow(world: World, ns: Netns): Row {
  const links = linksIn(world, ns.id).length;
  return { id: nsId(ns.id), kind: 'netns', label: netnsLabel(world, ns), description: `${links} link${links === 1 ? '' : 's'}`, viewId: nsId(ns.id), command: `${ipIn(ns)}addr`, expandable: true };
}

function interfaceRows(world: World, ns: Netns): Row[] {
  return linksIn(world, ns.id).map((link) => {
    const addrs = addrsOf(ns, link);
    const state = nodeState(world, link);
    const row: Row = {
      id: ifId(link.id),
      kind: 'interface',
      label: link.name,
      description: `${STATE_WORDS[state]} ${addrs.length ? addrs.join(' ') : 'no address'}`,
      state,
      command: `${ipIn(ns)}addr show dev ${link.name}`,
      expandable: false,
    };
    if (link.kind !== 'loopback') row.viewId = ifId(link.id);
    if (addrs[0]) row.address = addrs[0].split('/')[0]!;
    return row;
  });
}

/** `ip ` or `ip -n red `: how to reach the namespace from the host's shell (anonymous ones cannot be named). */
function ipIn(ns: Netns): string {
  return ns.name === null ? 'ip ' : `ip -n ${ns.name} `;
}

function group(kind: 'routes' | 'neighbours', ns: Netns, label: string, count: number): Row {
  return { id: `${kind}:${ns.id}`, kind, label, description: String(count), expandable: count > 0 };
}

function leaf(id: string, kind: RowKind, label: string): Row {
  return { id, kind, label, description: '', expandable: false };
}
