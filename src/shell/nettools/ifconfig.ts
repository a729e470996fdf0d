/**
 * net-tools ifconfig: list interfaces (up ones, or all with -a), and change one the old way:
 * `ifconfig IF ADDR[/LEN] [netmask M] [broadcast B] [mtu N] [up|down]`.
 */
import { addAddr4, delAddr4 } from '../../engine/net/addr';
import { broadcastOf, maskToPrefix, prefixMask } from '../../engine/net/ipv4';
import { linkByName, linksIn } from '../../engine/net/links';
import { setAdminUp } from '../../engine/net/linkops';
import type { Addr4, Link } from '../../engine/net/types';
import { Output, type CommandFn, type ShellContext, success } from '../types';
import { aliasesOf, formatAlias, formatInterface, interfaceFlags, nstrcmp, primaryOf } from './ifconfig-print';
import { inetAton, lookupHost4 as lookupHost } from './resolve';

export const ifconfig: CommandFn = (argv, ctx) => {
  const args = argv.slice(1);
  let all = false;
  while (args[0]?.startsWith('-')) {
    const opt = args.shift()!;
    if (opt === '-a') all = true;
    else if (opt === '-v' || opt === '-s') continue;
    else return new Output().err(`ifconfig: option \`${opt}' not recognised.\nifconfig: \`--help' gives usage information.`).done(1);
  }
  if (args.length === 0) return listAll(ctx, all);
  const name = args[0]!;
  const link = linkByName(ctx.world, ctx.ns.id, name.split(':')[0]!);
  if (args.length === 1) {
    if (!link) return new Output().err(`${name}: error fetching interface information: Device not found`).done(1);
    const text = name.includes(':') ? formatAlias(ctx.world, ctx.ns, link, name) : formatInterface(ctx.world, ctx.ns, link);
    return success(text);
  }
  return configure(ctx, name, link, args.slice(1));
};

/** The address an interface name stands for: the primary one, or the alias with that label. */
function addressOf(ctx: ShellContext, link: Link, name: string): Addr4 | undefined {
  if (!name.includes(':')) return primaryOf(ctx.ns, link);
  return ctx.ns.addrs.find((a): a is Addr4 => a.family === 4 && a.linkId === link.id && a.label === name);
}

function listAll(ctx: ShellContext, all: boolean): ReturnType<CommandFn> {
  const links = linksIn(ctx.world, ctx.ns.id).sort((a, b) => nstrcmp(a.name, b.name));
  const shown = links.filter((l) => all || interfaceFlags(ctx.world, l) & 0x1);
  const text = shown.map((l) => formatInterface(ctx.world, ctx.ns, l) + aliasesOf(ctx.ns, l).map((a) => formatAlias(ctx.world, ctx.ns, l, a.label)).join(''));
  return success(text.join(''));
}

/** inet_abc_len: the classful prefix SIOCSIFADDR gives a new address. */
function classfulLen(addr: number): number {
  if (addr === 0) return 0;
  if (addr >>> 31 === 0) return 8;
  if (addr >>> 30 === 2) return 16;
  if (addr >>> 29 === 6) return 24;
  return 32;
}

