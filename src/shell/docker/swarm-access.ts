/** What swarm, node, service and stack commands share: the manager check and the converged cluster. */
import { managerAccess } from '../../engine/swarm/cluster';
import { reconcile } from '../../engine/swarm/orchestrator';
import type { Membership } from '../../engine/swarm/state';
import { type CommandResult, success } from '../types';
import { daemonError, type DockerCtx } from './context';

/** The cluster as a manager sees it (tasks moved off nodes that went down), or the daemon's error. */
export function asManager(d: DockerCtx): Membership | CommandResult {
  const access = managerAccess(d.sh.world, d.sh.host);
  if (!access.ok) return daemonError(access.error);
  reconcile(d.sh.world, access.value.cluster);
  return access.value;
}

export function isResult(x: Membership | CommandResult): x is CommandResult {
  return (x as CommandResult).exitCode !== undefined;
}

/** `docker X` with no subcommand: its usage and command list, as docker/cli prints it. */
export function groupUsage(name: string, summary: string, commands: Array<[string, string]>): CommandResult {
  const width = Math.max(...commands.map(([c]) => c.length));
  const lines = commands.map(([c, s]) => `  ${c.padEnd(width + 2)}${s}`).join('\n');
  return success(`\nUsage:  docker ${name} COMMAND\n\n${summary}\n\nCommands:\n${lines}\n\nRun 'docker ${name} COMMAND --help' for more information on a command.\n`);
}

export function unknownSub(name: string, sub: string): CommandResult {
  return { stdout: '', stderr: `docker: '${name} ${sub}' is not a docker command.\nSee 'docker --help'\n`, exitCode: 1 };
}
