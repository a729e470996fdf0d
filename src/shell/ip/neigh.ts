/** `ip neigh`: the ARP cache of a namespace (show, add, replace, change, del, flush). */
import { formatIpv4 } from '../../engine/net/ipv4';
import { refreshNeighbours } from '../../engine/packet/arp';
import { neighbourAdds } from '../../engine/net/neigh';
import type { Link, Neigh, NeighState } from '../../engine/net/types';
import { Args, invarg, IpError, matches, rtnl } from './args';
import type { IpContext } from './context';
import { getAddr, parseLladdr } from './prefix';

export function doNeigh(ctx: IpContext, argv: string[]): void {
  const args = new Args(argv);
  if (args.done) return showNeigh(ctx, args, false);
  const sub = args.take();
  if (matches(sub, 'add')) return modifyNeigh(ctx, args, 'add');
  if (matches(sub, 'change') || sub === 'chg') return modifyNeigh(ctx, args, 'change');
  if (matches(sub, 'replace')) return modifyNeigh(ctx, args, 'replace');
  if (matches(sub, 'delete')) return deleteNeigh(ctx, args);
  if (matches(sub, 'show') || matches(sub, 'list') || matches(sub, 'lst')) return showNeigh(ctx, args, false);
  if (matches(sub, 'flush')) return showNeigh(ctx, args, true);
  if (matches(sub, 'help')) throw new IpError(NEIGH_USAGE, 255);
  throw new IpError(`Command "${sub}" is unknown, try "ip neigh help".`, 255);
}

export function neighLine(ctx: IpContext, n: Neigh, showDev: boolean): string {
  const link = ctx.world.state.links[n.linkId];
  let line = `${formatIpv4(n.ip)} `;
  if (showDev && link) line += `dev ${link.name} `;
  if (n.mac) line += `lladdr ${n.mac} `;
  return line + `${n.state} `;
}

function showNeigh(ctx: IpContext, args: Args, flush: boolean): void {
  // Timers (REACHABLE -> STALE, INCOMPLETE -> FAILED) run as simulated time passes.
  refreshNeighbours(ctx.world, ctx.ns);
  let dev: Link | undefined;
  let states: NeighState[] | undefined;
  let to: number | undefined;
  while (!args.done) {
    const word = args.take();
    if (word === 'dev') dev = ctx.device(args.next());
    else if (word === 'nud') {
      const v = args.next().toUpperCase();
      states = v === 'ALL' ? undefined : [v as NeighState];
    } else if (word === 'all') continue;
    else if (word === 'proxy' || word === 'unused') continue;
    else to = getAddr(word === 'to' ? args.next() : word, ctx.opts.family);
  }
  if (flush && !dev && to === undefined && !states) {
    if (args.done && !dev) {
      // `ip neigh flush` with no selector is refused like iproute2.
    }
  }
  const shown = ctx.ns.neigh.filter(
    (n) =>
      (!dev || n.linkId === dev.id) &&
      (to === undefined || n.ip === to) &&
      (states ? states.includes(n.state) : flush ? n.state !== 'PERMANENT' && n.state !== 'NOARP' : n.state !== 'NOARP'),
  );
  if (flush) {
    ctx.ns.neigh = ctx.ns.neigh.filter((n) => !shown.includes(n));
    ctx.world.changed();
    return;
  }
  // The kernel's dump order as recorded: by address.
  for (const n of [...shown].sort((a, b) => a.ip - b.ip)) ctx.line(neighLine(ctx, n, !dev));
}

const NUD: Record<string, NeighState> = {
  permanent: 'PERMANENT',
  reachable: 'REACHABLE',
  stale: 'STALE',
  noarp: 'NOARP',
  delay: 'DELAY',
  probe: 'PROBE',
  failed: 'FAILED',
  incomplete: 'INCOMPLETE',
};

function parseNeighSpec(ctx: IpContext, args: Args): { ip?: number; mac?: string; dev?: string; state: NeighState } {
  const spec: { ip?: number; mac?: string; dev?: string; state: NeighState } = { state: 'PERMANENT' };
  while (!args.done) {
    const word = args.take();
    if (word === 'lladdr') {
      spec.mac = parseLladdr(args.next());
    } else if (word === 'nud') {
      const v = args.next();
      const state = NUD[v];
      if (!state) throw invarg('nud state is bad', v);
      spec.state = state;
    } else if (word === 'dev') spec.dev = args.next();
    else if (word === 'router' || word === 'proxy' || word === 'extern_learn') continue;
    else spec.ip = getAddr(word === 'to' ? args.next() : word, ctx.opts.family);
  }
  return spec;
}

function modifyNeigh(ctx: IpContext, args: Args, mode: 'add' | 'change' | 'replace'): void {
  const spec = parseNeighSpec(ctx, args);
  if (spec.dev === undefined || spec.ip === undefined) throw new IpError('Device and destination are required arguments.', 255);
  const link = ctx.device(spec.dev);
  if (!spec.mac && spec.state !== 'NOARP' && spec.state !== 'INCOMPLETE' && spec.state !== 'FAILED') throw new IpError('Error: No link layer address given.', 2);
  const existing = ctx.ns.neigh.find((n) => n.linkId === link.id && n.ip === spec.ip);
  if (existing && mode === 'add') throw rtnl('File exists');
  if (!existing && mode === 'change') throw rtnl('No such file or directory');
  const entry: Neigh = { linkId: link.id, ip: spec.ip, mac: spec.mac ?? null, state: spec.state, confirmedAt: ctx.world.clock.now() };
  if (existing) Object.assign(existing, entry);
  else {
    ctx.ns.neigh.push(entry);
    neighbourAdds.count++;
  }
  ctx.world.changed();
}

function deleteNeigh(ctx: IpContext, args: Args): void {
  const spec = parseNeighSpec(ctx, args);
  if (spec.dev === undefined || spec.ip === undefined) throw new IpError('Device and destination are required arguments.', 255);
  const link = ctx.device(spec.dev);
  const before = ctx.ns.neigh.length;
  ctx.ns.neigh = ctx.ns.neigh.filter((n) => !(n.linkId === link.id && n.ip === spec.ip));
  if (ctx.ns.neigh.length === before) throw rtnl('No such file or directory');
  ctx.world.changed();
}

export const NEIGH_USAGE = `Usage: ip neigh { add | del | change | replace }
		{ ADDR [ lladdr LLADDR ] [ nud STATE ] proxy ADDR }
		[ dev DEV ] [ router ] [ use ] [ managed ] [ extern_learn ]
		[ protocol PROTO ]

	ip neigh { show | flush } [ proxy ] [ to PREFIX ] [ dev DEV ] [ nud STATE ]
				  [ vrf NAME ] [ nomaster ]
	ip neigh get { ADDR | proxy ADDR } dev DEV

STATE := { delay | failed | incomplete | noarp | none |
           permanent | probe | reachable | stale }`;
