/**
 * bridge-utils 1.7.1 `brctl`: show, addbr, delbr, addif, delif, showmacs, setageing, setpathcost,
 * setportprio, hairpin (texts recorded from the real tool). STP (stp, showstp, setfd, sethello,
 * setmaxage, setbridgeprio) is not simulated.
 */
import { fdbExpired } from '../../engine/net/fdb';
import { attachPort, createLink, deleteLink, detachPort } from '../../engine/net/linkops';
import { linksIn, portsOf } from '../../engine/net/links';
import type { Link } from '../../engine/net/types';
import { Output, type CommandFn, type ShellContext } from '../types';

/** brctl.c's command table: how many arguments each needs (its usage line comes from USAGE). */
const NARGS: Record<string, number> = { addbr: 1, delbr: 1, addif: 2, delif: 2, hairpin: 3, setageing: 2, setpathcost: 3, setportprio: 3, show: 0, showmacs: 1 };

export const brctl: CommandFn = (argv, ctx) => {
  const [cmd, ...args] = argv.slice(1);
  const out = new Output();
  if (cmd !== undefined && NARGS[cmd] !== undefined && args.length < NARGS[cmd]!) {
    const help = USAGE.split('\n').find((l) => l.startsWith(`\t${cmd} `) || l.startsWith(`\t${cmd}\t`))!.replace(/^\t\S+\s*\t/, '');
    return out.line('Incorrect number of arguments for command').line(`Usage: brctl ${cmd} ${help}`).done(1);
  }
  switch (cmd) {
    case 'showmacs':
      return showmacs(ctx, args[0]!, out);
    case 'setageing':
      return setageing(ctx, args[0]!, args[1]!, out);
    case 'setpathcost':
    case 'setportprio':
    case 'hairpin':
      return setPort(ctx, cmd, args as [string, string, string], out);
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

/** brctl showmacs: the bridge's forward table sorted by port number then MAC; the ageing timer is the seconds since the entry was refreshed. */
function showmacs(ctx: ShellContext, name: string, out: Output) {
  const br = find(ctx, name);
  if (!br) return out.err('read of forward table failed: No such device').done(1);
  if (!br.bridge) return out.err('read of forward table failed: Operation not supported').done(1);
  const ports = portsOf(ctx.world, br);
  const rows: { port: number; mac: string; local: boolean; age: number }[] = [];
  for (const e of br.bridge.fdb) {
    const port = ports.findIndex((p) => p.id === e.portId);
    if (port >= 0 && !fdbExpired(ctx.world, br, e)) rows.push({ port: port + 1, mac: e.mac, local: e.local, age: e.local || e.static ? 0 : ctx.world.clock.now() - e.updatedAt });
  }
  ports.forEach((p, i) => rows.push({ port: i + 1, mac: p.mac, local: true, age: 0 }));
  rows.sort((a, b) => a.port - b.port || (a.mac < b.mac ? -1 : a.mac > b.mac ? 1 : 0));
  out.line('port no\tmac addr\t\tis local?\tageing timer');
  for (const r of rows) out.line(`${String(r.port).padStart(3)}\t${r.mac}\t${r.local ? 'yes' : 'no'}\t\t${String(Math.floor(r.age / 1000)).padStart(4)}.${String(Math.floor((r.age % 1000) / 10)).padStart(2, '0')}`);
  return out.done(0);
}

/** brctl setageing BRIDGE SECONDS: the kernel keeps centiseconds (ip -d link: ageing_time). */
function setageing(ctx: ShellContext, name: string, value: string, out: Output) {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds)) return out.err('bad ageing time value').done(1);
  const br = find(ctx, name);
  if (!br?.bridge) return out.err('set ageing time failed: No such device').done(1);
  br.bridge.ageingTime = Math.max(0, Math.round(seconds * 100));
  ctx.world.changed();
  return out.done(0);
}

/** setpathcost / setportprio / hairpin on a port of the bridge, with the kernel's limits. */
function setPort(ctx: ShellContext, cmd: 'setpathcost' | 'setportprio' | 'hairpin', [brName, portName, value]: [string, string, string], out: Output) {
  let n = 0;
  if (cmd === 'hairpin') {
    if (value !== 'on' && value !== 'off') return out.err('expect on/off for argument').done(1);
  } else {
    n = Number(value);
    if (!/^\s*\d+\s*$/.test(value)) return out.err(`bad path ${cmd === 'setpathcost' ? 'cost' : 'priority'} value`).done(1);
  }
  const what = cmd === 'setpathcost' ? 'set path cost' : cmd === 'setportprio' ? 'set port priority' : undefined;
  const br = find(ctx, brName);
  const port = find(ctx, portName);
  if (!br?.bridge || !port?.port || port.masterId !== br.id) {
    return out.err(what ? `${what} failed: No such device` : `can't set ${portName} to hairpin on bridge ${brName}: No such device`).done(1);
  }
  if ((cmd === 'setpathcost' && (n < 1 || n > 65535)) || (cmd === 'setportprio' && n > 63)) return out.err(`${what} failed: Numerical result out of range`).done(1);
  if (cmd === 'setpathcost') port.port.cost = n;
  else if (cmd === 'setportprio') port.port.priority = n;
  else {
    const flags = { ...port.port.flags };
    if (value === 'on') flags.hairpin = true;
    else delete flags.hairpin;
    port.port.flags = Object.keys(flags).length ? flags : undefined;
  }
  ctx.world.changed();
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
