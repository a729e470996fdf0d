/** docker stack deploy / ls / ps / services / rm (swarm orchestrator; docker/cli's messages). */
import { addOverlay } from '../../engine/swarm/overlay';
import { createService, findService, removeService, updateService } from '../../engine/swarm/services';
import { serviceSpecOf, stackNames, stackNetworks } from '../../engine/swarm/stack';
import { Output, fail, type CommandResult, success } from '../types';
import { argsError, usageError, type DockerCtx } from './context';
import { all, has, parseFlags, flagSpecs } from './flags';
import { loadComposeProject } from './compose-project';
import { serviceTable, taskTable } from './service-format';
import { asManager, groupUsage, isResult, unknownSub } from './swarm-access';
import { tabwrite } from './table';

export function dockerStack(d: DockerCtx, argv: string[]): CommandResult {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'deploy':
    case 'up':
      return deploy(d, rest);
    case 'ls':
    case 'list':
      return list(d, rest);
    case 'ps':
      return ps(d, rest);
    case 'services':
      return services(d, rest);
    case 'rm':
    case 'remove':
    case 'down':
      return remove(d, rest);
    case undefined:
      return groupUsage('stack', 'Manage Swarm stacks', [
        ['config', 'Outputs the final config file, after doing merges and interpolations'],
        ['deploy', 'Deploy a new stack or update an existing stack'],
        ['ls', 'List stacks'],
        ['ps', 'List the tasks in the stack'],
        ['rm', 'Remove one or more stacks'],
        ['services', 'List the services in the stack'],
      ]);
    default:
      return unknownSub('stack', sub);
  }
}

function deploy(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('c|compose-file= d|detach prune with-registry-auth resolve-image= q|quiet'), true);
  if (!parsed.ok) return usageError('stack deploy', parsed.error);
  const [name, ...extra] = parsed.value.args;
  if (name === undefined || extra.length > 0) return argsError('stack deploy', '[OPTIONS] STACK', 'Deploy a new stack or update an existing stack', 'exactly 1 argument');
  const files = all(parsed.value, 'compose-file');
  if (files.length === 0) return fail('Please specify a Compose file (with --compose-file).', 1);
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster } = access;
  const loaded = loadComposeProject(d.sh, { files, projectName: name });
  if (!loaded.ok) return fail(loaded.error, 1);
  const project = loaded.project;
  const noImage = project.services.find((s) => !s.image);
  if (noImage) return fail(`Service ${noImage.name} has neither an image nor a build context specified. At least one must be provided.`, 1);
  const out = new Output();
  if (project.services.some((s) => s.build)) out.err('Ignoring unsupported options: build\n');
  const networkIds = new Map<string, string>();
  for (const net of stackNetworks(project)) {
    const existing = cluster.networks.find((n) => n.name === net.name);
    if (existing) {
      networkIds.set(net.key, existing.id);
      continue;
    }
    if (net.external) return { stdout: out.stdout, stderr: out.stderr + `network "${net.name}" is declared as external, but could not be found. You need to create a swarm-scoped network before the stack is deployed\n`, exitCode: 1 };
    out.line(`Creating network ${net.name}`);
    networkIds.set(net.key, addOverlay(d.sh.world, cluster, { name: net.name, attachable: net.attachable, labels: { 'com.docker.stack.namespace': name }, stack: name }).id);
  }
  for (const s of [...project.services].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const spec = serviceSpecOf(project, s, networkIds, d.sh.env);
    const current = findService(cluster, spec.name);
    if (current) {
      out.line(`Updating service ${spec.name} (id: ${current.id})`);
      updateService(d.sh.world, cluster, current, spec);
      continue;
    }
    out.line(`Creating service ${spec.name}`);
    const made = createService(d.sh.world, cluster, spec);
    if (!made.ok) return { stdout: out.stdout, stderr: out.stderr + `failed to create service ${spec.name}: Error response from daemon: ${made.error}\n`, exitCode: 1 };
  }
  d.sh.world.changed();
  return out.done(0);
}

function list(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('format='), true);
  if (!parsed.ok) return usageError('stack ls', parsed.error);
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster } = access;
  const rows = [['NAME', 'SERVICES'], ...stackNames(cluster).map((n) => [n, String(cluster.services.filter((s) => s.spec.stack === n).length)])];
  return success(tabwrite(rows));
}

function services(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('q|quiet f|filter= format='), true);
  if (!parsed.ok) return usageError('stack services', parsed.error);
  const [name, ...extra] = parsed.value.args;
  if (name === undefined || extra.length > 0) return argsError('stack services', '[OPTIONS] STACK', 'List the services in the stack', 'exactly 1 argument');
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster } = access;
  const list = cluster.services.filter((s) => s.spec.stack === name);
  if (list.length === 0) return { stdout: '', stderr: `Nothing found in stack: ${name}\n`, exitCode: 0 };
  if (has(parsed.value, 'quiet')) return success(list.map((s) => s.id + '\n').join(''));
  return success(serviceTable(cluster, list));
}

function ps(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('no-trunc q|quiet f|filter= format='), true);
  if (!parsed.ok) return usageError('stack ps', parsed.error);
  const [name, ...extra] = parsed.value.args;
  if (name === undefined || extra.length > 0) return argsError('stack ps', '[OPTIONS] STACK', 'List the tasks in the stack', 'exactly 1 argument');
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster } = access;
  const ids = new Set(cluster.services.filter((s) => s.spec.stack === name).map((s) => s.id));
  const tasks = cluster.tasks.filter((t) => ids.has(t.serviceId));
  if (tasks.length === 0) return fail(`nothing found in stack: ${name}`, 1);
  if (has(parsed.value, 'quiet')) return success(tasks.map((t) => t.id + '\n').join(''));
  return success(taskTable(d.sh.world, cluster, tasks, has(parsed.value, 'no-trunc')));
}

function remove(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('d|detach'), true);
  if (!parsed.ok) return usageError('stack rm', parsed.error);
  if (parsed.value.args.length === 0) return argsError('stack rm', '[OPTIONS] STACK [STACK...]', 'Remove one or more stacks');
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster } = access;
  const out = new Output();
  for (const name of parsed.value.args) {
    const svcs = cluster.services.filter((s) => s.spec.stack === name).sort((a, b) => (a.spec.name < b.spec.name ? -1 : 1));
    const nets = cluster.networks.filter((n) => n.stack === name).sort((a, b) => (a.name < b.name ? -1 : 1));
    if (svcs.length + nets.length === 0) {
      out.err(`Nothing found in stack: ${name}`);
      continue;
    }
    for (const s of svcs) {
      out.line(`Removing service ${s.spec.name}`);
      removeService(d.sh.world, cluster, s.id);
    }
    for (const n of nets) {
      out.line(`Removing network ${n.name}`);
      cluster.networks = cluster.networks.filter((x) => x !== n);
    }
  }
  d.sh.world.changed();
  return out.done(0);
}


