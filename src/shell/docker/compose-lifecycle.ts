/** up / create / start / stop / restart / down: compose's events around the daemon's lifecycle operations. */
import { startOrder, stopOrder, type ComposeProject } from '../../engine/compose';
import { composeStateOf } from '../../engine/compose/ownership';
import { removeContainer, startContainer, stopContainer } from '../../engine/docker/containers';
import { findNetwork, removeBridgeNetwork } from '../../engine/docker/networks';
import { Output, type CommandResult } from '../types';
import { type DockerCtx, errorResponse } from './context';
import { isUp, projectContainers, pruneLabels, type ProjectContainer } from './compose-containers';
import { createProject } from './compose-create';
import { projectLogs } from './compose-logs';
import { statusLine, warningLine } from './compose-progress';

export interface UpOptions {
  detach: boolean;
  removeOrphans: boolean;
  /** `create`: no start. */
  noStart: boolean;
}

export function startOne(d: DockerCtx, pc: ProjectContainer, out: Output): boolean {
  const id = `Container ${pc.c.name}`;
  out.err(statusLine(id, 'Starting'));
  const r = startContainer(d.sh.world, d.sh.host, d.daemon, pc.c);
  if (!r.ok) {
    out.err(errorResponse(r.error));
    return false;
  }
  out.err(statusLine(id, 'Started'));
  return true;
}

function stopOne(d: DockerCtx, pc: ProjectContainer, out: Output): void {
  const id = `Container ${pc.c.name}`;
  out.err(statusLine(id, 'Stopping'));
  stopContainer(d.sh.world, d.sh.host, d.daemon, pc.c);
  out.err(statusLine(id, 'Stopped'));
}

function removeOne(d: DockerCtx, pc: ProjectContainer, out: Output, volumes: boolean): void {
  stopOne(d, pc, out);
  const id = `Container ${pc.c.name}`;
  out.err(statusLine(id, 'Removing'));
  removeContainer(d.sh.world, d.sh.host, d.daemon, pc.c);
  void volumes;
  delete composeStateOf(d.sh.world, d.sh.host).containers[pc.c.id];
  out.err(statusLine(id, 'Removed'));
}

function orphansOf(d: DockerCtx, p: ComposeProject): ProjectContainer[] {
  return projectContainers(d, p.name).filter((x) => !p.services.some((s) => s.name === x.labels.service) || x.labels.number > (p.services.find((s) => s.name === x.labels.service)?.replicas ?? 0));
}

export function composeUp(d: DockerCtx, p: ComposeProject, o: UpOptions): CommandResult {
  pruneLabels(d);
  const out = new Output();
  for (const w of p.warnings) out.err(warningLine(d.sh.world, w));
  const orphans = orphansOf(d, p).filter((x) => !p.services.some((s) => s.name === x.labels.service));
  if (orphans.length > 0 && !o.removeOrphans) out.err(warningLine(d.sh.world, `Found orphan containers ([${orphans.map((x) => x.c.name).join(' ')}]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.`));
  if (o.removeOrphans) for (const x of orphans) removeOne(d, x, out, false);
  for (const x of orphansOf(d, p).filter((y) => p.services.some((s) => s.name === y.labels.service))) removeOne(d, x, out, false);
  const before = new Set(projectContainers(d, p.name).map((x) => x.c.id));
  if (!createProject(d, p, out)) return out.done(1);
  if (o.noStart) return out.done(0);
  const order = startOrder(p).map((s) => s.name);
  for (const pc of projectContainers(d, p.name, order)) {
    if (isUp(pc.c)) {
      if (before.has(pc.c.id)) out.err(statusLine(`Container ${pc.c.name}`, 'Running'));
      continue;
    }
    if (!startOne(d, pc, out)) return out.done(1);
  }
  d.sh.world.changed();
  if (o.detach) return out.done(0);
  const attached = projectContainers(d, p.name, order);
  out.line(`Attaching to ${attached.map((x) => x.c.name.replace(`${p.name}-`, '')).join(', ')}`);
  const logs = projectLogs(attached, p.name, { prefix: true });
  return { stdout: out.stdout + logs.stdout, stderr: out.stderr + logs.stderr, exitCode: 0 };
}

