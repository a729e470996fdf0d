/**
 * A container's processes: whether the runtime can exec its command, what its main process
 * does with a signal (PID 1 has no default actions; tini forwards; servers handle theirs), the
 * stop signal, and its process tree as the host's `ps -ef` sees it (docker top).
 */
import type { Container, Image } from './types';
import { runsDefault } from './services';
import { nginxWorkers } from './procs-workers';

export const SIGNALS: Record<string, number> = {
  HUP: 1, INT: 2, QUIT: 3, ILL: 4, TRAP: 5, ABRT: 6, BUS: 7, FPE: 8, KILL: 9, USR1: 10, SEGV: 11, USR2: 12, PIPE: 13, ALRM: 14, TERM: 15,
  STKFLT: 16, CHLD: 17, CONT: 18, STOP: 19, TSTP: 20, TTIN: 21, TTOU: 22, URG: 23, XCPU: 24, XFSZ: 25, VTALRM: 26, PROF: 27, WINCH: 28, IO: 29, PWR: 30, SYS: 31,
};

/** moby's signal.ParseSignal: a number or a name with or without SIG, any case. */
export function parseSignal(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) >= 1 && Number(text) <= 64 ? Number(text) : undefined;
  return SIGNALS[text.toUpperCase().replace(/^SIG/, '')];
}

/** Signals whose default action does not end a process. */
const HARMLESS = new Set([17, 18, 19, 20, 21, 22, 23, 28]);

/** The image's STOPSIGNAL (nginx: SIGQUIT, httpd: SIGWINCH), else SIGTERM. */
export function stopSignal(c: Container, image: Image | undefined): number {
  if (image && runsDefault(c, image)) {
    if (image.service === 'nginx') return 3;
    if (image.service === 'httpd') return 28;
  }
  return 15;
}

/** Signals the image's server handles by shutting down cleanly (exit 0). */
const HANDLED: Partial<Record<string, number[]>> = { nginx: [2, 3, 15], httpd: [2, 15, 28], redis: [2, 15], postgres: [2, 3, 15], registry: [2, 15] };

/**
 * The main process's exit status after a signal, or null when it goes on running: SIGKILL
 * always kills (137); a server shuts down on the signals it handles (0); under --init, tini
 * forwards the signal to the command, which dies of it (128+N); a PID 1 without a handler
 * (sleep, a shell) ignores everything else.
 */
export function exitAfterSignal(c: Container, image: Image | undefined, sig: number): number | null {
  if (sig === 9) return 137;
  // A stopped process (SIGSTOP) keeps the signal pending until SIGCONT.
  if (c.stoppedPids?.includes(c.pid)) return null;
  const service = image && runsDefault(c, image) ? image.service : 'shell';
  if (service !== 'shell' && (HANDLED[service] ?? []).includes(sig)) return 0;
  if (c.init && !HARMLESS.has(sig)) return 128 + sig;
  return null;
}

/** Programs every image with a shell has (coreutils or BusyBox applets), whatever its catalog entry lists. */
const EVERY_IMAGE = new Set(['pwd', 'id', 'whoami', 'uname', 'date', 'printf', 'test', 'kill', 'mkdir', 'rm', 'touch', 'cp', 'mv', 'ln', 'chmod', 'df', 'du', 'find', 'xargs', 'sed', 'tr', 'uniq', 'tee', 'yes', 'seq', 'dd', 'stat', 'readlink', 'basename', 'dirname', 'nproc', 'free', 'mount', 'top', 'nice', 'nohup', 'timeout', 'ls', 'cat', 'echo', 'env', 'sleep', 'true', 'false', 'hostname']);

const DIRS = new Set(['/', '/bin', '/sbin', '/usr', '/usr/bin', '/usr/sbin', '/usr/local', '/usr/local/bin', '/etc', '/tmp', '/var', '/root', '/home', '/proc', '/sys', '/dev', '/lib', '/opt', '/srv', '/mnt', '/run']);
/** Files every image has (their content is not modelled: only that they exist and are not programs). */
export const SYSTEM_FILES = new Set(['/etc/passwd', '/etc/group', '/etc/hosts', '/etc/hostname', '/etc/resolv.conf', '/etc/shadow', '/etc/os-release']);

/**
 * Why runc cannot exec the command, as it says it (runc 1.1, exit 126 or 127), or undefined.
 * Only plain cases are judged: a program missing from the image, a known file or directory
 * that is not a program. Anything else is left to run.
 */
export function execFailure(c: Container, image: Image): { code: number; message: string } | undefined {
  // The image's own entrypoint (redis's docker-entrypoint.sh, in its PATH) always starts.
  if (runsDefault(c, image) || c.path === '' || c.path === image.entrypoint?.[0]) return undefined;
  const argv0 = c.path;
  const prog = argv0.split('/').pop() ?? argv0;
  const isProgram = image.programs.includes(prog) || c.installed.includes(prog) || (image.programs.includes('sh') && EVERY_IMAGE.has(prog));
  if (!argv0.includes('/')) return isProgram ? undefined : { code: 127, message: `exec: "${argv0}": executable file not found in $PATH` };
  if (DIRS.has(argv0.replace(/\/+$/, '') || '/') || (SYSTEM_FILES.has(argv0) && !isProgram)) return { code: 126, message: `exec: "${argv0}": permission denied` };
  return undefined;
}

