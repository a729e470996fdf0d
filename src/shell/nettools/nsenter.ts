/**
 * nsenter -t PID [-n] [-u] [-a] CMD… and lsns [-t net] [-p PID] (util-linux 2.38): a process's
 * namespaces seen from the host. Container processes have host PIDs (docker inspect -f
 * '{{.State.Pid}}'); PID 1 is the host's init in the root namespaces.
 */
import { allDaemons } from '../../engine/docker/daemon';
import { imageOf } from '../../engine/docker/containers';
import { processTree } from '../../engine/docker/procs';
import type { Container, DaemonState } from '../../engine/docker/types';
import { netnsInode } from '../coreutils/procfs';
import { fail, type CommandFn, type CommandResult, type ShellContext, success } from '../types';
import { usageError } from '../coreutils/usage';

/** The running container one of whose processes has this host PID. */
export function containerOfPid(ctx: ShellContext, pid: number): { daemon: DaemonState; c: Container } | undefined {
  for (const daemon of allDaemons(ctx.world)) {
    if (daemon.hostId !== ctx.host.id) continue;
    for (const c of daemon.containers) if (processTree(c, imageOf(daemon, c)).some((p) => p.pid === pid)) return { daemon, c };
  }
  return undefined;
}

export { netnsInode };

const NS_FLAGS: Record<string, string> = { '-n': 'net', '--net': 'net', '-u': 'uts', '--uts': 'uts', '-m': 'mnt', '--mount': 'mnt', '-p': 'pid', '--pid': 'pid', '-i': 'ipc', '--ipc': 'ipc', '-a': 'all', '--all': 'all' };

export const nsenter: CommandFn = (argv, ctx) => {
  let pid: number | undefined;
  const kinds = new Set<string>();
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-t' || a === '--target') {
      pid = Number(argv[++i]);
      continue;
    }
    const attached = /^(?:-t|--target=)(\d+)$/.exec(a);
    if (attached) {
      pid = Number(attached[1]);
      continue;
    }
    if (NS_FLAGS[a]) {
      kinds.add(NS_FLAGS[a]!);
      continue;
    }
    if (a.startsWith('-')) return usageError('nsenter', `unrecognized option '${a}'`);
    break;
  }
  const cmd = argv.slice(i);
  if (pid === undefined || !Number.isInteger(pid)) return fail('nsenter: no target PID specified for --target', 1);
  const all = kinds.has('all');
  if (pid === 1) return cmd.length > 0 ? ctx.exec(cmd, { ...ctx, ns: all || kinds.has('net') ? ctx.world.netns(ctx.host.rootNsId) : ctx.ns }) : fail('nsenter: vethlab runs a command, not an interactive shell', 1);
  const found = containerOfPid(ctx, pid);
  if (!found) return fail(`nsenter: cannot open /proc/${pid}/ns/${[...kinds][0] === 'all' || kinds.size === 0 ? 'cgroup' : [...kinds][0]}: No such file or directory`, 1);
  if (cmd.length === 0) return fail('nsenter: vethlab runs a command, not an interactive shell', 1);
  const c = found.c;
  let inner: ShellContext = ctx;
  if ((all || kinds.has('net')) && c.nsId !== null) inner = { ...inner, ns: ctx.world.netns(c.nsId) };
  if ((all || kinds.has('uts')) && c.hostname) inner = { ...inner, host: { ...inner.host, hostname: c.hostname } };
  return ctx.exec(cmd, inner);
};

interface NsRow {
  ns: number;
  nprocs: number;
  pid: number;
  netnsid: string;
  nsfs: string;
  command: string;
}

function lsnsTable(rows: NsRow[]): string {
  const w = (k: (r: NsRow) => string, head: string) => Math.max(head.length, ...rows.map((r) => k(r).length));
  const nsfsW = w((r) => r.nsfs, 'NSFS');
  const pidW = w((r) => String(r.pid), 'PID');
  const idW = w((r) => r.netnsid, 'NETNSID');
  const lines = [`${'NS'.padStart(10)} TYPE NPROCS ${'PID'.padStart(pidW)} USER ${'NETNSID'.padStart(idW)} ${'NSFS'.padEnd(nsfsW)} COMMAND`];
  for (const r of rows) lines.push(`${String(r.ns).padStart(10)} net  ${String(r.nprocs).padStart(6)} ${String(r.pid).padStart(pidW)} root ${r.netnsid.padStart(idW)} ${r.nsfs.padEnd(nsfsW)} ${r.command}`);
  return lines.join('\n') + '\n';
}

export const lsns: CommandFn = (argv, ctx): CommandResult => {
  let type: string | undefined;
  let pid: number | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-t' || a === '--type') type = argv[++i];
    else if (a === '-p' || a === '--task') pid = Number(argv[++i]);
    else return usageError('lsns', `unrecognized option '${a}'`);
  }
  if (type !== undefined && !['net', 'mnt', 'uts', 'ipc', 'pid', 'user', 'cgroup', 'time'].includes(type)) return fail(`lsns: unknown namespace type: ${type}`, 1);
  if (type !== undefined && type !== 'net') return fail(`vethlab: lsns lists network namespaces only (-t net)`, 1);
  const rows: NsRow[] = [];
  const running: Array<{ c: Container; daemon: DaemonState }> = [];
  for (const daemon of allDaemons(ctx.world)) if (daemon.hostId === ctx.host.id) for (const c of daemon.containers) if ((c.state === 'running' || c.state === 'paused') && c.nsId !== null && c.nsId !== ctx.host.rootNsId) running.push({ c, daemon });
  if (pid === undefined || pid === 1) rows.push({ ns: netnsInode(ctx.host.rootNsId, ctx.host.rootNsId), nprocs: 120, pid: 1, netnsid: 'unassigned', nsfs: '', command: '/sbin/init' });
  running.forEach(({ c, daemon }, k) => {
    const procs = processTree(c, imageOf(daemon, c));
    if (pid !== undefined && !procs.some((p) => p.pid === pid)) return;
    rows.push({ ns: netnsInode(c.nsId!, ctx.host.rootNsId), nprocs: procs.length, pid: c.pid, netnsid: String(k), nsfs: `/run/docker/netns/${c.id.slice(20, 32)}`, command: procs[0]!.cmd });
  });
  if (rows.length === 0) return success();
  return success(lsnsTable(rows));
};
