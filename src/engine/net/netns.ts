/** Network namespaces: each starts with its own `lo` (down), empty tables and default sysctls. */
import type { World } from '../world';
import { createNetfilterState } from '../netfilter/state';
import { createLink, deleteLink, moveLink } from './linkops';
import { linksIn } from './links';
import { defaultSysctl } from './sysctl';
import type { Host, Netns } from './types';

export function createNetns(world: World, host: Host, name: string | null): Netns {
  const root = world.state.netns[host.rootNsId];
  const ns: Netns = {
    id: world.newId(),
    hostId: host.id,
    name,
    nextIfindex: 1,
    addrs: [],
    routes: [],
    neigh: [],
    sysctl: defaultSysctl(root?.sysctl),
    netfilter: createNetfilterState(),
    conntrack: [],
    nsids: {},
  };
  world.state.netns[ns.id] = ns;
  createLink(world, ns, { name: 'lo', kind: 'loopback' });
  if (name !== null) host.netnsNames[name] = ns.id;
  world.changed();
  return ns;
}

export function netnsByName(world: World, host: Host, name: string): Netns | undefined {
  const id = host.netnsNames[name];
  return id === undefined ? undefined : world.state.netns[id];
}

/** Namespaces of a host that `ip netns` knows by name, newest first as `ip netns list` prints. */
export function namedNetns(world: World, host: Host): Netns[] {
  return Object.entries(host.netnsNames).map(([, id]) => world.netns(id));
}

/** Destroying a namespace deletes its virtual links (and their veth peers); physical NICs go home. */
export function destroyNetns(world: World, host: Host, ns: Netns): void {
  const root = world.netns(host.rootNsId);
  for (const link of linksIn(world, ns.id)) {
    if (!world.state.links[link.id]) continue;
    if (link.kind === 'ether') moveLink(world, link, root);
    else deleteLink(world, link);
  }
  if (ns.name !== null && host.netnsNames[ns.name] === ns.id) delete host.netnsNames[ns.name];
  delete world.state.netns[ns.id];
  world.changed();
}
