/**
 * Container lifecycle: create, start, stop, kill, remove, and the clock catching up (processes
 * that end by themselves, --rm, restart policies). Errors are values holding the daemon's text
 * (without the "Error response from daemon: " the client adds).
 */
import type { World } from '../world';
import type { Host } from '../net/types';
import { err, ok, type Result } from '../../common/result';
import { formatIpv4 } from '../net/ipv4';
import { randomHexId } from './ids';
import { randomName } from './names';
import { containerNamed } from './dns';
import { containerByName, forgetContainer, loopingContainers, nextDue, noteDue } from './container-index';
import { allocateIp, findNetwork, ipInUse } from './networks';
import { endpointIpError, parseGoIpv4 } from './ipam';
import { createSandbox, destroySandbox, macFromIp, networkOfEndpoint, plugEndpoint, unplugEndpoint } from './sandbox';
import { runsDefault, startupLog } from './services';
import { execFailure, exitAfterSignal, runtimeError, simpleScript, stopSignal } from './procs';
import { restartDelay, wantsRestart } from './restart-policy';
import { allocatesWithoutBound, limitsOf } from './cgroups';
import type { CgroupLimits } from './cgroups';
import type { Container, DaemonState, Endpoint, Image, PortBinding } from './types';
import { anonymousVolumesOf, removeAnonymousVolumes } from './volumes';
import { catchUpLoop, startLoop } from './procs-loop';
import { nginxStopLog } from './procs-workers';

export interface CreateOptions {
  name?: string;
  image: string;
  imageObj: Image;
  /** Command after the image name (empty: the image's CMD). */
  command: string[];
  entrypoint?: string[];
  hostname?: string;
  env: string[];
  tty: boolean;
  interactive: boolean;
  autoRemove: boolean;
  restart: string;
  network: string;
  ports: PortBinding[];
  publishAll: boolean;
  links: string[];
  aliases: string[];
  labels?: Record<string, string>;
  limits?: CgroupLimits;
  init?: boolean;
  workdir?: string;
  /** --ip: the endpoint's address on the network (IPAMConfig.IPv4Address). */
  ip?: string;
}

export function findContainer(daemon: DaemonState, ref: string): Container | undefined {
  const bare = ref.startsWith('/') ? ref.slice(1) : ref;
  // By name from the daemon's index when `ref` cannot be a full id; a miss (a rename since) scans as before.
  const named = /^[0-9a-f]{64}$/.test(ref) ? undefined : containerNamed(daemon, bare);
  if (named) return named;
  const exact = daemon.containers.find((c) => c.id === ref || c.name === bare);
  if (exact) return exact;
  if (ref.length === 0) return undefined;
  const matches = daemon.containers.filter((c) => c.id.startsWith(ref));
  return matches.length === 1 ? matches[0] : undefined;
}

export function imageOf(daemon: DaemonState, c: Container): Image | undefined {
  return daemon.images.find((i) => i.id === c.imageId);
}

