/** net-tools route: the main routing table as /proc/net/route shows it; route add/del via SIOCADDRT. */
import { formatIpv4, inPrefix, maskToPrefix, networkOf, prefixMask } from '../../engine/net/ipv4';
import { linkByName } from '../../engine/net/links';
import { compareRoutes, insertRoute, makeRoute, sameKey } from '../../engine/net/route';
import { TABLE_MAIN, type Link, type Netns, type Route } from '../../engine/net/types';
import { Output, type CommandFn, type ShellContext, success } from '../types';
import { lookupHost4 as lookupHost, reverseLookup } from './resolve';

const E_SOCK = 7;
const E_USAGE = 3;

export const ROUTE_USAGE = `Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables
       route [-v] [-FC] {add|del|flush} ...  Modify routing table for AF.

       route {-h|--help} [<AF>]              Detailed usage syntax for specified AF.
       route {-V|--version}                  Display version/author and exit.

        -v, --verbose            be verbose
        -n, --numeric            don't resolve names
        -e, --extend             display other/more information
        -F, --fib                display Forwarding Information Base (default)
        -C, --cache              display routing cache instead of FIB

  <AF>=Use -4, -6, '-A <af>' or '--<af>'; default: inet
  List of possible address families (which support routing):
    inet (DARPA Internet) inet6 (IPv6) ax25 (AMPR AX.25) 
    netrom (AMPR NET/ROM) rose (AMPR ROSE) ipx (Novell IPX) 
    ddp (Appletalk DDP) x25 (CCITT X.25) 
`;

export const route: CommandFn = (argv, ctx) => {
  let numeric = false;
  let extend = 0;
  const rest: string[] = [];
  for (const a of argv.slice(1)) {
    if (a === '--numeric') numeric = true;
    else if (a === '--extend') extend++;
    else if (a === '-4' || a === '--inet' || a === '-F' || a === '--fib') continue;
    else if (a.startsWith('-') && a.length > 1 && !/^-(net|host)$/.test(a) && rest.length === 0) {
      for (const f of a.slice(1)) {
        if (f === 'n') numeric = true;
        else if (f === 'e') extend++;
        else if (f === 'v' || f === 'N' || f === 'F') continue;
        else return { stdout: ROUTE_USAGE, stderr: `route: invalid option -- '${f}'\n`, exitCode: E_USAGE };
      }
    } else rest.push(a);
  }
  if (rest.length === 0) return show(ctx, numeric, extend > 0);
  if (rest[0] === 'add' || rest[0] === 'del') return modify(ctx, rest[0], rest.slice(1));
  return { stdout: ROUTE_USAGE, stderr: '', exitCode: E_USAGE };
};

/** RTF_* flags as net-tools letters. */
function flagsOf(r: Route): string {
  if (r.type === 'unreachable' || r.type === 'prohibit') return r.len === 32 ? '!H' : '!';
  return 'U' + (r.gateway !== null ? 'G' : '') + (r.len === 32 ? 'H' : '');
}

function pad(text: string, width: number): string {
  return text.padEnd(width);
}

/** INET_rresolve: "default", /etc/networks names, host names from /etc/hosts, else the number. */
function rresolve(ctx: ShellContext, addr: number, len: number, numeric: boolean, isGateway: boolean): string {
  if (numeric) return formatIpv4(addr);
  if (addr === 0) return isGateway ? '0.0.0.0' : 'default';
  if (!isGateway && len < 32 && networkOf(addr, len) === addr) return addr === 0xa9fe0000 ? 'link-local' : formatIpv4(addr);
  return reverseLookup(ctx, addr) ?? formatIpv4(addr);
}

export function show(ctx: ShellContext, numeric: boolean, extend: boolean): ReturnType<CommandFn> {
  const out = new Output();
  out.line('Kernel IP routing table');
  out.line(extend ? 'Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface' : 'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface');
  const routes = ctx.ns.routes.filter((r) => r.table === TABLE_MAIN && r.type !== 'broadcast' && r.type !== 'local').sort(compareRoutes);
  for (const r of routes) {
    const link = r.linkId === null ? undefined : ctx.world.state.links[r.linkId];
    const head = `${pad(rresolve(ctx, r.dst, r.len, numeric, false), 15)} ${pad(rresolve(ctx, r.gateway ?? 0, 32, numeric, true), 15)} ${pad(formatIpv4(prefixMask(r.len)), 15)} `;
    const iface = link?.name ?? '*';
    if (extend) out.line(`${head}${pad(flagsOf(r), 6)} ${'0'.padStart(4)} ${pad('0', 6)} ${'0'.padStart(5)} ${iface}`);
    else out.line(`${head}${pad(flagsOf(r), 5)} ${pad(String(r.metric ?? 0), 6)} ${pad('0', 2)} ${'0'.padStart(7)} ${iface}`);
  }
  // /proc/net/route is empty (no header) until the namespace's main table exists.
  return out.done(ctx.ns.routes.length === 0 ? 1 : 0);
}

