/** docker swarm init / join / join-token / leave / unlock / unlock-key (docker/cli's texts); update and ca have their files. */
import { daemonRestarted, initSwarm, joinSwarm, leaveSwarm, rotateJoinToken, rotateUnlockKey, unlockSwarm } from '../../engine/swarm/cluster';
import { NOT_IN_SWARM } from '../../engine/swarm/messages';
import { joinToken, membershipOf } from '../../engine/swarm/state';
import type { Cluster } from '../../engine/swarm/types';
import { Output, fail, type CommandResult, success } from '../types';
import { argsError, daemonError, usageError, type DockerCtx, errorResponse } from './context';
import { has, last, parseFlags, flagSpecs } from './flags';
import { asManager, groupUsage, isResult, unknownSub } from './swarm-access';
import { swarmCa } from './swarm-ca';
import { printUnlockCommand, swarmUpdate } from './swarm-update';

export function dockerSwarm(d: DockerCtx, argv: string[]): CommandResult {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'init':
      return init(d, rest);
    case 'join':
      return join(d, rest);
    case 'join-token':
      return tokenCmd(d, rest);
    case 'leave':
      return leave(d, rest);
    case 'update':
      return swarmUpdate(d, rest);
    case 'ca':
      return swarmCa(d, rest);
    case 'unlock':
      return unlock(d, rest);
    case 'unlock-key':
      return unlockKey(d, rest);
    case undefined:
      return groupUsage('swarm', 'Manage Swarm', [
        ['ca', 'Display and rotate the root CA'],
        ['init', 'Initialize a swarm'],
        ['join', 'Join a swarm as a node and/or manager'],
        ['join-token', 'Manage join tokens'],
        ['leave', 'Leave the swarm'],
        ['unlock', 'Unlock swarm'],
        ['unlock-key', 'Manage the unlock key'],
        ['update', 'Update the swarm'],
      ]);
    default:
      return unknownSub('swarm', sub);
  }
}

function printJoinCommand(out: Output, cluster: Cluster, role: 'worker' | 'manager', addr: string): void {
  out.out(`To add a ${role} to this swarm, run the following command:\n\n    docker swarm join --token ${joinToken(cluster, role)} ${addr}:2377\n\n`);
}

function init(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('advertise-addr= autolock listen-addr= force-new-cluster availability= data-path-addr='), true);
  if (!parsed.ok) return usageError('swarm init', parsed.error);
  if (parsed.value.args.length > 0) return argsError('swarm init', '[OPTIONS]', 'Initialize a swarm', 'no arguments');
  const advertise = last(parsed.value, 'advertise-addr');
  const made = initSwarm(d.sh.world, d.sh.host, { autolock: has(parsed.value, 'autolock'), ...(advertise !== undefined ? { advertiseAddr: advertise } : {}) });
  if (!made.ok) return daemonError(made.error);
  const { cluster, node } = made.value;
  const out = new Output();
  out.out(`Swarm initialized: current node (${node.id}) is now a manager.\n\n`);
  printJoinCommand(out, cluster, 'worker', node.addr);
  out.out("To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n");
  if (cluster.autolock) printUnlockCommand(out, cluster.unlockKey);
  return out.done(0);
}

function join(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('token= advertise-addr= listen-addr= availability= data-path-addr='), true);
  if (!parsed.ok) return usageError('swarm join', parsed.error);
  const [remote, ...extra] = parsed.value.args;
  if (remote === undefined || extra.length > 0) return argsError('swarm join', '[OPTIONS] HOST:PORT', 'Join a swarm as a node and/or manager', 'exactly 1 argument');
  const joined = joinSwarm(d.sh.world, d.sh.host, last(parsed.value, 'token') ?? '', remote);
  if (!joined.ok) return daemonError(joined.error);
  return success(`This node joined a swarm as a ${joined.value.node.role}.\n`);
}

function tokenCmd(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('q|quiet rotate'), true);
  if (!parsed.ok) return usageError('swarm join-token', parsed.error);
  const [role, ...extra] = parsed.value.args;
  if (role === undefined || extra.length > 0) return argsError('swarm join-token', '[OPTIONS] (worker|manager)', 'Manage join tokens', 'exactly 1 argument');
  if (role !== 'worker' && role !== 'manager') return fail('unknown role ' + role, 1);
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster, node } = access;
  const out = new Output();
  if (has(parsed.value, 'rotate')) {
    rotateJoinToken(d.sh.world, cluster, role);
    d.sh.world.changed();
    if (!has(parsed.value, 'quiet')) out.out(`Successfully rotated ${role} join token.\n\n`);
  }
  if (has(parsed.value, 'quiet')) return out.line(joinToken(cluster, role)).done(0);
  printJoinCommand(out, cluster, role, node.addr);
  return out.done(0);
}

function leave(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('f|force'), true);
  if (!parsed.ok) return usageError('swarm leave', parsed.error);
  const left = leaveSwarm(d.sh.world, d.sh.host, has(parsed.value, 'force'));
  if (!left.ok) return daemonError(left.error);
  return success('Node left the swarm.\n');
}

/** The CLI checks the node's state itself before asking for the key (read from stdin). */
function unlock(d: DockerCtx, argv: string[]): CommandResult {
  if (argv.length > 0) return argsError('swarm unlock', '', 'Unlock swarm', 'no arguments');
  const member = membershipOf(d.sh.world, d.sh.host);
  if (!member) return fail(`Error: ${NOT_IN_SWARM}`, 1);
  if (!member.cluster.lockedHosts.includes(d.sh.host.id)) return fail('Error: swarm is not locked', 1);
  // stdin is not a terminal here: the CLI reads the key without a prompt.
  const key = d.sh.stdin.split('\n')[0] ?? '';
  const done = unlockSwarm(d.sh.world, d.sh.host, key);
  if (!done.ok) return fail(errorResponse(done.error), 1);
  return success();
}

function unlockKey(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('q|quiet rotate'), true);
  if (!parsed.ok) return usageError('swarm unlock-key', parsed.error);
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster } = access;
  const out = new Output();
  if (has(parsed.value, 'rotate')) {
    if (!cluster.autolock) return fail('cannot rotate because autolock is not turned on', 1);
    rotateUnlockKey(d.sh.world, cluster);
    d.sh.world.changed();
    if (!has(parsed.value, 'quiet')) out.out('Successfully rotated manager unlock key.\n\n');
  }
  if (!cluster.unlockKey) return fail('no unlock key is set', 1);
  if (has(parsed.value, 'quiet')) return out.line(cluster.unlockKey).done(0);
  printUnlockCommand(out, cluster.unlockKey);
  return out.done(0);
}

/** `systemctl restart docker` on a manager of an autolocked swarm: used by the daemon's restart. */
export { daemonRestarted };
