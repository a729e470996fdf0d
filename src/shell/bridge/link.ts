/**
 * `bridge link [show] [dev DEV]` and `bridge link set dev DEV …` (iproute2 6.1 bridge/link.c):
 * bridge ports, their STP state, cost and priority, and with -d their on/off settings. Errors and
 * limits (cost ≤ 65535, priority ≤ 63, state 0-4) as recorded from the real tool and kernel.
 */
import { linksIn, peerOf } from '../../engine/net/links';
import { PORT_FLAGS, type BridgePortState, type Link, type PortFlag } from '../../engine/net/types';
import { lowerOf } from '../../engine/net/vlan';
import { linkFlags } from '../ip/print-link';
import { Output, type ShellContext } from '../types';
import { matches, type BridgeOptions } from './bridge';
import { jsonText, type JsonValue } from './json';
import { INCOMPLETE } from '../ip/args';

const ON_BY_DEFAULT: ReadonlySet<PortFlag> = new Set(['learning', 'flood', 'mcast_flood', 'bcast_flood']);
const STATES: BridgePortState[] = ['disabled', 'listening', 'learning', 'forwarding', 'blocking'];
const NOT_SUPPORTED = 'RTNETLINK answers: Operation not supported';

export function bridgeLink(ctx: ShellContext, args: string[], out: Output, options: BridgeOptions) {
  const sub = args[0];
  if (sub !== undefined && matches(sub, 'set')) return setLink(ctx, args.slice(1), out);
  if (sub !== undefined && matches(sub, 'help')) return out.err(LINK_USAGE).done(255);
  if (sub !== undefined && !matches(sub, 'show') && !matches(sub, 'list') && sub !== 'dev') return out.err(`Command "${sub}" is unknown, try "bridge link help".`).done(255);
  const rest = sub === 'dev' ? args : args.slice(1);
  let only: Link | undefined;
  for (let i = 0; i < rest.length; i++) {
    const name = rest[i] === 'dev' ? rest[++i] : rest[i];
    if (name === undefined) return out.err(INCOMPLETE).done(255);
    only = device(ctx, name);
    if (!only) return out.err(`Cannot find device "${name}"`).done(255);
  }
  const ports = linksIn(ctx.world, ctx.ns.id).filter((link) => link.masterId !== null && link.port && (!only || only.id === link.id));
  if (options.json) return out.out(jsonText(ports.map((p) => portJson(ctx, p, options.details)), options.pretty)).done(0);
  for (const link of ports) {
    const master = ctx.world.state.links[link.masterId!];
    const port = link.port!;
    const iflink = linkOf(ctx, link);
    const name = iflink ? `${link.name}@${iflink.name}` : link.name;
    out.line(`${link.ifindex}: ${name}: <${portFlags(ctx, link, iflink).join(',')}> mtu ${link.mtu} master ${master?.name} state ${port.state} priority ${port.priority} cost ${port.cost} `);
    if (options.details) out.line('    ' + details(link).join(' ') + ' ');
  }
  return out.done(0);
}

/**
 * IFLA_LINK as `bridge link` shows it: the bridge's netlink message carries the peer's (or the
 * lower device's) ifindex without its namespace, so iproute2 names whatever has that index
 * here, or "ifN" when nothing does (recorded: a port whose peer is ifindex 2 in another
 * namespace shows as "v4@br0"). M-DOWN follows that device when it is down; an index with no
 * device here has no flags to say so (ll_index_to_flags gives -1): no M-DOWN (recorded).
 */
function linkOf(ctx: ShellContext, port: Link): { name: string; up: boolean } | undefined {
  const target = port.kind === 'veth' ? peerOf(ctx.world, port) : port.kind === 'vlan' ? lowerOf(ctx.world, port) : undefined;
  if (!target) return undefined;
  const here = target.nsId === port.nsId ? target : linksIn(ctx.world, port.nsId).find((l) => l.ifindex === target.ifindex);
  return here ? { name: here.name, up: here.adminUp } : { name: `if${target.ifindex}`, up: true };
}

function portFlags(ctx: ShellContext, port: Link, iflink: { up: boolean } | undefined): string[] {
  const flags = linkFlags(ctx.world, port).slice(1, -1).split(',').filter((f) => f !== 'M-DOWN');
  return iflink && !iflink.up ? [...flags, 'M-DOWN'] : flags;
}

/** print_linkinfo in a JSON context: print_name_and_link's "link", the flags as an array, -d's settings as booleans. */
function portJson(ctx: ShellContext, port: Link, withDetails: boolean): JsonValue {
  const iflink = linkOf(ctx, port);
  const master = port.masterId === null ? undefined : ctx.world.state.links[port.masterId];
  const record: Record<string, JsonValue> = {
    ifindex: port.ifindex,
    ...(iflink ? { link: iflink.name } : {}),
    ifname: port.name,
    flags: portFlags(ctx, port, iflink),
    mtu: port.mtu,
    master: master?.name ?? null,
    state: port.port!.state,
    priority: port.port!.priority,
    cost: port.port!.cost,
  };
  if (!withDetails) return record;
  for (const flag of PORT_FLAGS) {
    record[flag] = portFlag(port, flag);
    if (flag === 'bcast_flood') record.mcast_router = 1;
  }
  return record;
}

