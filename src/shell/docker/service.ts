/** docker service create / ls / ps / inspect / logs / scale / update / rollback / rm. */
import { findInCatalog, parseImageRef } from '../../engine/docker/catalog';
import { randomName } from '../../engine/docker/names';
import { readLogs } from '../../engine/docker/containers';
import { checkReferences } from '../../engine/swarm/references';
import { createService, findService, removeService, resolveNetworks, rollbackService, scaleService, updateService } from '../../engine/swarm/services';
import { taskContainer } from '../../engine/swarm/tasks';
import type { Cluster, Service } from '../../engine/swarm/types';
import { Output, fail, type CommandResult, success } from '../types';
import { argsError, daemonError, usageError, type DockerCtx, errorResponse } from './context';
import { all, has, last, parseFlags, flagSpecs } from './flags';
import { printInspect } from './inspect';
import { convergenceProgress, serviceTable, servicePretty, taskTable } from './service-format';
import { serviceJson } from './service-json';
import { CREATE_FLAGS, UPDATE_FLAGS, assignPublished, emptySpec, parseDuration, parsePort } from './service-spec';
import { asManager, groupUsage, isResult } from './swarm-access';

/** The CLI waits for convergence, then watches the tasks for 5 s (UpdateConfig.Monitor) before "verify". */
const MONITOR_MS = 5000;

export function dockerService(d: DockerCtx, argv: string[]): CommandResult {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'create':
      return create(d, rest);
    case 'ls':
    case 'list':
      return list(d, rest);
    case 'ps':
      return ps(d, rest);
    case 'inspect':
      return inspect(d, rest);
    case 'logs':
      return logs(d, rest);
    case 'scale':
      return scale(d, rest);
    case 'update':
      return update(d, rest);
    case 'rollback':
      return rollback(d, rest);
    case 'rm':
    case 'remove':
      return remove(d, rest);
    case undefined:
      return groupUsage('service', 'Manage Swarm services', [
        ['create', 'Create a new service'],
        ['inspect', 'Display detailed information on one or more services'],
        ['logs', 'Fetch the logs of a service or task'],
        ['ls', 'List services'],
        ['ps', 'List the tasks of one or more services'],
        ['rm', 'Remove one or more services'],
        ['rollback', "Revert changes to a service's configuration"],
        ['scale', 'Scale one or multiple replicated services'],
        ['update', 'Update a service'],
      ]);
    default:
      // `service start` / `service stop` (named by the seeds) are not docker commands: the real error, and the equivalent.
      if (sub === 'start' || sub === 'stop') return fail(`docker: 'service ${sub}' is not a docker command.\nSee 'docker --help'\nvethlab: Docker has no "service ${sub}": use \`docker service scale ${rest[0] ?? 'NAME'}=${sub === 'stop' ? '0' : 'N'}\` to ${sub} a replicated service's tasks.`, 1);
      return fail(`docker: 'service ${sub}' is not a docker command.\nSee 'docker --help'`, 1);
  }
}

function finish(d: DockerCtx, cluster: Cluster, service: Service, out: Output, detach: boolean, rollback = false): CommandResult {
  if (detach) return out.done(0);
  d.sh.world.clock.advance(MONITOR_MS);
  out.out(convergenceProgress(cluster, service, rollback));
  return out.done(0);
}

