/**
 * `docker compose` (Compose v2.32.4, the plugin Engine 27.5's packages ship). Global flags, then the
 * subcommand. Progress goes to stderr in compose's plain form (see compose-progress.ts). A
 * `docker-compose` (v1, hyphen) binary is not installed on such a host: the shell answers
 * `bash: docker-compose: command not found`, exit 127.
 */
import type { ComposeProject } from '../../engine/compose';
import { startOrder } from '../../engine/compose';
import { Output, fail, type CommandResult, success } from '../types';
import type { DockerCtx } from './context';
import { composeConfig } from './compose-config';
import { composeDown, composeRestart, composeStart, composeStop, composeUp } from './compose-lifecycle';
import { projectContainers, pruneLabels } from './compose-containers';
import { projectLogs } from './compose-logs';
import { loadComposeProject, projectNameOnly, type ComposeGlobals } from './compose-project';
import { composeLs, composePs } from './compose-ps';
import { composePull } from './compose-pull';
import { composeRun } from './compose-run';
import { has, last, parseFlags, type FlagSpec, type Parsed, flagSpecs } from './flags';
import { warningLine } from './compose-progress';

export const COMPOSE_VERSION = 'v2.32.4';

const GLOBAL_FLAGS: FlagSpec[] = flagSpecs(`
  f|file= p|project-name= project-directory= progress= ansi= env-file= profile= parallel=
  compatibility dry-run
`);

const SUB_FLAGS: Record<string, FlagSpec[]> = {
  up: flagSpecs(`
    d|detach remove-orphans build no-build force-recreate no-recreate no-deps wait quiet-pull no-start
    t|timeout= no-color no-log-prefix
  `),
  create: flagSpecs('build no-build force-recreate no-recreate remove-orphans quiet-pull'),
  start: [],
  stop: flagSpecs('t|timeout='),
  restart: flagSpecs('t|timeout= no-deps'),
  down: flagSpecs('v|volumes remove-orphans t|timeout= rmi='),
  ps: flagSpecs('a|all q|quiet services format= no-trunc'),
  logs: flagSpecs('f|follow n|tail= no-log-prefix t|timestamps no-color since= until='),
  ls: flagSpecs('a|all q|quiet format= filter='),
  config: flagSpecs('q|quiet services volumes networks format= no-interpolate'),
  version: flagSpecs('short f|format='),
  run: flagSpecs(`
    rm d|detach no-deps e|env= entrypoint= name= P|service-ports p|publish= u|user= w|workdir= T|no-TTY
    i|interactive t|tty use-aliases quiet-pull remove-orphans
  `),
  pull: flagSpecs('q|quiet ignore-buildable ignore-pull-failures include-deps policy='),
  exec: flagSpecs('d|detach T|no-TTY i|interactive t|tty u|user= w|workdir= e|env= index= privileged'),
};

function flagError(sub: string, message: string): CommandResult {
  return fail(`${message}\nSee 'docker compose ${sub} --help'.`, 1);
}

function withProject(d: DockerCtx, g: ComposeGlobals, fn: (p: ComposeProject) => CommandResult): CommandResult {
  const loaded = loadComposeProject(d.sh, g);
  if (!loaded.ok) return fail(loaded.error, 1);
  return fn(loaded.project);
}

/** Services named on the command line must exist: compose says `no such service: x`. */
function selectServices(p: ComposeProject, names: string[]): ComposeProject | string {
  if (names.length === 0) return p;
  const missing = names.find((n) => !p.services.some((s) => s.name === n));
  if (missing) return `no such service: ${missing}`;
  const keep = new Set<string>();
  const add = (n: string): void => {
    if (keep.has(n)) return;
    keep.add(n);
    for (const dep of p.services.find((s) => s.name === n)?.dependsOn ?? []) add(dep);
  };
  names.forEach(add);
  return { ...p, services: p.services.filter((s) => keep.has(s.name)) };
}

/** For commands that work from the project name alone (stop, down, ps, logs): the file when there is one. */
function projectOrName(d: DockerCtx, g: ComposeGlobals): { project?: ComposeProject; name: string } | { error: string } {
  const loaded = loadComposeProject(d.sh, g);
  if (loaded.ok) return { project: loaded.project, name: loaded.project.name };
  if (g.projectName !== undefined && loaded.missingFile) return { name: g.projectName };
  const only = projectNameOnly(d.sh, g);
  return 'error' in only ? { error: loaded.error } : only;
}

