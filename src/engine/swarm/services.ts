/**
 * Services: create, scale, rolling update, rollback, remove. Each changes the spec, then the
 * orchestrator converges the tasks. A rolling update replaces tasks in batches of
 * `updateParallelism`, `updateDelay` apart, on the simulated clock (stop-first, as swarm's default).
 */
import type { World } from '../world';
import { err, ok, type Result } from '../../common/result';
import { allocateOverlayIp, findOverlay, serviceNetworkIds } from './overlay';
import { liveTasks, placeTask, reconcileService } from './orchestrator';
import { newSwarmId } from './state';
import { stopTask } from './tasks';
import { refreshMesh } from './mesh';
import { noSuchService } from './messages';
import type { Cluster, Service, ServiceSpec } from './types';

/** How long one batch of task replacements takes (stop the old container, start the new one). */
export const TASK_RESTART_MS = 1000;

export function findService(cluster: Cluster, ref: string): Service | undefined {
  return cluster.services.find((s) => s.id === ref) ?? cluster.services.find((s) => s.spec.name === ref) ?? onlyOne(cluster.services.filter((s) => s.id.startsWith(ref)));
}

function onlyOne<T>(list: T[]): T | undefined {
  return list.length === 1 ? list[0] : undefined;
}

export function createService(world: World, cluster: Cluster, spec: ServiceSpec): Result<Service> {
  if (cluster.services.some((s) => s.spec.name === spec.name)) return err(`rpc error: code = AlreadyExists desc = name conflicts with an existing object: service ${spec.name} already exists`);
  const clash = spec.ports.find((p) => p.mode === 'ingress' && cluster.services.some((s) => s.spec.ports.some((q) => q.mode === 'ingress' && q.published === p.published && q.protocol === p.protocol)));
  if (clash) {
    const owner = cluster.services.find((s) => s.spec.ports.some((q) => q.published === clash.published))!;
    return err(`rpc error: code = InvalidArgument desc = port '${clash.published}' is already in use by service '${owner.spec.name}' (${owner.id}) as an ingress port`);
  }
  const now = world.clock.now();
  const service: Service = { id: newSwarmId(world), spec, version: 1, createdAt: now, updatedAt: now, vips: {} };
  cluster.services.push(service);
  assignVips(cluster, service);
  reconcileService(world, cluster, service);
  world.changed();
  return ok(service);
}

/** A VIP on ingress (for published ports) and on each of the service's networks. */
function assignVips(cluster: Cluster, service: Service): void {
  const wanted = serviceNetworkIds(cluster, service);
  for (const id of Object.keys(service.vips)) if (!wanted.includes(id) || service.spec.endpointMode === 'dnsrr') delete service.vips[id];
  if (service.spec.endpointMode === 'dnsrr') return;
  for (const id of wanted) {
    if (service.vips[id] !== undefined) continue;
    const net = cluster.networks.find((n) => n.id === id);
    const ip = net ? allocateOverlayIp(cluster, net) : undefined;
    if (ip !== undefined) service.vips[id] = ip;
  }
}

export function scaleService(world: World, cluster: Cluster, service: Service, replicas: number): void {
  service.previousSpec = structuredClone(service.spec);
  service.spec.replicas = replicas;
  service.version++;
  service.updatedAt = world.clock.now();
  reconcileService(world, cluster, service);
  world.changed();
}

/** Whether the change needs new tasks (image, command, env, networks) or just a new count. */
function changesTasks(a: ServiceSpec, b: ServiceSpec): boolean {
  return a.image !== b.image || a.args.join('\0') !== b.args.join('\0') || a.env.join('\0') !== b.env.join('\0') || a.networks.join() !== b.networks.join() || JSON.stringify(a.ports) !== JSON.stringify(b.ports) || a.constraints.join() !== b.constraints.join();
}

/** Applies a new spec; task-changing updates roll through the tasks and advance the clock. */
export function updateService(world: World, cluster: Cluster, service: Service, next: ServiceSpec, opts: { force?: boolean; rollback?: boolean } = {}): void {
  const prev = service.spec;
  const roll = opts.force === true || changesTasks(prev, next);
  service.previousSpec = opts.rollback ? undefined : structuredClone(prev);
  service.spec = next;
  service.version++;
  service.updatedAt = world.clock.now();
  service.updateStartedAt = world.clock.now();
  assignVips(cluster, service);
  if (roll) rollingReplace(world, cluster, service);
  reconcileService(world, cluster, service);
  service.updateState = opts.rollback ? 'rollback_completed' : 'completed';
  service.updateCompletedAt = world.clock.now();
  world.changed();
}

export function rollbackService(world: World, cluster: Cluster, service: Service): Result<void> {
  if (!service.previousSpec) return err(`service ${service.spec.name}: rpc error: code = FailedPrecondition desc = service ${service.id} does not have a previous spec`);
  updateService(world, cluster, service, service.previousSpec, { rollback: true });
  return ok(undefined);
}

function rollingReplace(world: World, cluster: Cluster, service: Service): void {
  const old = liveTasks(cluster, service).sort((a, b) => a.slot - b.slot || (a.nodeId < b.nodeId ? -1 : 1));
  const batch = service.spec.updateParallelism > 0 ? service.spec.updateParallelism : old.length;
  const nodeById = new Map(cluster.nodes.map((n) => [n.id, n]));
  for (let i = 0; i < old.length; i += batch) {
    if (i > 0) world.clock.advance(service.spec.updateDelay);
    for (const task of old.slice(i, i + batch)) {
      const node = nodeById.get(task.nodeId);
      stopTask(world, task, node);
      if (node) placeTask(world, cluster, service, task.slot, node);
    }
    world.clock.advance(TASK_RESTART_MS);
  }
}

export function removeService(world: World, cluster: Cluster, ref: string): Result<Service> {
  const service = findService(cluster, ref);
  if (!service) return err(noSuchService(ref));
  const nodeById = new Map(cluster.nodes.map((n) => [n.id, n]));
  for (const t of cluster.tasks) if (t.serviceId === service.id) stopTask(world, t, nodeById.get(t.nodeId));
  cluster.tasks = cluster.tasks.filter((t) => t.serviceId !== service.id);
  cluster.services = cluster.services.filter((s) => s !== service);
  refreshMesh(world, cluster);
  world.changed();
  return ok(service);
}

/** Resolves `--network` references to overlay ids (the error is the daemon's). */
export function resolveNetworks(cluster: Cluster, refs: string[]): Result<string[]> {
  const ids: string[] = [];
  for (const ref of refs) {
    const net = findOverlay(cluster, ref);
    if (!net) return err(`network ${ref} not found`);
    if (net.ingress) return err(`rpc error: code = InvalidArgument desc = Service cannot be explicitly attached to the ingress network "${net.name}"`);
    ids.push(net.id);
  }
  return ok(ids);
}
