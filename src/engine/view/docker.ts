/**
 * Docker objects in the view: a container's network namespace is drawn as the container
 * (name, image, state, ports); each bridge network is a box wired to its Linux bridge;
 * stopped containers (no namespace) are boxes on their host, drawn down.
 */
import type { World } from '../world';
import { allDaemons } from '../docker/daemon';
import type { Container, DockerNetwork } from '../docker/types';
import { formatIpv4 } from '../net/ipv4';
import { linksIn } from '../net/links';
import type { ViewEdge, ViewNode } from '../../protocol/view-model';
import { hostId, ifId } from './ids';

export const containerId = (c: Container): string => `ctr:${c.id.slice(0, 12)}`;
export const dockerNetworkId = (n: DockerNetwork): string => `dnet:${n.id.slice(0, 12)}`;

/** Containers by the namespace they run in. */
export function containersByNetns(world: World): Map<number, Container> {
  const out = new Map<number, Container>();
  for (const daemon of allDaemons(world)) for (const c of daemon.containers) if (c.nsId !== null && world.state.netns[c.nsId]) out.set(c.nsId, c);
  return out;
}

export function containerDetails(c: Container): [string, string][] {
  const details: [string, string][] = [
    ['container', c.id.slice(0, 12)],
    ['image', c.image],
    ['state', c.state],
    ['network', c.networkMode],
  ];
  for (const p of c.ports) details.push(['port', `${p.hostIp || '0.0.0.0'}:${p.hostPort} -> ${p.containerPort}/${p.proto}`]);
  return details;
}

/** Docker networks and stopped containers, with the edges from networks to their bridges. */
export function dockerNodes(world: World, nodes: ViewNode[], edges: ViewEdge[]): void {
  for (const daemon of allDaemons(world)) {
    const host = world.state.hosts[daemon.hostId];
    if (!host) continue;
    for (const net of daemon.networks) {
      if (net.driver !== 'bridge') continue;
      const id = dockerNetworkId(net);
      const subnet = `${formatIpv4(net.subnet)}/${net.prefixLen}`;
      nodes.push({ id, kind: 'docker-network', parent: hostId(host.id), label: net.name, state: 'up', addresses: [subnet], details: [['driver', net.driver], ['bridge', net.bridge], ['gateway', formatIpv4(net.gateway)], ['internal', String(net.internal)]] });
      const bridge = linksIn(world, host.rootNsId).find((l) => l.name === net.bridge);
      if (bridge) edges.push({ id: `attach:${id}`, kind: 'attachment', source: id, target: ifId(bridge.id), state: 'up' });
    }
    for (const c of daemon.containers) {
      if (c.nsId !== null && world.state.netns[c.nsId]) continue;
      nodes.push({ id: containerId(c), kind: 'container', parent: hostId(host.id), label: c.name, state: 'down', addresses: [], details: containerDetails(c) });
    }
  }
}
