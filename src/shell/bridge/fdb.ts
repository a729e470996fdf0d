/**
 * `bridge fdb [show]` and `bridge fdb add|append|replace|del` (iproute2 6.1 bridge/fdb.c and the
 * kernel's br_fdb_add / dev_uc_add): the bridge's forwarding database per port, the devices' own
 * unicast and multicast addresses ("self"), and a VXLAN device's remote endpoints. Texts and the
 * order of entries as recorded on Linux 6.x.
 */
import { fdbExpired, fdbUserAdd, fdbUserDel, multicastMacs, type FdbFlag } from '../../engine/net/fdb';
import { formatIpv4, parseIpv4 } from '../../engine/net/ipv4';
import { linksIn, portsOf } from '../../engine/net/links';
import { parseMac } from '../../engine/net/mac';
import type { FdbEntry, Link } from '../../engine/net/types';
import { vxlanDevice } from '../../engine/packet/vxlan';
import { Output, type ShellContext } from '../types';
import { matches, type BridgeOptions } from './bridge';
import { jsonText, type JsonValue } from './json';
import { INCOMPLETE } from '../ip/args';

export function bridgeFdb(ctx: ShellContext, args: string[], out: Output, options: BridgeOptions) {
  const sub = args[0];
  if (sub !== undefined && (matches(sub, 'add') || sub === 'append' || matches(sub, 'replace') || matches(sub, 'delete'))) return modifyFdb(ctx, sub, args.slice(1), out);
  if (sub !== undefined && matches(sub, 'help')) return out.err(FDB_USAGE).done(255);
  if (sub !== undefined && !matches(sub, 'show') && !matches(sub, 'list') && sub !== 'br' && sub !== 'brport' && sub !== 'dev') return out.err(`Command "${sub}" is unknown, try "bridge fdb help".`).done(255);
  const rest = sub === undefined || matches(sub, 'show') || matches(sub, 'list') ? args.slice(1) : args;
  let br: Link | undefined;
  let dev: Link | undefined;
  for (let i = 0; i < rest.length; i++) {
    const key = rest[i]!;
    const name = rest[++i];
    if (name === undefined) return out.err(INCOMPLETE).done(255);
    const link = device(ctx, name);
    // fdb_show: "br" names a bridge, "dev"/"brport" any device (recorded).
    if (!link) return out.err(`Cannot find ${key === 'br' ? 'bridge device' : 'device'} "${name}"`).done(255);
    if (key === 'br') br = link;
    else if (key === 'brport' || key === 'dev') dev = link;
    else return out.err(`Command "${key}" is unknown, try "bridge fdb help".`).done(255);
  }
  const records = linksIn(ctx.world, ctx.ns.id)
    .filter((link) => !(dev && dev.id !== link.id) && !(br && link.id !== br.id && link.masterId !== br.id))
    .flatMap((link) => fdbRecords(ctx, link));
  // With `dev X` the device is implied and not repeated on each entry.
  if (options.json) return out.out(jsonText(records.map((r) => recordJson(r, !dev)), options.pretty)).done(0);
  for (const r of records) out.line(recordText(r, !dev));
  return out.done(0);
}

/** One entry as print_fdb sees it: the MAC, its device, a VXLAN remote, self (the device's own table) or the master bridge, and the NUD state word. */
interface FdbRecord {
  mac: string;
  dev: string;
  dst?: string;
  self: boolean;
  master?: string;
  state: string;
}

function recordText(r: FdbRecord, withDev: boolean): string {
  const words = [r.mac, ...(withDev ? [`dev ${r.dev}`] : []), ...(r.dst ? [`dst ${r.dst}`] : []), ...(r.self ? ['self'] : []), ...(r.master ? [`master ${r.master}`] : [])];
  return `${words.join(' ')} ${r.state}`;
}

