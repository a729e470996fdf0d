/** `ip route`: show, add, replace, change, del, flush, get. */
import { addrs4Of, primaryAddr } from '../../engine/net/addr';
import { formatIpv4, inPrefix, networkOf } from '../../engine/net/ipv4';
import { hasCarrier, linksIn } from '../../engine/net/links';
import { compareRoutes, lookupRoute, makeRoute, routeAdds, sameKey } from '../../engine/net/route';
import { TABLE_LOCAL, TABLE_MAIN, type Link, type Route, type RouteType, type Scope } from '../../engine/net/types';
import { Args, duparg2, invarg, IpError, matches, rtnl } from './args';
import type { IpContext } from './context';
import { getAddr, getPrefix } from './prefix';
import { routeLine } from './print-route';

export function doRoute(ctx: IpContext, argv: string[]): void {
  const args = new Args(argv);
  if (args.done) return showRoutes(ctx, args);
  const sub = args.take();
  if (matches(sub, 'add')) return modifyRoute(ctx, args, 'add');
  if (matches(sub, 'change')) return modifyRoute(ctx, args, 'change');
  if (matches(sub, 'replace')) return modifyRoute(ctx, args, 'replace');
  if (matches(sub, 'delete')) return deleteRoute(ctx, args);
  if (matches(sub, 'show') || matches(sub, 'list') || matches(sub, 'lst')) return showRoutes(ctx, args);
  if (matches(sub, 'get')) return getRoute(ctx, args);
  if (matches(sub, 'flush')) return flushRoutes(ctx, args);
  if (matches(sub, 'help')) throw new IpError(ROUTE_USAGE, 255);
  throw new IpError(`Command "${sub}" is unknown, try "ip route help".`, 255);
}

const TYPES: RouteType[] = ['unicast', 'local', 'broadcast', 'unreachable', 'blackhole', 'prohibit'];
const PROTOS = ['kernel', 'boot', 'static', 'dhcp', 'redirect', 'ra', 'bird', 'zebra'];

interface RouteSpec {
  dst?: { addr: number; len: number };
  type?: RouteType;
  via?: number;
  dev?: string;
  src?: number;
  metric?: number;
  table?: number;
  proto?: string;
  scope?: Scope;
  onlink?: boolean;
}

function parseTable(v: string): number {
  const named: Record<string, number> = { main: TABLE_MAIN, local: TABLE_LOCAL, default: 253, all: 0 };
  if (named[v] !== undefined) return named[v]!;
  if (/^\d+$/.test(v) && Number(v) < 2 ** 32) return Number(v);
  throw invarg('"table" value is invalid\n', v);
}

function parseRouteSpec(ctx: IpContext, args: Args): RouteSpec {
  const spec: RouteSpec = {};
  while (!args.done) {
    const word = args.take();
    if (word === 'src') spec.src = getAddr(args.next(), ctx.opts.family);
    else if (word === 'via') {
      let v = args.next();
      if (v === 'inet') v = args.next();
      spec.via = getAddr(v, ctx.opts.family);
    } else if (word === 'dev' || word === 'oif') spec.dev = args.next();
    else if (matches(word, 'metric') || matches(word, 'priority') || word === 'preference') {
      const v = args.next();
      if (!/^\d+$/.test(v) || Number(v) >= 2 ** 32) throw invarg('"metric" value is invalid\n', v);
      spec.metric = Number(v);
    } else if (matches(word, 'table')) spec.table = parseTable(args.next());
    else if (matches(word, 'protocol')) {
      const v = args.next();
      if (!PROTOS.includes(v) && !/^\d+$/.test(v)) throw invarg('"protocol" value is invalid\n', v);
      spec.proto = v;
    } else if (word === 'scope') {
      const v = args.next();
      const scope = ({ host: 'host', link: 'link', global: 'global', universe: 'global' } as Record<string, Scope>)[v];
      if (!scope) throw invarg('invalid "scope" value\n', v);
      spec.scope = scope;
    } else if (word === 'onlink') spec.onlink = true;
    else if (['mtu', 'advmss', 'initcwnd', 'initrwnd', 'realm', 'realms', 'expires', 'tos', 'dsfield', 'from', 'hoplimit', 'window', 'rtt', 'rttvar', 'quickack', 'congctl', 'features'].includes(word)) args.next();
    else {
      let text = word;
      if (text === 'to') text = args.next();
      if (!/^[0-9]/.test(text) && (TYPES as string[]).includes(text)) {
        spec.type = text as RouteType;
        text = args.next();
      }
      if (matches(text, 'help')) throw new IpError(ROUTE_USAGE, 255);
      if (spec.dst) throw duparg2('to', text);
      const p = getPrefix(text, ctx.opts.family);
      if (p.v6) throw new IpError('Vethlab simulates IPv4 routes only', 1);
      spec.dst = { addr: p.addr, len: p.len };
    }
  }
  return spec;
}

