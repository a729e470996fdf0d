/**
 * systemd's view of the Docker daemon: the docker.service and docker.socket units (Debian 12,
 * systemd 252, docker-ce's unit files) and the journal lines they and dockerd wrote. dockerd's
 * lines are the ones Engine 26.1.5 logs at start and at SIGTERM (recorded from a real daemon;
 * containerd runs as its own unit, so its lines are not here). The state lives in the daemon's
 * state, so snapshot/restore rewinds it with the containers.
 */
import type { World } from '../world';
import type { DaemonState, Container } from './types';
import { ENGINE } from './engine-info';
import { two, utcParts } from '../../common/clock';

export const DOCKER_DESCRIPTION = 'Docker Application Container Engine';
export const DOCKERD_CMDLINE = '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock';
/** dockerd's PID, as ps lists it (a restarted dockerd keeps it here: a simplification). */
export const DOCKERD_BOOT_PID = 689;

export interface JournalEntry {
  /** Simulated ms. */
  at: number;
  /** Nanoseconds within the millisecond (dockerd prints nanoseconds). */
  ns: number;
  /** The unit the line is about (systemctl status shows its unit's lines). */
  unit: 'docker.service' | 'docker.socket';
  /** "systemd" or "dockerd". */
  ident: string;
  pid: number;
  text: string;
  /** The systemd job a Starting/Stopping line began and its Started/Stopped/Failed line ended (journalctl -x prints it). */
  job?: number;
}

export interface DockerUnits {
  /** docker.service: active, inactive or failed, and since when. */
  state: 'active' | 'inactive' | 'failed';
  since: number;
  /** When it last became active (for the Duration of a stopped unit). */
  activeSince: number;
  mainPid: number;
  /** How the last main process ended (inactive or failed). */
  exitStatus?: number;
  /** docker.socket: listening unless stopped. */
  socketActive: boolean;
  socketSince: number;
  /** CPU time of earlier runs of the unit (systemd keeps accounting across restarts), ms. */
  cpuMs: number;
  journal: JournalEntry[];
  /** A dockerd started at the prompt (not by systemd) runs with this PID, command line and start time. */
  foregroundPid?: number;
  foregroundCmd?: string;
  foregroundSince?: number;
  /** systemd's last job id, and the job each unit runs. */
  lastJob?: number;
  openJobs?: Partial<Record<JournalEntry['unit'], number>>;
}

/** How long dockerd takes to start (Type=notify: systemctl start returns when it is ready) and to fail on a bad daemon.json, ms. */
export const START_MS = { ready: 1228, refused: 41, shutdown: 374 };

/** The host booted before the world's first instant: docker.socket listened, then dockerd started (ms, negative). */
export const BOOT = { kernel: -52_480, socket: -48_211, dockerdStarting: -47_930, dockerdStarted: -46_702 };

/** The journal keeps this many lines per daemon (systemctl status shows the last 10). */
const JOURNAL_LINES = 200;

type WithUnits = DaemonState & { units?: DockerUnits };

/** The units of a daemon; the first call writes the boot's journal (dockerd started at time 0). */
export function dockerUnits(daemon: DaemonState): DockerUnits {
  const d = daemon as WithUnits;
  if (!d.units) {
    d.units = { state: daemon.stopped ? 'inactive' : 'active', since: BOOT.dockerdStarted, activeSince: BOOT.dockerdStarted, mainPid: DOCKERD_BOOT_PID, socketActive: true, socketSince: BOOT.socket, cpuMs: 0, journal: [] };
    log(d.units, BOOT.socket, 'systemd', 1, 'Starting docker.socket - Docker Socket for the API...', 'docker.socket');
    log(d.units, BOOT.socket, 'systemd', 1, 'Listening on docker.socket - Docker Socket for the API.', 'docker.socket');
    if (!daemon.stopped) startLines(d.units, BOOT.dockerdStarting, DOCKERD_BOOT_PID, BOOT.dockerdStarted);
  }
  return d.units;
}

function log(units: DockerUnits, at: number, ident: string, pid: number, text: string, unit: JournalEntry['unit'] = 'docker.service'): void {
  const n = units.journal.length;
  const prev = units.journal[n - 1];
  // Nanoseconds within the millisecond that grow line by line (dockerd prints nanoseconds).
  const step = 23_000 + ((n * 7919) % 61_000);
  const ns = prev && prev.at === at ? Math.min(999_999, prev.ns + step) : ((n * 104_729) % 89) * 1000 + ((n * 7919) % 1000);
  const entry: JournalEntry = { at, ns, unit, ident, pid, text };
  if (ident === 'systemd') {
    const open = (units.openJobs ??= {});
    if (/^(Starting|Stopping) /.test(text)) entry.job = open[unit] = units.lastJob = (units.lastJob ?? 117) + 1 + (n % 3);
    else if (/^(Started|Stopped|Failed to start|Listening on|Closed) /.test(text) && open[unit] !== undefined) {
      entry.job = open[unit];
      delete open[unit];
    }
  }
  units.journal.push(entry);
  if (units.journal.length > JOURNAL_LINES) units.journal.splice(0, units.journal.length - JOURNAL_LINES);
}