export function composeStart(d: DockerCtx, p: ComposeProject): CommandResult {
  pruneLabels(d);
  const out = new Output();
  const order = startOrder(p);
  const all = projectContainers(d, p.name, order.map((s) => s.name));
  for (const s of order) {
    const mine = all.filter((x) => x.labels.service === s.name);
    if (mine.length === 0) return out.err(`service "${s.name}" has no container to start`).done(1);
  }
  for (const pc of all) if (!isUp(pc.c) && !startOne(d, pc, out)) return out.done(1);
  d.sh.world.changed();
  return out.done(0);
}

export function composeStop(d: DockerCtx, project: string, order: string[]): CommandResult {
  pruneLabels(d);
  const out = new Output();
  for (const pc of projectContainers(d, project, order, true).reverse()) if (isUp(pc.c)) stopOne(d, pc, out);
  d.sh.world.changed();
  return out.done(0);
}

export function composeRestart(d: DockerCtx, p: ComposeProject): CommandResult {
  pruneLabels(d);
  const out = new Output();
  const all = projectContainers(d, p.name, startOrder(p).map((s) => s.name));
  for (const pc of all) {
    const id = `Container ${pc.c.name}`;
    out.err(statusLine(id, 'Restarting'));
    stopContainer(d.sh.world, d.sh.host, d.daemon, pc.c);
    const r = startContainer(d.sh.world, d.sh.host, d.daemon, pc.c);
    if (!r.ok) return out.err(errorResponse(`Cannot restart container ${pc.c.id}: ${r.error}`)).done(1);
    out.err(statusLine(id, 'Started'));
  }
  d.sh.world.changed();
  return out.done(0);
}

export interface DownOptions {
  volumes: boolean;
  removeOrphans: boolean;
}

/** down: containers in reverse dependency order, then the project's networks (and volumes with -v). */
export function composeDown(d: DockerCtx, project: string, p: ComposeProject | undefined, o: DownOptions): CommandResult {
  pruneLabels(d);
  const out = new Output();
  for (const w of p?.warnings ?? []) out.err(warningLine(d.sh.world, w));
  const order = p ? stopOrder(p).map((s) => s.name) : [];
  const mine = projectContainers(d, project, [...order].reverse(), true).reverse();
  const known = (x: ProjectContainer) => !p || p.services.some((s) => s.name === x.labels.service);
  for (const pc of mine.filter(known)) removeOne(d, pc, out, o.volumes);
  if (o.removeOrphans) for (const pc of mine.filter((x) => !known(x))) removeOne(d, pc, out, false);
  const state = composeStateOf(d.sh.world, d.sh.host);
  const record = state.projects[project];
  let removedSomething = mine.length > 0;
  const networkNames = p ? p.networks.filter((n) => !n.external).map((n) => n.name) : record?.networks ?? [];
  for (const name of networkNames) {
    if (!record?.networks.includes(name)) continue;
    const net = findNetwork(d.daemon, name);
    if (!net || net.name !== name) continue;
    const id = `Network ${name}`;
    out.err(statusLine(id, 'Removing'));
    const inUse = d.daemon.containers.some((c) => c.endpoints.some((e) => e.networkId === net.id));
    if (inUse) {
      out.err(statusLine(id, 'Resource is still in use'));
      continue;
    }
    removeBridgeNetwork(d.sh.world, d.sh.host, d.daemon, net);
    record.networks = record.networks.filter((n) => n !== name);
    out.err(statusLine(id, 'Removed'));
    removedSomething = true;
  }
  if (o.volumes) {
    const names = p ? p.volumes.filter((v) => !v.external).map((v) => v.name) : record?.volumes ?? [];
    for (const name of names) {
      const id = `Volume ${name}`;
      out.err(statusLine(id, 'Removing'));
      const r = d.sh.exec(['docker', 'volume', 'rm', name], d.sh);
      if (r.exitCode === 0) out.err(statusLine(id, 'Removed'));
      else if (/in use/.test(r.stderr)) out.err(statusLine(id, 'Resource is still in use'));
      else out.err(statusLine(id, 'Warning: No resource found to remove'));
      if (record) record.volumes = record.volumes.filter((v) => v !== name);
      removedSomething = true;
    }
  }
  if (!removedSomething) out.err(`Warning: No resource found to remove for project "${project}".`);
  if (record && projectContainers(d, project, [], true).length === 0) delete state.projects[project];
  d.sh.world.changed();
  return out.done(0);
}
