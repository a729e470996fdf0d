/**
 * `ip tuntap` (iproute2 6.1 ip/iptuntap.c): add, del, show/list. Messages and exit codes as
 * recorded (test/golden/tuntap.txt): the ioctl's errno for a clash, exit 1; a bad mode, 255.
 */
import { linksIn } from '../../engine/net/links';
import { allocIfindex, deleteLink } from '../../engine/net/linkops';
import { createTun, freeTunName, tunsIn, type TunMode, type TunOptions } from '../../engine/net/tuntap';
import type { Link } from '../../engine/net/types';
import { IpError, incomplete, matches } from './args';
import type { IpContext } from './context';

export const TUNTAP_USAGE = `Usage: ip tuntap { add | del | show | list | lst | help } [ dev PHYS_DEV ]
       [ mode { tun | tap } ] [ user USER ] [ group GROUP ]
       [ one_queue ] [ pi ] [ vnet_hdr ] [ multi_queue ] [ name NAME ]

Where: USER  := { STRING | NUMBER }
       GROUP := { STRING | NUMBER }`;

interface TunSpec {
  name?: string;
  mode?: TunMode;
  opts: TunOptions & { oneQueue?: boolean };
}

export function doTuntap(ctx: IpContext, argv: string[]): void {
  const [sub, ...rest] = argv;
  if (sub === undefined || matches(sub, 'show') || matches(sub, 'lst') || matches(sub, 'list')) return showTuntap(ctx);
  if (matches(sub, 'add')) return addTuntap(ctx, parseSpec(rest));
  if (matches(sub, 'delete')) return delTuntap(ctx, parseSpec(rest));
  if (matches(sub, 'help')) throw new IpError(TUNTAP_USAGE, 255);
  throw new IpError(`Command "${sub}" is unknown, try "ip tuntap help".`, 255);
}

function parseSpec(argv: string[]): TunSpec {
  const spec: TunSpec = { opts: {} };
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw incomplete();
      return v;
    };
    if (word === 'mode') {
      const v = value();
      if (v !== 'tun' && v !== 'tap') throw new IpError(`Unknown tunnel mode "${v}"`, 255);
      spec.mode = v;
    } else if (word === 'user') spec.opts.owner = ids(value(), 'user');
    else if (word === 'group') spec.opts.group = ids(value(), 'group');
    else if (word === 'pi') spec.opts.pi = true;
    else if (word === 'vnet_hdr') spec.opts.vnetHdr = true;
    else if (word === 'multi_queue') spec.opts.multiQueue = true;
    else if (word === 'one_queue') spec.opts.oneQueue = true;
    else if (word === 'dev' || word === 'name') spec.name = value();
    else if (matches(word, 'help')) throw new IpError(TUNTAP_USAGE, 255);
    else spec.name = word;
  }
  return spec;
}

function ids(value: string, what: 'user' | 'group'): number {
  if (value === 'root') return 0;
  if (/^\d+$/.test(value)) return Number(value);
  throw new IpError(`invalid ${what} "${value}"`, 1);
}

function addTuntap(ctx: IpContext, spec: TunSpec): void {
  if (!spec.mode) throw new IpError('You failed to specify a tunnel mode', 1);
  const name = spec.name ?? freeTunName(ctx.world, ctx.ns, spec.mode);
  if (name.length >= 16) throw new IpError('ioctl(TUNSETIFF): Invalid argument', 1);
  if (linksIn(ctx.world, ctx.ns.id).some((l) => l.name === name)) throw new IpError('ioctl(TUNSETIFF): Device or resource busy', 1);
  const link = createTun(ctx.world, ctx.ns, name, spec.mode, spec.opts);
  if (spec.opts.oneQueue) link.tun!.oneQueue = true;
}

/** TUNSETIFF on a missing name makes a fresh device that TUNSETPERSIST 0 then removes: exit 0. */
function delTuntap(ctx: IpContext, spec: TunSpec): void {
  if (!spec.mode) throw new IpError('You failed to specify a tunnel mode', 1);
  if (spec.name === undefined) return;
  const link = ctx.findDevice(spec.name);
  if (!link) {
    // The transient device took an ifindex.
    allocIfindex(ctx.world, ctx.ns);
    return;
  }
  if (link.kind !== 'tun' || link.tun?.mode !== spec.mode) throw new IpError(link.kind === 'tun' ? 'ioctl(TUNSETIFF): Invalid argument' : 'ioctl(TUNSETIFF): Device or resource busy', 1);
  if (link.peerId !== null) throw new IpError('ioctl(TUNSETIFF): Device or resource busy', 1);
  deleteLink(ctx.world, link);
}

/** show prints every tun/tap device (a `dev` filter is parsed and ignored, as 6.1 does). */
function showTuntap(ctx: IpContext): void {
  for (const link of tunsIn(ctx.world, ctx.ns)) ctx.line(`${link.name}: ${tunFlags(link)}`);
}

/** print_flags order: mode, pi, one_queue, multi_queue, vnet_hdr, persist, user, group, filter. */
export function tunFlags(link: Link): string {
  const t = link.tun!;
  const words: string[] = [t.mode];
  if (t.pi) words.push('pi');
  if (t.oneQueue) words.push('one_queue');
  if (t.multiQueue) words.push('multi_queue');
  if (t.vnetHdr) words.push('vnet_hdr');
  if (t.persist) words.push('persist');
  if (t.owner !== null) words.push(`user ${t.owner}`);
  if (t.group !== null) words.push(`group ${t.group}`);
  // IFF_NOFILTER shares IFF_NO_PI's bit: a device with pi is shown with "filter".
  if (t.pi) words.push('filter');
  return words.join(' ');
}

/** The `tun type …` part of `ip -d link` (tun_print_opt in ip/iptuntap.c). */
export function tunDetails(link: Link): string {
  const t = link.tun!;
  let text = `tun type ${t.mode} pi ${t.pi ? 'on' : 'off'} vnet_hdr ${t.vnetHdr ? 'on' : 'off'} `;
  if (t.multiQueue) text += `multi_queue numqueues ${link.peerId === null ? 0 : 1} numdisabled 0 `;
  text += `persist ${t.persist ? 'on' : 'off'} `;
  if (t.owner !== null) text += `user ${t.owner === 0 ? 'root' : t.owner} `;
  if (t.group !== null) text += `group ${t.group === 0 ? 'root' : t.group} `;
  return text;
}
