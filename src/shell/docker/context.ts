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

/** The daemon of a host the endpoint already chose (tcp to another host, or the local socket). */
export function dockerCtxOn(sh: ShellContext): DockerCtx | undefined {
  const daemon = daemonOf(sh.world, sh.host);
  if (!daemon) return undefined;
  settle(sh.world, sh.host, daemon);
  return { sh, daemon };
}

/** How the client prints an error the Engine API answered with (docker/cli 28). */
export function errorResponse(message: string): string {
  return `Error response from daemon: ${message}`;
}

/** "Error response from daemon: ..." with exit status 1 (run/create print "docker: " first, the help hint, and exit 125; docker/cli 28). */
export function daemonError(text: string, cmd?: string): CommandResult {
  if (cmd) return fail(`docker: Error response from daemon: ${text}\n\nRun 'docker ${cmd} --help' for more information`, 125);
  return fail(errorResponse(text), 1);
}

/** cobra's UseLine of the commands whose flag errors print a usage block (docker/cli 28). */
const USAGE: Record<string, string> = {
  run: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  create: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  ps: '[OPTIONS]',
  start: '[OPTIONS] CONTAINER [CONTAINER...]',
  stop: '[OPTIONS] CONTAINER [CONTAINER...]',
  restart: '[OPTIONS] CONTAINER [CONTAINER...]',
  kill: '[OPTIONS] CONTAINER [CONTAINER...]',
  rm: '[OPTIONS] CONTAINER [CONTAINER...]',
  logs: '[OPTIONS] CONTAINER',
  top: 'CONTAINER [ps OPTIONS]',
  stats: '[OPTIONS] [CONTAINER...]',
  update: '[OPTIONS] CONTAINER [CONTAINER...]',
  attach: '[OPTIONS] CONTAINER',
  inspect: '[OPTIONS] NAME|ID [NAME|ID...]',
  exec: '[OPTIONS] CONTAINER COMMAND [ARG...]',
  info: '[OPTIONS]',
  version: '[OPTIONS]',
};

/**
 * A client-side error, exit status 125. Flag errors ("unknown flag: --x") get the usage block;
 * validation errors ("docker: invalid …") only the help hint, as docker/cli 28 prints them.
 */
export function usageError(cmd: string, message: string): CommandResult {
  const usage = USAGE[cmd];
  if (message.startsWith('docker: ') || usage === undefined) return fail(`${message}\n\nRun 'docker ${cmd} --help' for more information`, 125);
  return fail(`${message}\n\nUsage:  docker ${cmd} ${usage}\n\nRun 'docker ${cmd} --help' for more information`, 125);
}

/**
 * Wrong number of arguments (cli/required.go, docker/cli 28): "requires at least N argument(s)"
 * ends with "See '… --help'", the exact/at-most/no-argument forms with "Run '… --help'". Exit 1.
 */
export function argsError(cmd: string, usage: string, _summary: string, what = 'at least 1 argument'): CommandResult {
  const head = `docker: 'docker ${cmd}'`;
  const block = `\n\nUsage:  docker ${cmd}${usage ? ' ' + usage : ''}\n\n`;
  if (what.startsWith('at least')) return fail(`${head} requires ${what}${block}See 'docker ${cmd} --help' for more information`, 1);
  const phrase = what === 'no arguments' ? 'accepts no arguments' : `requires ${what.replace(/^exactly /, '')}`;
  return fail(`${head} ${phrase}${block}Run 'docker ${cmd} --help' for more information`, 1);
}
