/**
 * `dockerd` typed at the prompt (Engine 26.1.5). With docker.service running it fails on the pid
 * file, as recorded from a real daemon. With the service stopped it runs in the foreground (or as
 * a job with `&`) and logs to stderr: "Starting up", the warnings for a TCP host without
 * --tlsverify (and the 1 s + 15 s pauses moby's loadListeners makes), the start lines and one
 * "API listen on" per -H. It serves the docker CLI on those hosts (-H tcp://IP:2375, listed by ss as
 * src/shell/nettools/dockerd-sockets.ts derives them, or the unix socket when no -H is given) until Ctrl-C or a signal, then shuts down like systemctl stop does.
 * Logs are logrus text: key=value without a terminal, coloured INFO[…] with one.
 * Debug-level lines (--debug) are not simulated.
 */
import { daemonOf, startDaemonProcess } from '../../engine/docker/daemon';
import { ENGINE } from '../../engine/docker/engine-info';
import { dockerUnits, logfmtValue, logrusLine, rfc3339Nano } from '../../engine/docker/units';
import { isLocalAddr } from '../../engine/packet/source';
import { parseIpv4 } from '../../engine/net/ipv4';
import { Signal, type Proc, type ProcContext } from '../jobs/process';
import type { Output } from '../types';
import { listenersOf } from '../nettools/listeners';
import { stopDockerd } from './dockerd-service';

const VALUE_FLAGS = new Set(['H', 'host', 'data-root', 'p', 'pidfile', 'config-file', 'l', 'log-level', 'bip', 'containerd', 'exec-root', 's', 'storage-driver', 'G', 'group', 'default-address-pool', 'insecure-registry', 'registry-mirror', 'dns', 'dns-search', 'dns-opt', 'tlscacert', 'tlscert', 'tlskey', 'log-driver', 'log-opt', 'mtu', 'default-gateway', 'fixed-cidr', 'b', 'bridge', 'cgroup-parent', 'exec-opt', 'storage-opt', 'label', 'userns-remap', 'shutdown-timeout', 'max-concurrent-downloads', 'default-runtime', 'ip']);
const BOOL_FLAGS = new Set(['D', 'debug', 'tls', 'tlsverify', 'live-restore', 'experimental', 'iptables', 'ip6tables', 'ip-forward', 'ip-masq', 'icc', 'ipv6', 'userland-proxy', 'init', 'raw-logs', 'selinux-enabled', 'no-new-privileges', 'v', 'version', 'h', 'help']);

interface Options {
  hosts: string[];
  pidfile: string;
  tlsverify: boolean;
  flags: Set<string>;
}

const USAGE_ERROR = (text: string) => `Status: ${text}\nSee 'dockerd --help'., Code: 125`;

function parse(args: string[]): Options | string {
  const o: Options = { hosts: [], pidfile: '/var/run/docker.pid', tlsverify: false, flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const long = /^--([^=]+)(?:=(.*))?$/.exec(a);
    const short = long ? null : /^-([^-])(.*)$/.exec(a);
    if (!long && !short) return USAGE_ERROR(`"dockerd" accepts no arguments.`);
    const name = long ? long[1]! : short![1]!;
    if (!VALUE_FLAGS.has(name) && !BOOL_FLAGS.has(name)) return USAGE_ERROR(long ? `unknown flag: --${name}` : `unknown shorthand flag: '${name}' in ${a}`);
    let value: string | undefined;
    if (VALUE_FLAGS.has(name)) {
      value = long ? long[2] : short![2] || undefined;
      if (value === undefined) value = args[++i];
      if (value === undefined) return USAGE_ERROR(long ? `flag needs an argument: --${name}` : `flag needs an argument: '${name}' in -${name}`);
    }
    o.flags.add(name.length === 1 ? ({ H: 'host', p: 'pidfile', D: 'debug', v: 'version', h: 'help' } as Record<string, string>)[name] ?? name : name);
    if (name === 'H' || name === 'host') o.hosts.push(value!);
    if (name === 'p' || name === 'pidfile') o.pidfile = value!;
    if (name === 'tlsverify') o.tlsverify = !long?.[2] || long[2] === 'true';
  }
  return o;
}

const lastAt = new WeakMap<Output, number>();
const lastNs = new WeakMap<Output, number>();