/** A logrus line as dockerd writes it to the journal (no TTY): time="…" level=info msg="…" fields. */
export function logrusLine(at: number, epoch: number, ns: number, level: string, msg: string, fields = ''): string {
  return `time="${rfc3339Nano(epoch + at, ns)}" level=${level} msg=${logfmtValue(msg)}${fields ? ' ' + fields : ''}`;
}

export function rfc3339Nano(epochMs: number, ns: number): string {
  const t = utcParts(epochMs);
  const ms = String(((epochMs % 1000) + 1000) % 1000).padStart(3, '0');
  return `${t.year}-${two(t.month + 1)}-${two(t.day)}T${two(t.hour)}:${two(t.minute)}:${two(t.second)}.${ms}${String(ns).padStart(6, '0')}Z`;
}

/** logrus quotes a value unless it is only letters, digits and -._/@^+. */
export function logfmtValue(v: string): string {
  return /^[A-Za-z0-9\-._/@^+]+$/.test(v) ? v : JSON.stringify(v);
}

const STARTED: Array<[string, string]> = [
  ['info', 'Starting up'],
  ['info', '[graphdriver] using prior storage driver: overlay2'],
  ['info', 'Loading containers: start.'],
  ['info', 'Loading containers: done.'],
];

/** dockerd's start as the journal has it; at boot it takes a second (`done` after `at`), later starts are instant. */
function startLines(units: DockerUnits, at: number, pid: number, done = at): void {
  log(units, at, 'systemd', 1, `Starting docker.service - ${DOCKER_DESCRIPTION}...`);
  for (const [level, msg] of STARTED) log(units, at, 'dockerd', pid, `\u0000${level}\u0000${msg}`);
  log(units, done, 'dockerd', pid, `\u0000info\u0000Docker daemon\u0000commit=${ENGINE.GitCommit} containerd-snapshotter=false storage-driver=overlay2 version=${ENGINE.Version}`);
  log(units, done, 'dockerd', pid, '\u0000info\u0000Daemon has completed initialization');
  log(units, done, 'dockerd', pid, '\u0000info\u0000API listen on /run/docker.sock');
  log(units, done, 'systemd', 1, `Started docker.service - ${DOCKER_DESCRIPTION}.`);
}

/** Whether the daemon answers on the local unix socket: always under systemd (-H fd://), else when a -H named it. */
export function servesUnixSocket(daemon: DaemonState): boolean {
  if (daemon.stopped) return false;
  const units = (daemon as WithUnits).units;
  if (units?.foregroundPid === undefined) return true;
  return (daemon.config?.hosts ?? []).some((h) => h.startsWith('unix://') || h === 'fd://');
}

/** CPU time dockerd used in its current run: a base for starting, some per container it knows, and a little per minute up. */
export function runCpuMs(world: World, daemon: DaemonState, units: DockerUnits): number {
  if (units.state !== 'active') return 0;
  const upMinutes = Math.floor((world.clock.now() - units.activeSince) / 60_000);
  return 143 + 17 * daemon.containers.length + 3 * upMinutes;
}

/**
 * systemctl start (or a connection on docker.socket): dockerd, started at `began`, is up now or
 * failed with what it printed.
 */
export function unitStarted(world: World, daemon: DaemonState, began: number, error?: string): void {
  const units = dockerUnits(daemon);
  const now = world.clock.now();
  const pid = units.mainPid;
  if (error === undefined) {
    if (units.state === 'active') return;
    units.state = 'active';
    units.since = now;
    units.activeSince = now;
    delete units.exitStatus;
    startLines(units, began, pid, now);
    return;
  }
  log(units, began, 'systemd', 1, `Starting docker.service - ${DOCKER_DESCRIPTION}...`);
  log(units, now, 'dockerd', pid, error);
  log(units, now, 'systemd', 1, 'docker.service: Main process exited, code=exited, status=1/FAILURE');
  log(units, now, 'systemd', 1, "docker.service: Failed with result 'exit-code'.");
  log(units, now, 'systemd', 1, `Failed to start docker.service - ${DOCKER_DESCRIPTION}.`);
  units.cpuMs += now - began;
  units.state = 'failed';
  units.since = now;
  units.exitStatus = 1;
}

/**
 * systemctl stop: dockerd got SIGTERM. `stopping` are the containers it stops (none with
 * live-restore) and whether each ignored SIGTERM until the 10 s timeout; `at` is when it exited.
 */