/** fib_check_nh: the gateway must sit on a connected (link-scope) route of an up device. */
function resolveGateway(ctx: IpContext, via: number, dev: Link | undefined, onlink: boolean): Link {
  if (onlink) {
    if (!dev) throw new IpError('Error: Nexthop device required for onlink.', 2);
    if (!dev.adminUp) throw new IpError('Error: Nexthop device is not up.', 2);
    return dev;
  }
  const local = ctx.ns.addrs.some((a) => a.family === 4 && a.local === via);
  const candidates = ctx.ns.routes.filter(
    (r) => r.table === TABLE_MAIN && r.type === 'unicast' && r.scope === 'link' && r.linkId !== null && inPrefix(via, r.dst, r.len) && ctx.world.state.links[r.linkId]?.adminUp,
  );
  candidates.sort((a, b) => b.len - a.len);
  const hit = candidates[0];
  if (local || !hit) throw new IpError('Error: Nexthop has invalid gateway.', 2);
  const link = ctx.world.link(hit.linkId!);
  if (dev && dev.id !== link.id) throw new IpError('Error: Nexthop has invalid gateway.', 2);
  return link;
}

function buildRoute(ctx: IpContext, spec: RouteSpec): Route {
  const dst = spec.dst!;
  if (networkOf(dst.addr, dst.len) !== dst.addr) throw new IpError('Error: Invalid prefix for given prefix length.', 2);
  const dev = spec.dev === undefined ? undefined : ctx.device(spec.dev);
  const type = spec.type ?? 'unicast';
  const table = spec.table ?? (type === 'local' || type === 'broadcast' ? TABLE_LOCAL : TABLE_MAIN);
  if (type === 'unicast' || type === 'local' || type === 'broadcast') {
    if (spec.via === undefined && !dev) throw rtnl('No such device');
    if (dev && !dev.adminUp && !spec.onlink) throw new IpError('Error: Nexthop device is not up.', 2);
  }
  const link = spec.via !== undefined ? resolveGateway(ctx, spec.via, dev, !!spec.onlink) : dev;
  const scope = spec.scope ?? (type === 'local' ? 'host' : spec.via === undefined && type === 'unicast' ? 'link' : 'global');
  return makeRoute({
    table,
    type,
    dst: dst.addr,
    len: dst.len,
    gateway: spec.via ?? null,
    linkId: type === 'unreachable' || type === 'blackhole' || type === 'prohibit' ? null : link?.id ?? null,
    proto: spec.proto ?? 'boot',
    scope,
    src: spec.src ?? null,
    metric: spec.metric ?? null,
    onlink: !!spec.onlink,
  });
}