/** One logrus entry on stderr: text (key="value") without a terminal, coloured with one. */
function logLine(ctx: ProcContext, out: Output, level: 'info' | 'warning' | 'error', msg: string, fields: Array<[string, string]> = []): void {
  const now = ctx.world.clock.now();
  // Nanoseconds that grow line by line within the millisecond, as dockerd's do.
  const n = (out.stderr.match(/\n/g) ?? []).length;
  const ns = Math.min(999_999, 4_000 + ((n * 104_729) % 89) * 1000 + (now === lastAt.get(out) ? (lastNs.get(out) ?? 0) : 0));
  lastAt.set(out, now);
  lastNs.set(out, ns);
  const time = rfc3339Nano(ctx.world.clock.epoch + now, ns);
  if (ctx.env['VETHLAB_TTY']) {
    const color = level === 'warning' ? 33 : level === 'error' ? 31 : 36;
    const text = level === 'warning' ? 'WARN' : level.toUpperCase().slice(0, 4);
    const kv = fields.map(([k, v]) => ` \x1b[${color}m${k}\x1b[0m=${logfmtValue(v)}`).join('');
    out.err(`\x1b[${color}m${text}\x1b[0m[${time}] ${msg.padEnd(44)} ${kv}`);
    return;
  }
  out.err(logrusLine(now, ctx.world.clock.epoch, ns, level, msg, fields.map(([k, v]) => `${k}=${logfmtValue(v)}`).join(' ')));
}

/** A -H value as dockerd normalises it (tcp://IP:PORT, unix:///path), or the error it prints. */
function normaliseHost(h: string): { proto: 'tcp' | 'unix' | 'fd'; addr: string; ip?: number; port?: number } | string {
  if (h === 'fd://') return { proto: 'fd', addr: '' };
  const unix = /^unix:\/\/(\/.+)$/.exec(h);
  if (unix) return { proto: 'unix', addr: unix[1]! };
  const tcp = /^(?:tcp:\/\/)?([0-9.]*)(?::(\d+))?$/.exec(h);
  if (tcp) {
    const ip = tcp[1] === '' ? 0 : parseIpv4(tcp[1]!);
    const port = tcp[2] === undefined ? 2375 : Number(tcp[2]);
    if (ip !== null && port > 0 && port < 65536) return { proto: 'tcp', addr: `${tcp[1] || '0.0.0.0'}:${port}`, ip, port };
  }
  return `error parsing -H ${h}: Invalid bind address format: ${h}`;
}

