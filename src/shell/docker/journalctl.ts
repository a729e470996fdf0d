/**
 * `journalctl -u docker` (systemd 252): the journal of the docker.service and docker.socket units,
 * in the short format, without the "Journal begins" header (252 prints it only when debugging) and
 * "-- No entries --" when nothing matches. -x adds the message catalog's explanation after
 * systemd's own lines ("░░ " lines; Debian's compiled catalog, Support: debian.org). The simulated
 * hosts journal nothing else, so journalctl without -u is not simulated.
 */
import { daemonOf } from '../../engine/docker/daemon';
import { dockerUnits, type JournalEntry } from '../../engine/docker/units';
import { fail, type CommandFn, success } from '../types';
import { journalLine } from './systemctl-status';

const SUPPORT = 'Support: https://www.debian.org/support';

/** The catalog entry (src/catalog/systemd.catalog.in) for one of systemd's lines about a unit. */
function catalog(e: JournalEntry): string[] | undefined {
  const unit = e.unit;
  const m = (subject: string, body: string[]) => [`Subject: ${subject}`, 'Defined-By: systemd', SUPPORT, '', ...body];
  const t = e.text;
  if (/^Starting /.test(t)) return m(`A start job for unit ${unit} has begun execution`, [`A start job for unit ${unit} has begun execution.`, '', `The job identifier is ${e.job}.`]);
  if (/^(Started|Listening on) /.test(t)) return m(`A start job for unit ${unit} has finished successfully`, [`A start job for unit ${unit} has finished successfully.`, '', `The job identifier is ${e.job}.`]);
  if (/^Failed to start /.test(t)) return m(`A start job for unit ${unit} has failed`, [`A start job for unit ${unit} has finished with a failure.`, '', `The job identifier is ${e.job} and the job result is failed.`]);
  if (/^Stopping /.test(t)) return m(`A stop job for unit ${unit} has begun execution`, [`A stop job for unit ${unit} has begun execution.`, '', `The job identifier is ${e.job}.`]);
  if (/^(Stopped|Closed) /.test(t)) return m(`A stop job for unit ${unit} has finished`, [`A stop job for unit ${unit} has finished.`, '', `The job identifier is ${e.job} and the job result is done.`]);
  if (t === `${unit}: Deactivated successfully.`) return m('Unit succeeded', [`The unit ${unit} has successfully entered the 'dead' state.`]);
  if (t.startsWith(`${unit}: Consumed `)) return m('Resources consumed by unit runtime', [`The unit ${unit} completed and consumed the indicated resources.`]);
  const failed = /^[^:]+: Failed with result '([^']+)'\.$/.exec(t);
  if (failed) return m('Unit failed', [`The unit ${unit} has entered the 'failed' state with result '${failed[1]}'.`]);
  const exited = /^[^:]+: Main process exited, code=(\w+), status=(\d+)/.exec(t);
  if (exited) return m('Unit process exited', [`An ExecStart= process belonging to unit ${unit} has exited.`, '', `The process' exit code is '${exited[1]}' and its exit status is ${exited[2]}.`]);
  return undefined;
}

export const journalctl: CommandFn = (argv, ctx) => {
  const units = new Set<string>();
  let lines = Infinity;
  let explain = false;
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (inline: string | undefined) => inline ?? args[++i];
    if (a === '--no-pager' || a === '-q' || a === '--quiet' || a === '-b' || a === '--boot' || a === '--no-hostname' || a === '--system') continue;
    if (a === '-x' || a === '--catalog') explain = true;
    else if (a === '-e' || a === '--pager-end') lines = Math.min(lines, 1000);
    else if (a === '-f' || a === '--follow') return fail('vethlab: journalctl -f is not simulated; run `journalctl -u docker` again to see new lines', 1);
    else if (a === '-u' || a.startsWith('--unit')) {
      const u = value(a.startsWith('--unit=') ? a.slice(7) : undefined);
      if (u === undefined) return fail(`journalctl: option requires an argument -- 'u'`, 1);
      units.add(u.includes('.') ? u : `${u}.service`);
    } else if (a === '-n' || a.startsWith('--lines')) {
      const n = value(a.startsWith('--lines=') ? a.slice(8) : undefined);
      if (n === undefined || !/^\d+$/.test(n)) return fail(`Failed to parse lines '${n ?? ''}'.`, 1);
      lines = Number(n);
    } else if (/^-[xeub]+u?$/.test(a) && a.length > 2) {
      // Combined short options, as in `journalctl -xeu docker.service`.
      for (const f of a.slice(1)) {
        if (f === 'x') explain = true;
        if (f === 'e') lines = Math.min(lines, 1000);
      }
      if (a.endsWith('u')) {
        const u = args[++i];
        if (u === undefined) return fail(`journalctl: option requires an argument -- 'u'`, 1);
        units.add(u.includes('.') ? u : `${u}.service`);
      }
    } else return fail(`vethlab: journalctl ${a} is not simulated (try journalctl -u docker [-n N] [-x] [-e])`, 1);
  }
  if (units.size === 0) return fail('vethlab: journalctl without -u is not simulated: the simulated journal holds the docker.service and docker.socket units (journalctl -u docker)', 1);
  const daemon = daemonOf(ctx.world, ctx.host);
  const now = ctx.world.clock.now();
  const entries = daemon ? dockerUnits(daemon).journal.filter((e) => units.has(e.unit) && e.at <= now) : [];
  const shown = Number.isFinite(lines) ? entries.slice(Math.max(0, entries.length - lines)) : entries;
  if (shown.length === 0) return success('-- No entries --\n');
  const out: string[] = [];
  for (const e of shown) {
    out.push(journalLine(e, ctx.world.clock.epoch, ctx.host.hostname));
    const text = explain && e.ident === 'systemd' ? catalog(e) : undefined;
    if (text) out.push(...text.map((l) => `░░ ${l}`));
  }
  return success(out.join('\n') + '\n');
};