function modifyRoute(ctx: IpContext, args: Args, mode: 'add' | 'change' | 'replace'): void {
  const spec = parseRouteSpec(ctx, args);
  if (!spec.dst) throw new IpError(ROUTE_USAGE, 255);
  if (spec.src !== undefined && !ctx.ns.addrs.some((a) => a.family === 4 && a.local === spec.src)) {
    throw new IpError('Error: Invalid source address.', 2);
  }
  const route = buildRoute(ctx, spec);
  const existing = ctx.ns.routes.findIndex((r) => sameKey(r, route));
  if (mode === 'add' && existing >= 0) throw rtnl('File exists');
  if (mode === 'change' && existing < 0) throw rtnl('No such file or directory');
  if (existing >= 0) ctx.ns.routes.splice(existing, 1, route);
  else {
    ctx.ns.routes.push(route);
    routeAdds.count++;
  }
  ctx.world.changed();
}

function deleteRoute(ctx: IpContext, args: Args): void {
  const spec = parseRouteSpec(ctx, args);
  if (!spec.dst) throw new IpError(ROUTE_USAGE, 255);
  const dev = spec.dev === undefined ? undefined : ctx.device(spec.dev);
  const table = spec.table ?? TABLE_MAIN;
  const victim = ctx.ns.routes.find(
    (r) =>
      r.table === table &&
      r.dst === spec.dst!.addr &&
      r.len === spec.dst!.len &&
      (spec.via === undefined || r.gateway === spec.via) &&
      (!dev || r.linkId === dev.id) &&
      (spec.metric === undefined || (r.metric ?? 0) === spec.metric) &&
      (spec.type === undefined || r.type === spec.type),
  );
  if (!victim) throw rtnl('No such process');
  ctx.ns.routes = ctx.ns.routes.filter((r) => r !== victim);
  ctx.world.changed();
}

interface ShowFilter {
  table: number;
  dev?: Link;
  root?: { addr: number; len: number };
  proto?: string;
  scope?: Scope;
  type?: RouteType;
}

function parseShowFilter(ctx: IpContext, args: Args): ShowFilter {
  const filter: ShowFilter = { table: TABLE_MAIN };
  while (!args.done) {
    const word = args.take();
    if (matches(word, 'table')) filter.table = parseTable(args.next());
    else if (word === 'dev' || word === 'oif') filter.dev = ctx.device(args.next());
    else if (matches(word, 'protocol')) filter.proto = args.next();
    else if (word === 'scope') filter.scope = args.next() as Scope;
    else if (word === 'type') filter.type = args.next() as RouteType;
    else if (word === 'cache') continue;
    else {
      let text = word;
      if (['to', 'root', 'match', 'exact'].includes(text)) text = args.next();
      const p = getPrefix(text, ctx.opts.family);
      filter.root = { addr: p.addr, len: p.len };
    }
  }
  return filter;
}

function selectRoutes(ctx: IpContext, filter: ShowFilter): Route[] {
  return ctx.ns.routes
    .filter(
      (r) =>
        (filter.table === 0 || r.table === filter.table) &&
        (!filter.dev || r.linkId === filter.dev.id) &&
        (!filter.proto || r.proto === filter.proto) &&
        (!filter.scope || r.scope === filter.scope) &&
        (!filter.type || r.type === filter.type) &&
        (!filter.root || (r.dst === networkOf(filter.root.addr, filter.root.len) && r.len === filter.root.len)),
    )
    .sort((a, b) => (filter.table === 0 ? tableOrder(a) - tableOrder(b) : 0) || compareRoutes(a, b));
}

function tableOrder(r: Route): number {
  return r.table === TABLE_MAIN ? 0 : r.table === TABLE_LOCAL ? 2 : 1;
}

function showRoutes(ctx: IpContext, args: Args): void {
  if (ctx.opts.family === 6) return showRoutes6(ctx);
  const filter = parseShowFilter(ctx, args);
  for (const route of selectRoutes(ctx, filter)) ctx.line(routeLine(ctx.world, route, { showTable: filter.table === 0, showDev: !filter.dev }));
}

