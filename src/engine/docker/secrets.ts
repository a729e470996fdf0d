/**
 * Swarm secrets and configs: cluster objects kept by the managers (raft), created from a file or
 * stdin, referenced by services (`--secret`, `--config`) and mounted into their tasks:
 * secrets at /run/secrets/NAME (tmpfs, never on disk), configs at /NAME or the given target.
 * One module for both: they differ only in that a config's data can be read back (inspect).
 */
import type { World } from '../world';
import type { Host, WorldState } from '../net/types';
import { err, ok, type Result } from '../../common/result';
import { allClusters, membershipOf, newSwarmId } from '../swarm/state';
import { NOT_IN_SWARM_MANAGER, WORKER_NOT_MANAGER } from '../swarm/messages';
import { referenceChecks } from '../swarm/references';
import type { Cluster } from '../swarm/types';

export type ObjectKind = 'secret' | 'config';

export interface SwarmObject {
  id: string;
  name: string;
  data: string;
  labels: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  version: number;
}

interface ClusterObjects {
  secret: SwarmObject[];
  config: SwarmObject[];
}

type ObjectsWorldState = WorldState & { swarmObjects?: Record<string, ClusterObjects> };

export function objectsOf(world: World, cluster: Cluster, kind: ObjectKind): SwarmObject[] {
  const state = world.state as ObjectsWorldState;
  return ((state.swarmObjects ??= {})[cluster.id] ??= { secret: [], config: [] })[kind];
}

/** The cluster, when this host's daemon is a manager of one; else the daemon's refusal. */
export function managerCluster(world: World, host: Host): Result<Cluster> {
  const m = membershipOf(world, host);
  if (!m) return err(NOT_IN_SWARM_MANAGER);
  if (m.node.role !== 'manager') return err(WORKER_NOT_MANAGER);
  return ok(m.cluster);
}

export function findObject(list: SwarmObject[], ref: string): SwarmObject | undefined {
  const exact = list.find((o) => o.id === ref || o.name === ref);
  if (exact) return exact;
  const byPrefix = list.filter((o) => o.id.startsWith(ref));
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}

export function createObject(world: World, cluster: Cluster, kind: ObjectKind, name: string, data: string, labels: Record<string, string>): Result<SwarmObject> {
  const list = objectsOf(world, cluster, kind);
  if (list.some((o) => o.name === name)) return err(`rpc error: code = AlreadyExists desc = ${kind} ${name} already exists`);
  if (!/^[a-zA-Z0-9]+(?:[a-zA-Z0-9-_.]*[a-zA-Z0-9])?$/.test(name) || name.length > 64) return err(`rpc error: code = InvalidArgument desc = invalid name, only 64 [a-zA-Z0-9-_.] characters allowed, and the start and end character must be [a-zA-Z0-9]`);
  if (data.length === 0 && kind === 'secret') return err('rpc error: code = InvalidArgument desc = secret data must be larger than 0 and less than 512000 bytes');
  cluster.version++;
  const now = world.clock.now();
  const o: SwarmObject = { id: newSwarmId(world), name, data, labels, createdAt: now, updatedAt: now, version: cluster.version };
  list.push(o);
  world.changed();
  return ok(o);
}

/** Services of the cluster that reference the object (it cannot be removed then). */
export function usersOf(cluster: Cluster, kind: ObjectKind, o: SwarmObject): string[] {
  return cluster.services.filter((s) => (kind === 'secret' ? s.spec.secrets : s.spec.configs).some((r) => refName(r) === o.name || refName(r) === o.id)).map((s) => s.spec.name);
}

export function removeObject(world: World, cluster: Cluster, kind: ObjectKind, o: SwarmObject): Result<void> {
  const users = usersOf(cluster, kind, o);
  if (users.length > 0) return err(`rpc error: code = InvalidArgument desc = ${kind} '${o.name}' is in use by the following service${users.length > 1 ? 's' : ''}: ${users.join(', ')}`);
  const list = objectsOf(world, cluster, kind);
  list.splice(list.indexOf(o), 1);
  world.changed();
  return ok(undefined);
}

/** `--secret NAME` / `--secret source=NAME,target=T`: the object's name. */
export function refName(ref: string): string {
  const fields = Object.fromEntries(ref.split(',').map((f) => (f.includes('=') ? [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)] : ['source', f])));
  return fields['source'] ?? fields['src'] ?? ref;
}

/** Where a reference is mounted in a task: /run/secrets/NAME (or target), /NAME for configs (or target). */
export function refTarget(kind: ObjectKind, ref: string): string {
  const fields = Object.fromEntries(ref.split(',').filter((f) => f.includes('=')).map((f) => [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)]));
  const target = fields['target'] ?? fields['dst'] ?? fields['destination'];
  const name = refName(ref);
  if (kind === 'secret') return target === undefined ? `/run/secrets/${name}` : target.startsWith('/') ? target : `/run/secrets/${target}`;
  return target ?? `/${name}`;
}

/**
 * The files a service task gets from its secret and config references (path -> content): the
 * swarm's task creation copies them into the task container's files.
 */
export function taskFiles(world: World, cluster: Cluster, secrets: string[], configs: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [kind, refs] of [['secret', secrets], ['config', configs]] as const) {
    for (const ref of refs) {
      const o = findObject(objectsOf(world, cluster, kind), refName(ref));
      if (o) files[refTarget(kind, ref)] = o.data;
    }
  }
  return files;
}

// service create --secret/--config resolve their names here (docker/cli's ParseSecrets/ParseConfigs message).
referenceChecks.secret = (world, cluster, name) => (findObject(objectsOf(world, cluster, 'secret'), name) ? undefined : `secret not found: ${name}`);
referenceChecks.config = (world, cluster, name) => (findObject(objectsOf(world, cluster, 'config'), name) ? undefined : `config not found: ${name}`);

/** taskFiles for a service of any cluster (what task creation calls). */
export function serviceFiles(world: World, service: { spec: { secrets: string[]; configs: string[] } }): Record<string, string> {
  const cluster = allClusters(world).find((c) => c.services.some((s) => s.spec === service.spec));
  return cluster ? taskFiles(world, cluster, service.spec.secrets, service.spec.configs) : {};
}
