/** docker top: the container's processes as the host's `ps -ef` shows them (columns padded to 20, recorded). */
import { findContainer, imageOf } from '../../engine/docker/containers';
import { processTree } from '../../engine/docker/procs';
import { utcParts } from '../../common/clock';
import { type CommandResult, success } from '../types';
import { argsError, daemonError, type DockerCtx } from './context';

/** docker/cli's tabwriter for top: minwidth 20, padding 3; the last column unpadded. */
function topTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(20, ...rows.map((r) => (r[i] ?? '').length + 3)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('') + '\n').join('');
}

const PS_COLUMNS: Record<string, string> = { pid: 'PID', ppid: 'PPID', comm: 'COMMAND', cmd: 'CMD', args: 'COMMAND', user: 'USER', uid: 'UID' };

export function dockerTop(d: DockerCtx, argv: string[]): CommandResult {
  const [ref, ...psArgs] = argv;
  if (ref === undefined) return argsError('top', 'CONTAINER [ps OPTIONS]', 'Display the running processes of a container');
  const c = findContainer(d.daemon, ref);
  if (!c) return daemonError(`No such container: ${ref}`);
  if (c.state !== 'running' && c.state !== 'paused') return daemonError(`container ${c.id} is not running`);
  const procs = processTree(c, imageOf(d.daemon, c));
  const t = utcParts(d.sh.world.clock.epoch + (c.startedAt ?? 0));
  const stime = `${String(t.hour).padStart(2, "0")}:${String(t.minute).padStart(2, '0')}`;
  const o = psArgs[0] === '-o' ? psArgs[1] : undefined;
  if (o !== undefined) {
    const cols = o.split(',');
    const unknown = cols.find((k) => PS_COLUMNS[k] === undefined);
    if (unknown) return daemonError(`ps: error: unknown user-defined format specifier "${unknown}"`);
    const value = (p: (typeof procs)[number], k: string): string => (k === 'pid' ? String(p.pid) : k === 'ppid' ? String(p.ppid) : k === 'comm' ? p.cmd.split(' ')[0]!.split('/').pop()! : k === 'user' || k === 'uid' ? p.uid : p.cmd);
    return success(topTable([cols.map((k) => PS_COLUMNS[k]!), ...procs.map((p) => cols.map((k) => value(p, k)))]));
  }
  const rows = [['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'], ...procs.map((p) => [p.uid, String(p.pid), String(p.ppid), '0', stime, c.tty ? 'pts/0' : '?', '00:00:00', p.cmd])];
  return success(topTable(rows));
}
