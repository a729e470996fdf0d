/** Running programs inside a container: its namespace, hostname and files, and only the programs its image has. */
import type { Container } from '../../engine/docker/types';
import { findContainer, imageOf } from '../../engine/docker/containers';
import { fail, type CommandResult, type ShellContext } from '../types';
import { resolvePath } from '../../common/paths';
import { ContainerFs } from './container-fs';
import { MountedFs } from './volume-fs';
import { embeddedDns, type NameService } from '../../engine/docker/dns';
import { serviceDnsTable } from '../../engine/swarm/service-dns';

/** Programs of the host's toolset that resolve names through NSS only: /etc/hosts, then the embedded DNS (ctx.nss). */
const NSS_HOSTS_ONLY = new Set(['ping', 'traceroute', 'arp', 'route', 'ifconfig']);
import { daemonError, argsError, usageError, type DockerCtx } from './context';
import { all, last, parseFlags, flagSpecs } from './flags';
import { allocatesWithoutBound } from '../../engine/docker/cgroups';
import { containerBuiltin } from '../container/builtins';
import { asBusyboxPing } from '../container/busybox-ping';
import { asBusyboxCat } from '../container/container-shell';

/** The embedded DNS's container names first, then the swarm services' answers. */
function withTable(dns: NameService, table: Array<[string, number]>): NameService {
  return {
    byName: (name) => dns.byName(name) ?? table.find(([n]) => n === name)?.[1],
    byAddr: (addr) => dns.byAddr(addr) ?? table.find(([, ip]) => ip === addr)?.[0],
  };
}

/** Images whose ping is BusyBox's applet (installed ping from apt is iputils). */
function isBusybox(d: DockerCtx, c: Container): boolean {
  const image = imageOf(d.daemon, c);
  return image !== undefined && image.programs.includes('ash') && !c.installed.includes('ping');
}

export function containerCtx(d: DockerCtx, c: Container): ShellContext {
  const sh = d.sh;
  const ns = sh.world.netns(c.nsId ?? sh.host.rootNsId);
  const env: Record<string, string> = { HOSTNAME: c.hostname, HOME: '/root' };
  for (const kv of c.env) {
    const eq = kv.indexOf('=');
    if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return { ...sh, host: { ...sh.host, hostname: c.hostname || sh.host.hostname }, ns, env, cwd: c.workdir || imageOf(d.daemon, c)?.workdir || '/', fs: new MountedFs(d.daemon, c, c.networkMode === 'host' ? sh.fs : new ContainerFs(d.daemon, c, sh.fs), sh.fs), stdin: '' };
}

/**
 * Programs every image with a shell has (coreutils or BusyBox applets) that run here as the
 * container's own (container/builtins.ts), or as the host's with the container's hostname and clock.
 */
const SHELL_IMAGE_TOOLS = new Set(['pwd', 'rm', 'mkdir', 'touch', 'readlink', 'uname', 'date', 'whoami']);

function withExecOptions(ctx: ShellContext, opts: ExecOptions): ShellContext {
  const env = { ...ctx.env };
  // -e NAME without a value passes the client's NAME; here the client's environment is the shell's.
  for (const kv of opts.env ?? []) {
    const eq = kv.indexOf('=');
    if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return { ...ctx, env, ...(opts.cwd ? { cwd: resolvePath(ctx.cwd, opts.cwd) } : {}) };
}

export function hasProgram(d: DockerCtx, c: Container, name: string): boolean {
  const prog = name.split('/').pop() ?? name;
  const image = imageOf(d.daemon, c);
  return (image?.programs.includes(prog) ?? false) || c.installed.includes(prog) || (SHELL_IMAGE_TOOLS.has(prog) && (image?.programs.includes('sh') ?? false));
}

/** Runs argv as the container's process; `null` when the program does not exist in the image. */
/** docker exec's -w and -e: the process's directory and extra environment. */
export interface ExecOptions {
  cwd?: string;
  env?: string[];
}

export function runInContainer(d: DockerCtx, c: Container, argv: string[], opts: ExecOptions = {}): CommandResult | null {
  if (!hasProgram(d, c, argv[0] ?? '')) return null;
  const ctx = withExecOptions(containerCtx(d, c), opts);
  const builtin = containerBuiltin(d, c, argv, ctx);
  if (builtin) return builtin;
  const prog = argv[0]!.split('/').pop()!;
  if (NSS_HOSTS_ONLY.has(prog)) {
    const services = serviceDnsTable(d.sh.world, ctx.host, c.nsId, argv);
    const r = ctx.exec(argv, { ...ctx, nss: withTable(embeddedDns(d.daemon, c), services) });
    return prog === 'ping' && isBusybox(d, c) ? asBusyboxPing(r) : r;
  }
  return prog === 'cat' && isBusybox(d, c) ? asBusyboxCat(ctx.exec(argv, ctx)) : ctx.exec(argv, ctx);
}

export function dockerExec(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('i|interactive t|tty d|detach e|env= w|workdir= u|user= privileged'), false);
  if (!parsed.ok) return usageError('exec', parsed.error);
  const [ref, ...cmd] = parsed.value.args;
  if (ref === undefined || cmd.length === 0) return argsError('exec', '[OPTIONS] CONTAINER COMMAND [ARG...]', 'Execute a command in a running container', 'at least 2 arguments');
  const c = findContainer(d.daemon, ref);
  if (!c) return daemonError(`No such container: ${ref}`);
  if (c.state === 'paused') return daemonError(`Container ${ref} is paused, unpause the container before exec`);
  if (c.state !== 'running') return daemonError(`container ${c.id} is not running`);
  // A process that allocates without bound in a memory-limited container: the OOM killer ends it (SIGKILL).
  if (allocatesWithoutBound(cmd) && (c.limits?.memory ?? 0) > 0) {
    c.oomKilled = true;
    return { stdout: '', stderr: '', exitCode: 137 };
  }
  const result = runInContainer(d, c, cmd, { ...(last(parsed.value, 'workdir') ? { cwd: last(parsed.value, 'workdir')! } : {}), env: all(parsed.value, 'env') });
  if (result === null) return fail(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd[0]}": executable file not found in $PATH: unknown`, 127);
  return result;
}
