/**
 * 802.1Q: VLAN sub-interfaces (net/8021q) and bridge VLAN filtering (net/bridge/br_vlan.c).
 * This machine's kernel has neither module, so the rules follow the kernel sources:
 * - a VLAN device tags what it sends with its id and hands it to its lower device
 *   (vlan_dev_hard_start_xmit); a tagged frame arriving on a device goes to its VLAN child
 *   of that id, or is dropped when there is none (vlan_do_receive, __netif_receive_skb_core);
 * - a bridge port joins VLAN 1 as PVID and egress-untagged (br_vlan_init: default_pvid 1);
 *   with vlan_filtering 1 an untagged frame takes the port's PVID, a frame of a VLAN the
 *   port is not a member of is dropped (br_allowed_ingress), and a frame leaves only through
 *   ports of its VLAN, untagged where the VLAN is "Egress Untagged" (br_handle_vlan).
 */
import type { World } from '../world';
import type { BridgeVlan, Link } from './types';

export const DEFAULT_PVID = 1;
export const VLAN_ID_MAX = 4094;

function defaultVlans(): BridgeVlan[] {
  return [{ vid: DEFAULT_PVID, pvid: true, untagged: true }];
}

/** The VLAN devices stacked on `lower`, in ifindex order. */
export function vlanChildren(world: World, lower: Link): Link[] {
  return (world.linkIndex().byNs.get(lower.nsId) ?? []).filter((l) => l.kind === 'vlan' && l.vlan?.lowerId === lower.id);
}

/** Every VLAN device of the world stacked on `lower`, wherever it was moved. */
export function allVlanChildren(world: World, lower: Link): Link[] {
  return Object.values(world.state.links).filter((l) => l.kind === 'vlan' && l.vlan?.lowerId === lower.id);
}

export function vlanChild(world: World, lower: Link, vid: number): Link | undefined {
  return allVlanChildren(world, lower).find((l) => l.vlan!.id === vid);
}

export function lowerOf(world: World, link: Link): Link | undefined {
  return link.vlan ? world.state.links[link.vlan.lowerId] : undefined;
}

/** The VLANs of a bridge port, or of the bridge device itself ("self"). */
export function bridgeVlansOf(link: Link): BridgeVlan[] {
  if (link.bridge) return link.bridge.vlans ?? defaultVlans();
  if (link.port) return link.port.vlans ?? defaultVlans();
  return [];
}

function setBridgeVlans(link: Link, vlans: BridgeVlan[]): void {
  const sorted = [...vlans].sort((a, b) => a.vid - b.vid);
  if (link.bridge) link.bridge.vlans = sorted;
  else if (link.port) link.port.vlans = sorted;
}

/** br_vlan_add: adds or updates a VLAN; a new PVID takes the flag away from the old one. */
export function addBridgeVlan(link: Link, vid: number, flags: { pvid: boolean; untagged: boolean }): void {
  const vlans = bridgeVlansOf(link)
    .filter((v) => v.vid !== vid)
    .map((v) => (flags.pvid ? { ...v, pvid: false } : v));
  vlans.push({ vid, pvid: flags.pvid, untagged: flags.untagged });
  setBridgeVlans(link, vlans);
}

/** br_vlan_delete: false when the VLAN was not configured there (ENOENT). */
export function deleteBridgeVlan(link: Link, vid: number): boolean {
  const vlans = bridgeVlansOf(link);
  if (!vlans.some((v) => v.vid === vid)) return false;
  setBridgeVlans(link, vlans.filter((v) => v.vid !== vid));
  return true;
}

export function filtering(bridge: Link): boolean {
  return bridge.bridge?.vlanFiltering === true;
}

/**
 * br_allowed_ingress: the VLAN a frame belongs to on this port (or the bridge device), or a
 * reason to drop it. Without filtering every frame passes untouched (vid null).
 */
export function ingressVlan(bridge: Link, at: Link, tag: number | undefined): { vid: number | null } | { drop: string } {
  if (!filtering(bridge)) return { vid: null };
  const vlans = bridgeVlansOf(at);
  if (tag === undefined) {
    const pvid = vlans.find((v) => v.pvid);
    return pvid ? { vid: pvid.vid } : { drop: `${at.name} has no PVID: untagged frames are dropped` };
  }
  const vid = tag;
  return vlans.some((v) => v.vid === vid) ? { vid } : { drop: `${at.name} is not a member of VLAN ${vid}` };
}

/**
 * br_allowed_egress + br_handle_vlan: the tag a frame of VLAN `vid` carries out of `at`
 * (undefined: untagged), or null when `at` is not a member of that VLAN.
 */
export function egressTag(at: Link, vid: number): { tag: number | undefined } | null {
  const entry = bridgeVlansOf(at).find((v) => v.vid === vid);
  if (!entry) return null;
  return { tag: entry.untagged ? undefined : vid };
}