/** IPv6 is not routed by the simulator; its kernel routes follow the link-local addresses. */
function showRoutes6(ctx: IpContext): void {
  for (const link of linksIn(ctx.world, ctx.ns.id)) {
    for (const a of ctx.ns.addrs) {
      if (a.family !== 6 || a.linkId !== link.id || a.scope !== 'link') continue;
      ctx.line(`fe80::/64 dev ${link.name} proto kernel metric 256 ${isLinkdown6(ctx, link) ? 'linkdown ' : ''}pref medium`);
    }
  }
}

function isLinkdown6(ctx: IpContext, link: Link): boolean {
  return !hasCarrier(ctx.world, link);
}

function flushRoutes(ctx: IpContext, args: Args): void {
  if (args.done) throw new IpError('"ip route flush" requires arguments.', 255);
  if (args.peek() === 'cache') return;
  const filter = parseShowFilter(ctx, args);
  const doomed = new Set(selectRoutes(ctx, filter));
  ctx.ns.routes = ctx.ns.routes.filter((r) => !doomed.has(r));
  ctx.world.changed();
}

/** `ip route get ADDR`: the route the kernel would use, with the source it would pick. */
function getRoute(ctx: IpContext, args: Args): void {
  let target: number | undefined;
  let from: number | undefined;
  let oif: Link | undefined;
  while (!args.done) {
    const word = args.take();
    if (word === 'from') from = getAddr(args.next(), ctx.opts.family);
    else if (word === 'oif' || word === 'dev') oif = ctx.device(args.next());
    else if (word === 'iif' || word === 'mark' || word === 'tos' || word === 'uid' || word === 'ipproto' || word === 'dport' || word === 'sport') args.next();
    else if (word === 'connected' || word === 'fibmatch') continue;
    else {
      const text = word === 'to' ? args.next() : word;
      target = getPrefix(text, ctx.opts.family).addr;
    }
  }
  if (target === undefined) throw new IpError('need at least a destination address', 1);
  const route = lookupRoute(ctx.world, ctx.ns, target, oif?.id);
  if (!route || route.type === 'unreachable' || route.type === 'blackhole' || route.type === 'prohibit') {
    const reason = route?.type === 'blackhole' ? 'Invalid argument' : route?.type === 'prohibit' ? 'Permission denied' : route ? 'No route to host' : 'Network is unreachable';
    throw rtnl(reason);
  }
  const link = route.linkId === null ? undefined : ctx.world.state.links[route.linkId];
  const src = from ?? route.src ?? (link ? primaryAddr(ctx.ns, link)?.local : undefined) ?? firstAddr(ctx);
  if (route.type === 'local') {
    ctx.line(`local ${formatIpv4(target)} dev lo ${from !== undefined ? `from ${formatIpv4(from)} ` : ''}src ${formatIpv4(src ?? target)} uid 0 `);
    ctx.line('    cache <local> ');
    return;
  }
  if (route.type === 'broadcast') {
    ctx.line(`broadcast ${formatIpv4(target)} dev ${link?.name} src ${formatIpv4(src ?? 0)} uid 0 `);
    ctx.line('    cache <local,brd> ');
    return;
  }
  let line = `${formatIpv4(target)} `;
  if (from !== undefined) line += `from ${formatIpv4(from)} `;
  if (route.gateway !== null) line += `via ${formatIpv4(route.gateway)} `;
  line += `dev ${link?.name} `;
  if (src !== undefined && from === undefined) line += `src ${formatIpv4(src)} `;
  line += 'uid 0 ';
  ctx.line(line);
  ctx.line('    cache ');
}

function firstAddr(ctx: IpContext): number | undefined {
  for (const link of linksIn(ctx.world, ctx.ns.id)) {
    const a = addrs4Of(ctx.ns, link).find((x) => x.scope === 'global');
    if (a) return a.local;
  }
  return undefined;
}