function configure(ctx: ShellContext, name: string, link: Link | undefined, args: string[]): ReturnType<CommandFn> {
  const out = new Output();
  let status = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'up' || a === 'down') {
      if (!link) return out.err(`${name}: ERROR while getting interface flags: No such device`).done(255);
      // Taking an alias down removes its address; the device stays as it is.
      const alias = name.includes(':') ? addressOf(ctx, link, name) : undefined;
      if (alias && a === 'down') delAddr4(ctx.world, ctx.ns, link, alias);
      else if (!name.includes(':')) setAdminUp(ctx.world, link, a === 'up');
      continue;
    }
    if (a === 'netmask' || a === 'broadcast' || a === 'mtu') {
      const value = args[++i];
      if (value === undefined) return out.err(USAGE_HINT).done(3);
      const error = a === 'mtu' ? setMtu(link, value) : a === 'netmask' ? setNetmask(ctx, link, name, value) : setBroadcast(ctx, link, name, value);
      if (error) {
        out.err(error);
        status = 1;
      }
      continue;
    }
    const [addrText, lenText] = a.split('/');
    const found = lookupHost(ctx, addrText!);
    if (!found.ok) return out.err(`${addrText}: ${inetAton(addrText!) === null && /^[\d.]+$/.test(addrText!) ? 'Unknown host' : 'Host name lookup failure'}\nifconfig: \`--help' gives usage information.`).done(1);
    if (!link) {
      out.err('SIOCSIFADDR: No such device').err(`${name}: ERROR while getting interface flags: No such device`);
      if (lenText !== undefined || args.includes('netmask')) out.err('SIOCSIFNETMASK: No such device');
      return out.done(255);
    }
    setAddress(ctx, link, name, found.addr, lenText === undefined ? classfulLen(found.addr) : Number(lenText));
    setAdminUp(ctx.world, link, true);
  }
  return out.done(status);
}

const USAGE_HINT = "ifconfig: `--help' gives usage information.";

/** SIOCSIFADDR: replaces the interface's primary address (0.0.0.0 removes it). */
function setAddress(ctx: ShellContext, link: Link, name: string, addr: number, len: number): void {
  const old = addressOf(ctx, link, name);
  if (old) delAddr4(ctx.world, ctx.ns, link, old);
  if (addr === 0) return;
  const broadcast = len < 31 ? broadcastOf(addr, len) : null;
  addAddr4(ctx.world, ctx.ns, link, { local: addr, prefixLen: len, broadcast, scope: addr >>> 24 === 127 ? 'host' : 'global', label: name });
}

function replace(ctx: ShellContext, link: Link, old: Addr4, change: Partial<Addr4>): void {
  delAddr4(ctx.world, ctx.ns, link, old);
  const next = { ...old, ...change };
  addAddr4(ctx.world, ctx.ns, link, { local: next.local, prefixLen: next.prefixLen, broadcast: next.broadcast, scope: next.scope, label: next.label });
}

/** SIOCSIFNETMASK: a broadcast that matched the old mask follows the new one. */
function setNetmask(ctx: ShellContext, link: Link | undefined, name: string, value: string): string | null {
  if (!link) return 'SIOCSIFNETMASK: No such device';
  const found = lookupHost(ctx, value);
  const len = found.ok ? maskToPrefix(found.addr) : null;
  if (!found.ok) return `${value}: Unknown host`;
  if (len === null) return 'SIOCSIFNETMASK: Invalid argument';
  const old = addressOf(ctx, link, name);
  if (!old) return 'SIOCSIFNETMASK: Cannot assign requested address';
  if (old.prefixLen === len) return null;
  const followed = old.broadcast === ((old.local | ~prefixMask(old.prefixLen)) >>> 0);
  replace(ctx, link, old, { prefixLen: len, broadcast: followed && len < 31 ? broadcastOf(old.local, len) : old.broadcast });
  return null;
}

function setBroadcast(ctx: ShellContext, link: Link | undefined, name: string, value: string): string | null {
  if (!link) return 'SIOCSIFBRDADDR: No such device';
  const found = lookupHost(ctx, value);
  if (!found.ok) return `${value}: Unknown host`;
  const old = addressOf(ctx, link, name);
  if (!old) return 'SIOCSIFBRDADDR: Cannot assign requested address';
  replace(ctx, link, old, { broadcast: found.addr });
  return null;
}

function setMtu(link: Link | undefined, value: string): string | null {
  if (!link) return 'SIOCSIFMTU: No such device';
  const mtu = Number(value);
  if (!/^\d+$/.test(value) || mtu < 68 || mtu > (link.kind === 'loopback' ? 2147483647 : 65535)) return 'SIOCSIFMTU: Invalid argument';
  link.mtu = mtu;
  return null;
}
