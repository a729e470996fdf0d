/** Looking links up, and the state the kernel derives from them (carrier, operstate). */
import type { World } from '../world';
import type { Link } from './types';

export function linksIn(world: World, nsId: number): Link[] {
  return Object.values(world.state.links)
    .filter((l) => l.nsId === nsId)
    .sort((a, b) => a.ifindex - b.ifindex);
}

export function linkByName(world: World, nsId: number, name: string): Link | undefined {
  for (const link of Object.values(world.state.links)) {
    if (link.nsId === nsId && link.name === name) return link;
  }
  return undefined;
}

export function linkByIfindex(world: World, nsId: number, ifindex: number): Link | undefined {
  for (const link of Object.values(world.state.links)) {
    if (link.nsId === nsId && link.ifindex === ifindex) return link;
  }
  return undefined;
}

export function portsOf(world: World, bridge: Link): Link[] {
  return Object.values(world.state.links)
    .filter((l) => l.masterId === bridge.id)
    .sort((a, b) => a.ifindex - b.ifindex);
}

export function peerOf(world: World, link: Link): Link | undefined {
  return link.peerId === null ? undefined : world.state.links[link.peerId];
}

/** netif_carrier_ok: can frames leave and arrive on this link right now? */
export function hasCarrier(world: World, link: Link): boolean {
  switch (link.kind) {
    case 'loopback':
    case 'dummy':
      return true;
    case 'veth': {
      const peer = peerOf(world, link);
      return link.adminUp && !!peer && peer.adminUp;
    }
    case 'ether': {
      const peer = peerOf(world, link);
      return link.cable && !!peer && peer.adminUp;
    }
    case 'bridge':
      if (!link.bridge?.everHadPort) return true;
      return portsOf(world, link).some((p) => p.port?.state === 'forwarding');
  }
}

export type OperState = 'UNKNOWN' | 'DOWN' | 'LOWERLAYERDOWN' | 'UP';

/** RFC 2863 operational state as the kernel reports it. */
export function operState(world: World, link: Link): OperState {
  if (!link.adminUp) return 'DOWN';
  if (link.kind === 'loopback' || link.kind === 'dummy') return 'UNKNOWN';
  if (link.kind === 'bridge' && !link.bridge?.everHadPort) return 'UNKNOWN';
  if (hasCarrier(world, link)) return 'UP';
  return link.kind === 'veth' ? 'LOWERLAYERDOWN' : 'DOWN';
}

/** Whether the link can carry traffic (up and with carrier). */
export function isRunning(world: World, link: Link): boolean {
  return link.adminUp && hasCarrier(world, link);
}
