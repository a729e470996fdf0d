/**
 * `iptables` (1.8.9, nf_tables backend) on the simulated namespace: parse like do_parse, check
 * the table, then apply. Messages and exit statuses are those of the real binary.
 */
import { isTableName } from '../../engine/netfilter/state';
import { resolvePath } from '../fs';
import { type CommandResult, type ShellContext, success } from '../types';
import { parseHosts, type HostsDb } from './addr';
import { apply } from './apply';
import { CMD } from './command';
import { formatError, VERSION, type IptError } from './errors';
import { HELP } from './help';
import { parseArgv } from './parse';
import { finishParse } from './parse-checks';

const PROG = 'iptables';

function hostsOf(ctx: ShellContext): HostsDb {
  const file = ctx.fs.read(resolvePath('/', '/etc/hosts'), ctx.ns);
  return parseHosts(file.ok ? file.data : '');
}

function failed(stdout: string, warnings: string, error: IptError): CommandResult {
  const { stderr, exitCode } = formatError(PROG, error);
  return { stdout, stderr: warnings + stderr, exitCode };
}

export function iptables(argv: string[], ctx: ShellContext): CommandResult {
  const loop = parseArgv(argv);
  const outcome = loop.outcome;
  if (outcome.kind === 'help') return success(HELP);
  if (outcome.kind === 'version') return success(`${PROG} ${VERSION}\n`);
  if (outcome.kind === 'error') return failed('', outcome.warnings, outcome.error);
  const warnings = outcome.args.warnings;
  const hosts = hostsOf(ctx);
  const plan = finishParse(loop, hosts);
  if ('kind' in plan) return failed('', warnings, plan);
  const table = plan.args.table;
  if (!isTableName(table)) return failed('', warnings, { kind: 'version', message: `table '${table}' does not exist` });
  const result = apply(ctx.ns, table, plan, hosts);
  if (result.error) return failed(result.stdout, warnings, result.error);
  const readOnly = (plan.args.command & ~(CMD.LIST | CMD.LIST_RULES)) === 0 || plan.args.command === CMD.CHECK;
  if (!readOnly) ctx.world.changed();
  return { stdout: result.stdout, stderr: warnings, exitCode: 0 };
}
