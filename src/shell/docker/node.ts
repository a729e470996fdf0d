/** docker node ls / inspect / update / promote / demote / rm / ps. */
import { findNode, removeNode, setRole } from '../../engine/swarm/cluster';
import { noSuchNode } from '../../engine/swarm/messages';
import type { Availability, Cluster } from '../../engine/swarm/types';
import { reconcile } from '../../engine/swarm/orchestrator';
import { Output, fail, type CommandResult, success } from '../types';
import { argsError, usageError, type DockerCtx, errorResponse } from './context';
import { all, has, last, parseFlags, flagSpecs } from './flags';
import { printInspect } from './inspect';
import { nodeJson, nodePretty, nodeTable } from './node-format';
import { asManager, groupUsage, isResult, unknownSub } from './swarm-access';
import { taskTable } from './service-format';

export function dockerNode(d: DockerCtx, argv: string[]): CommandResult {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'ls':
    case 'list':
      return list(d, rest);
    case 'inspect':
      return inspect(d, rest);
    case 'update':
      return update(d, rest);
    case 'promote':
      return role(d, rest, 'manager');
    case 'demote':
      return role(d, rest, 'worker');
    case 'rm':
    case 'remove':
      return remove(d, rest);
    case 'ps':
      return ps(d, rest);
    case undefined:
      return groupUsage('node', 'Manage Swarm nodes', [
        ['demote', 'Demote one or more nodes from manager in the swarm'],
        ['inspect', 'Display detailed information on one or more nodes'],
        ['ls', 'List nodes in the swarm'],
        ['promote', 'Promote one or more nodes to manager in the swarm'],
        ['ps', 'List tasks running on one or more nodes, defaults to current node'],
        ['rm', 'Remove one or more nodes from the swarm'],
        ['update', 'Update a node'],
      ]);
    default:
      return unknownSub('node', sub);
  }
}

function list(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('q|quiet f|filter= format='), true);
  if (!parsed.ok) return usageError('node ls', parsed.error);
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster, node } = access;
  if (has(parsed.value, 'quiet')) return success(cluster.nodes.map((n) => n.id + '\n').join(''));
  return success(nodeTable(d.sh.world, cluster, node.id, cluster.nodes));
}

function resolve(cluster: Cluster, selfId: string, ref: string) {
  return ref === 'self' ? cluster.nodes.find((n) => n.id === selfId) : findNode(cluster, ref);
}

function inspect(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('pretty f|format='), true);
  if (!parsed.ok) return usageError('node inspect', parsed.error);
  if (parsed.value.args.length === 0) return argsError('node inspect', '[OPTIONS] self|NODE [NODE...]', 'Display detailed information on one or more nodes');
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster, node: self } = access;
  const out = new Output();
  const objects: unknown[] = [];
  for (const ref of parsed.value.args) {
    const n = resolve(cluster, self.id, ref);
    if (!n) return { stdout: out.stdout, stderr: errorResponse(`${noSuchNode(ref)}\n`), exitCode: 1 };
    if (has(parsed.value, 'pretty')) out.out((objects.length > 0 ? '\n\n' : '') + nodePretty(d.sh.world, cluster, n));
    objects.push(nodeJson(d.sh.world, cluster, n));
  }
  if (has(parsed.value, 'pretty')) return out.done(0);
  return printInspect(objects, last(parsed.value, 'format'), out) ? out.done(0) : out.done(1);
}

