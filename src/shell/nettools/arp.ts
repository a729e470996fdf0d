/** net-tools arp: the namespace's ARP cache (/proc/net/arp) in Linux or BSD style; -s and -d. */
import { formatIpv4 } from '../../engine/net/ipv4';
import { linkByName, linksIn } from '../../engine/net/links';
import { parseMac } from '../../engine/net/mac';
import { findNeigh, isValid, setNeigh } from '../../engine/net/neigh';
import type { Neigh } from '../../engine/net/types';
import { refreshNeighbours, routeFor } from '../../engine/packet/walk';
import { Output, type CommandFn, type ShellContext, success } from '../types';
import { lookupHost4 as lookupHost, reverseLookup } from './resolve';

interface ArpArgs {
  bsd: boolean;
  numeric: boolean;
  verbose: boolean;
  device: string;
  mode: 'show' | 'set' | 'delete';
  rest: string[];
}

const USAGE = `Usage:
  arp [-vn]  [<HW>] [-i <if>] [-a] [<hostname>]             <-Display ARP cache
  arp [-v]          [-i <if>] -d  <host> [pub]               <-Delete ARP entry
  arp [-vnD] [<HW>] [-i <if>] -f  [<filename>]            <-Add entry from file
  arp [-v]   [<HW>] [-i <if>] -s  <host> <hwaddr> [temp]            <-Add entry
  arp [-v]   [<HW>] [-i <if>] -Ds <host> <if> [netmask <nm>] pub          <-''-

        -a                       display (all) hosts in alternative (BSD) style
        -e                       display (all) hosts in default (Linux) style
        -s, --set                set a new ARP entry
        -d, --delete             delete a specified entry
        -v, --verbose            be verbose
        -n, --numeric            don't resolve names
        -i, --device             specify network interface (e.g. eth0)
        -D, --use-device         read <hwaddr> from given device
        -A, -p, --protocol       specify protocol family
        -f, --file               read new entries from file or from /etc/ethers

  <HW>=Use '-H <hw>' to specify hardware address type. Default: ether
  List of possible hardware types (which support ARP):
    ash (Ash) ether (Ethernet) ax25 (AMPR AX.25) 
    netrom (AMPR NET/ROM) rose (AMPR ROSE) arcnet (ARCnet) 
    dlci (Frame Relay DLCI) fddi (Fiber Distributed Data Interface) hippi (HIPPI) 
    irda (IrLAP) x25 (generic X.25) eui64 (Generic EUI-64) 
`;

const LONG: Record<string, string> = { '--numeric': 'n', '--verbose': 'v', '--set': 's', '--delete': 'd', '--device': 'i', '--all': 'a' };

function parseArgs(argv: string[]): ArpArgs | string {
  const args: ArpArgs = { bsd: false, numeric: false, verbose: false, device: '', mode: 'show', rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = LONG[argv[i]!] ? '-' + LONG[argv[i]!] : argv[i]!;
    if (!a.startsWith('-') || a === '-') {
      args.rest.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j]!;
      if (f === 'a') args.bsd = true;
      else if (f === 'e') args.bsd = false;
      else if (f === 'n') args.numeric = true;
      else if (f === 'v') args.verbose = true;
      else if (f === 's') args.mode = 'set';
      else if (f === 'd') args.mode = 'delete';
      else if (f === 'i' || f === 'H' || f === 'A' || f === 'p') {
        const value = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        if (value === undefined) return `arp: option requires an argument -- '${f}'\n${USAGE}`;
        if (f === 'i') args.device = value;
        break;
      } else return `arp: invalid option -- '${f}'\n${USAGE}`;
    }
  }
  return args;
}

export const arp: CommandFn = (argv, ctx) => {
  const args = parseArgs(argv.slice(1));
  if (typeof args === 'string') return { stdout: '', stderr: args, exitCode: 3 };
  if (args.mode === 'set') return setEntry(ctx, args);
  if (args.mode === 'delete') return deleteEntry(ctx, args);
  return show(ctx, args);
};

/** arp_show: every entry of /proc/net/arp, filtered by -i and a host argument. */
function show(ctx: ShellContext, args: ArpArgs): ReturnType<CommandFn> {
  const out = new Output();
  refreshNeighbours(ctx.world, ctx.ns);
  const entries = ctx.ns.neigh.filter((n) => n.state !== 'NOARP' && ctx.world.state.links[n.linkId]);
  let host: number | null = null;
  const hostArg = args.rest[0];
  if (hostArg !== undefined) {
    const found = lookupHost(ctx, hostArg);
    if (!found.ok) return out.err(`${hostArg}: Unknown host`).done(255);
    host = found.addr;
  }
  const shown = entries.filter((n) => (!args.device || ctx.world.state.links[n.linkId]!.name === args.device) && (host === null || n.ip === host));
  let title = false;
  for (const n of shown) {
    if (args.bsd) out.line(bsdLine(ctx, n, args.numeric));
    else {
      if (!title) out.line('Address                  HWtype  HWaddress           Flags Mask            Iface');
      title = true;
      out.line(linuxLine(ctx, n, args.numeric));
    }
  }
  if (args.verbose) out.line(`Entries: ${entries.length}\tSkipped: ${entries.length - shown.length}\tFound: ${shown.length}`);
  if (shown.length === 0) {
    if (host !== null && hostArg !== undefined) out.line(`${hostArg} (${formatIpv4(host)}) -- no entry`);
    else if (args.device) out.line(`arp: in ${entries.length} entries no match found.`);
  }
  return out.done(0);
}

