/** Looking links up, and the state the kernel derives from them (carrier, operstate). */
import { findIfindex, type World } from '../world';
import type { Link } from './types';

/** Links of a namespace in ifindex order (a copy: callers may delete while iterating). */
export function linksIn(world: World, nsId: number): Link[] {
  return [...(world.linkIndex().byNs.get(nsId) ?? [])];
}

/** The first link of that name in ifindex order (names are unique in a kernel). */
export function linkByName(world: World, nsId: number, name: string): Link | undefined {
  const index = world.linkIndex();
  const names = index.byName.get(nsId);
  if (!names) return index.byNs.get(nsId)?.find((l) => l.name === name);
  const hit = names.get(name)?.[0];
  if (hit?.name === name) return hit;
  // Renames go through renameLink/moveLink; one assigned directly is found by a scan, and the index rebuilt.
  const found = index.byNs.get(nsId)?.find((l) => l.name === name);
  if (hit || found) world.linksChanged();
  return found;
}

export function linkByIfindex(world: World, nsId: number, ifindex: number): Link | undefined {
  const list = world.linkIndex().byNs.get(nsId);
  return list && findIfindex(list, ifindex);
}

/** Whether a namespace has a link with this ifindex (a binary search of the index). */
export function ifindexTaken(world: World, nsId: number, ifindex: number): boolean {
  return linkByIfindex(world, nsId, ifindex) !== undefined;
}

export function portsOf(world: World, bridge: Link): Link[] {
  return [...portList(world, bridge)];
}

/** A bridge's ports in ifindex order, not copied: for readers that change nothing while they iterate. */
export function portList(world: World, bridge: Link): readonly Link[] {
  return world.linkIndex().byMaster.get(bridge.id) ?? [];
}

/** Whether one of the bridge's ports has this MAC address (the bridge's own, "local", FDB entries). */
export function isPortMac(world: World, bridge: Link, mac: string): boolean {
  return world.linkIndex().portMacs.get(bridge.id)?.has(mac) ?? false;
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
      return portList(world, link).some((p) => p.port?.state === 'forwarding');
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
