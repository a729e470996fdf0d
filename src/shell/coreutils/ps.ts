/**
 * `ps` and `pgrep` on the simulated host (procps-ng 4.0 formats, recorded on Debian 12). The host
 * runs only what the simulation has: init, the Docker daemon and containerd when they run, each
 * running container's containerd-shim and processes (host PIDs, as `docker top` and
 * `docker inspect -f '{{.State.Pid}}'` give them), dockerd's docker-proxy for each published port
 * and address family (the PIDs ss -tlnp shows), the login shell and `ps` itself. No kernel
 * threads are listed.
 */
import { daemonOf } from '../../engine/docker/daemon';
import { BOOT, DOCKERD_CMDLINE, dockerUnits } from '../../engine/docker/units';
import { imageOf } from '../../engine/docker/containers';
import { processTree } from '../../engine/docker/procs';
import { isStopped } from '../../engine/docker/signals';
import { utcParts } from '../../common/clock';
import { containerProxies, proxyCommandLine } from '../nettools/docker-proxy-sockets';
import { type CommandFn, type ShellContext, success } from '../types';

interface HostProcess {
  uid: string;
  pid: number;
  ppid: number;
  /** Simulated ms since boot when it started. */
  started: number;
  tty: string;
  cmd: string;
  /** Stopped by SIGSTOP (STAT T). */
  stopped?: boolean;
}

const SHELL_PID = 4242;
/** The process reading (ps, pgrep, readlink /proc/self): the shell's child. */
export const SELF_PID = SHELL_PID + 1000;
const CONTAINERD = 612;
const DOCKERD = 689;

/** The host's processes, by PID. */
export function hostProcesses(ctx: ShellContext): HostProcess[] {
  const procs: HostProcess[] = [{ uid: 'root', pid: 1, ppid: 0, started: BOOT.kernel, tty: '?', cmd: '/sbin/init' }];
  const daemon = daemonOf(ctx.world, ctx.host);
  if (daemon) {
    // containerd is a service of its own: it keeps running (and live-restored containers with it) while dockerd is stopped.
    procs.push({ uid: 'root', pid: CONTAINERD, ppid: 1, started: BOOT.kernel, tty: '?', cmd: '/usr/bin/containerd' });
    const units = dockerUnits(daemon);
    let dockerd = DOCKERD;
    if (!daemon.stopped && units.foregroundPid !== undefined) {
      dockerd = units.foregroundPid;
      procs.push({ uid: 'root', pid: dockerd, ppid: SHELL_PID, started: units.foregroundSince ?? 0, tty: 'pts/0', cmd: units.foregroundCmd ?? 'dockerd' });
    } else if (!daemon.stopped) procs.push({ uid: 'root', pid: DOCKERD, ppid: 1, started: units.activeSince, tty: '?', cmd: DOCKERD_CMDLINE });
    for (const c of daemon.containers) {
      const tree = processTree(c, imageOf(daemon, c));
      if (tree.length === 0) continue;
      const started = c.startedAt ?? 0;
      procs.push({ uid: 'root', pid: tree[0]!.ppid, ppid: 1, started, tty: '?', cmd: `/usr/bin/containerd-shim-runc-v2 -namespace moby -id ${c.id} -address /run/containerd/containerd.sock` });
      if (!daemon.stopped) for (const p of containerProxies(c)) procs.push({ uid: 'root', pid: p.pid, ppid: dockerd, started, tty: '?', cmd: proxyCommandLine(p) });
      for (const p of tree) procs.push({ uid: p.uid, pid: p.pid, ppid: p.ppid, started, tty: c.tty ? 'pts/0' : '?', cmd: p.cmd, ...(isStopped(c, p.pid) ? { stopped: true } : {}) });
    }
  }
  const now = ctx.world.clock.now();
  procs.push({ uid: 'root', pid: SHELL_PID, ppid: 1, started: 0, tty: 'pts/0', cmd: '-bash' });
  procs.push({ uid: 'root', pid: SHELL_PID + 1000, ppid: SHELL_PID, started: now, tty: 'pts/0', cmd: '' });
  return procs.sort((a, b) => a.pid - b.pid);
}

