/**
 * `ip link add link DEV name NAME type vlan [protocol P] id N [reorder_hdr on|off] …` and the
 * bridge options of `ip link add|set … type bridge` (vlan_filtering). Argument errors as
 * iproute2 6.1 (ip/iplink_vlan.c, ip/iplink_bridge.c) prints them; the kernel's refusals as
 * net/8021q/vlan_netlink.c reports them through extack ("Error: 8021q: …"). This machine's
 * kernel has no 8021q module, so these come from the sources, not from a recording.
 */
import { createLink } from '../../engine/net/linkops';
import { linksIn } from '../../engine/net/links';
import type { Link, Netns } from '../../engine/net/types';
import { VLAN_ID_MAX, vlanChild } from '../../engine/net/vlan';
import { Args, invarg, IpError, matches } from './args';
import type { IpContext } from './context';

export interface VlanSpec {
  id?: number;
  protocol?: '802.1Q' | '802.1ad';
  reorderHdr?: boolean;
}

const ON_OFF_FLAGS = new Set(['reorder_hdr', 'gvrp', 'mvrp', 'loose_binding', 'bridge_binding']);

export function parseVlanArgs(args: Args): VlanSpec {
  const spec: VlanSpec = {};
  while (!args.done) {
    const word = args.peek()!;
    if (matches(word, 'protocol')) {
      args.take();
      const v = args.next();
      if (v !== '802.1Q' && v !== '802.1ad' && v !== '802.1q') throw invarg('protocol is invalid', v);
      spec.protocol = v === '802.1ad' ? '802.1ad' : '802.1Q';
    } else if (matches(word, 'id')) {
      args.take();
      const v = args.next();
      if (!/^(0x[0-9a-fA-F]+|\d+)$/.test(v) || Number(v) > 0xffff) throw invarg('id is invalid', v);
      spec.id = Number(v);
    } else if (ON_OFF_FLAGS.has(word)) {
      args.take();
      const v = args.next();
      if (v !== 'on' && v !== 'off') throw new IpError(`Error: argument of "${word}" must be "on" or "off", not "${v}"`, 255);
      if (word === 'reorder_hdr') spec.reorderHdr = v === 'on';
    } else return spec;
  }
  return spec;
}

/** What `ip link add|set BR type bridge …` changes (the other timers and priorities are checked and accepted). */
export interface BridgeSpec {
  vlanFiltering?: boolean;
  /** Centiseconds, as the kernel keeps it (`ageing_time 30000` is 300 s). */
  ageingTime?: number;
  forwardDelay?: number;
}

/** bridge options: vlan_filtering, ageing_time and forward_delay are simulated; the rest are accepted. */
export function parseBridgeArgs(args: Args): BridgeSpec {
  const spec: BridgeSpec = {};
  const numeric = new Set(['forward_delay', 'hello_time', 'max_age', 'ageing_time', 'stp_state', 'priority', 'vlan_default_pvid', 'vlan_stats_enabled', 'mcast_snooping']);
  while (!args.done) {
    const word = args.peek()!;
    if (word === 'vlan_filtering') {
      args.take();
      const v = args.next();
      if (v !== '0' && v !== '1') throw invarg('invalid vlan_filtering', v);
      spec.vlanFiltering = v === '1';
    } else if (numeric.has(word)) {
      args.take();
      const v = args.next();
      if (!/^\d+$/.test(v)) throw invarg(`invalid ${word}`, v);
      if (word === 'ageing_time') spec.ageingTime = Number(v);
      if (word === 'forward_delay') spec.forwardDelay = Number(v);
    } else return spec;
  }
  return spec;
}

/** vlan_newlink: checks the lower device and the id, then a VLAN device with the lower's MAC and MTU. */
export function addVlanLink(ctx: IpContext, ns: Netns, name: string, lowerName: string | undefined, spec: VlanSpec, ifindex?: number): Link {
  if (lowerName === undefined) throw new IpError('Error: 8021q: link not specified.', 2);
  const lower = ctx.findDevice(lowerName);
  if (!lower) throw new IpError(`Cannot find device "${lowerName}"`, 1);
  if (spec.id === undefined) throw new IpError('Error: 8021q: VLAN id not specified.', 2);
  if (spec.id > VLAN_ID_MAX) throw new IpError('Error: 8021q: Invalid VLAN id.', 2);
  if (lower.kind === 'loopback' || lower.tun?.mode === 'tun') throw new IpError('Error: 8021q: VLANs not supported on device.', 2);
  if (vlanChild(ctx.world, lower, spec.id)) throw new IpError('Error: 8021q: VLAN device already exists.', 2);
  if (linksIn(ctx.world, ns.id).some((l) => l.name === name)) throw new IpError('RTNETLINK answers: File exists', 2);
  const link = createLink(ctx.world, ns, { name, kind: 'vlan', mac: lower.mac, mtu: lower.mtu, txqlen: 0, ...(ifindex !== undefined ? { ifindex } : {}) });
  link.vlan = { id: spec.id, protocol: spec.protocol ?? '802.1Q', lowerId: lower.id, reorderHdr: spec.reorderHdr ?? true };
  ctx.world.changed();
  return link;
}
