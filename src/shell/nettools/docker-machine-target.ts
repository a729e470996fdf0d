/**
 * Which daemon a docker command talks to: DOCKER_HOST=tcp://IP:PORT (what `eval $(docker-machine
 * env NAME)` exports) names another host of the world; otherwise the local daemon.
 */
import type { Host } from '../../engine/net/types';
import type { ShellContext } from '../types';
import { resolveHost } from './ssh';

/** The shell context as seen by the daemon's host, or undefined when DOCKER_HOST names no reachable host. */
export function daemonContext(sh: ShellContext): ShellContext | undefined {
  const target = sh.env['DOCKER_HOST'];
  if (target === undefined || target === '' || target.startsWith('unix://')) return sh;
  const m = /^tcp:\/\/([^:/]+)(?::\d+)?\/?$/.exec(target);
  if (!m) return undefined;
  const host: Host | undefined = resolveHost(sh.world, m[1]!);
  if (!host) return undefined;
  if (host.id === sh.host.id) return sh;
  const ns = sh.world.netns(host.rootNsId);
  const up = Object.values(sh.world.state.links).some((l) => l.nsId === ns.id && l.name !== 'lo' && l.adminUp);
  if (!up) return undefined;
  return { ...sh, host, ns };
}

export function noDaemonText(sh: ShellContext, local: string): string {
  const target = sh.env['DOCKER_HOST'];
  return target && !target.startsWith('unix://') ? `Cannot connect to the Docker daemon at ${target}. Is the docker daemon running?` : local;
}