function create(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, CREATE_FLAGS, false);
  if (!parsed.ok) return usageError('service create', parsed.error);
  const p = parsed.value;
  const [image, ...args] = p.args;
  if (image === undefined) return argsError('service create', '[OPTIONS] IMAGE [COMMAND] [ARG...]', 'Create a new service');
  if (!parseImageRef(image)) return fail(`invalid reference format`, 1);
  const mode = last(p, 'mode') ?? 'replicated';
  if (mode !== 'replicated' && mode !== 'global') return usageError('service create', `invalid argument "${mode}" for "--mode" flag: invalid mode: ${mode}`);
  const replicasText = last(p, 'replicas');
  if (replicasText !== undefined && !/^\d+$/.test(replicasText)) return usageError('service create', `invalid argument "${replicasText}" for "--replicas" flag: strconv.ParseUint: parsing "${replicasText}": invalid syntax`);
  if (replicasText !== undefined && mode === 'global') return fail('replicas can only be used with replicated or replicated-job mode', 1);
  const ports = [];
  for (const text of all(p, 'publish')) {
    const port = parsePort(text);
    if (typeof port === 'string') return usageError('service create', port);
    ports.push(port);
  }
  // swarmkit's validateEndpointSpec and the API's conversion of the mode (docker/cli passes it through).
  const endpointMode = last(p, 'endpoint-mode') ?? 'vip';
  if (endpointMode !== 'vip' && endpointMode !== 'dnsrr') return daemonError(`invalid resolution mode: "${endpointMode}"`);
  if (endpointMode === 'dnsrr' && ports.some((q) => q.mode === 'ingress')) return daemonError("rpc error: code = InvalidArgument desc = EndpointSpec: port published with ingress mode can't be used with dnsrr mode");
  const delay = last(p, 'update-delay');
  const delayMs = delay === undefined ? 0 : parseDuration(delay);
  if (delayMs === undefined) return usageError('service create', `invalid argument "${delay}" for "--update-delay" flag: time: invalid duration "${delay}"`);
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster } = access;
  const nets = resolveNetworks(cluster, all(p, 'network'));
  if (!nets.ok) return daemonError(nets.error);
  for (const kind of ['secret', 'config'] as const) {
    const missing = checkReferences(d.sh.world, cluster, kind, all(p, kind));
    if (missing) return daemonError(missing);
  }
  const name = last(p, 'name') ?? randomName(d.sh.world.rng, (n) => cluster.services.some((s) => s.spec.name === n));
  assignPublished(ports, new Set(cluster.services.flatMap((s) => s.spec.ports.map((q) => q.published))));
  const spec = {
    ...emptySpec(name, image),
    args,
    mode: mode as 'replicated' | 'global',
    replicas: replicasText === undefined ? 1 : Number(replicasText),
    env: all(p, 'env'),
    ports,
    networks: nets.value,
    constraints: all(p, 'constraint'),
    labels: Object.fromEntries(all(p, 'label').map((l) => [l.split('=')[0]!, l.split('=').slice(1).join('=')])),
    updateParallelism: Number(last(p, 'update-parallelism') ?? 1),
    updateDelay: delayMs,
    secrets: all(p, 'secret'),
    configs: all(p, 'config'),
    ...(endpointMode === 'dnsrr' ? { endpointMode: 'dnsrr' as const } : {}),
  };
  const made = createService(d.sh.world, cluster, spec);
  if (!made.ok) return daemonError(made.error);
  const out = new Output();
  // The daemon could not pin the image by digest (moby daemon/cluster/services.go's warning).
  if (!has(p, 'quiet') && findInCatalog(parseImageRef(image)!).kind !== 'found') out.err(`image ${image} could not be accessed on a registry to record\nits digest. Each node will access ${image} independently,\npossibly leading to different nodes running different\nversions of the image.\n\n`);
  out.line(made.value.id);
  return finish(d, cluster, made.value, out, has(p, 'detach') || has(p, 'quiet'));
}

function list(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('q|quiet f|filter= format='), true);
  if (!parsed.ok) return usageError('service ls', parsed.error);
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster } = access;
  if (has(parsed.value, 'quiet')) return success(cluster.services.map((s) => s.id + '\n').join(''));
  return success(serviceTable(cluster, cluster.services));
}

function ps(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('no-trunc q|quiet f|filter= format='), true);
  if (!parsed.ok) return usageError('service ps', parsed.error);
  if (parsed.value.args.length === 0) return argsError('service ps', '[OPTIONS] SERVICE [SERVICE...]', 'List the tasks of one or more services');
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster } = access;
  const ids: string[] = [];
  for (const ref of parsed.value.args) {
    const s = findService(cluster, ref);
    if (!s) return fail(`no such service: ${ref}`, 1);
    ids.push(s.id);
  }
  const running = (parsed.value.flags['filter'] ?? []).includes('desired-state=running');
  const tasks = cluster.tasks.filter((t) => ids.includes(t.serviceId) && (!running || t.desired === 'running'));
  if (has(parsed.value, 'quiet')) return success(tasks.map((t) => t.id + '\n').join(''));
  return success(taskTable(d.sh.world, cluster, tasks, has(parsed.value, 'no-trunc')));
}

