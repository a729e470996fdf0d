/** `ip address`: show (with -4/-6/-br filters), add, del, flush. */
import { addAddr4, addrs4Of, delAddr4 } from '../../engine/net/addr';
import { broadcastOf, formatIpv4, inPrefix } from '../../engine/net/ipv4';
import { linksIn } from '../../engine/net/links';
import type { Addr4, Link, Scope } from '../../engine/net/types';
import { Args, duparg, duparg2, invarg, IpError, kernelError, matches, rtnl } from './args';
import type { IpContext } from './context';
import { parseShowFilter } from './link';
import { addrLines, briefAddr, orderedAddrs } from './print-addr';
import { linkAddressLine, linkHeader } from './print-link';
import { getAddr, getPrefix, type ParsedPrefix } from './prefix';

export function doAddr(ctx: IpContext, argv: string[]): void {
  const args = new Args(argv);
  if (args.done) return showAddresses(ctx, args);
  const sub = args.take();
  if (matches(sub, 'add') || matches(sub, 'change') || matches(sub, 'replace')) return addAddr(ctx, args, sub);
  if (matches(sub, 'delete')) return delAddr(ctx, args);
  if (matches(sub, 'show') || matches(sub, 'lst') || matches(sub, 'list')) return showAddresses(ctx, args);
  if (matches(sub, 'flush')) return flushAddrs(ctx, args);
  if (matches(sub, 'help')) throw new IpError(ADDR_USAGE, 255);
  throw new IpError(`Command "${sub}" is unknown, try "ip address help".`, 255);
}

export function showAddresses(ctx: IpContext, args: Args, opts: { linkOnly?: boolean } = {}): void {
  const filter = parseShowFilter(ctx, args);
  const family = ctx.opts.family ?? undefined;
  for (const link of linksIn(ctx.world, ctx.ns.id)) {
    if (!filter(link)) continue;
    const addrs = orderedAddrs(ctx.ns, link, family);
    if (family !== undefined && addrs.length === 0) continue;
    if (ctx.opts.brief) {
      ctx.line(briefAddr(ctx.world, ctx.ns, link, family));
      continue;
    }
    if (ctx.opts.oneline && !opts.linkOnly) {
      for (const addr of addrs) ctx.line(`${link.ifindex}: ${link.name}${addrLines(addr, ctx.world.clock.now()).replace(/\n/g, '\\')}`);
      continue;
    }
    const header = linkHeader(ctx.world, link, { mode: !!opts.linkOnly, details: ctx.opts.details, family: opts.linkOnly ? undefined : family }, ctx.ns);
    const lines = [header];
    if (family === undefined || opts.linkOnly) lines.push(linkAddressLine(ctx.world, ctx.ns, link, ctx.opts.details));
    if (!opts.linkOnly) for (const addr of addrs) lines.push(addrLines(addr, ctx.world.clock.now()));
    if (ctx.opts.oneline) ctx.line(lines.join('\\'));
    else for (const l of lines) ctx.line(l);
  }
}

interface AddrSpec {
  local?: ParsedPrefix;
  localText?: string;
  dev?: string;
  label?: string;
  broadcast?: number | '+' | '-';
  scope?: Scope;
}

function parseAddrSpec(ctx: IpContext, args: Args): AddrSpec {
  const spec: AddrSpec = {};
  while (!args.done) {
    const word = args.take();
    if (matches(word, 'broadcast') || word === 'brd') {
      const v = args.next();
      if (spec.broadcast !== undefined) throw duparg('broadcast', v);
      spec.broadcast = v === '+' || v === '-' ? v : getAddr(v, ctx.opts.family);
    } else if (word === 'scope') {
      const v = args.next();
      const scope = ({ host: 'host', link: 'link', global: 'global', universe: 'global', '0': 'global', '253': 'link', '254': 'host' } as Record<string, Scope>)[v];
      if (!scope) throw invarg('invalid scope value.', v);
      spec.scope = scope;
    } else if (word === 'dev') spec.dev = args.next();
    else if (word === 'label') spec.label = args.next();
    else if (matches(word, 'valid_lft') || matches(word, 'preferred_lft') || matches(word, 'metric') || word === 'anycast' || word === 'peer' || word === 'remote') args.next();
    else if (['noprefixroute', 'nodad', 'home', 'mngtmpaddr', 'autojoin', 'optimistic'].includes(word)) continue;
    else {
      let text = word;
      if (word === 'local') text = args.next();
      if (matches(text, 'help')) throw new IpError(ADDR_USAGE, 255);
      if (spec.local) throw duparg2('local', text);
      spec.local = getPrefix(text, ctx.opts.family);
      spec.localText = text;
    }
  }
  return spec;
}

function requireDev(ctx: IpContext, spec: AddrSpec): Link {
  if (spec.dev === undefined) throw new IpError('Not enough information: "dev" argument is required.', 1);
  if (spec.label !== undefined && !(spec.label === spec.dev || spec.label.startsWith(spec.dev + ':'))) {
    throw new IpError(`"label" (${spec.label}) must match "dev" (${spec.dev}) or be prefixed by "dev" with a colon.`, 1);
  }
  return ctx.device(spec.dev);
}