export function* dockerd(argv: string[], ctx: ProcContext, out: Output): Proc {
  const o = parse(argv.slice(1));
  if (typeof o === 'string') {
    out.err(o);
    return 1;
  }
  const daemon = daemonOf(ctx.world, ctx.host);
  if (!daemon) {
    out.err(`bash: dockerd: command not found`);
    return 127;
  }
  if (o.flags.has('version')) {
    out.line(`Docker version ${ENGINE.Version}, build ${ENGINE.GitCommit}`);
    return 0;
  }
  if (o.flags.has('help')) {
    out.err('vethlab: dockerd --help is not simulated (see `man dockerd` on a real host); the options it accepts here: -H/--host, --debug, --tlsverify, --pidfile, --data-root and the daemon.json settings');
    return 1;
  }
  const units = dockerUnits(daemon);
  const hosts = [];
  for (const h of o.hosts.length > 0 ? o.hosts : ['unix:///var/run/docker.sock']) {
    const n = normaliseHost(h);
    if (typeof n === 'string') {
      out.err(n);
      return 1;
    }
    hosts.push(n);
  }
  logLine(ctx, out, 'info', 'Starting up');
  if (!daemon.stopped) {
    out.err(`failed to start daemon, ensure docker is not running or delete ${o.pidfile}: process with PID ${units.foregroundPid ?? units.mainPid} is still running`);
    return 1;
  }
  // loadListeners: an unauthenticated TCP host is warned about, and startup slowed down.
  for (const h of hosts.filter((x) => x.proto === 'tcp')) {
    if (o.tlsverify) continue;
    const host = [['host', `tcp://${h.addr}`]] as Array<[string, string]>;
    logLine(ctx, out, 'warning', 'Binding to IP address without --tlsverify is insecure and gives root access on this machine to everyone who has access to your network.', host);
    logLine(ctx, out, 'warning', 'Binding to an IP address, even on localhost, can also give access to scripts run in a browser. Be safe out there!', host);
    yield { kind: 'timer', until: ctx.world.clock.now() + 1000 };
    if (o.flags.has('tls')) continue;
    if ((h.ip! >>> 24) === 127) continue;
    logLine(ctx, out, 'warning', 'Binding to an IP address without --tlsverify is deprecated. Startup is intentionally being slowed down to show this message', host);
    logLine(ctx, out, 'warning', 'Please consider generating tls certificates with client validation to prevent exposing unauthenticated root access to your network', host);
    logLine(ctx, out, 'warning', "You can override this by explicitly specifying '--tls=false' or '--tlsverify=false'", host);
    logLine(ctx, out, 'warning', 'Support for listening on TCP without authentication or explicit intent to run without authentication will be removed in the next release', host);
    yield { kind: 'timer', until: ctx.world.clock.now() + 15_000 };
  }
  // Another dockerd may have started meanwhile (systemctl start docker, a docker command through docker.socket).
  if (!daemon.stopped) {
    out.err(`failed to start daemon, ensure docker is not running or delete ${o.pidfile}: process with PID ${units.mainPid} is still running`);
    return 1;
  }
  const pid = ctx.world.rng.int(1000, 32000);
  for (const h of hosts.filter((x) => x.proto === 'tcp')) {
    const bindable = h.ip === 0 || isLocalAddr(ctx.ns, h.ip!);
    const taken = listenersOf(ctx.world).some((l) => l.nsId === ctx.ns.id && l.proto === 'tcp' && l.port === h.port);
    if (!bindable || taken) {
      out.err(`failed to load listeners: listen tcp ${h.addr}: bind: ${bindable ? 'address already in use' : 'cannot assign requested address'}`);
      return 1;
    }
  }
  const json = ctx.fs.read('/etc/docker/daemon.json', ctx.ns);
  const started = startDaemonProcess(ctx.world, ctx.host, daemon, json.ok ? json.data : undefined);
  if (!started.ok) {
    out.err(started.error);
    return 1;
  }
  daemon.config = { ...daemon.config!, hosts: hosts.map((h) => (h.proto === 'tcp' ? `tcp://${h.addr}` : h.proto === 'unix' ? `unix://${h.addr}` : 'fd://')) };
  units.foregroundPid = pid;
  units.foregroundCmd = argv.join(' ');
  units.foregroundSince = ctx.world.clock.now();
  ctx.world.changed();
  logLine(ctx, out, 'info', '[graphdriver] using prior storage driver: overlay2');
  logLine(ctx, out, 'info', 'Loading containers: start.');
  logLine(ctx, out, 'info', 'Loading containers: done.');
  logLine(ctx, out, 'info', 'Docker daemon', [['commit', ENGINE.GitCommit], ['containerd-snapshotter', 'false'], ['storage-driver', 'overlay2'], ['version', ENGINE.Version]]);
  logLine(ctx, out, 'info', 'Daemon has completed initialization');
  for (const h of hosts) logLine(ctx, out, 'info', `API listen on ${h.proto === 'tcp' ? h.addr : h.addr || '/run/docker.sock'}`);
  let signal: Signal | undefined;
  try {
    // Serves until a signal; another dockerd start (systemctl) cannot happen meanwhile.
    while (units.foregroundPid === pid && !daemon.stopped) yield { kind: 'timer', until: Infinity };
  } catch (e) {
    if (!(e instanceof Signal)) throw e;
    signal = e;
  }
  delete units.foregroundPid;
  delete units.foregroundCmd;
  delete units.foregroundSince;
  if (signal) logLine(ctx, out, 'info', `Processing signal '${signal.name === 'INT' ? 'interrupt' : signal.name === 'TERM' ? 'terminated' : 'killed'}'`);
  if (signal?.name === 'KILL') {
    daemon.stopped = true;
    return 137;
  }
  stopDockerd(ctx, daemon);
  logLine(ctx, out, 'info', 'stopping event stream following graceful shutdown', [['error', '<nil>'], ['module', 'libcontainerd'], ['namespace', 'moby']]);
  logLine(ctx, out, 'info', 'Daemon shutdown complete');
  logLine(ctx, out, 'info', 'stopping event stream following graceful shutdown', [['error', 'context canceled'], ['module', 'libcontainerd'], ['namespace', 'plugins.moby']]);
  logLine(ctx, out, 'info', 'stopping healthcheck following graceful shutdown', [['module', 'libcontainerd']]);
  daemon.config = { ...daemon.config!, hosts: ['unix:///var/run/docker.sock'] };
  return 0;
}
