/** Looking links up, and the state the kernel derives from them (carrier, operstate). */
import type { World } from '../world';
import type { Link } from './types';

/** Links of a namespace in ifindex order (a copy: callers may delete while iterating). */
export function linksIn(world: World, nsId: number): Link[] {
  return [...(world.linkIndex().byNs.get(nsId) ?? [])];
}

export function linkByName(world: World, nsId: number, name: string): Link | undefined {
  return world.linkIndex().byNs.get(nsId)?.find((l) => l.name === name);
}

export function linkByIfindex(world: World, nsId: number, ifindex: number): Link | undefined {
  return world.linkIndex().byNs.get(nsId)?.find((l) => l.ifindex === ifindex);
}

export function portsOf(world: World, bridge: Link): Link[] {
  return [...(world.linkIndex().byMaster.get(bridge.id) ?? [])];
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
    case 'tun':
      // tun_net_open / tun_detach: carrier while a process (a VM) holds the device open.
      return peerOf(world, link) !== undefined;
    case 'vlan': {
      // vlan_transfer_operstate: a VLAN device follows its lower device.
      const lower = link.vlan ? world.state.links[link.vlan.lowerId] : undefined;
      return !!lower && lower.adminUp && hasCarrier(world, lower);
    }
  }
}

export type OperState = 'UNKNOWN' | 'DOWN' | 'LOWERLAYERDOWN' | 'UP';

/** RFC 2863 operational state as the kernel reports it. */
export function operState(world: World, link: Link): OperState {
  if (!link.adminUp) return 'DOWN';
  if (link.kind === 'loopback' || link.kind === 'dummy') return 'UNKNOWN';
  if (link.kind === 'bridge' && !link.bridge?.everHadPort) return 'UNKNOWN';
  if (hasCarrier(world, link)) return 'UP';
  return link.kind === 'veth' || link.kind === 'vlan' ? 'LOWERLAYERDOWN' : 'DOWN';
}

/** Whether the link can carry traffic (up and with carrier). */
export function isRunning(world: World, link: Link): boolean {
  return link.adminUp && hasCarrier(world, link);
}
