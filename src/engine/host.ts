/** Creating hosts (a kernel with its root namespace) and cabling NICs between them. */
import type { World } from './world';
import { addAddr4 } from './net/addr';
import { broadcastOf, parsePrefixLoose } from './net/ipv4';
import { createLink, reconcile, setAdminUp } from './net/linkops';
import { linkByName } from './net/links';
import { createNetns } from './net/netns';
import { insertRoute, makeRoute } from './net/route';
import type { Host, HostRole, Link, Netns } from './net/types';

export function createHost(world: World, name: string, role: HostRole = 'linux'): Host {
  const host: Host = { id: world.newId(), name, hostname: name, role, rootNsId: 0, netnsNames: {} };
  world.state.hosts[host.id] = host;
  world.state.files[host.id] = {};
  const root = createNetns(world, host, null);
  host.rootNsId = root.id;
  const lo = linkByName(world, root.id, 'lo')!;
  configure(world, root, lo, '127.0.0.1/8', { broadcast: false, scope: 'host' });
  setAdminUp(world, lo, true);
  return host;
}

export function rootNs(world: World, host: Host): Netns {
  return world.netns(host.rootNsId);
}

/** Adds an IPv4 address the way `ip addr add` does (with `brd +` unless told otherwise). */
export function configure(world: World, ns: Netns, link: Link, cidr: string, opts: { broadcast?: boolean; scope?: 'host' | 'global' } = {}): void {
  const prefix = parsePrefixLoose(cidr);
  if (!prefix) throw new Error(`bad preset address ${cidr}`);
  const broadcast = opts.broadcast === false ? null : broadcastOf(prefix.addr, prefix.len);
  const result = addAddr4(world, ns, link, { local: prefix.addr, prefixLen: prefix.len, broadcast, scope: opts.scope ?? 'global', label: link.name });
  if (!result.ok) throw new Error(`preset address ${cidr}: ${result.error}`);
}

export function addGatewayRoute(ns: Netns, link: Link, dst: string, gateway: string): void {
  const d = parsePrefixLoose(dst)!;
  const gw = parsePrefixLoose(gateway)!;
  insertRoute(ns, makeRoute({ dst: d.addr, len: d.len, gateway: gw.addr, linkId: link.id }));
}

/** Plugs a cable between two physical NICs (possibly on different hosts). */
export function cable(world: World, a: Link, b: Link): void {
  a.peerId = b.id;
  b.peerId = a.id;
  reconcile(world, [a.id, b.id]);
}

export function addNic(world: World, ns: Netns, name: string, opts: { mac?: string; ifindex?: number; qdisc?: string } = {}): Link {
  return createLink(world, ns, { name, kind: 'ether', ...opts });
}