export function unitStopped(world: World, daemon: DaemonState, stopping: Array<{ c: Container; forced: boolean }>, began: number): void {
  const units = dockerUnits(daemon);
  if (units.state !== 'active') return;
  const pid = units.mainPid;
  log(units, began, 'systemd', 1, `Stopping docker.service - ${DOCKER_DESCRIPTION}...`);
  log(units, began, 'dockerd', pid, `\u0000info\u0000Processing signal 'terminated'`);
  const end = world.clock.now();
  for (const s of stopping) if (s.forced) log(units, end, 'dockerd', pid, `\u0000info\u0000Container failed to exit within 10s of signal 15 - using the force\u0000container=${s.c.id}`);
  for (const s of stopping) log(units, end, 'dockerd', pid, `\u0000info\u0000ignoring event\u0000container=${s.c.id} module=libcontainerd namespace=moby topic=/tasks/delete type="*events.TaskDelete"`);
  log(units, end, 'dockerd', pid, '\u0000info\u0000stopping event stream following graceful shutdown\u0000error="<nil>" module=libcontainerd namespace=moby');
  log(units, end, 'dockerd', pid, '\u0000info\u0000Daemon shutdown complete');
  log(units, end, 'dockerd', pid, '\u0000info\u0000stopping event stream following graceful shutdown\u0000error="context canceled" module=libcontainerd namespace=plugins.moby');
  log(units, end, 'dockerd', pid, '\u0000info\u0000stopping healthcheck following graceful shutdown\u0000module=libcontainerd');
  log(units, end, 'systemd', 1, 'docker.service: Deactivated successfully.');
  log(units, end, 'systemd', 1, `Stopped docker.service - ${DOCKER_DESCRIPTION}.`);
  units.cpuMs += runCpuMs(world, daemon, units);
  const cpu = units.cpuMs;
  if (cpu > 0) log(units, end, 'systemd', 1, `docker.service: Consumed ${cpuSpan(cpu * 1000)} CPU time.`);
  units.state = 'inactive';
  units.since = end;
  units.exitStatus = 0;
}

/** systemctl stop docker.socket. */
export function socketStopped(world: World, daemon: DaemonState): void {
  const units = dockerUnits(daemon);
  if (!units.socketActive) return;
  const now = world.clock.now();
  log(units, now, 'systemd', 1, 'Stopping docker.socket - Docker Socket for the API...', 'docker.socket');
  log(units, now, 'systemd', 1, 'docker.socket: Deactivated successfully.', 'docker.socket');
  log(units, now, 'systemd', 1, 'Closed docker.socket - Docker Socket for the API.', 'docker.socket');
  units.socketActive = false;
  units.socketSince = now;
}

/** systemctl start docker.socket (also started by starting docker.service, which requires it). */
export function socketStarted(world: World, daemon: DaemonState): void {
  const units = dockerUnits(daemon);
  if (units.socketActive) return;
  const now = world.clock.now();
  log(units, now, 'systemd', 1, 'Starting docker.socket - Docker Socket for the API...', 'docker.socket');
  log(units, now, 'systemd', 1, 'Listening on docker.socket - Docker Socket for the API.', 'docker.socket');
  units.socketActive = true;
  units.socketSince = now;
}

/** A journal line's text as the journal stores it: dockerd's structured lines become logrus text. */
export function journalText(e: JournalEntry, epoch: number): string {
  if (!e.text.startsWith('\u0000')) return e.text;
  const [, level, msg, fields] = e.text.split('\u0000');
  return logrusLine(e.at, epoch, e.ns, level!, msg!, fields ?? '');
}

/** systemd's format_timespan(usec, USEC_PER_MSEC): "412ms", "1.969s", "2min 3.456s", "1h 2min 3s". */
export function cpuSpan(usec: number): string {
  const table: Array<[string, number]> = [['y', 31_557_600e6], ['month', 2_629_800e6], ['w', 604_800e6], ['d', 86_400e6], ['h', 3_600e6], ['min', 60e6], ['s', 1e6], ['ms', 1e3], ['us', 1]];
  const accuracy = 1000;
  let t = Math.floor(usec);
  if (t <= 0) return '0';
  const parts: string[] = [];
  for (const [suffix, unit] of table) {
    if (t <= 0) break;
    if (t < accuracy && parts.length > 0) break;
    if (t < unit) continue;
    const a = Math.floor(t / unit);
    let b = t % unit;
    if (t < 60e6 && b > 0) {
      let j = 0;
      for (let cc = unit; cc > 1; cc /= 10) j++;
      for (let cc = accuracy; cc > 1; cc /= 10) {
        b = Math.floor(b / 10);
        j--;
      }
      if (j > 0) {
        parts.push(`${a}.${String(b).padStart(j, '0')}${suffix}`);
        t = 0;
        continue;
      }
    }
    parts.push(`${a}${suffix}`);
    t = b;
  }
  return parts.join(' ');
}
