/** The explorer's Docker section of a host: containers (with their state), networks, volumes, images. Pure. */
import type { World } from '../../engine/world';
import { daemonOf } from '../../engine/docker/daemon';
import type { DaemonState } from '../../engine/docker/types';
import type { Host } from '../../engine/net/types';
import { containerAddresses, containerViewId, describeImage, imageName, networkSubnet, networkViewId } from '../../engine/view/docker-describe';
import type { Row, RowKind } from './row';

const GROUPS = { containers: 'Containers', networks: 'Networks', volumes: 'Volumes', images: 'Images' } as const;
type Group = keyof typeof GROUPS;
const DOCKER_KINDS = new Set<RowKind>(['docker', 'containers', 'networks', 'volumes', 'images']);

export function isDockerRow(row: Row): boolean {
  return DOCKER_KINDS.has(row.kind);
}

export function dockerSection(host: Host, daemon: DaemonState): Row {
  const running = daemon.containers.filter((c) => c.state === 'running').length;
  return { id: `docker:${host.id}`, kind: 'docker', label: 'Docker', description: `${running} running, ${daemon.containers.length} container${daemon.containers.length === 1 ? '' : 's'}`, expandable: true };
}

export function dockerRows(world: World, parent: Row): Row[] {
  const hostIdNumber = Number(parent.id.split(':')[1]);
  const host = world.state.hosts[hostIdNumber];
  const daemon = host && daemonOf(world, host);
  if (!daemon) return [];
  if (parent.kind === 'docker') return (Object.keys(GROUPS) as Group[]).map((g) => groupRow(hostIdNumber, daemon, g));
  if (parent.kind === 'containers') return containerRows(world, hostIdNumber, daemon);
  if (parent.kind === 'networks') return networkRows(hostIdNumber, daemon);
  if (parent.kind === 'volumes') return (daemon.volumes ?? []).map((v) => ({ id: `volume:${hostIdNumber}:${v.name}`, kind: 'volume', label: v.name, description: v.driver, inspect: `docker volume inspect ${v.name}`, expandable: false }));
  if (parent.kind === 'images') return imageRows(hostIdNumber, daemon);
  return [];
}

function groupRow(hostIdNumber: number, daemon: DaemonState, g: Group): Row {
  const count = { containers: daemon.containers.length, networks: daemon.networks.length, volumes: daemon.volumes?.length ?? 0, images: daemon.images.length }[g];
  return { id: `${g}:${hostIdNumber}`, kind: g, label: GROUPS[g], description: String(count), expandable: count > 0 };
}

function containerRows(world: World, hostIdNumber: number, daemon: DaemonState): Row[] {
  return daemon.containers.map((c) => {
    const addrs = containerAddresses(c);
    const status = c.state === 'exited' ? `exited (${c.exitCode})` : c.state;
    const row: Row = {
      id: `container:${hostIdNumber}:${c.id.slice(0, 12)}`,
      kind: 'container',
      label: c.name,
      description: [c.image, status, ...addrs].join(' '),
      state: c.state,
      viewId: containerViewId(world, c),
      inspect: `docker inspect ${c.name}`,
      expandable: false,
    };
    if (addrs[0]) row.address = addrs[0];
    return row;
  });
}

function networkRows(hostIdNumber: number, daemon: DaemonState): Row[] {
  return daemon.networks.map((n) => {
    const subnet = networkSubnet(n);
    const row: Row = { id: `network:${hostIdNumber}:${n.id.slice(0, 12)}`, kind: 'network', label: n.name, description: [n.driver, subnet].filter(Boolean).join(' '), inspect: `docker network inspect ${n.name}`, expandable: false };
    const viewId = networkViewId(n);
    if (viewId) row.viewId = viewId;
    if (subnet) row.address = subnet;
    return row;
  });
}

function imageRows(hostIdNumber: number, daemon: DaemonState): Row[] {
  return daemon.images.map((i) => ({ id: `image:${hostIdNumber}:${i.id.replace(/^sha256:/, '').slice(0, 12)}:${imageName(i)}`, kind: 'image', label: imageName(i), description: describeImage(i).split(': ')[1]!, inspect: `docker image inspect ${imageName(i)}`, expandable: false }));
}
