/**
 * `docker compose run [--rm] [-d] [--no-deps] [-e K=V] [--entrypoint E] [-P] [-p P] [-u U] [-w W]
 * SERVICE [COMMAND...]` (Compose v2): the service's dependencies are created and started with
 * compose's progress on stderr (networks, volumes, `Container … Started`), then a one-off
 * container `PROJECT-SERVICE-run-<12 hex>` runs the command attached: its output and its exit
 * status are the command's. It publishes no ports unless -P/-p, has no restart policy and no network
 * alias (unless --use-aliases); it stays after it ends unless --rm (stop and down remove it).
 */
import { startOrder, type ComposeProject, type ComposeService } from '../../engine/compose';
import { composeStateOf, oneOffName } from '../../engine/compose/ownership';
import { randomHexId } from '../../engine/docker/ids';
import { Output, type CommandResult } from '../types';
import type { DockerCtx } from './context';
import { isUp, projectContainers, pruneLabels } from './compose-containers';
import { createArgs, createService, ensureImages, prepareProject } from './compose-create';
import { startOne } from './compose-lifecycle';
import { statusLine, warningLine } from './compose-progress';

export interface RunOptions {
  service: string;
  command: string[];
  rm: boolean;
  detach: boolean;
  noDeps: boolean;
  env: string[];
  entrypoint?: string;
  name?: string;
  servicePorts: boolean;
  publish: string[];
  user?: string;
  workdir?: string;
  useAliases: boolean;
}

/** The services `name` depends on, transitively (not itself). */
function dependenciesOf(p: ComposeProject, name: string): ComposeService[] {
  const seen = new Set<string>();
  const visit = (n: string): void => {
    for (const dep of p.services.find((s) => s.name === n)?.dependsOn ?? []) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      visit(dep);
    }
  };
  visit(name);
  return p.services.filter((s) => seen.has(s.name));
}

/** createArgs for the one-off: run instead of create, the run options applied. */
function runArgs(d: DockerCtx, p: ComposeProject, s: ComposeService, name: string, o: RunOptions): string[] {
  const service: ComposeService = {
    ...s,
    ports: o.servicePorts ? s.ports : [],
    restart: 'no',
    ...(o.command.length > 0 ? { command: o.command } : o.entrypoint !== undefined ? { command: [] } : {}),
    ...(o.entrypoint !== undefined ? { entrypoint: [o.entrypoint] } : {}),
  };
  const args = createArgs(d, p, service, name).slice(1);
  const flags: string[] = [];
  for (let i = 0; i < args.length; i++) {
    // compose run gives the one-off no network alias unless --use-aliases.
    if (args[i] === '--network-alias' && !o.useAliases) i++;
    else flags.push(args[i]!);
  }
  const extra = [...(o.rm ? ['--rm'] : []), ...(o.detach ? ['-d'] : []), ...o.env.flatMap((e) => ['-e', e]), ...o.publish.flatMap((x) => ['-p', x])];
  if (o.user !== undefined) extra.push('--user', o.user);
  if (o.workdir !== undefined) extra.push('--workdir', o.workdir);
  return ['run', ...extra, ...flags];
}

export function composeRun(d: DockerCtx, p: ComposeProject, o: RunOptions): CommandResult {
  const target = p.services.find((s) => s.name === o.service);
  if (!target) return { stdout: '', stderr: `no such service: ${o.service}\n`, exitCode: 1 };
  pruneLabels(d);
  const out = new Output();
  for (const w of p.warnings) out.err(warningLine(d.sh.world, w));
  const deps = o.noDeps ? [] : dependenciesOf(p, o.service);
  // The dependencies' images, the networks of the dependencies and the service, the volumes.
  if (!prepareProject(d, { ...p, services: [...deps, target] }, out, deps)) return out.done(1);
  const depProject = { ...p, services: deps };
  for (const s of startOrder(depProject)) if (!createService(d, depProject, s, out)) return out.done(1);
  for (const pc of projectContainers(d, p.name, startOrder(depProject).map((s) => s.name))) {
    if (!deps.some((s) => s.name === pc.labels.service)) continue;
    if (isUp(pc.c)) out.err(statusLine(`Container ${pc.c.name}`, 'Running'));
    else if (!startOne(d, pc, out)) return out.done(1);
  }
  if (!ensureImages(d, { ...p, services: [target] }, out)) return out.done(1);
  const name = o.name ?? oneOffName(p.name, target.name, randomHexId(d.sh.world));
  const r = d.sh.exec(['docker', ...runArgs(d, p, target, name, o)], d.sh);
  const c = d.daemon.containers.find((x) => x.name === name);
  const daemonLine = r.stderr.split('\n').find((l) => l.startsWith('docker: Error response from daemon: '));
  if (daemonLine !== undefined) {
    // Create or start refused (docker run's "docker: …" and help hint): compose prints the daemon's error, exit 1.
    return { stdout: out.stdout + r.stdout, stderr: out.stderr + daemonLine.slice('docker: '.length) + '\n', exitCode: 1 };
  }
  if (c) composeStateOf(d.sh.world, d.sh.host).containers[c.id] = { project: p.name, service: target.name, number: 1, oneoff: true };
  d.sh.world.changed();
  return { stdout: out.stdout + r.stdout, stderr: out.stderr + r.stderr, exitCode: r.exitCode };
}