function update(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('availability= role= label-add= label-rm='), true);
  if (!parsed.ok) return usageError('node update', parsed.error);
  const [ref, ...extra] = parsed.value.args;
  if (ref === undefined || extra.length > 0) return argsError('node update', '[OPTIONS] NODE', 'Update a node', 'exactly 1 argument');
  const availability = last(parsed.value, 'availability');
  if (availability !== undefined && !['active', 'pause', 'drain'].includes(availability.toLowerCase())) return usageError('node update', `invalid argument "${availability}" for "--availability" flag: invalid availability: ${availability}`);
  const newRole = last(parsed.value, 'role');
  if (newRole !== undefined && !['manager', 'worker'].includes(newRole.toLowerCase())) return usageError('node update', `invalid argument "${newRole}" for "--role" flag: invalid role: ${newRole}`);
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster, node: self } = access;
  const n = resolve(cluster, self.id, ref);
  if (!n) return fail(errorResponse(noSuchNode(ref)), 1);
  if (newRole !== undefined) {
    const changed = setRole(d.sh.world, cluster, n, newRole.toLowerCase() as 'manager' | 'worker');
    if (!changed.ok) return fail(errorResponse(changed.error), 1);
  }
  for (const l of all(parsed.value, 'label-add')) {
    const eq = l.indexOf('=');
    n.labels[eq >= 0 ? l.slice(0, eq) : l] = eq >= 0 ? l.slice(eq + 1) : '';
  }
  for (const l of all(parsed.value, 'label-rm')) delete n.labels[l];
  if (availability !== undefined) n.availability = availability.toLowerCase() as Availability;
  n.updatedAt = d.sh.world.clock.now();
  cluster.version++;
  reconcile(d.sh.world, cluster);
  d.sh.world.changed();
  return success(ref + '\n');
}

function role(d: DockerCtx, argv: string[], to: 'manager' | 'worker'): CommandResult {
  const cmd = to === 'manager' ? 'promote' : 'demote';
  if (argv.length === 0) return argsError(`node ${cmd}`, 'NODE [NODE...]', to === 'manager' ? 'Promote one or more nodes to manager in the swarm' : 'Demote one or more nodes from manager in the swarm');
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster, node: self } = access;
  const out = new Output();
  for (const ref of argv) {
    const n = resolve(cluster, self.id, ref);
    if (!n) return { stdout: out.stdout, stderr: errorResponse(`${noSuchNode(ref)}\n`), exitCode: 1 };
    if (n.role === to) {
      out.line(to === 'manager' ? `Node ${n.id} is already a manager.` : `Node ${n.id} is already a worker.`);
      continue;
    }
    const changed = setRole(d.sh.world, cluster, n, to);
    if (!changed.ok) return { stdout: out.stdout, stderr: errorResponse(`${changed.error}\n`), exitCode: 1 };
    out.line(to === 'manager' ? `Node ${ref} promoted to a manager in the swarm.` : `Manager ${ref} demoted in the swarm.`);
  }
  return out.done(0);
}

function remove(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('f|force'), true);
  if (!parsed.ok) return usageError('node rm', parsed.error);
  if (parsed.value.args.length === 0) return argsError('node rm', '[OPTIONS] NODE [NODE...]', 'Remove one or more nodes from the swarm');
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster } = access;
  const out = new Output();
  let failed = false;
  for (const ref of parsed.value.args) {
    const n = findNode(cluster, ref);
    const removed = n ? removeNode(d.sh.world, cluster, n, ref, has(parsed.value, 'force')) : { ok: false as const, error: noSuchNode(ref) };
    if (!removed.ok) {
      out.err(errorResponse(removed.error));
      failed = true;
      continue;
    }
    out.line(ref);
  }
  return out.done(failed ? 1 : 0);
}

function ps(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('no-trunc q|quiet f|filter= format='), true);
  if (!parsed.ok) return usageError('node ps', parsed.error);
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster, node: self } = access;
  const refs = parsed.value.args.length > 0 ? parsed.value.args : ['self'];
  const ids: string[] = [];
  for (const ref of refs) {
    const n = resolve(cluster, self.id, ref);
    if (!n) return fail(errorResponse(noSuchNode(ref)), 1);
    ids.push(n.id);
  }
  const tasks = cluster.tasks.filter((t) => ids.includes(t.nodeId));
  if (has(parsed.value, 'quiet')) return success(tasks.map((t) => t.id + '\n').join(''));
  return success(taskTable(d.sh.world, cluster, tasks, has(parsed.value, 'no-trunc')));
}
