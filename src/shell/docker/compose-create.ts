/**
 * What `up`/`create` do before starting anything: pull missing images, build `build:` services,
 * create the project's networks and volumes, then each service's containers (project-service-N)
 * through the daemon, in depends_on order. Returns false after printing compose's error.
 */
import { startOrder, type ComposeProject, type ComposeService } from '../../engine/compose';
import { composeStateOf, containerName } from '../../engine/compose/ownership';
import { parseImageRef, type ImageRef } from '../../engine/docker/catalog';
import { findNetwork } from '../../engine/docker/networks';
import { removeContainer, stopContainer } from '../../engine/docker/containers';
import { stableHex } from '../../engine/docker/catalog';
import type { Output } from '../types';
import { type DockerCtx, errorResponse } from './context';
import { projectContainers } from './compose-containers';
import { statusLine, textLine } from './compose-progress';
import { localImage, pull } from './images';
import { resolvePath } from '../fs';

/** The image a service runs: `image:`, or project-service for a build without one (compose v2's naming). */
export function imageOfService(p: ComposeProject, s: ComposeService): string {
  return s.image ?? `${p.name}-${s.name}`;
}

function daemonText(stderr: string): string {
  const line = stderr.split('\n').find((l) => l.includes(errorResponse(''))) ?? stderr.split('\n')[0] ?? '';
  return line.replace(/^docker: /, '').replace(/\.$/, '');
}

function docker(d: DockerCtx, argv: string[]): { exitCode: number; stdout: string; stderr: string } {
  return d.sh.exec(['docker', ...argv], d.sh);
}

/** pullServiceImage's events (plain progress): ` web Pulling `, a line per layer, ` web Pulled `; false after ` web Error `. */
export function pullServiceImage(d: DockerCtx, s: ComposeService, ref: ImageRef, out: Output): boolean {
  out.err(textLine(s.name, 'Pulling'));
  const result = pull(d.daemon, ref);
  if (!result.ok) {
    out.err(textLine(s.name, 'Error'));
    out.err(errorResponse(result.error));
    return false;
  }
  for (const l of result.lines) {
    const m = /^([0-9a-f]{12}): (Pull complete|Already exists)$/.exec(l);
    if (m) out.err(textLine(m[1]!, m[2] === 'Already exists' ? 'Already exists' : 'Pull complete'));
  }
  out.err(textLine(s.name, 'Pulled'));
  d.sh.world.changed();
  return true;
}

function pullImages(d: DockerCtx, p: ComposeProject, out: Output): boolean {
  for (const s of p.services) {
    if (!s.image) continue;
    const ref = parseImageRef(s.image);
    if (!ref) {
      out.err(`invalid reference format`);
      return false;
    }
    if (localImage(d.daemon, ref)) continue;
    if (s.build) continue;
    if (!pullServiceImage(d, s, ref, out)) return false;
  }
  d.sh.world.changed();
  return true;
}

/** `build:` services whose image is missing are built with the daemon's `docker build`. */
function buildImages(d: DockerCtx, p: ComposeProject, out: Output): boolean {
  for (const s of p.services) {
    if (!s.build) continue;
    const tag = imageOfService(p, s);
    const ref = parseImageRef(tag);
    if (ref && localImage(d.daemon, ref)) continue;
    const context = resolvePath(p.workingDir, s.build.context);
    const r = docker(d, ['build', '-t', tag, '-f', resolvePath(context, s.build.dockerfile), context]);
    if (r.stdout) out.out(r.stdout);
    if (r.exitCode !== 0) {
      if (r.stderr) out.err(r.stderr);
      return false;
    }
    if (r.stderr) out.err(r.stderr);
  }
  return true;
}

function ensureNetworks(d: DockerCtx, p: ComposeProject, out: Output): boolean {
  const used = new Set(p.services.flatMap((s) => s.networks.map((n) => n.name)));
  const record = composeStateOf(d.sh.world, d.sh.host).projects[p.name]!;
  for (const n of p.networks) {
    if (!used.has(n.key)) continue;
    const exists = findNetwork(d.daemon, n.name) !== undefined && d.daemon.networks.some((x) => x.name === n.name);
    if (n.external) {
      if (!exists) {
        out.err(`network ${n.name} declared as external, but could not be found`);
        return false;
      }
      continue;
    }
    if (exists) continue;
    const id = `Network ${n.name}`;
    out.err(statusLine(id, 'Creating'));
    const args = ['network', 'create', ...(n.driver !== 'bridge' ? ['-d', n.driver] : []), ...(n.internal ? ['--internal'] : []), ...(n.attachable ? ['--attachable'] : []), n.name];
    const r = docker(d, args);
    if (r.exitCode !== 0) {
      out.err(statusLine(id, 'Error'));
      out.err(`failed to create network ${n.name}: ${daemonText(r.stderr)}`);
      return false;
    }
    out.err(statusLine(id, 'Created'));
    if (!record.networks.includes(n.name)) record.networks.push(n.name);
  }
  return true;
}

