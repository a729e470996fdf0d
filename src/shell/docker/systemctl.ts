/**
 * `systemctl` on a simulated host (systemd 252): the docker.service and docker.socket units are
 * the ones that exist. start/stop/restart/is-active/is-enabled/status, several units at once;
 * stopping docker.service while docker.socket still listens warns as systemctl does. Restarting
 * dockerd is also how a manager of an autolocked swarm becomes locked.
 */
import { daemonOf } from '../../engine/docker/daemon';
import { dockerUnits } from '../../engine/docker/units';
import { fail, type CommandFn, type CommandResult } from '../types';
import { dockerServiceVerb, dockerSocketVerb } from './dockerd-service';
import { unitStatus, type DockerUnitName } from './systemctl-status';
import { hostProcesses } from '../coreutils/ps';

const STATUS_MS = 23;
const VERBS = new Set(['start', 'stop', 'restart', 'is-active', 'is-enabled', 'status']);

/** unit_name_mangle: a name without a type suffix is a .service. */
function mangle(unit: string): string {
  return /\.(service|socket|target|timer|mount|path|slice|scope|device|swap|automount)$/.test(unit) ? unit : `${unit}.service`;
}

export const systemctl: CommandFn = (argv, ctx) => {
  const words: string[] = [];
  let lines = 10;
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-n' || a === '--lines') lines = Number(args[++i] ?? '10');
    else if (a.startsWith('--lines=')) lines = Number(a.slice(8));
    else if (!a.startsWith('-')) words.push(a);
  }
  const [verb, ...given] = words;
  if (verb === undefined) return fail('systemctl: a verb is required (vethlab simulates start, stop, restart, is-active, is-enabled and status of docker and docker.socket)', 1);
  if (!VERBS.has(verb)) return fail(`vethlab: "systemctl ${verb}" is not simulated (start, stop, restart, is-active, is-enabled and status of docker and docker.socket)`, 1);
  if (given.length === 0) {
    if (verb === 'status') return fail('vethlab: "systemctl status" without a unit is not simulated; try `systemctl status docker`', 1);
    return fail('Too few arguments.', 1);
  }
  const daemon = daemonOf(ctx.world, ctx.host);
  const units = given.map(mangle);
  const known = (u: string): u is DockerUnitName => daemon !== undefined && (u === 'docker.service' || u === 'docker.socket');

  if (verb === 'is-active' || verb === 'is-enabled') {
    let stdout = '';
    let any = false;
    for (const u of units) {
      if (!known(u)) {
        if (verb === 'is-enabled') return { stdout, stderr: `Failed to get unit file state for ${u}: No such file or directory\n`, exitCode: 1 };
        stdout += 'inactive\n';
        continue;
      }
      const r = verb === 'is-enabled' ? { stdout: 'enabled\n', exitCode: 0 } : u === 'docker.socket' ? dockerSocketVerb(ctx, daemon!, verb)! : dockerServiceVerb(ctx, daemon!, verb)!;
      stdout += r.stdout;
      any ||= r.exitCode === 0;
    }
    return { stdout, stderr: '', exitCode: any ? 0 : verb === 'is-enabled' ? 1 : 3 };
  }

  if (verb === 'status') {
    // systemctl itself takes a moment (connecting to the manager, reading the journal).
    ctx.world.clock.advance(STATUS_MS);
    const texts: string[] = [];
    let stderr = '';
    let status = 0;
    for (const u of units) {
      if (!known(u)) {
        stderr += `Unit ${u} could not be found.\n`;
        status = 4;
        continue;
      }
      const r = unitStatus(ctx.world, ctx.host.hostname, daemon!, u, hostProcesses(ctx), Number.isFinite(lines) ? lines : 10);
      texts.push(r.text);
      if (r.status !== 0 && status === 0) status = r.status;
    }
    return { stdout: texts.join('\n'), stderr, exitCode: status };
  }

  // start / stop / restart: a unit that does not exist fails the whole job before anything runs.
  const missing = units.find((u) => !known(u));
  if (missing) return fail(`Failed to ${verb} ${missing}: Unit ${missing} not found.`, 5);
  let stderr = '';
  for (const u of units) {
    const r: CommandResult = u === 'docker.socket' ? dockerSocketVerb(ctx, daemon!, verb)! : dockerServiceVerb(ctx, daemon!, verb)!;
    if (r.exitCode !== 0) return r;
  }
  // When the jobs are done: a stopped unit that an active socket can start again.
  if (verb === 'stop' && units.includes('docker.service') && dockerUnits(daemon!).socketActive) {
    stderr += 'Warning: Stopping docker.service, but it can still be activated by:\n  docker.socket\n';
  }
  ctx.world.changed();
  return { stdout: '', stderr, exitCode: 0 };
};