function run(d: DockerCtx, sub: string, g: ComposeGlobals, p: Parsed): CommandResult {
  switch (sub) {
    case 'up':
    case 'create':
      return withProject(d, g, (project) => {
        const sel = selectServices(project, p.args);
        if (typeof sel === 'string') return fail(sel, 1);
        return composeUp(d, sel, { detach: has(p, 'detach'), removeOrphans: has(p, 'remove-orphans'), noStart: sub === 'create' || has(p, 'no-start') });
      });
    case 'start':
      return withProject(d, g, (project) => {
        const sel = selectServices(project, p.args);
        return typeof sel === 'string' ? fail(sel, 1) : composeStart(d, sel);
      });
    case 'restart':
      return withProject(d, g, (project) => composeRestart(d, project));
    case 'stop': {
      const r = projectOrName(d, g);
      if ('error' in r) return fail(r.error, 1);
      return composeStop(d, r.name, r.project ? startOrder(r.project).map((s) => s.name) : []);
    }
    case 'down': {
      const r = projectOrName(d, g);
      if ('error' in r) return fail(r.error, 1);
      return composeDown(d, r.name, r.project, { volumes: has(p, 'volumes'), removeOrphans: has(p, 'remove-orphans') });
    }
    case 'ps': {
      const r = projectOrName(d, g);
      if ('error' in r) return fail(r.error, 1);
      return composePs(d, r.name, r.project ? r.project.services.map((s) => s.name) : [], { all: has(p, 'all'), quiet: has(p, 'quiet'), services: has(p, 'services') });
    }
    case 'logs': {
      const r = projectOrName(d, g);
      if ('error' in r) return fail(r.error, 1);
      pruneLabels(d);
      const order = r.project ? startOrder(r.project).map((s) => s.name) : [];
      const list = projectContainers(d, r.name, order).filter((x) => p.args.length === 0 || p.args.includes(x.labels.service));
      const tail = last(p, 'tail');
      return projectLogs(list, r.name, { prefix: !has(p, 'no-log-prefix'), ...(tail !== undefined && /^\d+$/.test(tail) ? { tail: Number(tail) } : {}) });
    }
    case 'ls':
      return composeLs(d, has(p, 'all'), has(p, 'quiet'));
    case 'exec': {
      const r = projectOrName(d, g);
      if ('error' in r) return fail(r.error, 1);
      const [service, ...command] = p.args;
      if (service === undefined || command.length === 0) return fail(`'docker compose exec' requires at least 2 arguments`, 1);
      if (r.project && !r.project.services.some((s) => s.name === service)) return fail(`no such service: ${service}`, 1);
      pruneLabels(d);
      const index = Number(last(p, 'index') ?? '1');
      const target = projectContainers(d, r.name).find((x) => x.labels.service === service && x.labels.number === index && x.c.state === 'running');
      if (!target) return fail(`service "${service}" is not running`, 1);
      return d.sh.exec(['docker', 'exec', target.c.id, ...command], d.sh);
    }
    case 'run':
      return withProject(d, g, (project) => {
        const [service, ...command] = p.args;
        if (service === undefined) return fail('requires at least 1 arg(s), only received 0', 1);
        const name = last(p, 'name');
        const entrypoint = last(p, 'entrypoint');
        const user = last(p, 'user');
        const workdir = last(p, 'workdir');
        return composeRun(d, project, {
          service,
          command,
          rm: has(p, 'rm'),
          detach: has(p, 'detach'),
          noDeps: has(p, 'no-deps'),
          env: p.flags['env'] ?? [],
          publish: p.flags['publish'] ?? [],
          servicePorts: has(p, 'service-ports'),
          useAliases: has(p, 'use-aliases'),
          ...(name !== undefined ? { name } : {}),
          ...(entrypoint !== undefined ? { entrypoint } : {}),
          ...(user !== undefined ? { user } : {}),
          ...(workdir !== undefined ? { workdir } : {}),
        });
      });
    case 'pull':
      return withProject(d, g, (project) => {
        const sel = selectServices(project, p.args);
        if (typeof sel === 'string') return fail(sel, 1);
        // Without --include-deps only the named services are pulled.
        const services = p.args.length > 0 && !has(p, 'include-deps') ? sel.services.filter((s) => p.args.includes(s.name)) : sel.services;
        return composePull(d, { ...sel, services }, { quiet: has(p, 'quiet'), ignoreBuildable: has(p, 'ignore-buildable'), ignoreFailures: has(p, 'ignore-pull-failures') });
      });
    case 'config':
      return withProject(d, g, (project) => {
        const out = new Output();
        for (const w of project.warnings) out.err(warningLine(d.sh.world, w));
        if (has(p, 'quiet')) return out.done(0);
        if (has(p, 'services')) return out.out(project.services.map((s) => s.name + '\n').join('')).done(0);
        if (has(p, 'volumes')) return out.out(project.volumes.map((v) => v.key + '\n').join('')).done(0);
        if (has(p, 'networks')) return out.out(project.networks.map((n) => n.key + '\n').join('')).done(0);
        return out.out(composeConfig(project)).done(0);
      });
    case 'version':
      return success(has(p, 'short') ? `${COMPOSE_VERSION.slice(1)}\n` : `Docker Compose version ${COMPOSE_VERSION}\n`);
    default:
      return fail(`unknown docker command: "compose ${sub}"`, 1);
  }
}

export function dockerCompose(d: DockerCtx, argv: string[]): CommandResult {
  const globals = parseFlags(argv, GLOBAL_FLAGS, false);
  if (!globals.ok) return fail(`${globals.error}\nSee 'docker compose --help'.`, 1);
  const [sub, ...rest] = globals.value.args;
  if (sub === undefined) return success(USAGE);
  const g: ComposeGlobals = { files: globals.value.flags['file'] ?? [] };
  const name = last(globals.value, 'project-name');
  if (name !== undefined) g.projectName = name;
  const dir = last(globals.value, 'project-directory');
  if (dir !== undefined) g.projectDirectory = dir;
  const specs = SUB_FLAGS[sub];
  if (!specs) return fail(`unknown docker command: "compose ${sub}"`, 1);
  const parsed = parseFlags(rest, specs, sub !== 'exec' && sub !== 'run');
  if (!parsed.ok) return flagError(sub, parsed.error);
  return run(d, sub, g, parsed.value);
}

const USAGE = `
Usage:  docker compose [OPTIONS] COMMAND

Define and run multi-container applications with Docker

Options:
  -f, --file stringArray           Compose configuration files
  -p, --project-name string        Project name
      --project-directory string   Specify an alternate working directory

Commands:
  config      Parse, resolve and render compose file in canonical format
  create      Creates containers for a service
  down        Stop and remove containers, networks
  logs        View output from containers
  ls          List running compose projects
  ps          List containers
  pull        Pull service images
  restart     Restart service containers
  run         Run a one-off command on a service
  start       Start services
  stop        Stop services
  up          Create and start containers
  version     Show the Docker Compose version information

Run 'docker compose COMMAND --help' for more information on a command.
`;