function inspect(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('pretty f|format='), true);
  if (!parsed.ok) return usageError('service inspect', parsed.error);
  if (parsed.value.args.length === 0) return argsError('service inspect', '[OPTIONS] SERVICE [SERVICE...]', 'Display detailed information on one or more services');
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster } = access;
  const out = new Output();
  const objects: unknown[] = [];
  for (const ref of parsed.value.args) {
    const s = findService(cluster, ref);
    if (!s) return { stdout: out.stdout, stderr: `Error: no such service: ${ref}\n`, exitCode: 1 };
    if (has(parsed.value, 'pretty')) out.out((objects.length > 0 ? '\n\n' : '') + servicePretty(d.sh.world, cluster, s));
    objects.push(serviceJson(cluster, s, d.sh.world.clock.epoch));
  }
  if (has(parsed.value, 'pretty')) return out.done(0);
  return printInspect(objects, last(parsed.value, 'format'), out) ? out.done(0) : out.done(1);
}

/** Each task's container log, prefixed `web.1.<task>@node1    | ` (aligned to the longest prefix). */
function logs(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('f|follow n|tail= t|timestamps no-task-ids raw'), true);
  if (!parsed.ok) return usageError('service logs', parsed.error);
  const [ref, ...extra] = parsed.value.args;
  if (ref === undefined || extra.length > 0) return argsError('service logs', '[OPTIONS] SERVICE|TASK', 'Fetch the logs of a service or task', 'exactly 1 argument');
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster } = access;
  const s = findService(cluster, ref);
  if (!s) return daemonError(`service ${ref} not found`);
  const nodes = new Map(cluster.nodes.map((n) => [n.id, n]));
  const entries: Array<{ prefix: string; stream: 'stdout' | 'stderr'; text: string }> = [];
  for (const t of cluster.tasks.filter((x) => x.serviceId === s.id).sort((a, b) => a.slot - b.slot || a.createdAt - b.createdAt)) {
    const c = taskContainer(d.sh.world, t, nodes.get(t.nodeId));
    if (!c) continue;
    // docker/cli's taskFormatter: NAME.SLOT.TASKID@NODE, padded to the replica count's digits.
    const pad = s.spec.mode === 'replicated' ? Math.max(0, String(s.spec.replicas).length - String(t.slot).length) : 0;
    const prefix = `${s.spec.name}.${t.slot}.${t.id.slice(0, 12)}@${nodes.get(t.nodeId)?.hostname ?? t.nodeId}${' '.repeat(pad)}`;
    for (const l of readLogs(c)) entries.push({ prefix, ...l });
  }
  const out = new Output();
  for (const e of entries) {
    const line = has(parsed.value, 'raw') ? e.text : `${e.prefix}    | ${e.text}`;
    if (e.stream === 'stdout') out.line(line);
    else out.err(line);
  }
  return out.done(0);
}

function scale(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('d|detach'), true);
  if (!parsed.ok) return usageError('service scale', parsed.error);
  if (parsed.value.args.length === 0) return argsError('service scale', 'SERVICE=REPLICAS [SERVICE=REPLICAS...]', 'Scale one or multiple replicated services');
  for (const a of parsed.value.args) {
    const [, n] = a.split('=');
    if (!a.includes('=') || !/^\d+$/.test(n ?? '')) return fail(`Invalid scale specifier '${a}'.\nSee 'docker service scale --help'.\n\nUsage:  docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]\n\nScale one or multiple replicated services`, 1);
  }
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster } = access;
  const out = new Output();
  let failed = false;
  const scaled: Service[] = [];
  for (const a of parsed.value.args) {
    const [ref, n] = a.split('=') as [string, string];
    const s = findService(cluster, ref);
    if (!s) {
      out.err(`${ref}: Error response from daemon: service ${ref} not found`);
      failed = true;
      continue;
    }
    if (s.spec.mode === 'global') {
      out.err(`${ref}: scale can only be used with replicated or replicated-job mode`);
      failed = true;
      continue;
    }
    scaleService(d.sh.world, cluster, s, Number(n));
    out.line(`${ref} scaled to ${n}`);
    scaled.push(s);
  }
  if (!has(parsed.value, 'detach') && scaled.length > 0) {
    d.sh.world.clock.advance(MONITOR_MS);
    for (const s of scaled) out.out(convergenceProgress(cluster, s));
  }
  if (failed) out.err('Error: failed to scale one or more services');
  return out.done(failed ? 1 : 0);
}

