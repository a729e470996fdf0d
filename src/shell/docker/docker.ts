/** `docker`: the client. Global flags, then the subcommand (also the `docker container …` / `docker image …` forms). */
import { fail, type CommandResult, type ShellContext, success } from '../types';
import { dockerCtx, NO_DAEMON, type DockerCtx } from './context';
import { activateBySocket } from './dockerd-service';
import { dockerLogin, dockerLogout } from './login';
import { servesUnixSocket } from '../../engine/docker/units';
import { dockerExec } from './exec';
import { dockerImages, dockerPull, dockerRmi } from './images';
import { dockerInspect } from './inspect';
import { dockerKill, dockerLogs, dockerPause, dockerPort, dockerRename, dockerRestart, dockerRm, dockerStart, dockerStop, dockerWait } from './lifecycle';
import { dockerImageInspect, dockerTag } from './image-inspect';
import { dockerNetwork } from './network';
import { dockerPs } from './ps';
import { dockerRun } from './run';
import { clientOnlyVersion, dockerVersion } from './version';
import { dockerInfo } from './info';
import { dockerTop } from './top';
import { dockerStats } from './stats';
import { dockerUpdate } from './update';
import { dockerAttach } from './attach';
import { dockerContext } from './context-cli';
import { chooseEndpoint, connect, parseGlobals } from './context-endpoint';
import { dockerCtxOn } from './context';
import { dockerSwarm } from './swarm';
import { followAttachments } from './swarm-attach';
import { dockerNode } from './node';
import { dockerService } from './service';
import { dockerStack } from './stack';
import { dockerCompose } from './compose';
import { dockerPlugin } from './plugin';
import { dockerSwarmObject } from './secret';
import { noDaemonText } from '../nettools/docker-machine-target';
import { dockerVolume } from './volume';
import { dockerBuild } from './build';
import { CLIENT } from '../../engine/docker/engine-info';
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
  info: dockerInfo,
  top: dockerTop,
  stats: dockerStats,
  update: dockerUpdate,
  attach: dockerAttach,
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
  login: dockerLogin,
  ...dockerStorageSubcommands(),
};

const CONTAINER_ALIASES: Record<string, string> = { top: 'top', stats: 'stats', update: 'update', attach: 'attach', ls: 'ps', list: 'ps', run: 'run', create: 'create', start: 'start', stop: 'stop', restart: 'restart', kill: 'kill', rm: 'rm', remove: 'rm', logs: 'logs', exec: 'exec', inspect: 'inspect', port: 'port', rename: 'rename', wait: 'wait', pause: 'pause', unpause: 'unpause', ...CONTAINER_STORAGE_ALIASES };
const IMAGE_ALIASES: Record<string, string> = { ls: 'images', list: 'images', pull: 'pull', rm: 'rmi', remove: 'rmi', inspect: 'image-inspect', tag: 'tag', ...IMAGE_STORAGE_ALIASES };

export function docker(argv: string[], ctx: ShellContext): CommandResult {
  const { globals, rest: args } = parseGlobals(argv.slice(1));
  let [sub, ...rest] = args;
  if (sub === undefined) return success(USAGE);
  // docker/cli prints the client's own version and commit.
  if (sub === '--version' || sub === '-v') return success(`Docker version ${CLIENT.Version}, build ${CLIENT.GitCommit}\n`);
  if (sub === 'context') return dockerContext(ctx, globals, rest);
  // The client alone: no daemon needed.
  if (sub === 'logout') return dockerLogout(ctx, rest);
  if (sub === 'container' || sub === 'image') {
    const map = sub === 'container' ? CONTAINER_ALIASES : IMAGE_ALIASES;
    const inner = rest[0] === undefined ? undefined : map[rest[0]];
    if (inner === undefined) return fail(`docker: '${sub} ${rest[0] ?? ''}' is not a docker command.\nSee 'docker --help'`, 1);
    sub = inner;
    rest = rest.slice(1);
  }
  const fn = Object.prototype.hasOwnProperty.call(SUBCOMMANDS, sub) && !((sub === 'image-inspect' || sub === 'image-prune') && args[0] !== 'image') ? SUBCOMMANDS[sub] : undefined;
  if (!fn) return fail(`docker: '${sub}' is not a docker command.\nSee 'docker --help'`, 1);
  // The endpoint: -H, DOCKER_HOST or the context; the local socket, tcp on another host (docker-machine), or nothing.
  const endpoint = chooseEndpoint(ctx, globals);
  if (!endpoint.ok) return fail(endpoint.error, 1);
  // docker.socket starts a stopped dockerd when a client connects to the local socket.
  if (endpoint.host === 'unix:///var/run/docker.sock' || endpoint.host === 'unix:///run/docker.sock') activateBySocket(ctx);
  const target = endpoint.host === 'unix:///var/run/docker.sock' && !globals.host && !ctx.env['DOCKER_HOST'] ? ctx : connect(ctx, globals, endpoint.host);
  if (typeof target === 'string') return sub === 'version' ? clientOnlyVersion(endpoint.context, target) : fail(target, 1);
  const d = target === ctx ? dockerCtx(ctx) : dockerCtxOn(target);
  if (!d || d.daemon.stopped || (endpoint.host.startsWith('unix://') && !servesUnixSocket(d.daemon))) return sub === 'version' ? clientOnlyVersion(endpoint.context, noDaemonText(ctx, NO_DAEMON)) : fail(noDaemonText(ctx, NO_DAEMON), 1);
  if (sub === 'version') return dockerVersion(d, rest, endpoint.context);
  if (sub === 'info') return dockerInfo(d, rest, endpoint.context);
  const result = fn(d, rest);
  followAttachments(d);
  return result;
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