function stime(ctx: ShellContext, started: number): string {
  const t = utcParts(ctx.world.clock.epoch + started);
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/** The program name as ps's CMD/comm shows it (first word, without its directory; `-bash` is bash). */
function comm(cmd: string): string {
  const first = cmd.split(' ')[0]!.replace(/:$/, '');
  const name = first.slice(first.lastIndexOf('/') + 1).replace(/^-/, '');
  return name.slice(0, 15);
}

export const ps: CommandFn = (argv, ctx) => {
  const args = argv.slice(1);
  const flags = new Set<string>();
  let bsd = false;
  for (const a of args) {
    if (/^-[efAa]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
    else if (/^[aux]+$/.test(a)) {
      bsd = true;
      for (const f of a) flags.add(f);
    } else return { stdout: '', stderr: `error: unsupported ${a.startsWith('-') ? 'SysV option' : 'option (BSD syntax)'}\n` + PS_USAGE, exitCode: 1 };
  }
  const all = hostProcesses(ctx).map((p) => (p.cmd === '' ? { ...p, cmd: ['ps', ...args].join(' ') } : p));
  const everyone = flags.has('e') || flags.has('A') || (bsd && flags.has('a') && flags.has('x'));
  const shown = everyone ? all : all.filter((p) => p.tty === 'pts/0');
  const time = '00:00:00';
  if (bsd && flags.has('u')) {
    // docker-proxy is dockerd's child, not a session leader, and a Go program with threads: Sl (recorded).
    const stat = (p: HostProcess) => (p.stopped ? 'Ts' : comm(p.cmd) === 'docker-proxy' ? 'Sl' : p.tty === '?' ? 'Ss' : p.pid === SHELL_PID + 1000 ? 'R+' : 'Ss');
    const rows = shown.map((p) => `${p.uid.padEnd(8)} ${String(p.pid).padStart(5)}  0.0  0.0 ${String(vsz(p)).padStart(6)} ${String(rss(p)).padStart(5)} ${p.tty.padEnd(8)} ${stat(p).padEnd(4)} ${stime(ctx, p.started)}   0:00 ${p.cmd}`);
    return success(['USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND', ...rows].join('\n') + '\n');
  }
  if (flags.has('f')) {
    const rows = shown.map((p) => `${p.uid.padEnd(8)} ${String(p.pid).padStart(5)} ${String(p.ppid).padStart(5)}  0 ${stime(ctx, p.started)} ${p.tty.padEnd(8)} ${time} ${p.cmd}`);
    return success(['UID        PID  PPID  C STIME TTY          TIME CMD', ...rows].join('\n') + '\n');
  }
  const rows = shown.map((p) => `${String(p.pid).padStart(5)} ${p.tty.padEnd(8)} ${time} ${comm(p.cmd)}`);
  return success(['  PID TTY          TIME CMD', ...rows].join('\n') + '\n');
};

/** Virtual and resident sizes in KiB, per program (orders of magnitude of a real host). */
function vsz(p: HostProcess): number {
  return { init: 168000, containerd: 1870000, dockerd: 2270000, 'containerd-shim-runc-v2': 1238000, 'docker-proxy': 1745000, nginx: 11400, bash: 7200, ps: 11200 }[comm(p.cmd)] ?? 4400;
}
function rss(p: HostProcess): number {
  return { init: 12000, containerd: 46000, dockerd: 86000, 'containerd-shim-runc-v2': 13000, 'docker-proxy': 3900, nginx: 3000, bash: 4100, ps: 4200 }[comm(p.cmd)] ?? 1600;
}

/** `pgrep [-l] [-f] [-x] PATTERN`: PIDs of the processes whose name (or, with -f, command line) matches. */
export const pgrep: CommandFn = (argv, ctx) => {
  const flags = new Set<string>();
  let pattern: string | undefined;
  for (const a of argv.slice(1)) {
    if (/^-[lfxa]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
    else if (a.startsWith('-')) return { stdout: '', stderr: `pgrep: invalid option -- '${a.slice(1, 2)}'\n` + PGREP_USAGE, exitCode: 2 };
    else if (pattern === undefined) pattern = a;
    else return { stdout: '', stderr: 'pgrep: only one pattern can be provided\nTry `pgrep --help\' for more information.\n', exitCode: 2 };
  }
  if (pattern === undefined) return { stdout: '', stderr: 'pgrep: no matching criteria specified\nTry `pgrep --help\' for more information.\n', exitCode: 2 };
  let re: RegExp;
  try {
    re = new RegExp(flags.has('x') ? `^(?:${pattern})$` : pattern);
  } catch {
    return { stdout: '', stderr: `pgrep: invalid regular expression: ${pattern}\n`, exitCode: 2 };
  }
  const self = SHELL_PID + 1000;
  const matches = hostProcesses(ctx).filter((p) => p.pid !== self && re.test(flags.has('f') ? p.cmd : comm(p.cmd)));
  const lines = matches.map((p) => (flags.has('a') ? `${p.pid} ${p.cmd}` : flags.has('l') ? `${p.pid} ${comm(p.cmd)}` : String(p.pid)));
  return { stdout: lines.map((l) => l + '\n').join(''), stderr: '', exitCode: matches.length > 0 ? 0 : 1 };
};

/** `tty`: the shell's terminal, or "not a tty" (lab cells and scripts have none). */
export const tty: CommandFn = (_argv, ctx) => {
  const name = ctx.env['VETHLAB_TTY'];
  return name ? success(name + '\n') : { stdout: 'not a tty\n', stderr: '', exitCode: 1 };
};

/** procps-ng 4.0.2's usage texts, recorded. */
const PS_USAGE = "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";
const PGREP_USAGE = "\nUsage:\n pgrep [options] <pattern>\n\nOptions:\n -d, --delimiter <string>  specify output delimiter\n -l, --list-name           list PID and process name\n -a, --list-full           list PID and full command line\n -v, --inverse             negates the matching\n -w, --lightweight         list all TID\n -c, --count               count of matching processes\n -f, --full                use full process name to match\n -g, --pgroup <PGID,...>   match listed process group IDs\n -G, --group <GID,...>     match real group IDs\n -i, --ignore-case         match case insensitively\n -n, --newest              select most recently started\n -o, --oldest              select least recently started\n -O, --older <seconds>     select where older than seconds\n -P, --parent <PPID,...>   match only child processes of the given parent\n -s, --session <SID,...>   match session IDs\n -t, --terminal <tty,...>  match by controlling terminal\n -u, --euid <ID,...>       match by effective IDs\n -U, --uid <ID,...>        match by real IDs\n -x, --exact               match exactly with the command name\n -F, --pidfile <file>      read PIDs from file\n -L, --logpidfile          fail if PID file is not locked\n -r, --runstates <state>   match runstates [D,S,Z,...]\n -A, --ignore-ancestors    exclude our ancestors from results\n --cgroup <grp,...>        match by cgroup v2 names\n --ns <PID>                match the processes that belong to the same\n                           namespace as <pid>\n --nslist <ns,...>         list which namespaces will be considered for\n                           the --ns option.\n                           Available namespaces: ipc, mnt, net, pid, user, uts\n\n -h, --help     display this help and exit\n -V, --version  output version information and exit\n\nFor more details see pgrep(1).\n";
