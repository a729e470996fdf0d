/**
 * `bridge vlan { add | del | show }` (iproute2 6.1 bridge/vlan.c): VLANs of bridge ports and of
 * the bridge itself ("self"). Show prints "%-16s  %-9s" headers, the port name padded to 16
 * plus two spaces on its first VLAN and 18 spaces before the next ones, then " PVID" and
 * " Egress Untagged" (print_vlan_info, print_vlan_flags). The kernel side follows
 * net/bridge/br_vlan.c; this machine's kernel has no bridge VLAN support, so nothing here is
 * recorded.
 */
import { linksIn } from '../../engine/net/links';
import type { Link } from '../../engine/net/types';
import { addBridgeVlan, bridgeVlansOf, deleteBridgeVlan } from '../../engine/net/vlan';
import { Output, type ShellContext } from '../types';
import type { BridgeOptions } from './bridge';
import { jsonText } from './json';
import { INCOMPLETE } from '../ip/args';

export const VLAN_USAGE = `Usage: bridge vlan { add | del } vid VLAN_ID dev DEV [ tunnel_info id TUNNEL_ID ]
                                                     [ pvid ] [ untagged ]
                                                     [ self ] [ master ]
       bridge vlan { set } vid VLAN_ID dev DEV [ state STP_STATE ]
                                               [ mcast_router MULTICAST_ROUTER ]
       bridge vlan { show } [ dev DEV ] [ vid VLAN_ID ]
       bridge vlan { tunnelshow } [ dev DEV ] [ vid VLAN_ID ]`;

const matches = (word: string | undefined, keyword: string) => !!word && keyword.startsWith(word);

export function bridgeVlan(ctx: ShellContext, args: string[], out: Output, options: BridgeOptions) {
  const sub = args[0];
  if (sub === undefined) return showVlans(ctx, [], out, options);
  if (matches(sub, 'add')) return modifyVlan(ctx, args.slice(1), out, 'add');
  if (matches(sub, 'delete')) return modifyVlan(ctx, args.slice(1), out, 'del');
  if (matches(sub, 'show') || matches(sub, 'lst') || matches(sub, 'list')) return showVlans(ctx, args.slice(1), out, options);
  if (matches(sub, 'help')) return out.err(VLAN_USAGE).done(255);
  return out.err(`Command "${sub}" is unknown, try "bridge vlan help".`).done(255);
}

function device(ctx: ShellContext, name: string): Link | undefined {
  return linksIn(ctx.world, ctx.ns.id).find((l) => l.name === name);
}

/** vlan_modify: dev and vid are required; the kernel refuses devices that are not bridge ports. */
function modifyVlan(ctx: ShellContext, args: string[], out: Output, op: 'add' | 'del') {
  let dev: string | undefined;
  let vid = -1;
  let pvid = false;
  let untagged = false;
  let self = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === 'dev' || word === 'vid') {
      const value = args[++i];
      if (value === undefined) return out.err(INCOMPLETE).done(255);
      if (word === 'dev') dev = value;
      else vid = Number.parseInt(value, 10) || 0;
    } else if (word === 'pvid') pvid = true;
    else if (word === 'untagged') untagged = true;
    else if (word === 'self') self = true;
    else if (word === 'master') continue;
    else if (matches(word, 'help')) return out.err(VLAN_USAGE).done(255);
  }
  if (dev === undefined || vid === -1) return out.err('Device and VLAN ID are required arguments.').done(255);
  const link = device(ctx, dev);
  if (!link) return out.err(`Cannot find bridge device "${dev}"`).done(255);
  if (vid >= 4096) return out.err(`Invalid VLAN ID "${vid}"`).done(255);
  // A bridge device takes VLANs for itself only with "self"; anything else must be a port.
  const target = link.bridge ? (self ? link : null) : link.port ? link : null;
  if (!target) return out.err('RTNETLINK answers: Operation not supported').done(255);
  if (vid === 0 || vid === 4095) return out.err('RTNETLINK answers: Invalid argument').done(255);
  if (op === 'add') addBridgeVlan(target, vid, { pvid, untagged });
  else if (!deleteBridgeVlan(target, vid)) return out.err('RTNETLINK answers: No such file or directory').done(255);
  ctx.world.changed();
  return out.done(0);
}

function showVlans(ctx: ShellContext, args: string[], out: Output, options: BridgeOptions) {
  let only: Link | undefined;
  let vid: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const value = args[i + 1];
    if (word !== 'dev' && word !== 'vid') continue;
    if (value === undefined) return out.err(INCOMPLETE).done(255);
    i++;
    if (word === 'vid') vid = Number.parseInt(value, 10) || 0;
    else {
      only = device(ctx, value);
      if (!only) return out.err(`Cannot find device "${value}"`).done(1);
    }
  }
  const members = linksIn(ctx.world, ctx.ns.id).filter((link) => (!only || only.id === link.id) && (link.bridge || link.port));
  // print_vlan_info in a JSON context: a port with VLANs (IFLA_AF_SPEC) is listed, with those the vid filter keeps.
  if (options.json) {
    const ports = members
      .filter((link) => bridgeVlansOf(link).length > 0)
      .map((link) => ({
        ifname: link.name,
        vlans: bridgeVlansOf(link)
          .filter((v) => vid === undefined || v.vid === vid)
          .map((v) => {
            const flags = [...(v.pvid ? ['PVID'] : []), ...(v.untagged ? ['Egress Untagged'] : [])];
            return { vlan: v.vid, ...(flags.length ? { flags } : {}) };
          }),
      }));
    return out.out(jsonText(ports, options.pretty)).done(0);
  }
  out.line(`${'port'.padEnd(16)}  ${'vlan-id'.padEnd(9)}`);
  for (const link of members) {
    const vlans = bridgeVlansOf(link).filter((v) => vid === undefined || v.vid === vid);
    vlans.forEach((v, i) => {
      const lead = i === 0 ? link.name.padEnd(16) : ''.padEnd(16);
      out.line(`${lead}  ${v.vid}${v.pvid ? ' PVID' : ''}${v.untagged ? ' Egress Untagged' : ''}`);
    });
  }
  return out.done(0);
}
