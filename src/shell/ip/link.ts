/** `ip link`: show, add (veth, bridge, dummy), delete, set (up/down, netns, master, name, mtu, address). */
import { linksIn, peerOf } from '../../engine/net/links';
import { allocIfindex, attachPort, createLink, createVethPair, deleteLink, detachPort, moveLink, renameLink, setAdminUp, setMac } from '../../engine/net/linkops';
import type { BridgeInfo, Link, Netns } from '../../engine/net/types';
import { Args, duparg, duparg2, incomplete, invarg, IpError, matches, rtnl } from './args';
import type { IpContext } from './context';
import { parseLladdr } from './prefix';
import { briefLink, linkAddressLine, linkHeader } from './print-link';
import { showAddresses } from './addr';
import { addVlanLink, parseBridgeArgs, parseVlanArgs, type BridgeSpec, type VlanSpec } from './link-vlan';

export function doLink(ctx: IpContext, argv: string[]): void {
  const args = new Args(argv);
  if (args.done) return showLinks(ctx, args);
  const sub = args.take();
  if (matches(sub, 'add')) return addLink(ctx, args);
  if (matches(sub, 'set') || matches(sub, 'change')) return setLink(ctx, args);
  if (matches(sub, 'delete')) return deleteLinkCmd(ctx, args);
  if (matches(sub, 'show') || matches(sub, 'lst') || matches(sub, 'list')) return showLinks(ctx, args);
  if (matches(sub, 'help')) throw new IpError(LINK_USAGE, 255);
  throw new IpError(`Command "${sub}" is unknown, try "ip link help".`, 255);
}

function showLinks(ctx: IpContext, args: Args): void {
  if (ctx.opts.family === 4 || ctx.opts.family === 6) {
    // `ip -4 link` lists links like `ip -4 addr` (iproute2 treats it as an address listing).
    return showAddresses(ctx, args, { linkOnly: true });
  }
  const filter = parseShowFilter(ctx, args);
  for (const link of linksIn(ctx.world, ctx.ns.id)) {
    if (!filter(link)) continue;
    if (ctx.opts.brief) ctx.line(briefLink(ctx.world, link));
    else {
      const lines = [linkHeader(ctx.world, link, { mode: true, details: ctx.opts.details }), linkAddressLine(ctx.world, ctx.ns, link, ctx.opts.details)];
      if (ctx.opts.oneline) ctx.line(lines.join('\\'));
      else for (const l of lines) ctx.line(l);
    }
  }
}

/** [dev] NAME | up | master DEV | type KIND: filters shared by `ip link show` and `ip addr show`. */
export function parseShowFilter(ctx: IpContext, args: Args): (link: Link) => boolean {
  let dev: Link | undefined;
  let upOnly = false;
  let master: Link | undefined;
  let kind: string | undefined;
  while (!args.done) {
    const word = args.take();
    if (word === 'dev') {
      const name = args.next();
      if (dev) throw duparg2('dev', name);
      dev = requireShown(ctx, name);
    } else if (word === 'up') upOnly = true;
    else if (word === 'master') {
      const name = args.next();
      master = ctx.findDevice(name);
      if (!master) throw invarg('Device does not exist\n', name);
    } else if (word === 'type') kind = args.next();
    else if (word === 'scope' || word === 'to' || word === 'label') args.next();
    else if (word === 'primary' || word === 'secondary' || word === 'permanent' || word === 'dynamic') continue;
    else {
      if (dev) throw duparg2('dev', word);
      dev = requireShown(ctx, word);
    }
  }
  return (link) =>
    (!dev || link.id === dev.id) &&
    (!upOnly || link.adminUp) &&
    (!master || link.masterId === master.id) &&
    (!kind || kindName(link) === kind || (kind === 'bridge_slave' && link.masterId !== null));
}

function requireShown(ctx: IpContext, name: string): Link {
  const link = ctx.findDevice(name);
  if (!link) throw new IpError(`Device "${name}" does not exist.`, 1);
  return link;
}

function kindName(link: Link): string {
  return link.kind === 'ether' ? '' : link.kind;
}

interface LinkSpec {
  /** The device: `dev NAME` or a bare NAME. */
  name?: string;
  /** `name NEW`: the new device's name on add, a rename on set. */
  newName?: string;
  up?: boolean;
  mtu?: number;
  mac?: string;
  netns?: Netns;
  master?: Link | null;
  type?: string;
  peer?: { name?: string; netns?: Netns };
  index?: number;
  txqlen?: number;
  /** `link DEV`: the lower device of a VLAN. */
  lower?: string;
  vlan?: VlanSpec;
  bridge?: BridgeSpec;
}

const IFNAMSIZ = 16;

function validIfname(name: string): boolean {
  return name.length > 0 && name.length < IFNAMSIZ && !/[\s/:]/.test(name) && name !== '.' && name !== '..';
}