function update(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, UPDATE_FLAGS, true);
  if (!parsed.ok) return usageError('service update', parsed.error);
  const p = parsed.value;
  const [ref, ...extra] = p.args;
  if (ref === undefined || extra.length > 0) return argsError('service update', '[OPTIONS] SERVICE', 'Update a service', 'exactly 1 argument');
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster } = access;
  const s = findService(cluster, ref);
  if (!s) return daemonError(`service ${ref} not found`);
  if (has(p, 'rollback')) return rollbackOf(d, cluster, s, ref, has(p, 'detach') || has(p, 'quiet'));
  const next = structuredClone(s.spec);
  const image = last(p, 'image');
  if (image !== undefined) next.image = image;
  const replicas = last(p, 'replicas');
  if (replicas !== undefined) {
    if (s.spec.mode === 'global') return fail('replicas can only be used with replicated or replicated-job mode', 1);
    next.replicas = Number(replicas);
  }
  if (last(p, 'update-parallelism') !== undefined) next.updateParallelism = Number(last(p, 'update-parallelism'));
  const delay = last(p, 'update-delay');
  if (delay !== undefined) {
    const ms = parseDuration(delay);
    if (ms === undefined) return usageError('service update', `invalid argument "${delay}" for "--update-delay" flag: time: invalid duration "${delay}"`);
    next.updateDelay = ms;
  }
  const envRm = new Set(all(p, 'env-rm'));
  const envAdd = all(p, 'env-add');
  next.env = [...next.env.filter((e) => !envRm.has(e.split('=')[0]!) && !envAdd.some((a) => a.split('=')[0] === e.split('=')[0])), ...envAdd];
  const portRm = new Set(all(p, 'publish-rm').map((x) => Number(x.split(':')[0])));
  next.ports = next.ports.filter((q) => !portRm.has(q.published));
  for (const text of all(p, 'publish-add')) {
    const port = parsePort(text);
    if (typeof port === 'string') return usageError('service update', port);
    next.ports.push(port);
  }
  const conRm = new Set(all(p, 'constraint-rm'));
  next.constraints = [...next.constraints.filter((c) => !conRm.has(c)), ...all(p, 'constraint-add')];
  const netsAdd = resolveNetworks(cluster, all(p, 'network-add'));
  if (!netsAdd.ok) return daemonError(netsAdd.error);
  const netsRm = resolveNetworks(cluster, all(p, 'network-rm'));
  next.networks = [...next.networks.filter((n) => !(netsRm.ok ? netsRm.value : []).includes(n)), ...netsAdd.value.filter((n) => !next.networks.includes(n))];
  if (last(p, 'args') !== undefined) next.args = last(p, 'args')!.split(' ').filter((x) => x !== '');
  assignPublished(next.ports, new Set(cluster.services.filter((x) => x !== s).flatMap((x) => x.spec.ports.map((q) => q.published))));
  updateService(d.sh.world, cluster, s, next, { force: has(p, 'force') });
  return finish(d, cluster, s, new Output().line(ref), has(p, 'detach') || has(p, 'quiet'));
}

function rollbackOf(d: DockerCtx, cluster: Cluster, s: Service, ref: string, detach: boolean): CommandResult {
  const done = rollbackService(d.sh.world, cluster, s);
  if (!done.ok) return daemonError(done.error);
  return finish(d, cluster, s, new Output().line(ref), detach, true);
}

function rollback(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('d|detach q|quiet'), true);
  if (!parsed.ok) return usageError('service rollback', parsed.error);
  const [ref, ...extra] = parsed.value.args;
  if (ref === undefined || extra.length > 0) return argsError('service rollback', '[OPTIONS] SERVICE', "Revert changes to a service's configuration", 'exactly 1 argument');
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster } = access;
  const s = findService(cluster, ref);
  if (!s) return daemonError(`service ${ref} not found`);
  return rollbackOf(d, cluster, s, ref, has(parsed.value, 'detach') || has(parsed.value, 'quiet'));
}

function remove(d: DockerCtx, argv: string[]): CommandResult {
  if (argv.length === 0) return argsError('service rm', 'SERVICE [SERVICE...]', 'Remove one or more services');
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster } = access;
  const out = new Output();
  const errors: string[] = [];
  for (const ref of argv) {
    const removed = removeService(d.sh.world, cluster, ref);
    if (!removed.ok) errors.push(errorResponse(removed.error));
    else out.line(ref);
  }
  if (errors.length > 0) out.err(errors.join('\n'));
  return out.done(errors.length > 0 ? 1 : 0);
}
