/**
 * `systemctl restart docker` (and `is-active docker`): restarting dockerd is how a manager of an
 * autolocked swarm becomes locked. Other units do not exist on the simulated hosts.
 */
import { daemonOf } from '../../engine/docker/daemon';
import { daemonRestarted } from '../../engine/swarm/cluster';
import { fail, type CommandFn } from '../types';
import { dockerServiceVerb } from './dockerd-service';

const UNITS = new Set(['docker', 'docker.service']);

export const systemctl: CommandFn = (argv, ctx) => {
  const [verb, unit, ...extra] = argv.slice(1).filter((a) => !a.startsWith('-'));
  if (verb === undefined) return fail('systemctl: a verb is required (vethlab simulates: restart docker, is-active docker)', 1);
  if (unit === undefined || extra.length > 0) return fail(`Too few arguments.`, 1);
  const name = unit.endsWith('.service') ? unit : `${unit}.service`;
  const daemon = daemonOf(ctx.world, ctx.host);
  if (!UNITS.has(unit) || !daemon) {
    if (verb === 'is-active') return { stdout: 'inactive\n', stderr: '', exitCode: 3 };
    return fail(`Failed to ${verb} ${name}: Unit ${name} not found.`, 5);
  }
  const handled = dockerServiceVerb(ctx, daemon, verb);
  if (handled && verb !== 'restart') return handled;
  if (handled && handled.exitCode !== 0) return handled;
  if (verb === 'restart') {
    daemonRestarted(ctx.world, ctx.host);
    ctx.world.changed();
    return { stdout: '', stderr: '', exitCode: 0 };
  }
  return fail(`vethlab: "systemctl ${verb} ${unit}" is not simulated (start, stop, restart and is-active docker)`, 1);
};