export const ROUTE_USAGE = `Usage: ip route { list | flush } SELECTOR
       ip route save SELECTOR
       ip route restore
       ip route showdump
       ip route get [ ROUTE_GET_FLAGS ] ADDRESS
                            [ from ADDRESS iif STRING ]
                            [ oif STRING ] [ tos TOS ]
                            [ mark NUMBER ] [ vrf NAME ]
                            [ uid NUMBER ] [ ipproto PROTOCOL ]
                            [ sport NUMBER ] [ dport NUMBER ]
                            [ as ADDRESS ]
       ip route { add | del | change | append | replace } ROUTE
SELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ]
            [ table TABLE_ID ] [ vrf NAME ] [ proto RTPROTO ]
            [ type TYPE ] [ scope SCOPE ]
ROUTE := NODE_SPEC [ INFO_SPEC ]
NODE_SPEC := [ TYPE ] PREFIX [ tos TOS ]
             [ table TABLE_ID ] [ proto RTPROTO ]
             [ scope SCOPE ] [ metric METRIC ]
             [ ttl-propagate { enabled | disabled } ]
INFO_SPEC := { NH | nhid ID } OPTIONS FLAGS [ nexthop NH ]...
NH := [ encap ENCAPTYPE ENCAPHDR ] [ via [ FAMILY ] ADDRESS ]
	    [ dev STRING ] [ weight NUMBER ] NHFLAGS
FAMILY := [ inet | inet6 | mpls | bridge | link ]
OPTIONS := FLAGS [ mtu NUMBER ] [ advmss NUMBER ] [ as [ to ] ADDRESS ]
           [ rtt TIME ] [ rttvar TIME ] [ reordering NUMBER ]
           [ window NUMBER ] [ cwnd NUMBER ] [ initcwnd NUMBER ]
           [ ssthresh NUMBER ] [ realms REALM ] [ src ADDRESS ]
           [ rto_min TIME ] [ hoplimit NUMBER ] [ initrwnd NUMBER ]
           [ features FEATURES ] [ quickack BOOL ] [ congctl NAME ]
           [ pref PREF ] [ expires TIME ] [ fastopen_no_cookie BOOL ]
TYPE := { unicast | local | broadcast | multicast | throw |
          unreachable | prohibit | blackhole | nat }
TABLE_ID := [ local | main | default | all | NUMBER ]
SCOPE := [ host | link | global | NUMBER ]
NHFLAGS := [ onlink | pervasive ]
RTPROTO := [ kernel | boot | static | NUMBER ]
PREF := [ low | medium | high ]
TIME := NUMBER[s|ms]
BOOL := [1|0]
FEATURES := ecn
ENCAPTYPE := [ mpls | ip | ip6 | seg6 | seg6local | rpl | ioam6 ]
ENCAPHDR := [ MPLSLABEL | SEG6HDR | SEG6LOCAL | IOAM6HDR ]
SEG6HDR := [ mode SEGMODE ] segs ADDR1,ADDRi,ADDRn [hmac HMACKEYID] [cleanup]
SEGMODE := [ encap | inline ]
SEG6LOCAL := action ACTION [ OPTIONS ] [ count ]
ACTION := { End | End.X | End.T | End.DX2 | End.DX6 | End.DX4 |
            End.DT6 | End.DT4 | End.DT46 | End.B6 | End.B6.Encaps |
            End.BM | End.S | End.AS | End.AM | End.BPF }
OPTIONS := OPTION [ OPTIONS ]
OPTION := { srh SEG6HDR | nh4 ADDR | nh6 ADDR | iif DEV | oif DEV |
            table TABLEID | vrftable TABLEID | endpoint PROGNAME }
IOAM6HDR := trace prealloc type IOAM6_TRACE_TYPE ns IOAM6_NAMESPACE size IOAM6_TRACE_SIZE
ROUTE_GET_FLAGS := [ fibmatch ]`;
