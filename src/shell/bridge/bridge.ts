/** iproute2 `bridge`: link (ports and their STP state) and fdb (forwarding database). */
import { multicastMacs } from '../../engine/net/fdb';
import { linksIn, portsOf } from '../../engine/net/links';
import type { Link } from '../../engine/net/types';
import { linkDisplayName, linkFlags } from '../ip/print-link';
import { Output, type CommandFn, type ShellContext } from '../types';
import { bridgeVlan } from './vlan';

const matches = (word: string | undefined, keyword: string) => !!word && keyword.startsWith(word);

export const bridge: CommandFn = (argv, ctx) => {
  const args = argv.slice(1).filter((a) => !/^-(s|stats|d|details|c|color|n|netns)$/.test(a) || false);
  const out = new Output();
  const object = args[0];
  if (object === undefined) return out.err(USAGE).done(255);
  if (matches(object, 'link')) return bridgeLink(ctx, args.slice(1), out);
  if (matches(object, 'fdb')) return bridgeFdb(ctx, args.slice(1), out);
  if (matches(object, 'vlan')) return bridgeVlan(ctx, args.slice(1), out);
  if (matches(object, 'help')) return out.err(USAGE).done(255);
  return out.err(`Object "${object}" is unknown, try "bridge help".`).done(255);
};

function device(ctx: ShellContext, name: string): Link | undefined {
  return linksIn(ctx.world, ctx.ns.id).find((l) => l.name === name);
}

function bridgeLink(ctx: ShellContext, args: string[], out: Output) {
  const sub = args[0];
  if (sub !== undefined && !matches(sub, 'show') && !matches(sub, 'list') && sub !== 'dev') {
    if (matches(sub, 'set')) return out.err('Vethlab does not simulate "bridge link set" yet.').done(1);
    return out.err(`Command "${sub}" is unknown, try "bridge link help".`).done(255);
  }
  const rest = sub === 'dev' ? args : args.slice(1);
  let only: Link | undefined;
  for (let i = 0; i < rest.length; i++) {
    const name = rest[i] === 'dev' ? rest[++i] : rest[i];
    if (name === undefined) return out.err('Command line is not complete. Try option "help"').done(255);
    only = device(ctx, name);
    if (!only) return out.err(`Cannot find device "${name}"`).done(255);
  }
  for (const link of linksIn(ctx.world, ctx.ns.id)) {
    if (link.masterId === null || (only && only.id !== link.id)) continue;
    const master = ctx.world.state.links[link.masterId];
    out.line(
      `${link.ifindex}: ${linkDisplayName(ctx.world, link)}: ${linkFlags(ctx.world, link)} mtu ${link.mtu} master ${master?.name} state ${link.port?.state} priority ${link.port?.priority} cost ${link.port?.cost} `,
    );
  }
  return out.done(0);
}

function bridgeFdb(ctx: ShellContext, args: string[], out: Output) {
  const sub = args[0];
  if (sub !== undefined && !matches(sub, 'show') && !matches(sub, 'list') && sub !== 'br' && sub !== 'brport' && sub !== 'dev') {
    if (matches(sub, 'add') || matches(sub, 'delete') || matches(sub, 'replace')) return out.err(`Vethlab does not simulate "bridge fdb ${sub}" yet.`).done(1);
    return out.err(`Command "${sub}" is unknown, try "bridge fdb help".`).done(255);
  }
  const rest = sub === undefined || matches(sub, 'show') || matches(sub, 'list') ? args.slice(1) : args;
  let br: Link | undefined;
  let dev: Link | undefined;
  for (let i = 0; i < rest.length; i++) {
    const key = rest[i]!;
    const name = rest[++i];
    if (name === undefined) return out.err('Command line is not complete. Try option "help"').done(255);
    const link = device(ctx, name);
    if (!link) return out.err(`Cannot find bridge device "${name}"`).done(255);
    if (key === 'br') br = link;
    else if (key === 'brport' || key === 'dev') dev = link;
    else return out.err(`Command "${key}" is unknown, try "bridge fdb help".`).done(255);
  }
  for (const link of linksIn(ctx.world, ctx.ns.id)) {
    if (dev && dev.id !== link.id) continue;
    if (br && link.id !== br.id && link.masterId !== br.id) continue;
    // With `dev X` the device is implied and not repeated on each line.
    for (const line of fdbLines(ctx, link)) out.line(dev ? line.replace(` dev ${link.name} `, ' ') : line);
  }
  return out.done(0);
}

/** Per device: the master's entries for a port (newest first, then its permanent one), then its own multicast list. */
function fdbLines(ctx: ShellContext, link: Link): string[] {
  const lines: string[] = [];
  const master = link.masterId === null ? undefined : ctx.world.state.links[link.masterId];
  if (link.kind === 'bridge') {
    for (const mac of multicastMacs(ctx.world, link)) lines.push(`${mac} dev ${link.name} self permanent`);
    const portMacs = new Set(portsOf(ctx.world, link).map((p) => p.mac));
    if (!portMacs.has(link.mac) && link.mac !== '00:00:00:00:00:00') lines.push(`${link.mac} dev ${link.name} master ${link.name} permanent`);
    return lines;
  }
  if (master?.bridge) {
    for (const e of master.bridge.fdb) if (e.portId === link.id) lines.push(`${e.mac} dev ${link.name} master ${master.name} `);
    lines.push(`${link.mac} dev ${link.name} master ${master.name} permanent`);
  }
  for (const mac of multicastMacs(ctx.world, link)) lines.push(`${mac} dev ${link.name} self permanent`);
  return lines;
}

const USAGE = `Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }
       bridge [ -force ] -batch filename
where	OBJECT := { link | fdb | mdb | vlan | vni | monitor }
	OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |
		     -o[neline] | -t[imestamp] | -n[etns] name |
		     -com[pressvlans] -c[olor] -p[retty] -j[son] }`;