function details(port: Link): string[] {
  const words: string[] = [];
  for (const flag of PORT_FLAGS) {
    words.push(`${flag} ${portFlag(port, flag) ? 'on' : 'off'}`);
    if (flag === 'bcast_flood') words.push('mcast_router 1');
  }
  return words;
}

export function portFlag(port: Link, flag: PortFlag): boolean {
  return port.port?.flags?.[flag] ?? ON_BY_DEFAULT.has(flag);
}

/** brlink.c's brlink_modify: parse everything first (usage errors), then the kernel's checks. */
function setLink(ctx: ShellContext, args: string[], out: Output) {
  let name: string | undefined;
  let cost = 0;
  let priority = -1;
  let state = -1;
  const flags: Partial<Record<PortFlag, boolean>> = {};
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    const value = () => args[++i];
    if (word === 'self' || word === 'master' || word === 'nobackup_port') continue;
    // mcast_router, hwmode and backup_port are not modelled: they print the usage like an unknown word.
    if (!['dev', 'cost', 'priority', 'state', 'learning_sync', ...PORT_FLAGS].includes(word)) return out.err(LINK_USAGE).done(255);
    const v = value();
    if (v === undefined) return out.err(INCOMPLETE).done(255);
    if (word === 'dev') name = v;
    else if (word === 'cost') cost = atoi(v);
    else if (word === 'priority') priority = atoi(v);
    else if (word === 'state') {
      state = /^-?\d+$/.test(v) ? Number(v) : STATES.findIndex((s) => s === v.toLowerCase());
      if (state === -1 && !/^-?\d+$/.test(v)) return out.err('Error: invalid STP port state').done(255);
    } else {
      if (v !== 'on' && v !== 'off') return out.err(`Error: argument of "${word}" must be one of "off", "on", not "${v}"`).done(234);
      if (word !== 'learning_sync') flags[word as PortFlag] = v === 'on';
    }
  }
  if (name === undefined) return out.err('Device is a required argument.').done(255);
  const link = device(ctx, name);
  if (!link) return out.err(`Cannot find bridge device "${name}"`).done(255);
  const changes = cost > 0 || priority >= 0 || state >= 0 || Object.keys(flags).length > 0;
  if (!changes) return out.done(0);
  if (!link.port) return out.err(NOT_SUPPORTED).done(255);
  if (cost > 65535 || priority > 63) return out.err('RTNETLINK answers: Numerical result out of range').done(255);
  if (state > 4 || state < -1) return out.err('RTNETLINK answers: Invalid argument').done(255);
  if (cost > 0) link.port.cost = cost;
  if (priority >= 0) link.port.priority = priority;
  // br_set_port_state then br_port_state_selection: without STP a blocking port goes straight to forwarding.
  if (state >= 0) link.port.state = state === 4 ? 'forwarding' : STATES[state]!;
  for (const [flag, on] of Object.entries(flags) as [PortFlag, boolean][]) {
    const rest = { ...link.port.flags };
    if (on === ON_BY_DEFAULT.has(flag)) delete rest[flag];
    else rest[flag] = on;
    link.port.flags = Object.keys(rest).length ? rest : undefined;
  }
  ctx.world.changed();
  return out.done(0);
}

/** C's atoi: leading digits, 0 when there are none. */
function atoi(text: string): number {
  const m = /^\s*([+-]?\d+)/.exec(text);
  return m ? Number(m[1]) : 0;
}

function device(ctx: ShellContext, name: string): Link | undefined {
  return linksIn(ctx.world, ctx.ns.id).find((l) => l.name === name);
}

const LINK_USAGE = `Usage: bridge link set dev DEV [ cost COST ] [ priority PRIO ] [ state STATE ]
                               [ guard {on | off} ]
                               [ hairpin {on | off} ]
                               [ fastleave {on | off} ]
                               [ root_block {on | off} ]
                               [ learning {on | off} ]
                               [ learning_sync {on | off} ]
                               [ flood {on | off} ]
                               [ mcast_router MULTICAST_ROUTER ]
                               [ mcast_flood {on | off} ]
                               [ bcast_flood {on | off} ]
                               [ mcast_to_unicast {on | off} ]
                               [ neigh_suppress {on | off} ]
                               [ vlan_tunnel {on | off} ]
                               [ isolated {on | off} ]
                               [ locked {on | off} ]
                               [ hwmode {vepa | veb} ]
                               [ backup_port DEVICE ] [ nobackup_port ]
                               [ self ] [ master ]
       bridge link show [dev DEV]`;