/** iproute2 checks characters; over-long names are left for the kernel to refuse. */
function ifname(kind: string, value: string): string {
  if (!validIfname(value) && !(value.length >= IFNAMSIZ && validIfname(value.slice(0, IFNAMSIZ - 1)))) throw invarg(`"${kind}" not a valid ifname`, value);
  return value;
}

/** iplink_parse: the shared grammar of `ip link add` and `ip link set`. */
function parseLinkSpec(ctx: IpContext, args: Args): LinkSpec {
  const spec: LinkSpec = {};
  let devGiven = false;
  while (!args.done) {
    const word = args.take();
    if (word === 'up') spec.up = true;
    else if (word === 'down') spec.up = false;
    else if (word === 'name') {
      const v = args.next();
      if (spec.newName !== undefined) throw duparg('name', v);
      spec.newName = ifname('name', v);
    } else if (matches(word, 'mtu')) {
      const v = args.next();
      if (spec.mtu !== undefined) throw duparg('mtu', v);
      if (!/^\d+$/.test(v)) throw invarg('Invalid "mtu" value\n', v);
      spec.mtu = Number(v);
    } else if (matches(word, 'address')) {
      const v = args.next();
      spec.mac = parseLladdr(v);
    } else if (word === 'netns') {
      const v = args.next();
      if (spec.netns) throw duparg('netns', v);
      const ns = ctx.netns(v);
      if (!ns) throw invarg('Invalid "netns" value\n', v);
      spec.netns = ns;
    } else if (word === 'master') {
      const v = args.next();
      const m = ctx.findDevice(v);
      if (!m) throw invarg('Device does not exist\n', v);
      spec.master = m;
    } else if (word === 'nomaster') spec.master = null;
    else if (matches(word, 'txqueuelen') || word === 'qlen' || matches(word, 'txqlen')) {
      const v = args.next();
      if (!/^\d+$/.test(v)) throw invarg('Invalid "txqueuelen" value\n', v);
      spec.txqlen = Number(v);
    } else if (word === 'index') {
      const v = args.next();
      if (!/^\d+$/.test(v) || Number(v) <= 0) throw invarg('Invalid "index" value', v);
      spec.index = Number(v);
    } else if (word === 'type') {
      spec.type = args.next();
      parseTypeArgs(ctx, args, spec);
    } else if (word === 'arp' || word === 'multicast' || word === 'promisc' || word === 'allmulticast' || word === 'dynamic' || word === 'trailers' || word === 'carrier') {
      const v = args.next();
      if (v !== 'on' && v !== 'off') throw new IpError(`Error: argument of "${word}" must be "on" or "off", not "${v}"`, 255);
    } else if (word === 'link') {
      spec.lower = args.next();
    } else if (word === 'alias' || word === 'group') {
      args.next();
    } else {
      if (word === 'dev') {
        const v = args.next();
        if (devGiven) throw duparg2('dev', v);
        spec.name = ifname('dev', v);
      } else {
        if (matches(word, 'help')) throw new IpError(LINK_USAGE, 255);
        if (devGiven || spec.name !== undefined) throw duparg2('dev', word);
        spec.name = ifname('dev', word);
      }
      devGiven = true;
    }
  }
  return spec;
}

function parseTypeArgs(ctx: IpContext, args: Args, spec: LinkSpec): void {
  if (spec.type === 'vlan') {
    spec.vlan = parseVlanArgs(args);
    return;
  }
  if (spec.type === 'bridge') {
    spec.bridge = parseBridgeArgs(args);
    return;
  }
  if (spec.type !== 'veth') return;
  if (args.done) return;
  if (args.peek() !== 'peer') throw new IpError('Usage: ip link <options> type veth [peer <options>]\nTo get <options> type \'ip link help\'', 255);
  args.take();
  const peer: LinkSpec['peer'] = {};
  while (!args.done) {
    const word = args.take();
    if (word === 'name' || word === 'dev') peer.name = ifname(word, args.next());
    else if (word === 'netns') {
      const v = args.next();
      const ns = ctx.netns(v);
      if (!ns) throw invarg('Invalid "netns" value\n', v);
      peer.netns = ns;
    } else if (word === 'address' || word === 'mtu' || word === 'txqueuelen') args.next();
    else if (peer.name === undefined) peer.name = ifname('dev', word);
    else throw duparg2('dev', word);
  }
  spec.peer = peer;
}

const SUPPORTED_TYPES = new Set(['veth', 'bridge', 'dummy', 'vlan']);