interface RouteSpec {
  dst: number;
  len: number;
  gateway: number | null;
  metric: number;
  dev: string | null;
}

function parseSpec(ctx: ShellContext, args: string[]): RouteSpec | string {
  let host = false;
  let target: string | undefined;
  let mask: number | null = null;
  const spec: RouteSpec = { dst: 0, len: 32, gateway: null, metric: 0, dev: null };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => args[++i];
    if (a === '-net') host = false;
    else if (a === '-host') host = true;
    else if (a === 'netmask') {
      const m = value();
      const parsed = m === undefined ? null : lookupHost(ctx, m);
      const len = parsed?.ok ? maskToPrefix(parsed.addr) : null;
      if (len === null) return `route: bogus netmask ${m ?? ''}\n`;
      mask = len;
    } else if (a === 'gw' || a === 'gateway') {
      const g = value();
      const parsed = g === undefined ? null : lookupHost(ctx, g);
      if (!parsed?.ok) return `${g ?? ''}: Unknown host\n`;
      spec.gateway = parsed.addr;
    } else if (a === 'metric') spec.metric = Number(value() ?? 0);
    else if (a === 'dev') spec.dev = value() ?? null;
    else if (target === undefined) target = a;
    else spec.dev = a;
  }
  if (target === undefined) return ROUTE_USAGE;
  if (target === 'default') {
    spec.dst = 0;
    spec.len = 0;
    return spec;
  }
  const [addrText, lenText] = target.split('/');
  const parsed = lookupHost(ctx, addrText!);
  if (!parsed.ok) return `${addrText}: Unknown host\n`;
  spec.dst = parsed.addr;
  spec.len = lenText !== undefined ? Number(lenText) : mask ?? (host ? 32 : 32);
  if (!host && mask === null && lenText === undefined) spec.len = 32;
  if (networkOf(spec.dst, spec.len) !== spec.dst) return 'route: netmask doesn\'t match route address\n' + ROUTE_USAGE;
  return spec;
}

/** fib_check_nh: a gateway must be reachable through a connected route on an up link. */
function gatewayLink(ctx: ShellContext, ns: Netns, gw: number, dev: Link | undefined): Link | undefined {
  const connected = ns.routes.find(
    (r) => r.table === TABLE_MAIN && r.gateway === null && r.type === 'unicast' && inPrefix(gw, r.dst, r.len) && (!dev || r.linkId === dev.id) && r.linkId !== null && ctx.world.state.links[r.linkId]?.adminUp,
  );
  return connected?.linkId == null ? undefined : ctx.world.state.links[connected.linkId];
}

function modify(ctx: ShellContext, op: 'add' | 'del', args: string[]): ReturnType<CommandFn> {
  const spec = parseSpec(ctx, args);
  if (typeof spec === 'string') return { stdout: '', stderr: spec, exitCode: E_USAGE };
  const ioctl = op === 'add' ? 'SIOCADDRT' : 'SIOCDELRT';
  const dev = spec.dev === null ? undefined : linkByName(ctx.world, ctx.ns.id, spec.dev);
  if (spec.dev !== null && !dev) return { stdout: '', stderr: `${ioctl}: No such device\n`, exitCode: E_SOCK };
  if (op === 'del') {
    const doomed = ctx.ns.routes.find((r) => r.table === TABLE_MAIN && r.dst === spec.dst && r.len === spec.len && (spec.gateway === null || r.gateway === spec.gateway) && (!dev || r.linkId === dev.id) && (spec.metric === 0 || (r.metric ?? 0) === spec.metric));
    if (!doomed) return { stdout: '', stderr: 'SIOCDELRT: No such process\n', exitCode: E_SOCK };
    ctx.ns.routes = ctx.ns.routes.filter((r) => r !== doomed);
    ctx.world.changed();
    return success();
  }
  let link = dev;
  if (spec.gateway !== null) {
    link = gatewayLink(ctx, ctx.ns, spec.gateway, dev);
    if (!link) return { stdout: '', stderr: 'SIOCADDRT: Network is unreachable\n', exitCode: E_SOCK };
  }
  if (!link) return { stdout: '', stderr: 'SIOCADDRT: No such device\n', exitCode: E_SOCK };
  const r = makeRoute({ dst: spec.dst, len: spec.len, gateway: spec.gateway, linkId: link.id, scope: spec.gateway === null ? 'link' : 'global', metric: spec.metric || null });
  if (ctx.ns.routes.some((x) => sameKey(x, r))) return { stdout: '', stderr: 'SIOCADDRT: File exists\n', exitCode: E_SOCK };
  insertRoute(ctx.ns, r);
  ctx.world.changed();
  return success();
}
