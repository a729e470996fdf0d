/**
 * The sidebar explorer's rows, without VS Code: hosts -> namespaces -> interfaces (state,
 * addresses), routes, neighbours; and per host with a Docker daemon, Docker -> containers,
 * networks, volumes, images. Pure, so it is tested with a world; the provider only turns rows
 * into TreeItems.
 */
import type { World } from '../../engine/world';
import { daemonOf } from '../../engine/docker/daemon';
import { linksIn } from '../../engine/net/links';
import type { Host, Netns } from '../../engine/net/types';
import { addrsOf, formatNeigh, mainRoutes, netnsLabel, nodeState, STATE_WORDS } from '../../engine/view/describe';
import { hostId, ifId, nsId } from '../../engine/view/ids';
import { learnerHosts } from '../../engine/view/hosts';
import { dockerRows, dockerSection, isDockerRow } from './docker-rows';
import type { Row } from './row';

export type { Row, RowKind } from './row';

/** Rows under `parent` (the top level when undefined). Only the learner's hosts: the LAN, router and internet are scenery. */
export function childRows(world: World, parent: Row | undefined): Row[] {
  if (!parent) return learnerHosts(world).map((h) => hostRow(world, h));
  if (isDockerRow(parent)) return dockerRows(world, parent);
  const [kind, raw] = splitId(parent.id);
  const ns = world.state.netns[raw];
  switch (kind) {
    case 'host':
      return hostChildren(world, raw);
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

function hostChildren(world: World, id: number): Row[] {
  const host = world.state.hosts[id];
  if (!host) return [];
  const rows = Object.values(world.state.netns)
    .filter((n) => n.hostId === id)
    .sort((a, b) => a.id - b.id)
    .map((n) => netnsRow(world, host, n));
  const daemon = daemonOf(world, host);
  if (daemon) rows.push(dockerSection(host, daemon));
  return rows;
}

function splitId(id: string): [string, number] {
  const [kind, rest] = id.split(':') as [string, string];
  return [kind, Number(rest)];
}

function hostRow(world: World, host: Host): Row {
  const count = Object.values(world.state.netns).filter((n) => n.hostId === host.id).length;
  return { id: hostId(host.id), kind: 'host', label: host.name, description: `${count} namespace${count === 1 ? '' : 's'}`, viewId: hostId(host.id), expandable: true };
}

function netnsRow(world: World, host: Host, ns: Netns): Row {
  const links = linksIn(world, ns.id).length;
  const row: Row = { id: nsId(ns.id), kind: 'netns', label: netnsLabel(world, ns), description: `${links} link${links === 1 ? '' : 's'}`, viewId: nsId(ns.id), expandable: true };
  const ip = ipIn(host, ns);
  if (ip !== null) row.command = `${ip}addr`;
  return row;
}

function interfaceRows(world: World, ns: Netns): Row[] {
  const host = world.state.hosts[ns.hostId];
  const ip = host ? ipIn(host, ns) : null;
  return linksIn(world, ns.id).map((link) => {
    const addrs = addrsOf(ns, link);
    const state = nodeState(world, link);
    const row: Row = {
      id: ifId(link.id),
      kind: 'interface',
      label: link.name,
      description: `${STATE_WORDS[state]} ${addrs.length ? addrs.join(' ') : 'no address'}`,
      state,
      expandable: false,
    };
    if (ip !== null) row.command = `${ip}addr show dev ${link.name}`;
    if (link.kind !== 'loopback') row.viewId = ifId(link.id);
    if (addrs[0]) row.address = addrs[0].split('/')[0]!;
    return row;
  });
}

/** `ip ` or `ip -n red `: how to reach the namespace from the host's shell; null when it has no name (a container's: use docker exec). */
function ipIn(host: Host, ns: Netns): string | null {
  if (ns.id === host.rootNsId) return 'ip ';
  return ns.name === null ? null : `ip -n ${ns.name} `;
}

function group(kind: 'routes' | 'neighbours', ns: Netns, label: string, count: number): Row {
  return { id: `${kind}:${ns.id}`, kind, label, description: String(count), expandable: count > 0 };
}

function leaf(id: string, kind: Row['kind'], label: string): Row {
  return { id, kind, label, description: '', expandable: false };
}