export function createContainer(world: World, daemon: DaemonState, opts: CreateOptions): Result<Container> {
  if (opts.name !== undefined) {
    if (!/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(opts.name)) return err(`Invalid container name (${opts.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    const clash = containerByName(daemon, opts.name.replace(/^\//, ''));
    if (clash) return err(`Conflict. The container name "/${opts.name.replace(/^\//, '')}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.`);
  }
  const net = findNetwork(daemon, opts.network === 'default' ? 'bridge' : opts.network);
  if (!net) return err(`network ${opts.network} not found`);
  const ipError = opts.ip !== undefined ? endpointIpError(net, opts.ip) : null;
  if (ipError) return err(`invalid config for network ${net.name}: invalid endpoint settings:\n${ipError}`);
  const image = opts.imageObj;
  const entry = opts.entrypoint ?? image.entrypoint ?? [];
  const cmd = opts.command.length > 0 ? opts.command : opts.entrypoint ? [] : image.cmd;
  const full = [...entry, ...cmd];
  // An imported image has neither: the daemon refuses the container (moby daemon/create.go).
  if (full.length === 0) return err('no command specified');
  const id = randomHexId(world);
  const exposed = [...new Set([...image.exposed, ...opts.ports.map((p) => `${p.containerPort}/${p.proto}`)])];
  const ports = [...opts.ports];
  const c: Container = {
    id,
    name: opts.name?.replace(/^\//, '') ?? randomName(world.rng, (n) => containerByName(daemon, n) !== undefined),
    image: opts.image,
    imageId: image.id,
    path: full[0] ?? '',
    args: full.slice(1),
    created: world.clock.now(),
    state: 'created',
    startedAt: null,
    finishedAt: null,
    exitCode: 0,
    exitsAt: null,
    exitCodeAtEnd: 0,
    hostname: net.driver === 'host' ? '' : opts.hostname ?? id.slice(0, 12),
    env: [...opts.env, ...image.env.filter((v) => !opts.env.some((o) => o.split('=')[0] === v.split('=')[0]))],
    tty: opts.tty,
    interactive: opts.interactive,
    autoRemove: opts.autoRemove,
    restart: opts.restart,
    restartCount: 0,
    networkMode: opts.network,
    ports,
    exposed,
    endpoints: [],
    links: opts.links,
    nsId: null,
    logs: [],
    installed: [],
    aptUpdated: false,
    pid: 0,
    ...(opts.labels && Object.keys(opts.labels).length > 0 ? { labels: opts.labels } : {}),
    ...(opts.limits ? { limits: opts.limits } : {}),
    ...(opts.init ? { init: true } : {}),
    ...(opts.workdir ? { workdir: opts.workdir } : {}),
    ...(daemon.config && daemon.config.logDriver !== 'json-file' ? { logDriver: daemon.config.logDriver } : {}),
  };
  if (opts.publishAll) for (const e of image.exposed) if (!ports.some((p) => `${p.containerPort}/${p.proto}` === e)) ports.push({ hostIp: '', hostPort: 0, containerPort: Number(e.split('/')[0]), proto: e.endsWith('udp') ? 'udp' : 'tcp' });
  if (net.driver === 'bridge') c.endpoints.push({ networkId: net.id, ip: 0, mac: '', aliases: opts.aliases, vethHost: '', ...(opts.ip !== undefined ? { requestedIp: opts.ip } : {}) });
  daemon.containers.push(c);
  return ok(c);
}

/** A log line; `after`: seconds into the writer's run when it wrote the line; `at`: clock ms when read back. */
type LogEntry = { stream: 'stdout' | 'stderr'; text: string; after?: number; at?: number };

/**
 * Container logs are kept as "o:" / "e:" prefixed lines (plain strings keep snapshots cheap);
 * with `at` (clock ms the writer started), each line's own time goes to logTimes (docker logs -t).
 */
export function appendLog(c: Container, lines: LogEntry[], at?: number): void {
  for (const l of lines) {
    if (at !== undefined) (c.logTimes ??= [])[c.logs.length] = at + Math.round((l.after ?? 0) * 1000);
    c.logs.push((l.stream === 'stdout' ? 'o:' : 'e:') + l.text);
  }
}

/** Gives the lines written since `from` (by index) without a time the clock ms `at`. */
export function stampLogs(c: Container, from: number, at: number): void {
  for (let i = from; i < c.logs.length; i++) if (c.logTimes?.[i] == null) (c.logTimes ??= [])[i] = at;
}

export function readLogs(c: Container): LogEntry[] {
  return c.logs.map((l, i) => {
    const at = c.logTimes?.[i];
    return { stream: l.startsWith('o:') ? 'stdout' : 'stderr', text: l.slice(2), ...(at != null ? { at } : {}) };
  });
}

/** Host ports in use by running containers (hostIp:port/proto). */
function usedPorts(daemon: DaemonState, except: Container): PortBinding[] {
  return daemon.containers.filter((c) => c !== except && c.state === 'running').flatMap((c) => c.ports);
}

const ANY = new Set(['', '0.0.0.0', '::']);

/** Two bindings collide on the same port and protocol when one listens on every address or both on the same one. */
function collides(a: PortBinding, b: PortBinding): boolean {
  return a.hostPort === b.hostPort && a.proto === b.proto && (ANY.has(a.hostIp) || ANY.has(b.hostIp) || a.hostIp === b.hostIp);
}

/** The port allocator keeps one table per host address: 0.0.0.0 and 127.0.0.1 are different entries there. */
function sameAllocation(a: PortBinding, b: PortBinding): boolean {
  return a.hostPort === b.hostPort && a.proto === b.proto && (ANY.has(a.hostIp) ? ANY.has(b.hostIp) : a.hostIp === b.hostIp);
}

/** The IPv4 addresses the host's own namespace has: a port can only be bound on one of them (or on all). */
function hostAddresses(world: World, host: Host): Set<string> {
  return new Set(world.netns(host.rootNsId).addrs.flatMap((a) => (a.family === 4 ? [formatIpv4(a.local)] : [])));
}

export function startContainer(world: World, host: Host, daemon: DaemonState, c: Container, at = world.clock.now()): Result<void> {
  if (c.state === 'running' || c.state === 'paused') return ok(undefined);
  const image = imageOf(daemon, c);
  if (!image) return err(`No such image: ${c.image}`);
  const denied = execFailure(c, image);
  if (denied) {
    c.exitCode = denied.code;
    c.startError = runtimeError(denied.message);
    return err(c.startError);
  }
  delete c.startError;
  delete c.oomKilled;
  // daemon/start.go: a failed start leaves State.Error and exit code 128 (exitUnknown); recorded, Engine 26.
  const refused = (message: string): Result<void> => {
    c.startError = message;
    if (c.exitCode === 0) c.exitCode = 128;
    return err(message);
  };
  // Only a container that publishes ports needs the other containers' bindings and the host's addresses.
  const used = c.ports.length > 0 ? usedPorts(daemon, c) : [];
  const local = c.ports.length > 0 ? hostAddresses(world, host) : new Set<string>();
  for (const p of c.ports) {
    if (p.hostPort !== 0 && used.some((u) => sameAllocation(u, p))) {
      return refused(`driver failed programming external connectivity on endpoint ${c.name} (${randomHexId(world)}): Bind for ${p.hostIp || '0.0.0.0'}:${p.hostPort} failed: port is already allocated`);
    }
    // Allocated, but docker-proxy cannot listen where another proxy listens on every address (or the reverse): recorded, Engine 26.
    if (p.hostPort !== 0 && used.some((u) => collides(u, p))) {
      return refused(`driver failed programming external connectivity on endpoint ${c.name} (${randomHexId(world)}): Error starting userland proxy: listen ${p.proto}4 ${p.hostIp || '0.0.0.0'}:${p.hostPort}: bind: address already in use`);
    }
    // docker-proxy cannot listen on an address the host does not have (moby issue reports, Engine 20+).
    if (!ANY.has(p.hostIp) && /^\d+\.\d+\.\d+\.\d+$/.test(p.hostIp) && !local.has(p.hostIp)) {
      return refused(`driver failed programming external connectivity on endpoint ${c.name} (${randomHexId(world)}): Error starting userland proxy: listen ${p.proto}4 ${p.hostIp}:${p.hostPort}: bind: cannot assign requested address`);
    }
  }
  for (const p of c.ports) {
    if (p.hostPort !== 0 && !p.ephemeral) continue;
    let port = 32768;
    while (used.some((u) => collides(u, { ...p, hostPort: port }))) port++;
    p.hostPort = port;
    p.ephemeral = true;
    used.push({ ...p });
  }
  for (const ep of c.endpoints) {
    const net = networkOfEndpoint(daemon, ep);
    if (!net) return refused(`network ${ep.networkId} not found`);
    const requested = ep.requestedIp !== undefined ? parseGoIpv4(ep.requestedIp) : undefined;
    if (requested !== undefined && ipInUse(daemon, net, requested)) return refused('Address already in use');
    const ip = requested ?? allocateIp(daemon, net);
    if (ip === undefined) return refused(`no available IPv4 addresses on this network's address pools: ${net.name} (${net.id})`);
    ep.ip = ip;
    ep.mac = macFromIp(ip);
    ep.vethHost = 'veth' + randomHexId(world).slice(0, 7);
  }
  if (c.networkMode !== 'host') {
    const ns = createSandbox(world, host);
    c.nsId = ns.id;
    for (const ep of c.endpoints) plugEndpoint(world, host, c, networkOfEndpoint(daemon, ep)!, ep);
  } else {
    c.nsId = host.rootNsId;
  }
  c.state = 'running';
  // SetRunning: a running container's exit code is 0 (recorded: 128 after a failed start, 0 once it runs).
  c.exitCode = 0;
  c.startedAt = at;
  delete c.restartAt;
  c.pid = daemon.nextPid;
  daemon.nextPid += 40;
  scheduleEnd(c, image, at);
  noteDue(daemon, c);
  const ip = c.endpoints[0] ? formatIpv4(c.endpoints[0].ip) : '127.0.0.1';
  if (runsDefault(c, image)) appendLog(c, startupLog(image, c, world.clock.epoch + world.clock.now()).map((l) => ({ ...l, text: l.text.replace('$IP', ip) })), world.clock.now());
  world.changed();
  return ok(undefined);
}

/** When the main process ends by itself: a shell without stdin at once, `sleep N` after N s, postgres without a password. */
function scheduleEnd(c: Container, image: Image, now: number): void {
  c.exitsAt = null;
  c.exitCodeAtEnd = 0;
  delete c.loop;
  // Official images' docker-entrypoint.sh ends in `exec "$@"`: the command given is the process.
  const entry = image.entrypoint?.[0];
  const wrapped = entry !== undefined && c.path === entry && /docker-entrypoint\.sh$/.test(entry) && c.args.length > 0;
  const argv = wrapped ? c.args : [c.path, ...c.args];
  const prog = argv[0]!.split('/').pop() ?? '';
  if (runsDefault(c, image) && image.service !== 'shell') {
    if (image.service === 'postgres' && c.logs.length === 0 && !c.env.some((v) => v.startsWith('POSTGRES_PASSWORD=') || v === 'POSTGRES_HOST_AUTH_METHOD=trust')) {
      c.exitsAt = now;
      c.exitCodeAtEnd = 1;
    }
    return;
  }
  if (['bash', 'sh', 'ash'].includes(prog) && argv.length === 1) {
    if (!c.interactive) c.exitsAt = now;
    return;
  }
  if (prog === 'sleep') {
    const secs = argv[1] === 'infinity' ? Infinity : Number(argv[1]);
    if (Number.isFinite(secs)) c.exitsAt = now + secs * 1000;
    return;
  }
  const text = argv.join(' ');
  // A process that allocates without bound under --memory: the OOM killer ends it (SIGKILL).
  if (allocatesWithoutBound(argv) && limitsOf(c).memory > 0) {
    c.exitsAt = now + 1000;
    c.exitCodeAtEnd = 137;
    c.oomPending = true;
    return;
  }
  if (startLoop(c, argv, now)) return;
  if (/while true|while :|sleep infinity|tail -f/.test(text)) return;
  const script = ['sh', 'bash', 'ash'].includes(prog) && argv[1] === '-c' && argv[2] !== undefined ? simpleScript(argv[2]) : undefined;
  if (script) {
    appendLog(c, script.output, now);
    c.exitsAt = now + script.seconds * 1000;
    c.exitCodeAtEnd = script.code;
    return;
  }
  c.exitsAt = now;
}

/** Ends the main process: the sandbox goes, the ports are released. */
export function exitContainer(world: World, host: Host, daemon: DaemonState, c: Container, code: number, at = world.clock.now()): void {
  if (c.state !== 'running' && c.state !== 'paused') return;
  // A shell loop wrote until its end (docker stop's grace period included).
  catchUpLoop(c, world.clock.epoch, at);
  delete c.loop;
  for (const ep of c.endpoints) {
    const net = networkOfEndpoint(daemon, ep);
    if (net && c.nsId !== null) unplugEndpoint(world, host, c, net, ep);
  }
  if (c.networkMode !== 'host') destroySandbox(world, host, c);
  c.nsId = null;
  delete c.stoppedPids;
  c.state = 'exited';
  c.exitCode = code;
  c.exitsAt = null;
  c.finishedAt = at;
  world.changed();
}

/**
 * docker stop: the stop signal (SIGTERM; nginx's STOPSIGNAL is SIGQUIT, httpd's SIGWINCH), then
 * SIGKILL once the timeout has passed on the simulated clock if the main process ignored it.
 */
export function stopContainer(world: World, host: Host, daemon: DaemonState, c: Container, timeoutSec = 10, signal?: number): void {
  if (c.state !== 'running' && c.state !== 'paused') return;
  const image = imageOf(daemon, c);
  const sig = signal ?? stopSignal(c, image);
  const code = exitAfterSignal(c, image, sig);
  if (code === 0) nginxStopLog(world, daemon, c, sig);
  if (code === null && timeoutSec > 0) world.clock.advance(timeoutSec * 1000);
  c.restartSuppressed = true;
  exitContainer(world, host, daemon, c, code ?? 137);
}

export function removeContainer(world: World, host: Host, daemon: DaemonState, c: Container, removeVolumes = c.autoRemove): void {
  exitContainer(world, host, daemon, c, 137);
  const anonymous = removeVolumes ? anonymousVolumesOf(daemon, c) : [];
  const before = daemon.containers;
  daemon.containers = before.filter((x) => x !== c);
  forgetContainer(daemon, c, before);
  removeAnonymousVolumes(world, daemon, anonymous);
  world.changed();
}

/** The clock caught up: processes that ended, --rm, restart policies with their back-off, in time order. */
export function settle(world: World, host: Host, daemon: DaemonState): void {
  const now = world.clock.now();
  for (let guard = 0; guard < 10_000; guard++) {
    const ev = nextDue(daemon, now);
    if (!ev) break;
    const c = ev.c;
    if (ev.kind === 'restart') {
      c.restartCount++;
      if (!startContainer(world, host, daemon, c, ev.at).ok) delete c.restartAt;
      continue;
    }
    const code = c.exitCodeAtEnd;
    if (c.oomPending) c.oomKilled = true;
    delete c.oomPending;
    exitContainer(world, host, daemon, c, code, ev.at);
    if (c.autoRemove) {
      removeContainer(world, host, daemon, c);
      continue;
    }
    if (!wantsRestart(c, code)) continue;
    c.restartAt = ev.at + restartDelay(c.restartCount);
    noteDue(daemon, c);
  }
  for (const c of loopingContainers(daemon)) catchUpLoop(c, world.clock.epoch, now);
}

export function endpointsOf(c: Container): Endpoint[] {
  return c.endpoints;
}