/** print_fdb in a JSON context: "flags" is always there (an empty array for a bridge entry), "state" too ("" for a learned one). */
function recordJson(r: FdbRecord, withDev: boolean): JsonValue {
  return {
    mac: r.mac,
    ...(withDev ? { ifname: r.dev } : {}),
    ...(r.dst ? { dst: r.dst } : {}),
    flags: r.self ? ['self'] : [],
    ...(r.master ? { master: r.master } : {}),
    state: r.state,
  };
}

const flagWord = (e: FdbEntry) => (e.local ? 'permanent' : e.static ? 'static' : '');

/**
 * Per device: a bridge's own multicast list, then its local entries (newest first, its own MAC
 * last); a port's entries in its master (newest first, its own MAC last); then the device's
 * unicast addresses and a VXLAN device's remotes, then its multicast list.
 */
function fdbRecords(ctx: ShellContext, link: Link): FdbRecord[] {
  const records: FdbRecord[] = [];
  const master = link.masterId === null ? undefined : ctx.world.state.links[link.masterId];
  const dev = link.name;
  const self = (mac: string): FdbRecord => ({ mac, dev, self: true, state: 'permanent' });
  const inBridge = (mac: string, bridge: Link, state: string): FdbRecord => ({ mac, dev, self: false, master: bridge.name, state });
  if (link.kind === 'bridge' && link.bridge) {
    records.push(...multicastMacs(ctx.world, link).map(self));
    for (const e of link.bridge.fdb) if (e.portId === link.id && !fdbExpired(ctx.world, link, e)) records.push(inBridge(e.mac, link, flagWord(e)));
    const portMacs = new Set(portsOf(ctx.world, link).map((p) => p.mac));
    if (!portMacs.has(link.mac) && link.mac !== '00:00:00:00:00:00') records.push(inBridge(link.mac, link, 'permanent'));
    return records;
  }
  if (master?.bridge) {
    for (const e of master.bridge.fdb) if (e.portId === link.id && !fdbExpired(ctx.world, master, e)) records.push(inBridge(e.mac, master, flagWord(e)));
    records.push(inBridge(link.mac, master, 'permanent'));
  }
  for (const mac of link.ucAddrs ?? []) records.push(self(mac));
  const vxlan = vxlanDevice(ctx.world, link);
  for (const [mac, dst] of Object.entries(vxlan?.fdb ?? {})) records.push({ ...self(mac), dst: formatIpv4(dst) });
  records.push(...multicastMacs(ctx.world, link).map(self));
  return records;
}

/** fdb_modify: parse, then the kernel's answer for the bridge (master) or the device itself (self). */
function modifyFdb(ctx: ShellContext, sub: string, args: string[], out: Output) {
  const op = matches(sub, 'delete') ? 'del' : sub === 'append' || matches(sub, 'replace') ? 'replace' : 'add';
  let name: string | undefined;
  let addr: string | undefined;
  let master = false;
  let flag: FdbFlag = 'permanent';
  let dst: number | undefined;
  let vlan = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (['dev', 'dst', 'vlan', 'port', 'dst_port', 'vni', 'src_vni', 'via', 'nhid'].includes(word)) {
      const v = args[++i];
      if (v === undefined) return out.err(INCOMPLETE).done(255);
      if (word === 'dev') name = v;
      else if (word === 'dst') {
        const ip = parseIpv4(v);
        if (ip === null) return out.err(`Error: any valid address is expected rather than "${v}".`).done(1);
        dst = ip;
      } else if (word === 'vlan') vlan = true;
    } else if (word === 'self') continue;
    else if (word === 'master') master = true;
    else if (word === 'local' || word === 'permanent') flag = 'permanent';
    else if (word === 'static' || word === 'dynamic') flag = word;
    else if (['use', 'router', 'extern_learn', 'sticky'].includes(word)) continue;
    else addr = word === 'to' ? args[++i] : word;
  }
  if (name === undefined || addr === undefined) return out.err('Device and address are required arguments.').done(255);
  const mac = parseMac(addr);
  if (mac === null) return out.err(`Invalid mac address ${addr}`).done(255);
  const link = device(ctx, name);
  if (!link) return out.err(`Cannot find device "${name}"`).done(255);
  const error = master ? modifyMaster(ctx, op, link, mac, flag, vlan) : modifySelf(ctx, op, link, mac, flag, dst);
  if (error) return out.err(`RTNETLINK answers: ${error}`).done(255);
  ctx.world.changed();
  return out.done(0);
}

