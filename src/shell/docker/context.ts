/** What every docker subcommand needs: the daemon (after the clock caught up) and the error printers. */
import { daemonOf } from '../../engine/docker/daemon';
import { settle } from '../../engine/docker/containers';
import type { DaemonState } from '../../engine/docker/types';
import { fail, type CommandResult, type ShellContext } from '../types';
import { daemonContext } from '../nettools/docker-machine-target';

export interface DockerCtx {
  sh: ShellContext;
  daemon: DaemonState;
}

export const NO_DAEMON = 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';

export function dockerCtx(local: ShellContext): DockerCtx | undefined {
  // DOCKER_HOST (docker-machine env) points the client at another host's daemon.
  const sh = daemonContext(local);
  if (!sh) return undefined;
  const daemon = daemonOf(sh.world, sh.host);
  if (!daemon) return undefined;
  settle(sh.world, sh.host, daemon);
  return { sh, daemon };
}

/** "Error response from daemon: ..." with exit status 1 (run/create print "docker: " first and exit 125). */
export function daemonError(text: string, cmd?: string): CommandResult {
  if (cmd) return fail(`docker: Error response from daemon: ${text}\nSee 'docker ${cmd} --help'.`, 125);
  return fail(`Error response from daemon: ${text}`, 1);
}

export function usageError(cmd: string, message: string): CommandResult {
  return fail(`${message}\nSee 'docker ${cmd} --help'.`, 125);
}

/** `"docker X" requires at least 1 argument.` with the usage lines docker/cli prints. */
export function argsError(cmd: string, usage: string, summary: string, what = 'at least 1 argument'): CommandResult {
  return fail(`"docker ${cmd}" requires ${what}.\nSee 'docker ${cmd} --help'.\n\nUsage:  docker ${cmd} ${usage}\n\n${summary}`, 1);
}
