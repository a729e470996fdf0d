/**
 * tun/tap devices (drivers/net/tun.c). `ip tuntap add` makes a persistent device with no
 * process attached: no carrier (NO-CARRIER, state DOWN) until a program opens it. Here that
 * program is a simulated VM (engine/vm.ts): its NIC becomes the tap's `peerId`, so frames the
 * host sends on the tap arrive at the VM, and what the VM sends arrives on the tap.
 */
import type { World } from '../world';
import { createLink } from './linkops';
import { linksIn } from './links';
import type { Link, Netns, TunInfo } from './types';

export type TunMode = TunInfo['mode'];

export interface TunOptions {
  pi?: boolean;
  vnetHdr?: boolean;
  multiQueue?: boolean;
  owner?: number | null;
  group?: number | null;
}

export const TAP_MAX_MTU = 65521;

/** tun_set_iff + TUNSETPERSIST: a tun has no MAC and a 500-packet queue, a tap is an Ethernet device. */
export function createTun(world: World, ns: Netns, name: string, mode: TunMode, opts: TunOptions = {}): Link {
  const link = createLink(world, ns, { name, kind: 'tun', txqlen: mode === 'tun' ? 500 : 1000, ...(mode === 'tun' ? { mac: '00:00:00:00:00:00' } : {}) });
  link.tun = {
    mode,
    persist: true,
    pi: opts.pi ?? false,
    vnetHdr: opts.vnetHdr ?? false,
    multiQueue: opts.multiQueue ?? false,
    owner: opts.owner ?? null,
    group: opts.group ?? null,
  };
  world.changed();
  return link;
}

/** tun and tap devices of a namespace, in ifindex order (what `ip tuntap show` lists). */
export function tunsIn(world: World, ns: Netns): Link[] {
  return linksIn(world, ns.id).filter((l) => l.kind === 'tun');
}

/** The first free "tun%d" / "tap%d" name (the kernel's dev_alloc_name). */
export function freeTunName(world: World, ns: Netns, mode: TunMode): string {
  const names = new Set(linksIn(world, ns.id).map((l) => l.name));
  let i = 0;
  while (names.has(`${mode}${i}`)) i++;
  return `${mode}${i}`;
}

/** The NIC of the VM attached to a tap, if one is. */
export function attachedNic(world: World, tap: Link): Link | undefined {
  if (tap.kind !== 'tun' || tap.peerId === null) return undefined;
  return world.state.links[tap.peerId];
}