/**
 * The official images' docker-entrypoint.sh ends in `exec "$@"`: the command given after the
 * image is the process it becomes. Undefined when the container's command is not wrapped so.
 */
export function entrypointCommand(c: Container, image: Image): string[] | undefined {
  const entry = image.entrypoint?.[0];
  if (entry === undefined || c.path !== entry || !/docker-entrypoint\.sh$/.test(entry) || c.args.length === 0) return undefined;
  return c.args;
}

/** Where the entrypoint's `exec "$@"` is (redis 7.4's script, run by dash: `$0: LINENO: exec: X: not found`). */
const ENTRYPOINT_EXEC_LINE: Partial<Record<string, [string, number]>> = { redis: ['/usr/local/bin/docker-entrypoint.sh', 24] };

/** dash's message when the entrypoint's `exec "$@"` finds no such program (exit 127), if the script is known. */
export function entrypointExecError(image: Image, prog: string): string | undefined {
  const at = ENTRYPOINT_EXEC_LINE[image.service];
  return at ? `${at[0]}: ${at[1]}: exec: ${prog}: not found` : undefined;
}

export function runtimeError(message: string): string {
  return `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${message}: unknown`;
}

export interface ContainerProcess {
  uid: string;
  pid: number;
  ppid: number;
  cmd: string;
}

/** Host PID of containerd-shim for the container (the main process's parent). */
function shimPid(c: Container): number {
  return c.pid - 21;
}

/** The running container's processes, PID 1 first (host PIDs: the main process is c.pid). */
export function processTree(c: Container, image: Image | undefined): ContainerProcess[] {
  if (c.state !== 'running' && c.state !== 'paused') return [];
  const command = [c.path, ...c.args].join(' ');
  const service = image && runsDefault(c, image) ? image.service : 'shell';
  const main = (cmd: string, uid = 'root'): ContainerProcess => ({ uid, pid: c.pid, ppid: shimPid(c), cmd });
  if (c.init) return [main(`/sbin/docker-init -- ${command}`), { uid: 'root', pid: c.pid + 26, ppid: c.pid, cmd: command }];
  if (service === 'nginx') {
    return [main('nginx: master process nginx -g daemon off;'), ...[...nginxWorkers(c)].sort((a, b) => a.host - b.host).map((w) => ({ uid: '101', pid: w.host, ppid: c.pid, cmd: 'nginx: worker process' }))];
  }
  if (service === 'httpd') {
    return [main('httpd -DFOREGROUND'), ...[27, 28, 29].map((k) => ({ uid: 'www-data', pid: c.pid + k, ppid: c.pid, cmd: 'httpd -DFOREGROUND' }))];
  }
  if (service === 'redis') return [main('redis-server *:6379', '999')];
  if (service === 'postgres') return [main('postgres', '999'), ...['checkpointer', 'background writer', 'walwriter', 'autovacuum launcher', 'logical replication launcher'].map((n, i) => ({ uid: '999', pid: c.pid + 60 + i, ppid: c.pid, cmd: `postgres: ${n} ` }))];
  if (service === 'registry') return [main('registry serve /etc/docker/registry/config.yml')];
  return [main(command)];
}

/** What a `sh -c '…'` script of simple statements does: its output, how long it takes, its exit status. */
export interface ScriptOutcome {
  /** What it writes, in order; `after`: seconds into the script (the sleeps before it). */
  output: Array<{ stream: 'stdout' | 'stderr'; text: string; after: number }>;
  seconds: number;
  code: number;
}

/**
 * Reads `echo X [>&2]; sleep N; exit N; true; false` statements separated by `;`, `&&` or
 * newlines; undefined for anything else (loops, pipes, other programs), which the caller runs
 * another way.
 */
export function simpleScript(script: string): ScriptOutcome | undefined {
  const out: ScriptOutcome = { output: [], seconds: 0, code: 0 };
  for (const raw of script.split(/;|&&|\n/)) {
    const st = raw.trim();
    if (st === '') continue;
    let m: RegExpExecArray | null;
    if ((m = /^echo (?:"([^"]*)"|'([^']*)'|([^'"<>|&$`]*?))( >&2| 1>&2)?$/.exec(st))) {
      out.output.push({ stream: m[4] ? 'stderr' : 'stdout', text: m[1] ?? m[2] ?? m[3] ?? '', after: out.seconds });
      out.code = 0;
    } else if ((m = /^sleep (\d+(?:\.\d+)?)$/.exec(st))) {
      out.seconds += Number(m[1]);
      out.code = 0;
    } else if ((m = /^exit(?: (\d+))?$/.exec(st))) {
      out.code = Number(m[1] ?? out.code);
      return out;
    } else if (st === 'true' || st === 'false') {
      out.code = st === 'true' ? 0 : 1;
    } else return undefined;
  }
  return out;
}
