/**
 * The docker.service unit: systemctl start|stop|restart|is-active docker and `service docker …`.
 * Stopping dockerd stops containers unless live-restore is on; starting it reads
 * /etc/docker/daemon.json (live-restore, bip, default-address-pools, log-driver) and applies
 * restart policies. A daemon.json dockerd rejects leaves the service failed, as systemd reports it.
 */
import { startDaemonProcess, stopDaemonProcess } from '../../engine/docker/daemon';
import type { DaemonState } from '../../engine/docker/types';
import { fail, type CommandResult, type ShellContext, type CommandFn } from '../types';

const JOB_FAILED = 'Job for docker.service failed because the control process exited with error code.\nSee "systemctl status docker.service" and "journalctl -xeu docker.service" for details.';

function daemonJson(ctx: ShellContext): string | undefined {
  const r = ctx.fs.read('/etc/docker/daemon.json', ctx.ns);
  return r.ok ? r.data : undefined;
}

/** Runs a systemctl verb on docker.service; undefined when the verb is not one of these. */
export function dockerServiceVerb(ctx: ShellContext, daemon: DaemonState, verb: string): CommandResult | undefined {
  const { world, host } = ctx;
  if (verb === 'is-active') return daemon.stopped ? { stdout: 'inactive\n', stderr: '', exitCode: 3 } : { stdout: 'active\n', stderr: '', exitCode: 0 };
  if (verb === 'stop') {
    stopDaemonProcess(world, host, daemon);
    return { stdout: '', stderr: '', exitCode: 0 };
  }
  if (verb === 'start' || verb === 'restart') {
    if (verb === 'start' && !daemon.stopped) return { stdout: '', stderr: '', exitCode: 0 };
    stopDaemonProcess(world, host, daemon);
    const r = startDaemonProcess(world, host, daemon, daemonJson(ctx));
    daemon.lastStartError = r.ok ? undefined : r.error;
    return r.ok ? { stdout: '', stderr: '', exitCode: 0 } : fail(JOB_FAILED, 1);
  }
  return undefined;
}

/** `service docker start|stop|restart|status` (Debian's service(8) hands over to systemctl). */
export const service: CommandFn = (argv, ctx) => {
  const [unit, verb] = argv.slice(1);
  if (unit === undefined) return fail('Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]', 1);
  if (verb === undefined) return fail(`Usage: service ${unit} {start|stop|restart|status}`, 1);
  return ctx.exec(['systemctl', verb === 'status' ? 'status' : verb, unit], ctx);
};