function nameOf(ctx: ShellContext, n: Neigh, numeric: boolean): string | null {
  return numeric ? null : reverseLookup(ctx, n.ip);
}

function flagsOf(n: Neigh): string {
  return (isValid(n.state) ? 'C' : '') + (n.state === 'PERMANENT' ? 'M' : '');
}

function fixed(text: string, width: number): string {
  return text.slice(0, width).padEnd(width);
}

function linuxLine(ctx: ShellContext, n: Neigh, numeric: boolean): string {
  const dev = ctx.world.state.links[n.linkId]!.name;
  const name = nameOf(ctx, n, numeric) ?? formatIpv4(n.ip);
  const complete = isValid(n.state) && n.mac;
  const hw = complete ? fixed('ether', 8) + fixed(n.mac!, 20) : fixed('', 8) + fixed('(incomplete)', 20);
  return `${fixed(name, 23)}  ${hw}${fixed(flagsOf(n), 6)}${fixed('', 15)} ${dev}`;
}

function bsdLine(ctx: ShellContext, n: Neigh, numeric: boolean): string {
  const dev = ctx.world.state.links[n.linkId]!.name;
  const name = nameOf(ctx, n, numeric) ?? '?';
  const complete = isValid(n.state) && n.mac;
  const hw = complete ? `${n.mac} [ether] ` : '<incomplete> ';
  const perm = n.state === 'PERMANENT' ? 'PERM ' : '';
  return `${name} (${formatIpv4(n.ip)}) at ${hw}${perm}on ${dev}`;
}

/** arp -s HOST HWADDR: a permanent entry on the device the route to HOST uses (or -i). */
function setEntry(ctx: ShellContext, args: ArpArgs): ReturnType<CommandFn> {
  const [hostArg, macArg] = args.rest;
  if (hostArg === undefined || macArg === undefined) return { stdout: '', stderr: USAGE, exitCode: 255 };
  const found = lookupHost(ctx, hostArg);
  if (!found.ok) return { stdout: '', stderr: `${hostArg}: Unknown host\n`, exitCode: 255 };
  const mac = parseMac(macArg);
  if (!mac) return { stdout: '', stderr: `arp: invalid hardware address\n`, exitCode: 255 };
  const link = deviceFor(ctx, args.device, found.addr);
  if (typeof link === 'string') return { stdout: '', stderr: link, exitCode: 255 };
  const temp = args.rest.includes('temp');
  setNeigh(ctx.ns, link.id, found.addr, { mac, state: temp ? 'REACHABLE' : 'PERMANENT', now: ctx.world.clock.now(), confirmed: true });
  ctx.world.changed();
  return success();
}

function deviceFor(ctx: ShellContext, device: string, addr: number) {
  if (device) return linkByName(ctx.world, ctx.ns.id, device) ?? `SIOCSARP: No such device\n`;
  const route = routeFor(ctx.world, ctx.ns, addr);
  const link = route.ok && route.route.linkId !== null ? ctx.world.state.links[route.route.linkId] : undefined;
  return link && link.kind !== 'loopback' ? link : `SIOCSARP: Network is unreachable\n`;
}

/** arp -d HOST: removes the entry (arp_invalidate + neigh_remove_one). */
function deleteEntry(ctx: ShellContext, args: ArpArgs): ReturnType<CommandFn> {
  const hostArg = args.rest[0];
  if (hostArg === undefined) return { stdout: '', stderr: USAGE, exitCode: 255 };
  const found = lookupHost(ctx, hostArg);
  if (!found.ok) return { stdout: '', stderr: `${hostArg}: Unknown host\n`, exitCode: 255 };
  const links = args.device ? linksIn(ctx.world, ctx.ns.id).filter((l) => l.name === args.device) : linksIn(ctx.world, ctx.ns.id);
  const entry = links.map((l) => findNeigh(ctx.ns, l.id, found.addr)).find((n) => n !== undefined);
  if (!entry) return { stdout: `No ARP entry for ${hostArg}\n`, stderr: '', exitCode: 255 };
  ctx.ns.neigh = ctx.ns.neigh.filter((n) => n !== entry);
  ctx.world.changed();
  return success();
}
