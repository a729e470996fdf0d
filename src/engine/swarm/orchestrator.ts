/**
 * The orchestrator and scheduler: keeps each service's desired tasks running on eligible nodes,
 * spreading replicas (fewest tasks of the service, then fewest tasks), replacing tasks whose node
 * went down, drained or left, and trimming the history to the cluster's limit (5 tasks per slot by default).
 */
import type { World } from '../world';
import { nodeUp } from './quorum';
import { allocateOverlayIp } from './overlay';
import { newSwarmId } from './state';
import { startTask, stopTask } from './tasks';
import { refreshMesh } from './mesh';
import { taskHistoryLimit } from './settings';
import type { Cluster, Service, SwarmNode, Task } from './types';

/** `node.role==manager`, `node.hostname!=node2`, `node.labels.zone==east`. */
export function constraintHolds(node: SwarmNode, constraint: string): boolean {
  const m = /^\s*([\w.-]+)\s*(==|!=)\s*(.+?)\s*$/.exec(constraint);
  if (!m) return false;
  const [, key, op, want] = m as unknown as [string, string, string, string];
  let have: string | undefined;
  if (key === 'node.role') have = node.role;
  else if (key === 'node.hostname') have = node.hostname;
  else if (key === 'node.id') have = node.id;
  else if (key === 'node.platform.os') have = 'linux';
  else if (key.startsWith('node.labels.')) have = node.labels[key.slice('node.labels.'.length)];
  return op === '==' ? have === want : have !== want;
}

/** Nodes a new task of the service may go to. */
export function eligibleNodes(world: World, cluster: Cluster, service: Service): SwarmNode[] {
  return cluster.nodes.filter((n) => nodeUp(world, n) && n.availability === 'active' && service.spec.constraints.every((c) => constraintHolds(n, c)));
}

/** Nodes where existing tasks may keep running (pause keeps them, drain and down do not). */
function keepsTasks(world: World, node: SwarmNode | undefined, service: Service): boolean {
  return node !== undefined && nodeUp(world, node) && node.availability !== 'drain' && service.spec.constraints.every((c) => constraintHolds(node, c));
}

export function liveTasks(cluster: Cluster, service: Service): Task[] {
  return cluster.tasks.filter((t) => t.serviceId === service.id && t.desired === 'running');
}

export function reconcile(world: World, cluster: Cluster): void {
  for (const service of cluster.services) reconcileService(world, cluster, service, false);
  refreshMesh(world, cluster);
}

/** `mesh: false` when the caller rewrites the routing mesh itself afterwards. */
export function reconcileService(world: World, cluster: Cluster, service: Service, mesh = true): void {
  const nodeById = new Map(cluster.nodes.map((n) => [n.id, n]));
  for (const t of liveTasks(cluster, service)) if (!keepsTasks(world, nodeById.get(t.nodeId), service)) stopTask(world, t, nodeById.get(t.nodeId));
  const eligible = eligibleNodes(world, cluster, service);
  if (service.spec.mode === 'global') {
    for (const node of eligible) if (!liveTasks(cluster, service).some((t) => t.nodeId === node.id)) placeTask(world, cluster, service, 0, node);
  } else {
    const live = liveTasks(cluster, service);
    for (const t of live) if (t.slot > service.spec.replicas) dropTask(world, cluster, t, nodeById.get(t.nodeId));
    const bySlot = new Set(liveTasks(cluster, service).map((t) => t.slot));
    const load = taskLoad(cluster, service);
    for (let slot = 1; slot <= service.spec.replicas; slot++) {
      if (bySlot.has(slot)) continue;
      const node = pickNode(load, eligible);
      if (!node) continue;
      placeTask(world, cluster, service, slot, node);
      load.mine.set(node.id, (load.mine.get(node.id) ?? 0) + 1);
      load.total.set(node.id, (load.total.get(node.id) ?? 0) + 1);
    }
  }
  trimHistory(cluster, service);
  if (mesh) refreshMesh(world, cluster);
}

interface TaskLoad {
  /** Running tasks of the service being placed, per node id. */
  mine: Map<string, number>;
  /** Running tasks of every service, per node id. */
  total: Map<string, number>;
}

function taskLoad(cluster: Cluster, service: Service): TaskLoad {
  const mine = new Map<string, number>();
  const total = new Map<string, number>();
  for (const t of cluster.tasks) {
    if (t.desired !== 'running') continue;
    total.set(t.nodeId, (total.get(t.nodeId) ?? 0) + 1);
    if (t.serviceId === service.id) mine.set(t.nodeId, (mine.get(t.nodeId) ?? 0) + 1);
  }
  return { mine, total };
}

/** Spread: the node with the fewest running tasks of this service, then fewest tasks overall. */
function pickNode(load: TaskLoad, eligible: SwarmNode[]): SwarmNode | undefined {
  let best: SwarmNode | undefined;
  let bestKey: [number, number] = [Infinity, Infinity];
  for (const node of eligible) {
    const key: [number, number] = [load.mine.get(node.id) ?? 0, load.total.get(node.id) ?? 0];
    if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      best = node;
      bestKey = key;
    }
  }
  return best;
}

export function placeTask(world: World, cluster: Cluster, service: Service, slot: number, node: SwarmNode): Task {
  const now = world.clock.now();
  const task: Task = { id: newSwarmId(world), serviceId: service.id, slot, nodeId: node.id, image: service.spec.image, desired: 'running', state: 'pending', since: now, createdAt: now, error: '', containerId: null, addrs: {}, specVersion: service.version };
  cluster.tasks.push(task);
  for (const netId of Object.keys(service.vips)) {
    const net = cluster.networks.find((n) => n.id === netId);
    const ip = net ? allocateOverlayIp(cluster, net) : undefined;
    if (ip !== undefined) task.addrs[netId] = ip;
  }
  startTask(world, service, task, node);
  return task;
}

/** Scaled away: the task and its container go (no history entry). */
function dropTask(world: World, cluster: Cluster, task: Task, node: SwarmNode | undefined): void {
  stopTask(world, task, node);
  cluster.tasks = cluster.tasks.filter((t) => t !== task);
}

/** Orchestration.TaskHistoryRetentionLimit (`swarm update --task-history-limit`, 5 by default; negative keeps all). */
function trimHistory(cluster: Cluster, service: Service): void {
  const limit = taskHistoryLimit(cluster);
  // Only tasks that ended are ever trimmed: a service without any has nothing to sort.
  if (limit < 0 || !cluster.tasks.some((t) => t.serviceId === service.id && t.desired !== 'running')) return;
  const bySlot = new Map<string, Task[]>();
  for (const t of cluster.tasks) {
    if (t.serviceId !== service.id) continue;
    const key = t.slot > 0 ? String(t.slot) : t.nodeId;
    (bySlot.get(key) ?? bySlot.set(key, []).get(key)!).push(t);
  }
  const drop = new Set<Task>();
  for (const tasks of bySlot.values()) {
    const old = tasks.filter((t) => t.desired !== 'running').sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
    if (limit < 0) continue;
    const keep = Math.max(0, limit - tasks.filter((t) => t.desired === 'running').length);
    for (const t of old.slice(keep)) drop.add(t);
  }
  if (drop.size > 0) cluster.tasks = cluster.tasks.filter((t) => !drop.has(t));
}
