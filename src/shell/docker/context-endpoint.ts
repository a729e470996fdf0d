/**
 * Which daemon the client talks to, as docker/cli decides it: -H/--host, else DOCKER_HOST, else
 * the context (--context, DOCKER_CONTEXT, the current one; `default` is unix:///var/run/docker.sock).
 * The local dockerd listens on its unix socket (and on tcp only if daemon.json's "hosts" says so);
 * tcp://IP of another host of the world reaches that host's daemon (docker-machine).
 */
import { daemonOf } from '../../engine/docker/daemon';
import type { DaemonState } from '../../engine/docker/types';
import { resolveHost } from '../nettools/ssh';
import { daemonContext } from '../nettools/docker-machine-target';
import { servesUnixSocket } from '../../engine/docker/units';
import type { ShellContext } from '../types';
import { sha256Hex } from '../../engine/docker/layers-sha256';

export interface DockerGlobals {
  host?: string;
  context?: string;
  tlsverify: boolean;
}

const VALUE_FLAGS = new Set(['-H', '--host', '-c', '--context', '--tlscacert', '--tlscert', '--tlskey', '--config', '-l', '--log-level']);
const BARE_FLAGS = new Set(['-D', '--debug', '--tls', '--tlsverify']);

/** Splits docker's global options from the subcommand; undefined value flags are left to the caller's error. */
export function parseGlobals(args: string[]): { globals: DockerGlobals; rest: string[] } {
  const globals: DockerGlobals = { tlsverify: false };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (BARE_FLAGS.has(name)) {
      if (name === '--tlsverify') globals.tlsverify = eq < 0 || a.slice(eq + 1) !== 'false';
      continue;
    }
    if (!VALUE_FLAGS.has(name) || (eq < 0 && i + 1 >= args.length)) break;
    const value = eq > 0 ? a.slice(eq + 1) : args[++i]!;
    if (name === '-H' || name === '--host') globals.host = value;
    if (name === '-c' || name === '--context') globals.context = value;
  }
  return { globals, rest: args.slice(i) };
}

export interface DockerContextEntry {
  name: string;
  description: string;
  host: string;
}

export const DEFAULT_SOCKET = 'unix:///var/run/docker.sock';

export function contextsOf(daemon: DaemonState | undefined): DockerContextEntry[] {
  return daemon?.contexts ?? [];
}

export function currentContextName(sh: ShellContext, globals: DockerGlobals): string {
  return globals.context ?? sh.env['DOCKER_CONTEXT'] ?? daemonOf(sh.world, sh.host)?.currentContext ?? 'default';
}

export function contextNotFound(name: string): string {
  return `context "${name}": context not found: open /root/.docker/contexts/meta/${sha256Hex(name)}/meta.json: no such file or directory`;
}

export type Endpoint = { ok: true; host: string; context: string } | { ok: false; error: string };

export function chooseEndpoint(sh: ShellContext, globals: DockerGlobals): Endpoint {
  const context = currentContextName(sh, globals);
  if (globals.host !== undefined) return { ok: true, host: globals.host, context };
  const env = sh.env['DOCKER_HOST'];
  if (env !== undefined && env !== '') return { ok: true, host: env, context };
  if (context === 'default') return { ok: true, host: DEFAULT_SOCKET, context };
  const entry = contextsOf(daemonOf(sh.world, sh.host)).find((c) => c.name === context);
  if (!entry) return { ok: false, error: contextNotFound(context) };
  return { ok: true, host: entry.host, context };
}

/** The shell context on the daemon's host, or the client's error text (exit 1). */
export function connect(sh: ShellContext, globals: DockerGlobals, endpoint: string): ShellContext | string {
  const refused = `Cannot connect to the Docker daemon at ${endpoint}. Is the docker daemon running?`;
  const tcp = /^tcp:\/\/([^:/]+)(?::(\d+))?\/?$/.exec(endpoint);
  if (globals.tlsverify && tcp && !sh.fs.read('/root/.docker/ca.pem', sh.ns).ok) return 'Failed to initialize: unable to resolve docker endpoint: open /root/.docker/ca.pem: no such file or directory';
  if (endpoint.startsWith('unix://')) {
    if (endpoint !== DEFAULT_SOCKET && endpoint !== 'unix:///run/docker.sock') return refused;
    const daemon = daemonOf(sh.world, sh.host);
    return daemon && servesUnixSocket(daemon) ? sh : refused;
  }
  if (!tcp) return `Cannot connect to the Docker daemon at ${endpoint}. Is the docker daemon running?`;
  const target = resolveHost(sh.world, tcp[1]!);
  if (target && target.id === sh.host.id) {
    const daemon = daemonOf(sh.world, sh.host);
    const port = tcp[2] ?? '2375';
    const listens = daemon && !daemon.stopped && (daemon.config?.hosts ?? []).some((h) => /^tcp:\/\/(?:0\.0\.0\.0|127\.0\.0\.1|[^:]*)?:(\d+)$/.exec(h)?.[1] === port);
    return listens ? sh : refused;
  }
  const remote = daemonContext({ ...sh, env: { ...sh.env, DOCKER_HOST: endpoint } });
  if (!remote) return refused;
  const daemon = daemonOf(remote.world, remote.host);
  return daemon && !daemon.stopped ? remote : refused;
}
