/**
 * The docker.service and docker.socket units (docker-ce's unit files on Debian 12): systemctl
 * start|stop|restart|is-active|status, `service docker …`, and socket activation (a client that
 * connects to /var/run/docker.sock while docker.socket listens starts dockerd again, as on a
 * real host after `systemctl stop docker`). Stopping dockerd stops containers unless live-restore
 * is on; starting it reads /etc/docker/daemon.json (live-restore, bip, default-address-pools,
 * log-driver) and applies restart policies. A daemon.json dockerd rejects leaves the service
 * failed, as systemd reports it (without systemd's automatic restarts: a simplification).
 */
import { daemonOf, startDaemonProcess, stopDaemonProcess } from '../../engine/docker/daemon';
import { imageOf } from '../../engine/docker/containers';
import { exitAfterSignal, stopSignal } from '../../engine/docker/procs';
import { daemonRestarted } from '../../engine/swarm/cluster';
import { dockerUnits, socketStarted, socketStopped, START_MS, unitStarted, unitStopped } from '../../engine/docker/units';
import type { DaemonState } from '../../engine/docker/types';
import { fail, type CommandResult, type ShellContext, type CommandFn, success } from '../types';

const JOB_FAILED = 'Job for docker.service failed because the control process exited with error code.\nSee "systemctl status docker.service" and "journalctl -xeu docker.service" for details.';
const OK: CommandResult = success();

function daemonJson(ctx: ShellContext): string | undefined {
  const r = ctx.fs.read('/etc/docker/daemon.json', ctx.ns);
  return r.ok ? r.data : undefined;
}

/** dockerd gets SIGTERM: its containers stop (SIGKILL after 10 s for those that ignore it) unless live-restore. */
export function stopDockerd(ctx: ShellContext, daemon: DaemonState): void {
  if (daemon.stopped) return;
  const began = ctx.world.clock.now();
  const live = daemon.config?.liveRestore ?? false;
  const stopping = live
    ? []
    : daemon.containers
        .filter((c) => c.state === 'running' || c.state === 'paused')
        .map((c) => ({ c, forced: exitAfterSignal(c, imageOf(daemon, c), stopSignal(c, imageOf(daemon, c))) === null }));
  stopDaemonProcess(ctx.world, ctx.host, daemon);
  ctx.world.clock.advance(START_MS.shutdown);
  unitStopped(ctx.world, daemon, stopping, began);
}

/** dockerd starts (docker.socket with it, which it requires); false when it refused its daemon.json. */
export function startDockerd(ctx: ShellContext, daemon: DaemonState): boolean {
  socketStarted(ctx.world, daemon);
  const began = ctx.world.clock.now();
  const foreground = dockerUnits(daemon).foregroundPid;
  if (foreground !== undefined) {
    // A dockerd started at the prompt holds the pid file: systemd's dockerd exits at once.
    ctx.world.clock.advance(START_MS.refused);
    unitStarted(ctx.world, daemon, began, `failed to start daemon, ensure docker is not running or delete /var/run/docker.pid: process with PID ${foreground} is still running`);
    return false;
  }
  if (!daemon.stopped) return true;
  ctx.world.clock.advance(START_MS.refused);
  const r = startDaemonProcess(ctx.world, ctx.host, daemon, daemonJson(ctx));
  if (r.ok) ctx.world.clock.advance(START_MS.ready - START_MS.refused);
  daemon.lastStartError = r.ok ? undefined : r.error;
  unitStarted(ctx.world, daemon, began, r.ok ? undefined : r.error);
  // An autolocked swarm manager comes back locked.
  if (r.ok) daemonRestarted(ctx.world, ctx.host);
  ctx.world.changed();
  return r.ok;
}

/**
 * A client connects to the local socket: with dockerd stopped but docker.socket listening,
 * systemd starts docker.service first (a failed service is not retried here).
 */
export function activateBySocket(ctx: ShellContext): void {
  const daemon = daemonOf(ctx.world, ctx.host);
  if (!daemon || !daemon.stopped) return;
  const units = dockerUnits(daemon);
  if (units.socketActive && units.state === 'inactive') startDockerd(ctx, daemon);
}

/** Runs a systemctl verb on docker.service; undefined when the verb is not one of these. */
export function dockerServiceVerb(ctx: ShellContext, daemon: DaemonState, verb: string): CommandResult | undefined {
  const units = dockerUnits(daemon);
  if (verb === 'is-active') return { stdout: `${units.state}\n`, stderr: '', exitCode: units.state === 'active' ? 0 : 3 };
  if (verb === 'stop') {
    // systemd stops its own dockerd; one started at the prompt is not the unit's.
    if (units.state === 'active') stopDockerd(ctx, daemon);
    if (units.state === 'failed') {
      units.state = 'inactive';
      units.since = ctx.world.clock.now();
    }
    return OK;
  }
  if (verb === 'start' || verb === 'restart') {
    if (verb === 'start' && units.state === 'active') return OK;
    if (units.state === 'active') stopDockerd(ctx, daemon);
    return startDockerd(ctx, daemon) ? OK : fail(JOB_FAILED, 1);
  }
  return undefined;
}

/** The same verbs on docker.socket (stopping it stops docker.service, which requires it). */
export function dockerSocketVerb(ctx: ShellContext, daemon: DaemonState, verb: string): CommandResult | undefined {
  const units = dockerUnits(daemon);
  if (verb === 'is-active') return { stdout: units.socketActive ? 'active\n' : 'inactive\n', stderr: '', exitCode: units.socketActive ? 0 : 3 };
  if (verb === 'stop' || verb === 'restart') {
    if (units.state === 'active') stopDockerd(ctx, daemon);
    socketStopped(ctx.world, daemon);
  }
  if (verb === 'start' || verb === 'restart') socketStarted(ctx.world, daemon);
  return verb === 'stop' || verb === 'start' || verb === 'restart' ? OK : undefined;
}

/** `service docker start|stop|restart|status` (Debian's service(8) hands over to systemctl). */
export const service: CommandFn = (argv, ctx) => {
  const [unit, verb] = argv.slice(1);
  if (unit === undefined) return fail('Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]', 1);
  if (verb === undefined) return fail(`Usage: service ${unit} {start|stop|restart|status}`, 1);
  return ctx.exec(['systemctl', verb === 'status' ? 'status' : verb, unit], ctx);
};
