/** bridge-utils `brctl show`, `addbr`, `delbr`, `addif`, `delif`. */
import { attachPort, createLink, deleteLink, detachPort } from '../../engine/net/linkops';
import { linksIn, portsOf } from '../../engine/net/links';
import type { Link } from '../../engine/net/types';
import { Output, type CommandFn, type ShellContext } from '../types';

export const brctl: CommandFn = (argv, ctx) => {
  const [cmd, ...args] = argv.slice(1);
  const out = new Output();
  switch (cmd) {
    case 'show':
      return show(ctx, args, out);
    case 'addbr':
      return addbr(ctx, args, out);
    case 'delbr':
      return delbr(ctx, args, out);
    case 'addif':
    case 'delif':
      return portCmd(ctx, cmd, args, out);
    case undefined:
      return out.out(USAGE).done(1);
    default:
      return out.err(`never heard of command [${cmd}]`).out(USAGE).done(1);
  }
};

function find(ctx: ShellContext, name: string): Link | undefined {
  return linksIn(ctx.world, ctx.ns.id).find((l) => l.name === name);
}

/** The STP bridge id: zero until a port joins, then the lowest port MAC (or a MAC set by hand). */
function bridgeId(ctx: ShellContext, br: Link): string {
  const ports = portsOf(ctx.world, br);
  const mac = ports.length === 0 && !br.macSet ? '00:00:00:00:00:00' : br.mac;
  return '8000.' + mac.replace(/:/g, '');
}

function show(ctx: ShellContext, args: string[], out: Output) {
  out.line('bridge name\tbridge id\t\tSTP enabled\tinterfaces');
  const bridges = linksIn(ctx.world, ctx.ns.id).filter((l) => l.kind === 'bridge' && (args.length === 0 || args.includes(l.name)));
  for (const name of args) {
    const link = find(ctx, name);
    if (!link || link.kind !== 'bridge') out.err(`bridge ${name} does not exist!`);
  }
  for (const br of bridges) {
    const ports = portsOf(ctx.world, br).map((p) => p.name).sort();
    out.out(`${br.name}\t\t${bridgeId(ctx, br)}\t${br.bridge?.stp ? 'yes' : 'no'}\t\t`);
    out.line(ports[0] ?? '');
    for (const p of ports.slice(1)) out.line(`\t\t\t\t\t\t\t${p}`);
  }
  return out.done(0);
}

function addbr(ctx: ShellContext, args: string[], out: Output) {
  const name = args[0];
  if (!name) return out.out(USAGE).done(1);
  if (find(ctx, name)) return out.err(`device ${name} already exists; can't create bridge with the same name`).done(1);
  createLink(ctx.world, ctx.ns, { name, kind: 'bridge' });
  ctx.world.changed();
  return out.done(0);
}

function delbr(ctx: ShellContext, args: string[], out: Output) {
  const name = args[0];
  if (!name) return out.out(USAGE).done(1);
  const br = find(ctx, name);
  if (!br) return out.err(`bridge ${name} doesn't exist; can't delete it`).done(1);
  if (br.kind !== 'bridge') return out.err(`device ${name} is not a bridge; can't delete it`).done(1);
  if (br.adminUp) return out.err(`bridge ${name} is still up; can't delete it`).done(1);
  deleteLink(ctx.world, br);
  return out.done(0);
}

function portCmd(ctx: ShellContext, cmd: 'addif' | 'delif', args: string[], out: Output) {
  const [brName, ifName] = args;
  if (!brName || !ifName) return out.out(USAGE).done(1);
  const br = find(ctx, brName);
  if (!br || br.kind !== 'bridge') return out.err(`bridge ${brName} does not exist!`).done(1);
  const port = find(ctx, ifName);
  if (!port) return out.err(`interface ${ifName} does not exist!`).done(1);
  if (cmd === 'addif') {
    if (port.masterId !== null) return out.err(`device ${ifName} is already a member of a bridge; can't add it to bridge ${brName}.`).done(1);
    if (port.kind === 'bridge' || port.kind === 'loopback') return out.err(`can't add ${ifName} to bridge ${brName}: Invalid argument`).done(1);
    attachPort(ctx.world, br, port);
  } else {
    if (port.masterId !== br.id) return out.err(`device ${ifName} is not a slave of ${brName}`).done(1);
    detachPort(ctx.world, port);
  }
  return out.done(0);
}

const USAGE = `Usage: brctl [commands]
commands:
	addbr     	<bridge>		add bridge
	delbr     	<bridge>		delete bridge
	addif     	<bridge> <device>	add interface to bridge
	delif     	<bridge> <device>	delete interface from bridge
	hairpin   	<bridge> <port> {on|off}	turn hairpin on/off
	setageing 	<bridge> <time>		set ageing time
	setbridgeprio	<bridge> <prio>		set bridge priority
	setfd     	<bridge> <time>		set bridge forward delay
	sethello  	<bridge> <time>		set hello time
	setmaxage 	<bridge> <time>		set max message age
	setpathcost	<bridge> <port> <cost>	set path cost
	setportprio	<bridge> <port> <prio>	set port priority
	show      	[ <bridge> ]		show a list of bridges
	showmacs  	<bridge>		show a list of mac addrs
	showstp   	<bridge>		show bridge stp info
	stp       	<bridge> {on|off}	turn stp on/off
`;
