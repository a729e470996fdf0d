/** A task's container on its node's daemon: `web.1.<task id>`, started from the service's image. */
import type { World } from '../world';
import type { Host } from '../net/types';
import { daemonOf } from '../docker/daemon';
import { findInCatalog, parseImageRef } from '../docker/catalog';
import { createContainer, removeContainer, startContainer } from '../docker/containers';
import { serviceFiles } from '../docker/secrets';
import type { DaemonState, Image } from '../docker/types';
import { ensureGatewayBridge } from './overlay';
import type { Service, SwarmNode, Task } from './types';

export function taskName(service: Service, task: Task): string {
  return `${service.spec.name}.${task.slot > 0 ? task.slot : task.nodeId}`;
}

/** The image on the node, pulled from the catalog when missing (each node pulls for itself). */
function nodeImage(daemon: DaemonState, text: string): Image | string {
  const ref = parseImageRef(text);
  if (!ref) return `invalid reference format`;
  const here = daemon.images.find((i) => i.repo === ref.repo && i.tag === ref.tag);
  if (here) return here;
  const found = findInCatalog(ref);
  if (found.kind !== 'found') return `No such image: ${ref.repo}:${ref.tag}`;
  daemon.images.push(found.image);
  return found.image;
}

function hostOf(world: World, node: SwarmNode): Host | undefined {
  return world.state.hosts[node.hostId];
}

/** Starts the task's container; a missing image rejects the task (swarm's "No such image"). */
export function startTask(world: World, service: Service, task: Task, node: SwarmNode): void {
  const host = hostOf(world, node);
  const daemon = host ? daemonOf(world, host) : undefined;
  if (!host || !daemon) return reject(task, world, 'node has no docker daemon');
  ensureGatewayBridge(world, host);
  const image = nodeImage(daemon, task.image);
  if (typeof image === 'string') return reject(task, world, image);
  const created = createContainer(world, daemon, {
    name: `${taskName(service, task)}.${task.id}`,
    // The CLI pins the image by digest; task containers show it that way in `docker ps`.
    image: `${image.repo}:${image.tag}@${image.digest}`,
    imageObj: image,
    command: service.spec.args,
    env: service.spec.env,
    tty: false,
    interactive: false,
    autoRemove: false,
    restart: 'no',
    network: 'docker_gwbridge',
    ports: [],
    publishAll: false,
    links: [],
    aliases: [],
  });
  if (!created.ok) return reject(task, world, created.error);
  // Secrets (/run/secrets/NAME) and configs (their target) are files of the task's container.
  const mounted = service.spec.secrets.length + service.spec.configs.length > 0 ? serviceFiles(world, service) : {};
  if (Object.keys(mounted).length > 0) created.value.files = { ...(created.value.files ?? {}), ...mounted };
  const started = startContainer(world, host, daemon, created.value);
  if (!started.ok) return reject(task, world, started.error);
  task.containerId = created.value.id;
  task.state = 'running';
  task.since = world.clock.now();
}

function reject(task: Task, world: World, error: string): void {
  task.state = 'rejected';
  task.desired = 'shutdown';
  task.error = error;
  task.since = world.clock.now();
}

/** Stops and removes the task's container (the task stays in the history as Shutdown). */
export function stopTask(world: World, task: Task, node: SwarmNode | undefined): void {
  task.desired = 'shutdown';
  if (task.state === 'running') {
    task.state = 'shutdown';
    task.since = world.clock.now();
  }
  const host = node ? hostOf(world, node) : undefined;
  const daemon = host ? daemonOf(world, host) : undefined;
  if (host && daemon && task.containerId) {
    const c = daemon.containers.find((x) => x.id === task.containerId);
    if (c) removeContainer(world, host, daemon, c);
  }
  task.containerId = null;
}

/** The task's container on its node, if it runs. */
export function taskContainer(world: World, task: Task, node: SwarmNode | undefined) {
  const host = node ? hostOf(world, node) : undefined;
  const daemon = host ? daemonOf(world, host) : undefined;
  return daemon?.containers.find((c) => c.id === task.containerId);
}
