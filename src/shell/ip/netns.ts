/** `ip netns`: list, add, delete, exec, identify, set, pids. Names live under /run/netns. */
import { createNetns, destroyNetns, namedNetns } from '../../engine/net/netns';
import { assignNsid, nsidOf } from '../../engine/net/nsid';
import { Args, IpError, matches } from './args';
import type { IpContext } from './context';
import { processView } from '../coreutils/procfs';

export function doNetns(ctx: IpContext, argv: string[]): void {
  const args = new Args(argv);
  if (args.done) return listNetns(ctx);
  const sub = args.take();
  if (matches(sub, 'list') || matches(sub, 'show') || sub === 'lst') return listNetns(ctx);
  if (matches(sub, 'add')) return addNetns(ctx, args);
  if (matches(sub, 'delete')) return deleteNetns(ctx, args);
  if (matches(sub, 'exec')) return execNetns(ctx, args);
  if (matches(sub, 'identify')) return identify(ctx, args);
  if (matches(sub, 'set')) return setNsid(ctx, args);
  if (matches(sub, 'pids')) {
    const name = args.next();
    if (!ctx.netns(name)) throw new IpError(`Cannot open network namespace "${name}": No such file or directory`, 1);
    return;
  }
  if (matches(sub, 'help')) throw new IpError(NETNS_USAGE, 255);
  throw new IpError(`Command "${sub}" is unknown, try "ip netns help".`, 255);
}

/** readdir of the /run/netns tmpfs returns the newest entry first. */
function listNetns(ctx: IpContext): void {
  const all = namedNetns(ctx.world, ctx.host).sort((a, b) => b.id - a.id);
  for (const ns of all) {
    const id = ctx.ns.nsids[ns.id];
    ctx.line(id === undefined ? ns.name! : `${ns.name} (id: ${id})`);
  }
}

function validName(name: string): boolean {
  return name.length > 0 && !name.includes('/') && name !== '.' && name !== '..' && name.length <= 255;
}

function addNetns(ctx: IpContext, args: Args): void {
  if (args.done) throw new IpError('No netns name specified', 255);
  const name = args.take();
  if (!validName(name)) throw new IpError(`Invalid netns name "${name}"`, 255);
  if (ctx.netns(name)) throw new IpError(`Cannot create namespace file "/run/netns/${name}": File exists`, 1);
  createNetns(ctx.world, ctx.host, name);
}

function deleteNetns(ctx: IpContext, args: Args): void {
  if (args.done) throw new IpError('No netns name specified', 255);
  const name = args.take();
  if (ctx.opts.all || name === undefined) return;
  const ns = ctx.netns(name);
  if (!ns || !validName(name)) throw new IpError(`Cannot remove namespace file "/run/netns/${name}": No such file or directory`, 1);
  destroyNetns(ctx.world, ctx.host, ns);
}

function execNetns(ctx: IpContext, args: Args): void {
  if (args.done) throw new IpError('No netns name specified', 255);
  const name = args.take();
  const ns = ctx.netns(name);
  if (!ns) throw new IpError(`Cannot open network namespace "${name}": No such file or directory`, 255);
  const command = args.rest();
  if (command.length === 0) throw new IpError('No command specified', 1);
  const result = ctx.shell.exec(command, { ...ctx.shell, ns });
  ctx.out += result.stdout;
  if (result.exitCode === 127 && result.stderr === `bash: ${command[0]}: command not found\n`) {
    throw new IpError(`exec of "${command[0]}" failed: No such file or directory`, 1);
  }
  ctx.err += result.stderr;
  if (result.exitCode !== 0) throw new IpError('', result.exitCode);
}

/**
 * Prints the name under /run/netns of the network namespace of process PID (default: this one),
 * or an empty line when it has none (a container's namespace is Docker's, not ip's).
 */
function identify(ctx: IpContext, args: Args): void {
  const pid = args.done ? 'self' : args.take();
  const view = processView(ctx.shell, pid);
  if (!view) throw new IpError('Cannot open network namespace: No such file or directory', 1);
  const names = namedNetns(ctx.world, ctx.host).filter((ns) => ns.id === view.netnsId).map((ns) => ns.name!);
  ctx.line(names.join(' '));
}

function setNsid(ctx: IpContext, args: Args): void {
  const name = args.next();
  const value = args.next();
  const ns = ctx.netns(name);
  if (!ns) throw new IpError(`Cannot open network namespace "${name}": No such file or directory`, 255);
  if (value === 'auto') {
    nsidOf(ctx.ns, ns);
    return;
  }
  if (!/^\d+$/.test(value)) throw new IpError(`Invalid "netnsid" value`, 255);
  if (Object.values(ctx.ns.nsids).includes(Number(value))) throw new IpError('RTNETLINK answers: File exists', 2);
  assignNsid(ctx.ns, ns, Number(value));
  ctx.world.changed();
}

export const NETNS_USAGE = `Usage:	ip netns list
	ip netns add NAME
	ip netns attach NAME PID
	ip netns set NAME NETNSID
	ip [-all] netns delete [NAME]
	ip netns identify [PID]
	ip netns pids NAME
	ip [-all] netns exec [NAME] cmd ...
	ip netns monitor
	ip netns list-id [target-nsid POSITIVE-INT] [nsid POSITIVE-INT]
NETNSID := auto | POSITIVE-INT`;
