/**
 * Volumes of the local driver: named and anonymous, created on demand by `run -v NAME:/path`,
 * kept until `volume rm` / `volume prune` / `rm -v`. Errors are the daemon's texts (without
 * the client's "Error response from daemon: ").
 */
import type { World } from '../world';
import { err, ok, type Result } from '../../common/result';
import { randomHexId } from './ids';
import type { Container, DaemonState, Mount, Volume } from './types';

/** Since Engine 23 anonymous volumes carry this label; `volume prune` without -a removes only them. */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export function volumesOf(daemon: DaemonState): Volume[] {
  return (daemon.volumes ??= []);
}

export function findVolume(daemon: DaemonState, name: string): Volume | undefined {
  return volumesOf(daemon).find((v) => v.name === name);
}

export function isAnonymous(v: Volume): boolean {
  return v.labels !== null && ANONYMOUS_LABEL in v.labels;
}

/** moby's local driver check (volume/local/local.go validateName). */
export function checkVolumeName(name: string): string | null {
  if (NAME.test(name)) return null;
  return `create ${name}: "${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`;
}

export interface VolumeOptions {
  labels?: Record<string, string> | null;
  options?: Record<string, string> | null;
  /** A volume plugin's name (default: local). */
  driver?: string;
}

/** Creates the volume, or returns the existing one of that name (as the daemon does). */
export function createVolume(world: World, daemon: DaemonState, name: string | undefined, opts: VolumeOptions = {}): Result<Volume> {
  if (name !== undefined) {
    const bad = checkVolumeName(name);
    if (bad) return err(bad);
    const existing = findVolume(daemon, name);
    if (existing) return ok(existing);
  }
  const volume: Volume = {
    name: name ?? randomHexId(world),
    driver: opts.driver ?? 'local',
    created: world.clock.now(),
    labels: name === undefined ? { [ANONYMOUS_LABEL]: '', ...(opts.labels ?? {}) } : opts.labels ?? null,
    options: opts.options ?? null,
    files: {},
  };
  volumesOf(daemon).push(volume);
  world.changed();
  return ok(volume);
}

/** Containers (running or not) whose mounts name the volume. */
export function volumeUsers(daemon: DaemonState, name: string): Container[] {
  return daemon.containers.filter((c) => (c.mounts ?? []).some((m) => m.type === 'volume' && m.source === name));
}

export function removeVolume(world: World, daemon: DaemonState, name: string, force = false): Result<void> {
  const volume = findVolume(daemon, name);
  if (!volume) return force ? ok(undefined) : err(`get ${name}: no such volume`);
  const users = volumeUsers(daemon, name);
  if (users.length > 0) return err(`remove ${name}: volume is in use - [${users.map((c) => c.id).join(', ')}]`);
  daemon.volumes = volumesOf(daemon).filter((v) => v !== volume);
  world.changed();
  return ok(undefined);
}

/** Bytes a volume holds (`system df -v`, prune's reclaimed space). */
export function volumeSize(v: Volume): number {
  return Object.values(v.files).reduce((n, data) => n + data.length, 0);
}

/** The anonymous volumes of a container (`rm -v`, `--rm` remove them with it). */
export function anonymousVolumesOf(daemon: DaemonState, c: Container): Volume[] {
  return (c.mounts ?? []).filter((m) => m.type === 'volume').map((m) => findVolume(daemon, m.source)).filter((v): v is Volume => v !== undefined && isAnonymous(v));
}

/** After the container is gone: its anonymous volumes no other container uses. */
export function removeAnonymousVolumes(world: World, daemon: DaemonState, volumes: Volume[]): void {
  for (const v of volumes) if (volumeUsers(daemon, v.name).length === 0) removeVolume(world, daemon, v.name);
}

/** Where a path inside the container lands: the innermost mount whose target contains it. */
export function mountFor(mounts: readonly Mount[], path: string): { mount: Mount; rest: string } | undefined {
  let best: { mount: Mount; rest: string } | undefined;
  for (const m of mounts) {
    const target = m.target === '/' ? '' : m.target.replace(/\/+$/, '');
    if (path !== target && !path.startsWith(target + '/')) continue;
    if (!best || m.target.length > best.mount.target.length) best = { mount: m, rest: path.slice(target.length) || '/' };
  }
  return best;
}

export interface MountPlan {
  type: Mount['type'];
  /** Volume name, host path, or '' for a new anonymous volume. */
  source: string;
  target: string;
  readOnly: boolean;
  mode: string;
  bind?: string;
}

/** Creates the named and anonymous volumes a new container asks for and records its mounts. */
export function attachMounts(world: World, daemon: DaemonState, c: Container, plans: MountPlan[]): void {
  const mounts: Mount[] = [];
  for (const p of plans) {
    let source = p.source;
    if (p.type === 'volume') {
      const made = createVolume(world, daemon, source === '' ? undefined : source);
      if (made.ok) source = made.value.name;
    }
    const mount: Mount = { type: p.type, source, target: p.target, readOnly: p.readOnly, mode: p.mode };
    if (p.bind !== undefined) mount.bind = p.bind;
    mounts.push(mount);
  }
  if (mounts.length > 0) c.mounts = mounts;
}
