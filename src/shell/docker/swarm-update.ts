/**
 * `docker swarm update` (docker/cli 28, recorded against Engine 26.1): merges the changed flags
 * into the cluster spec and prints "Swarm updated."; with no flag at all it prints its help.
 * Values are checked as pflag parses them (exit 125), the certificate expiry by the daemon.
 */
import { setAutolock } from '../../engine/swarm/cluster';
import { editSettings, MIN_CERT_EXPIRY_MS, type SwarmSettings } from '../../engine/swarm/settings';
import { Output, type CommandResult, success } from '../types';
import { argsError, daemonError, type DockerCtx } from './context';
import { last, parseFlags, flagSpecs } from './flags';
import { asManager, isResult } from './swarm-access';
import { externalCaError, flagUsageError, invalidFlagValue, parseGoBool, parseGoDuration, parseGoInt } from './swarm-flags';

const FLAGS = flagSpecs('autolock cert-expiry= dispatcher-heartbeat= external-ca= max-snapshots= snapshot-interval= task-history-limit=');

const HELP = `Usage:  docker swarm update [OPTIONS]

Update the swarm

Options:
      --autolock                        Change manager autolocking
                                        setting (true|false)
      --cert-expiry duration            Validity period for node
                                        certificates (ns|us|ms|s|m|h)
                                        (default 2160h0m0s)
      --dispatcher-heartbeat duration   Dispatcher heartbeat period
                                        (ns|us|ms|s|m|h) (default 5s)
      --external-ca external-ca         Specifications of one or more
                                        certificate signing endpoints
      --max-snapshots uint              Number of additional Raft
                                        snapshots to retain
      --snapshot-interval uint          Number of log entries between
                                        Raft snapshots (default 10000)
      --task-history-limit int          Task history retention limit
                                        (default 5)
`;

export function printUnlockCommand(out: Output, key: string): void {
  out.out(`To unlock a swarm manager after it restarts, run the \`docker swarm unlock\`\ncommand and provide the following key:\n\n    ${key}\n\nRemember to store this key in a password manager, since without it you\nwill not be able to restart the manager.\n`);
}

type Change = (s: SwarmSettings) => void;

/** Each given flag as a change to the settings, or pflag's error for its value. */
function changes(values: Record<string, string[]>): Change[] | CommandResult {
  const out: Change[] = [];
  const value = (flag: string) => values[flag]![values[flag]!.length - 1]!;
  for (const flag of Object.keys(values)) {
    const text = value(flag);
    if (flag === 'cert-expiry' || flag === 'dispatcher-heartbeat') {
      const ms = parseGoDuration(text);
      if (typeof ms === 'string') return invalidFlagValue('swarm update', `--${flag}`, text, ms);
      out.push(flag === 'cert-expiry' ? (s) => (s.certExpiryMs = ms) : (s) => (s.heartbeatMs = ms));
    } else if (flag === 'task-history-limit' || flag === 'max-snapshots' || flag === 'snapshot-interval') {
      const n = parseGoInt(text, flag !== 'task-history-limit');
      if (typeof n === 'string') return invalidFlagValue('swarm update', `--${flag}`, text, n);
      if (flag === 'task-history-limit') out.push((s) => (s.taskHistoryLimit = n));
      else if (flag === 'max-snapshots') out.push((s) => (s.keepOldSnapshots = n));
      else out.push((s) => (s.snapshotInterval = n));
    } else if (flag === 'external-ca') {
      // Checked as the CLI does; the simulation signs nothing, so no external CA is kept.
      const why = externalCaError(text);
      if (why) return invalidFlagValue('swarm update', '--external-ca', text, why);
    } else if (flag === 'autolock') {
      const on = parseGoBool(text);
      if (typeof on === 'string') return invalidFlagValue('swarm update', '--autolock', text, on);
    }
  }
  return out;
}

export function swarmUpdate(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, FLAGS, true);
  if (!parsed.ok) return flagUsageError('swarm update', parsed.error);
  const p = parsed.value;
  const todo = changes(p.flags);
  if (!Array.isArray(todo)) return todo;
  if (p.args.length > 0) return argsError('swarm update', '[OPTIONS]', 'Update the swarm', 'no arguments');
  if (Object.keys(p.flags).length === 0) return success(HELP);
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster } = access;
  const expiry = last(p, 'cert-expiry');
  if (expiry !== undefined && (parseGoDuration(expiry) as number) < MIN_CERT_EXPIRY_MS) return daemonError('rpc error: code = InvalidArgument desc = minimum certificate expiry time is: 1h0m0s');
  const settings = editSettings(cluster);
  for (const change of todo) change(settings);
  const out = new Output().line('Swarm updated.');
  const autolock = last(p, 'autolock');
  if (autolock !== undefined) {
    const was = cluster.autolock;
    setAutolock(d.sh.world, cluster, parseGoBool(autolock) === true);
    if (cluster.autolock && !was) printUnlockCommand(out, cluster.unlockKey);
  }
  d.sh.world.changed();
  return out.done(0);
}