function addLink(ctx: IpContext, args: Args): void {
  const spec = parseLinkSpec(ctx, args);
  if (!spec.type) throw new IpError('Not enough information: "type" argument is required', 1);
  if (!SUPPORTED_TYPES.has(spec.type)) throw new IpError('Error: Unknown device type.', 2);
  const ns = spec.netns ?? ctx.ns;
  // Without a name the kernel picks the first free "<type>%d".
  const name = spec.newName ?? spec.name ?? nextFreeName(ctx, ns, spec.type);
  if (name.length >= IFNAMSIZ || (spec.peer?.name?.length ?? 0) >= IFNAMSIZ) throw new IpError('Error: Attribute failed policy validation.', 2);
  if (linksIn(ctx.world, ns.id).some((l) => l.name === name)) throw rtnl('File exists');
  if (spec.type === 'veth') {
    // veth_newlink: the peer is created in the caller's namespace unless `peer ... netns` names one;
    // a `netns` before `type` moves only the first device.
    const peerNs = spec.peer?.netns ?? ctx.ns;
    const peerName = spec.peer?.name ?? nextFreeName(ctx, peerNs, 'veth');
    if (linksIn(ctx.world, peerNs.id).some((l) => l.name === peerName)) throw rtnl('File exists');
    if (peerName === name && peerNs.id === ns.id) {
      // The peer was registered (taking an ifindex) before the device's name clashed with it.
      allocIfindex(ctx.world, peerNs);
      throw rtnl('File exists');
    }
    const [link] = createVethPair(ctx.world, ns, name, peerNs, peerName);
    applyCommon(ctx, link, spec);
    return;
  }
  if (spec.type === 'vlan') {
    const link = addVlanLink(ctx, ns, name, spec.lower, spec.vlan ?? {}, spec.index);
    applyCommon(ctx, link, spec);
    return;
  }
  const link = createLink(ctx.world, ns, { name, kind: spec.type as 'bridge' | 'dummy', ifindex: spec.index });
  applyCommon(ctx, link, spec);
}

function nextFreeName(ctx: IpContext, ns: Netns, prefix: string): string {
  const names = new Set(linksIn(ctx.world, ns.id).map((l) => l.name));
  let i = 0;
  while (names.has(`${prefix}${i}`)) i++;
  return `${prefix}${i}`;
}

function applyCommon(ctx: IpContext, link: Link, spec: LinkSpec): void {
  if (spec.mtu !== undefined) link.mtu = spec.mtu;
  if (spec.mac) {
    setMac(ctx.world, link, spec.mac);
    link.macSet = true;
  }
  if (spec.txqlen !== undefined) link.txqlen = spec.txqlen;
  if (spec.bridge && link.bridge) applyBridgeSpec(link.bridge, spec.bridge);
  if (spec.master) attachPort(ctx.world, spec.master, link);
  if (spec.up) setAdminUp(ctx.world, link, true);
}

function deleteLinkCmd(ctx: IpContext, args: Args): void {
  const spec = parseLinkSpec(ctx, args);
  if (spec.name === undefined) throw new IpError('Not enough information: "dev" argument is required.', 1);
  const link = ctx.device(spec.name);
  if (link.kind === 'loopback' || link.kind === 'ether') throw rtnl('Operation not supported');
  deleteLink(ctx.world, link);
}

function setLink(ctx: IpContext, args: Args): void {
  const spec = parseLinkSpec(ctx, args);
  if (spec.name === undefined) throw new IpError('Not enough information: "dev" argument is required.', 1);
  const link = ctx.device(spec.name);
  validateSet(ctx, link, spec);
  if (spec.netns && spec.netns.id !== link.nsId) moveLink(ctx.world, link, spec.netns);
  if (spec.newName !== undefined) renameLink(ctx.world, link, spec.newName);
  if (spec.mtu !== undefined) link.mtu = spec.mtu;
  if (spec.mac) {
    setMac(ctx.world, link, spec.mac);
    link.macSet = true;
  }
  if (spec.txqlen !== undefined) link.txqlen = spec.txqlen;
  if (spec.bridge && link.bridge) applyBridgeSpec(link.bridge, spec.bridge);
  if (spec.master === null && link.masterId !== null) detachPort(ctx.world, link);
  if (spec.master && link.masterId !== spec.master.id) {
    if (link.masterId !== null) detachPort(ctx.world, link);
    attachPort(ctx.world, spec.master, link);
  }
  if (spec.up !== undefined) setAdminUp(ctx.world, link, spec.up);
  ctx.world.changed();
}