function addAddr(ctx: IpContext, args: Args, sub: string): void {
  const spec = parseAddrSpec(ctx, args);
  const link = requireDev(ctx, spec);
  if (!spec.local) throw new IpError('Not enough information: "local" argument is required.', 1);
  if (spec.local.v6) return addAddr6(ctx, link, spec.local);
  const { addr, len } = spec.local;
  const broadcast = spec.broadcast === '+' ? broadcastOf(addr, len) : typeof spec.broadcast === 'number' ? spec.broadcast : null;
  const existing = addrs4Of(ctx.ns, link).find((a) => a.local === addr && a.prefixLen === len);
  if (existing && !matches(sub, 'add')) {
    existing.broadcast = broadcast;
    existing.scope = spec.scope ?? existing.scope;
    ctx.world.changed();
    return;
  }
  const result = addAddr4(ctx.world, ctx.ns, link, { local: addr, prefixLen: len, broadcast, scope: spec.scope ?? defaultScope(addr), label: spec.label ?? link.name });
  if (!result.ok) throw result.error === 'exists' ? kernelError('ipv4: Address already assigned.') : rtnl('Invalid argument');
}

/** Addresses in 127.0.0.0/8 get host scope by default, as iproute2 decides. */
function defaultScope(addr: number): Scope {
  return addr >>> 24 === 127 ? 'host' : 'global';
}

function addAddr6(ctx: IpContext, link: Link, prefix: ParsedPrefix): void {
  const text = prefix.v6!.text;
  if (ctx.ns.addrs.some((a) => a.family === 6 && a.linkId === link.id && a.local === text)) throw rtnl('File exists');
  ctx.ns.addrs.push({ family: 6, linkId: link.id, local: text, prefixLen: prefix.len, scope: text.startsWith('fe80') ? 'link' : 'global' });
  ctx.world.changed();
}

function delAddr(ctx: IpContext, args: Args): void {
  const spec = parseAddrSpec(ctx, args);
  const link = requireDev(ctx, spec);
  if (!spec.local) {
    // Without an address the first IPv4 address goes (old ifconfig-style behaviour).
    const first = addrs4Of(ctx.ns, link)[0];
    if (!first) throw kernelError('ipv4: Address not found.');
    return delAddr4(ctx.world, ctx.ns, link, first);
  }
  if (spec.local.v6) {
    const before = ctx.ns.addrs.length;
    ctx.ns.addrs = ctx.ns.addrs.filter((a) => !(a.family === 6 && a.linkId === link.id && a.local === spec.local!.v6!.text));
    if (ctx.ns.addrs.length === before) throw rtnl('Cannot assign requested address');
    return;
  }
  const { addr, len, hasLen } = spec.local;
  if (!hasLen) {
    ctx.warn(
      `Warning: Executing wildcard deletion to stay compatible with old scripts.\n` +
        `         Explicitly specify the prefix length (${spec.localText}/32) to avoid this warning.\n` +
        `         This special behaviour is likely to disappear in further releases,\n` +
        `         fix your scripts!`,
    );
  }
  const victim = addrs4Of(ctx.ns, link).find((a) => a.local === addr && (!hasLen || a.prefixLen === len));
  if (!victim) throw kernelError('ipv4: Address not found.');
  delAddr4(ctx.world, ctx.ns, link, victim);
}

function flushAddrs(ctx: IpContext, args: Args): void {
  if (args.done) throw new IpError('Flush requires arguments.', 255);
  const filter = parseShowFilter(ctx, args);
  for (const link of linksIn(ctx.world, ctx.ns.id)) {
    if (!filter(link)) continue;
    const family = ctx.opts.family;
    if (family !== 6) for (const a of [...addrs4Of(ctx.ns, link)].reverse()) if (ctx.ns.addrs.includes(a)) delAddr4(ctx.world, ctx.ns, link, a);
    if (family !== 4) ctx.ns.addrs = ctx.ns.addrs.filter((a) => !(a.family === 6 && a.linkId === link.id && a.scope !== 'host'));
  }
  ctx.world.changed();
}

export function addrMatches(a: Addr4, net: number, len: number): boolean {
  return inPrefix(a.local, net, len);
}

void formatIpv4;

export const ADDR_USAGE = `Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]
                                                      [ CONFFLAG-LIST ]
       ip address del IFADDR dev IFNAME [mngtmpaddr]
       ip address {save|flush} [ dev IFNAME ] [ scope SCOPE-ID ]
                            [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [up]
       ip address [ show [ dev IFNAME ] [ scope SCOPE-ID ] [ master DEVICE ]
                         [ nomaster ]
                         [ type TYPE ] [ to PREFIX ] [ FLAG-LIST ]
                         [ label LABEL ] [up] [ vrf NAME ]
                         [ proto ADDRPROTO ] ]
       ip address {showdump|restore}
IFADDR := PREFIX | ADDR peer PREFIX
          [ broadcast ADDR ] [ anycast ADDR ]
          [ label IFNAME ] [ scope SCOPE-ID ] [ metric METRIC ]
          [ proto ADDRPROTO ]
SCOPE-ID := [ host | link | global | NUMBER ]
FLAG-LIST := [ FLAG-LIST ] FLAG
FLAG  := [ permanent | dynamic | secondary | primary |
           [-]tentative | [-]deprecated | [-]dadfailed | temporary |
           CONFFLAG-LIST ]
CONFFLAG-LIST := [ CONFFLAG-LIST ] CONFFLAG
CONFFLAG  := [ home | nodad | mngtmpaddr | noprefixroute | autojoin ]
LIFETIME := [ valid_lft LFT ] [ preferred_lft LFT ]
LFT := forever | SECONDS
ADDRPROTO := [ NAME | NUMBER ]
TYPE := { amt | bareudp | bond | bond_slave | bridge | bridge_slave |
          dsa | dummy | erspan | geneve | gre | gretap | gtp | ifb |
          ip6erspan | ip6gre | ip6gretap | ip6tnl |
          ipip | ipoib | ipvlan | ipvtap |
          macsec | macvlan | macvtap |
          netdevsim | nlmon | rmnet | sit | team | team_slave |
          vcan | veth | vlan | vrf | vti | vxcan | vxlan | wwan |
          xfrm }`;
