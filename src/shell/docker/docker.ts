/** `docker`: the client. Global flags, then the subcommand (also the `docker container …` / `docker image …` forms). */
import { fail, type CommandResult, type ShellContext } from '../types';
import { dockerCtx, NO_DAEMON, type DockerCtx } from './context';
import { dockerExec } from './exec';
import { dockerImages, dockerPull, dockerRmi } from './images';
import { dockerInspect } from './inspect';
import { dockerKill, dockerLogs, dockerPause, dockerPort, dockerRename, dockerRestart, dockerRm, dockerStart, dockerStop, dockerWait } from './lifecycle';
import { dockerImageInspect, dockerTag } from './image-inspect';
import { dockerNetwork } from './network';
import { dockerPs } from './ps';
import { dockerRun } from './run';
import { dockerVersion } from './version';
import { dockerSwarm } from './swarm';
import { dockerNode } from './node';
import { dockerService } from './service';
import { dockerStack } from './stack';
import { dockerCompose } from './compose';
import { dockerPlugin } from './plugin';
import { dockerSwarmObject } from './secret';
import { noDaemonText } from '../nettools/docker-machine-target';
import { dockerVolume } from './volume';
import { dockerBuild } from './build';
import { dockerStorageSubcommands, CONTAINER_STORAGE_ALIASES, IMAGE_STORAGE_ALIASES } from './system-commands';

type Sub = (d: DockerCtx, argv: string[]) => CommandResult;

const SUBCOMMANDS: Record<string, Sub> = {
  run: (d, a) => dockerRun(d, a),
  create: (d, a) => dockerRun(d, a, true),
  start: dockerStart,
  stop: dockerStop,
  restart: dockerRestart,
  kill: dockerKill,
  rm: dockerRm,
  ps: dockerPs,
  logs: dockerLogs,
  exec: dockerExec,
  inspect: (d, a) => dockerInspect(d, a),
  port: dockerPort,
  rename: dockerRename,
  wait: dockerWait,
  pull: dockerPull,
  images: dockerImages,
  rmi: dockerRmi,
  network: dockerNetwork,
  version: dockerVersion,
  pause: (d, a) => dockerPause(d, a, true),
  unpause: (d, a) => dockerPause(d, a, false),
  tag: dockerTag,
  'image-inspect': dockerImageInspect,
  swarm: dockerSwarm,
  node: dockerNode,
  service: dockerService,
  stack: dockerStack,
  compose: dockerCompose,
  plugin: dockerPlugin,
  secret: (d, a) => dockerSwarmObject(d, a, 'secret'),
  config: (d, a) => dockerSwarmObject(d, a, 'config'),
  volume: dockerVolume,
  build: dockerBuild,
  ...dockerStorageSubcommands(),
};

const CONTAINER_ALIASES: Record<string, string> = { ls: 'ps', list: 'ps', run: 'run', create: 'create', start: 'start', stop: 'stop', restart: 'restart', kill: 'kill', rm: 'rm', remove: 'rm', logs: 'logs', exec: 'exec', inspect: 'inspect', port: 'port', rename: 'rename', wait: 'wait', pause: 'pause', unpause: 'unpause', ...CONTAINER_STORAGE_ALIASES };
const IMAGE_ALIASES: Record<string, string> = { ls: 'images', list: 'images', pull: 'pull', rm: 'rmi', remove: 'rmi', inspect: 'image-inspect', tag: 'tag', ...IMAGE_STORAGE_ALIASES };

export function docker(argv: string[], ctx: ShellContext): CommandResult {
  let args = argv.slice(1);
  while (args[0] === '--debug' || args[0] === '-D' || args[0] === '--tls') args = args.slice(1);
  let [sub, ...rest] = args;
  if (sub === undefined) return { stdout: USAGE, stderr: '', exitCode: 0 };
  if (sub === '--version' || sub === '-v') return { stdout: 'Docker version 27.5.1, build 9f9e405\n', stderr: '', exitCode: 0 };
  if (sub === 'container' || sub === 'image') {
    const map = sub === 'container' ? CONTAINER_ALIASES : IMAGE_ALIASES;
    const inner = rest[0] === undefined ? undefined : map[rest[0]];
    if (inner === undefined) return fail(`docker: '${sub} ${rest[0] ?? ''}' is not a docker command.\nSee 'docker --help'`, 1);
    sub = inner;
    rest = rest.slice(1);
  }
  const fn = Object.prototype.hasOwnProperty.call(SUBCOMMANDS, sub) && !((sub === 'image-inspect' || sub === 'image-prune') && args[0] !== 'image') ? SUBCOMMANDS[sub] : undefined;
  if (!fn) return fail(`docker: '${sub}' is not a docker command.\nSee 'docker --help'`, 1);
  const d = dockerCtx(ctx);
  if (!d) return fail(noDaemonText(ctx, NO_DAEMON), 1);
  return fn(d, rest);
}

const USAGE = `
Usage:  docker [OPTIONS] COMMAND

A self-sufficient runtime for containers

Common Commands:
  run         Create and run a new container from an image
  exec        Execute a command in a running container
  ps          List containers
  build       Build an image from a Dockerfile
  pull        Download an image from a registry
  push        Upload an image to a registry
  images      List images
  login       Authenticate to a registry
  logout      Log out from a registry
  search      Search Docker Hub for images
  version     Show the Docker version information
  info        Display system-wide information

Run 'docker COMMAND --help' for more information on a command.
`;