function validateSet(ctx: IpContext, link: Link, spec: LinkSpec): void {
  // rtnl_newlink: a `type` on set must be the device's own kind.
  if (spec.type !== undefined && spec.type !== kindName(link)) throw rtnl('Operation not supported');
  if (spec.netns && spec.netns.id !== link.nsId) {
    if (link.kind === 'loopback') throw rtnl('Invalid argument');
    if (linksIn(ctx.world, spec.netns.id).some((l) => l.name === link.name)) throw rtnl('File exists');
  }
  if (spec.mtu !== undefined) {
    const max = link.kind === 'loopback' ? Infinity : 65535;
    const min = link.kind === 'loopback' ? 0 : 68;
    if (spec.mtu > max) throw new IpError(`Error: mtu greater than device maximum.`, 2);
    if (spec.mtu < min) throw new IpError(`Error: mtu less than device minimum.`, 2);
  }
  if (spec.newName !== undefined && spec.newName !== link.name) {
    if (ctx.findDevice(spec.newName)) throw rtnl('File exists');
    if (link.adminUp) throw rtnl('Device or resource busy');
  }
  if (spec.master) {
    if (spec.master.id === link.id) throw new IpError('Error: Can not enslave a bridge to a bridge.', 2);
    if (spec.master.kind !== 'bridge') throw rtnl('Operation not supported');
    if (link.kind === 'bridge') throw new IpError('Error: Can not enslave a bridge to a bridge.', 2);
    if (link.kind === 'loopback') throw new IpError('Error: Can not enslave loopback device.', 2);
  }
  void peerOf;
}

export const LINK_USAGE = `Usage: ip link add [link DEV | parentdev NAME] [ name ] NAME
		    [ txqueuelen PACKETS ]
		    [ address LLADDR ]
		    [ broadcast LLADDR ]
		    [ mtu MTU ] [index IDX ]
		    [ numtxqueues QUEUE_COUNT ]
		    [ numrxqueues QUEUE_COUNT ]
		    [ netns { PID | NAME } ]
		    type TYPE [ ARGS ]

	ip link delete { DEVICE | dev DEVICE | group DEVGROUP } type TYPE [ ARGS ]

	ip link set { DEVICE | dev DEVICE | group DEVGROUP }
			[ { up | down } ]
			[ type TYPE ARGS ]
		[ arp { on | off } ]
		[ dynamic { on | off } ]
		[ multicast { on | off } ]
		[ allmulticast { on | off } ]
		[ promisc { on | off } ]
		[ trailers { on | off } ]
		[ carrier { on | off } ]
		[ txqueuelen PACKETS ]
		[ name NEWNAME ]
		[ address LLADDR ]
		[ broadcast LLADDR ]
		[ mtu MTU ]
		[ netns { PID | NAME } ]
		[ link-netns NAME | link-netnsid ID ]
		[ alias NAME ]
		[ vf NUM [ mac LLADDR ]
			 [ vlan VLANID [ qos VLAN-QOS ] [ proto VLAN-PROTO ] ]
			 [ rate TXRATE ]
			 [ max_tx_rate TXRATE ]
			 [ min_tx_rate TXRATE ]
			 [ spoofchk { on | off} ]
			 [ query_rss { on | off} ]
			 [ state { auto | enable | disable} ]
			 [ trust { on | off} ]
			 [ node_guid EUI64 ]
			 [ port_guid EUI64 ] ]
		[ { xdp | xdpgeneric | xdpdrv | xdpoffload } { off |
			  object FILE [ { section | program } NAME ] [ verbose ] |
			  pinned FILE } ]
		[ master DEVICE ][ vrf NAME ]
		[ nomaster ]
		[ addrgenmode { eui64 | none | stable_secret | random } ]
		[ protodown { on | off } ]
		[ protodown_reason PREASON { on | off } ]
		[ gso_max_size BYTES ] | [ gso_max_segs PACKETS ]
		[ gro_max_size BYTES ]

	ip link show [ DEVICE | group GROUP ] [up] [master DEV] [vrf NAME] [type TYPE]
		[nomaster]

	ip link xstats type TYPE [ ARGS ]

	ip link afstats [ dev DEVICE ]
	ip link property add dev DEVICE [ altname NAME .. ]
	ip link property del dev DEVICE [ altname NAME .. ]

	ip link help [ TYPE ]

TYPE := { amt | bareudp | bond | bond_slave | bridge | bridge_slave |
          dsa | dummy | erspan | geneve | gre | gretap | gtp | ifb |
          ip6erspan | ip6gre | ip6gretap | ip6tnl |
          ipip | ipoib | ipvlan | ipvtap |
          macsec | macvlan | macvtap |
          netdevsim | nlmon | rmnet | sit | team | team_slave |
          vcan | veth | vlan | vrf | vti | vxcan | vxlan | wwan |
          xfrm | virt_wifi }`;

void incomplete;

function applyBridgeSpec(bridge: BridgeInfo, spec: BridgeSpec): void {
  if (spec.vlanFiltering !== undefined) bridge.vlanFiltering = spec.vlanFiltering;
  if (spec.ageingTime !== undefined) bridge.ageingTime = spec.ageingTime;
  if (spec.forwardDelay !== undefined) bridge.forwardDelay = spec.forwardDelay;
}
