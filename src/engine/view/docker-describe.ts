/** Docker objects in the few words the explorer and the hovers show (`web: nginx, running, 172.17.0.2`). */
import type { World } from '../world';
import { allDaemons } from '../docker/daemon';
import type { Container, DaemonState, DockerNetwork, Image, Volume } from '../docker/types';
import { formatIpv4 } from '../net/ipv4';
import { nsId } from './ids';
import { containerId, dockerNetworkId } from './docker';

export function containerAddresses(c: Container): string[] {
  return c.nsId === null ? [] : c.endpoints.map((e) => formatIpv4(e.ip));
}

export function describeContainer(daemon: DaemonState, c: Container): string {
  const nets = c.endpoints.map((e) => daemon.networks.find((n) => n.id === e.networkId)?.name ?? '?');
  const addrs = containerAddresses(c);
  const ports = c.ports.map((p) => `${p.hostIp || '0.0.0.0'}:${p.hostPort}->${p.containerPort}/${p.proto}`);
  const exit = c.state === 'exited' ? ` (${c.exitCode})` : '';
  return `${c.name}: container of ${c.image}, ${c.state}${exit}${addrs.length ? `, ${addrs.join(' ')}` : ', no address'}${nets.length ? ` on ${nets.join(', ')}` : ''}${ports.length ? `, ports ${ports.join(' ')}` : ''}`;
}

export function networkSubnet(n: DockerNetwork): string {
  return n.driver === 'bridge' ? `${formatIpv4(n.subnet)}/${n.prefixLen}` : '';
}

export function describeNetwork(daemon: DaemonState, n: DockerNetwork): string {
  const members = daemon.containers.filter((c) => c.endpoints.some((e) => e.networkId === n.id)).map((c) => c.name);
  const where = n.driver === 'bridge' ? `, subnet ${networkSubnet(n)}, gateway ${formatIpv4(n.gateway)}, bridge ${n.bridge}` : '';
  return `${n.name}: Docker network (${n.driver}${n.internal ? ', internal' : ''})${where}; ${members.length ? `containers ${members.join(', ')}` : 'no containers'}`;
}

export function imageName(i: Image): string {
  return i.repo === '<none>' ? i.id.replace(/^sha256:/, '').slice(0, 12) : `${i.repo}:${i.tag}`;
}

export function describeImage(i: Image): string {
  return `${imageName(i)}: image ${i.id.replace(/^sha256:/, '').slice(0, 12)}, ${megabytes(i.size)}`;
}

export function describeVolume(daemon: DaemonState, v: Volume): string {
  const users = daemon.containers.filter((c) => c.mounts?.some((m) => m.type === 'volume' && m.source === v.name)).map((c) => c.name);
  return `${v.name}: volume (${v.driver})${users.length ? `, mounted by ${users.join(', ')}` : ', not mounted'}`;
}

/** The topology node a container is drawn as: its namespace while it has one, else its stopped box. */
export function containerViewId(world: World, c: Container): string {
  return c.nsId !== null && world.state.netns[c.nsId] ? nsId(c.nsId) : containerId(c);
}

/** Bridge networks are drawn; host and none are not. */
export function networkViewId(n: DockerNetwork): string | undefined {
  return n.driver === 'bridge' ? dockerNetworkId(n) : undefined;
}

/** Containers by name across the world's daemons (names are unique per daemon). */
export function findContainer(world: World, name: string): { daemon: DaemonState; container: Container } | undefined {
  for (const daemon of allDaemons(world)) {
    const container = daemon.containers.find((c) => c.name === name || c.id.startsWith(name) && name.length >= 4);
    if (container) return { daemon, container };
  }
  return undefined;
}

/** `docker images`' SIZE for the sizes images have (three significant digits, SI units). */
function megabytes(bytes: number): string {
  return bytes >= 1e9 ? `${Number((bytes / 1e9).toPrecision(3))}GB` : `${Number((bytes / 1e6).toPrecision(3))}MB`;
}