/** br_fdb_add / br_fdb_delete through the port's master. */
function modifyMaster(ctx: ShellContext, op: 'add' | 'replace' | 'del', port: Link, mac: string, flag: FdbFlag, vlan: boolean): string | undefined {
  const bridge = port.masterId === null ? undefined : ctx.world.state.links[port.masterId];
  if (!bridge?.bridge || !port.port) return 'Operation not supported';
  if (vlan && !bridge.bridge.vlanFiltering) return 'Invalid argument';
  if (op === 'del') return fdbUserDel(bridge, mac, port) ? undefined : 'No such file or directory';
  const result = fdbUserAdd(ctx.world, bridge, mac, port, flag, op === 'replace');
  return result === 'exists' ? 'File exists' : result === 'cannot-learn' ? 'Operation not permitted' : undefined;
}

/** The device's own table: a bridge's local entries, a VXLAN device's remotes, anything else's unicast list. */
function modifySelf(ctx: ShellContext, op: 'add' | 'replace' | 'del', link: Link, mac: string, flag: FdbFlag, dst: number | undefined): string | undefined {
  if (link.kind === 'bridge' && link.bridge) {
    if (op === 'del') return fdbUserDel(link, mac, link) ? undefined : 'No such file or directory';
    // fdb_add_entry: an entry of the bridge device itself has no port to learn on, only "permanent" makes sense.
    if (flag !== 'permanent') return 'Invalid argument';
    return fdbUserAdd(ctx.world, link, mac, link, flag, op === 'replace') === 'exists' ? 'File exists' : undefined;
  }
  const vxlan = vxlanDevice(ctx.world, link);
  if (vxlan) {
    if (op === 'del') return mac in vxlan.fdb ? (delete vxlan.fdb[mac], undefined) : 'No such file or directory';
    if (dst === undefined) return 'Invalid argument';
    if (op === 'add' && mac in vxlan.fdb) return 'File exists';
    vxlan.fdb[mac] = dst;
    return undefined;
  }
  const uc = link.ucAddrs ?? [];
  const has = uc.includes(mac);
  if (op === 'del') {
    if (!has) return 'No such file or directory';
    link.ucAddrs = uc.filter((m) => m !== mac);
    if (link.ucAddrs.length === 0) delete link.ucAddrs;
    return undefined;
  }
  if (has) return op === 'add' ? 'File exists' : undefined;
  link.ucAddrs = [...uc, mac];
  return undefined;
}

function device(ctx: ShellContext, name: string): Link | undefined {
  return linksIn(ctx.world, ctx.ns.id).find((l) => l.name === name);
}

const FDB_USAGE = `Usage: bridge fdb { add | append | del | replace } ADDR dev DEV
              [ self ] [ master ] [ use ] [ router ] [ extern_learn ]
              [ sticky ] [ local | static | dynamic ] [ vlan VID ]
              { [ dst IPADDR ] [ port PORT] [ vni VNI ] | [ nhid NHID ] }
\t       [ via DEV ] [ src_vni VNI ]
       bridge fdb [ show [ br BRDEV ] [ brport DEV ] [ vlan VID ]
              [ state STATE ] [ dynamic ] ]
       bridge fdb get [ to ] LLADDR [ br BRDEV ] { brport | dev } DEV
              [ vlan VID ] [ vni VNI ] [ self ] [ master ] [ dynamic ]
       bridge fdb flush dev DEV [ brport DEV ] [ vlan VID ]
              [ self ] [ master ] [ [no]permanent | [no]static | [no]dynamic ]
              [ [no]added_by_user ] [ [no]extern_learn ] [ [no]sticky ]
              [ [no]offloaded ]`;