function ensureVolumes(d: DockerCtx, p: ComposeProject, out: Output): boolean {
  const record = composeStateOf(d.sh.world, d.sh.host).projects[p.name]!;
  for (const v of p.volumes) {
    const listed = docker(d, ['volume', 'inspect', v.name]);
    if (listed.exitCode === 0) continue;
    if (v.external) {
      out.err(`external volume "${v.name}" not found`);
      return false;
    }
    const id = `Volume "${v.name}"`;
    out.err(statusLine(id, 'Creating'));
    const r = docker(d, ['volume', 'create', ...(v.driver !== 'local' ? ['-d', v.driver] : []), '--label', `com.docker.compose.project=${p.name}`, '--label', `com.docker.compose.volume=${v.key}`, v.name]);
    if (r.exitCode !== 0) {
      out.err(statusLine(id, 'Error'));
      out.err(daemonText(r.stderr));
      return false;
    }
    out.err(statusLine(id, 'Created'));
    if (!record.volumes.includes(v.name)) record.volumes.push(v.name);
  }
  return true;
}

/** `docker create` arguments for replica `n` of a service. */
export function createArgs(d: DockerCtx, p: ComposeProject, s: ComposeService, name: string): string[] {
  const args = ['create', '--name', name];
  const first = s.networks[0];
  if (s.networkMode !== undefined) args.push('--network', s.networkMode);
  else if (first) {
    const net = p.networks.find((n) => n.key === first.name)!;
    args.push('--network', net.name, '--network-alias', s.name);
    for (const a of first.aliases) args.push('--network-alias', a);
  }
  if (s.hostname) args.push('--hostname', s.hostname);
  for (const [k, v] of s.environment) {
    if (v !== null) args.push('-e', `${k}=${v}`);
    else if (d.sh.env[k] !== undefined) args.push('-e', `${k}=${d.sh.env[k]}`);
  }
  for (const port of s.ports) args.push('-p', `${port.hostIp ? port.hostIp + ':' : ''}${port.published ? port.published + ':' : ''}${port.target}/${port.protocol}`);
  if (s.restart !== 'no') args.push('--restart', s.restart);
  for (const m of s.volumes) {
    const source = m.type === 'volume' && m.source !== '' ? p.volumes.find((v) => v.key === m.source)?.name ?? m.source : m.source;
    args.push('-v', source === '' ? m.target : `${source}:${m.target}${m.readOnly ? ':ro' : ''}`);
  }
  const entry = s.entrypoint ?? [];
  if (entry.length > 0) args.push('--entrypoint', entry[0]!);
  args.push(imageOfService(p, s), ...entry.slice(1), ...(s.command ?? []));
  return args;
}

export function createService(d: DockerCtx, p: ComposeProject, s: ComposeService, out: Output): boolean {
  const state = composeStateOf(d.sh.world, d.sh.host);
  const existing = projectContainers(d, p.name).filter((x) => x.labels.service === s.name);
  for (let n = 1; n <= s.replicas; n++) {
    const name = s.containerName && s.replicas === 1 ? s.containerName : containerName(p.name, s.name, n);
    const args = createArgs(d, p, s, name);
    const hash = stableHex(args.join('\u0000'));
    const old = existing.find((x) => x.labels.number === n);
    if (old && (old.labels.hash === undefined || old.labels.hash === hash)) continue;
    const id = `Container ${name}`;
    // A changed service: compose replaces the container (same name, a new id).
    if (old) {
      out.err(statusLine(id, 'Recreate'));
      stopContainer(d.sh.world, d.sh.host, d.daemon, old.c);
      removeContainer(d.sh.world, d.sh.host, d.daemon, old.c);
      delete state.containers[old.c.id];
    } else out.err(statusLine(id, 'Creating'));
    const r = docker(d, args);
    if (r.exitCode !== 0) {
      out.err(statusLine(id, 'Error'));
      out.err(daemonText(r.stderr));
      return false;
    }
    const c = d.daemon.containers.find((x) => x.name === name)!;
    state.containers[c.id] = { project: p.name, service: s.name, number: n, hash };
    for (const extra of s.networks.slice(1)) {
      const net = p.networks.find((x) => x.key === extra.name)!;
      docker(d, ['network', 'connect', '--alias', s.name, ...extra.aliases.flatMap((a) => ['--alias', a]), net.name, name]);
    }
    out.err(statusLine(id, old ? 'Recreated' : 'Created'));
  }
  return true;
}

/** The images of `p.services`: pulled when missing, built when they have `build:`. */
export function ensureImages(d: DockerCtx, p: ComposeProject, out: Output): boolean {
  return pullImages(d, p, out) && buildImages(d, p, out);
}

/**
 * What comes before any container: the project record, the images of `imagesOf` (default: every
 * service), the networks `p.services` use and the volumes.
 */
export function prepareProject(d: DockerCtx, p: ComposeProject, out: Output, imagesOf: ComposeService[] = p.services): boolean {
  const state = composeStateOf(d.sh.world, d.sh.host);
  state.projects[p.name] ??= { name: p.name, workingDir: p.workingDir, configFiles: p.files, networks: [], volumes: [] };
  state.projects[p.name]!.configFiles = p.files;
  return ensureImages(d, { ...p, services: imagesOf }, out) && ensureNetworks(d, p, out) && ensureVolumes(d, p, out);
}

/** Everything `create` does; `up` then starts. */
export function createProject(d: DockerCtx, p: ComposeProject, out: Output): boolean {
  if (!prepareProject(d, p, out)) return false;
  for (const s of startOrder(p)) if (!createService(d, p, s, out)) return false;
  d.sh.world.changed();
  return true;
}
