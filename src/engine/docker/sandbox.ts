/**
 * A container's network sandbox: an anonymous namespace with lo, and per network an eth
 * (a veth pair whose host end `vethXXXXXXX` is a port of the network's bridge), the default
 * route via the first network's gateway, and published ports as iptables rules.
 */
import type { World } from '../world';
import type { Host, Netns } from '../net/types';
import { configure, addGatewayRoute } from '../host';
import { createNetns, destroyNetns } from '../net/netns';
import { attachPort, createVethPair, deleteLink, moveLink, setAdminUp } from '../net/linkops';
import { linkByName } from '../net/links';
import { formatIpv4 } from '../net/ipv4';
import { installPortRules, removePortRules } from './rules';
import type { Container, DaemonState, DockerNetwork, Endpoint } from './types';
import { addressHeld, addressReleased } from './address-book';

/** Docker 27 derives a container's MAC from its IPv4 address: 02:42:ac:11:00:02. */
export function macFromIp(ip: number): string {
  const bytes = [0x02, 0x42, ip >>> 24, (ip >>> 16) & 0xff, (ip >>> 8) & 0xff, ip & 0xff];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

export function createSandbox(world: World, host: Host): Netns {
  const ns = createNetns(world, host, null);
  setAdminUp(world, linkByName(world, ns.id, 'lo')!, true);
  return ns;
}

/** Joins the sandbox to a network: the veth, the address, the route, the port rules. */
export function plugEndpoint(world: World, host: Host, c: Container, net: DockerNetwork, ep: Endpoint): void {
  const root = world.netns(host.rootNsId);
  const ns = world.netns(c.nsId!);
  addressHeld(net, ep.ip, c);
  const ifname = `eth${c.endpoints.indexOf(ep)}`;
  const [hostEnd, inner] = createVethPair(world, root, ep.vethHost, root, `veth${ep.vethHost.slice(4)}t`);
  // libnetwork creates the pair with TxQLen 0 (no "qlen 1000" in ip addr, recorded), and on a
  // network without IPv6 (Vethlab has no other) turns it off on the container's end: no fe80:: on eth0.
  hostEnd.txqlen = 0;
  inner.txqlen = 0;
  moveLink(world, inner, ns, ifname);
  ns.sysctl[`net.ipv6.conf.${ifname}.disable_ipv6`] = '1';
  inner.mac = ep.mac;
  const bridge = linkByName(world, root.id, net.bridge)!;
  attachPort(world, bridge, hostEnd);
  setAdminUp(world, hostEnd, true);
  configure(world, ns, inner, `${formatIpv4(ep.ip)}/${net.prefixLen}`);
  setAdminUp(world, inner, true);
  if (c.endpoints[0] === ep && !net.internal) addGatewayRoute(ns, inner, 'default', formatIpv4(net.gateway));
  if (c.endpoints[0] === ep) installPortRules(root, net, ep.ip, c.ports);
}

export function unplugEndpoint(world: World, host: Host, c: Container, net: DockerNetwork, ep: Endpoint): void {
  const root = world.netns(host.rootNsId);
  addressReleased(net, ep.ip, c);
  if (c.endpoints[0] === ep) removePortRules(root, net, ep.ip, c.ports);
  const hostEnd = linkByName(world, root.id, ep.vethHost);
  if (!hostEnd || c.nsId === null) return;
  const ns = world.netns(c.nsId);
  // The peer by id, not a pass over every link of the world.
  const inner = hostEnd.peerId !== null ? world.state.links[hostEnd.peerId] : undefined;
  if (inner && inner.nsId === ns.id) destroyLinkPair(world, inner.id);
}

function destroyLinkPair(world: World, linkId: number): void {
  const link = world.state.links[linkId];
  // Deleting either end of a veth pair deletes both.
  if (link) deleteLink(world, link);
}

export function destroySandbox(world: World, host: Host, c: Container): void {
  if (c.nsId === null) return;
  const ns = world.state.netns[c.nsId];
  if (ns) destroyNetns(world, host, ns);
  c.nsId = null;
}

export function networkOfEndpoint(daemon: DaemonState, ep: Endpoint): DockerNetwork | undefined {
  return daemon.networks.find((n) => n.id === ep.networkId);
}
