/** start, stop, restart, kill, rm, logs, port, rename, wait: one loop over the named containers each. */
import type { Container } from '../../engine/docker/types';
import { exitContainer, findContainer, imageOf, readLogs, removeContainer, settle, startContainer, stopContainer } from '../../engine/docker/containers';
import { apiTime } from './human';
import { exitAfterSignal, parseSignal } from '../../engine/docker/procs';
import { deliverSignal } from '../../engine/docker/signals';
import { Output, type CommandResult, success } from '../types';
import { argsError, usageError, type DockerCtx, errorResponse } from './context';
import { freezeLoop } from '../../engine/docker/procs-loop';
import { nginxStopLog } from '../../engine/docker/procs-workers';
import { renameContainer } from '../../engine/docker/container-index';
import { has, last, parseFlags, type FlagSpec, flagSpecs } from './flags';

type Action = (d: DockerCtx, c: Container, ref: string, out: Output, flags: Record<string, string[]>) => boolean;

function eachContainer(d: DockerCtx, argv: string[], cmd: string, summary: string, specs: FlagSpec[], action: Action, notFound = (ref: string) => `No such container: ${ref}`, missingFails = (_f: Record<string, string[]>) => true): CommandResult {
  const parsed = parseFlags(argv, specs, true);
  if (!parsed.ok) return usageError(cmd, parsed.error);
  if (parsed.value.args.length === 0) return argsError(cmd, '[OPTIONS] CONTAINER [CONTAINER...]', summary);
  const out = new Output();
  let failed = false;
  for (const ref of parsed.value.args) {
    const c = findContainer(d.daemon, ref);
    if (!c) {
      out.err(errorResponse(notFound(ref)));
      if (missingFails(parsed.value.flags)) failed = true;
      continue;
    }
    if (!action(d, c, ref, out, parsed.value.flags)) failed = true;
  }
  d.sh.world.changed();
  return out.done(failed ? 1 : 0);
}

const running = (c: Container) => c.state === 'running' || c.state === 'paused';

export function dockerStart(d: DockerCtx, argv: string[]): CommandResult {
  return eachContainer(d, argv, 'start', 'Start one or more stopped containers', flagSpecs('a|attach i|interactive'), (d, c, ref, out) => {
    if (!running(c)) c.restartSuppressed = false;
    const r = startContainer(d.sh.world, d.sh.host, d.daemon, c);
    if (!r.ok) {
      out.err(errorResponse(r.error));
      out.err(`Error: failed to start containers: ${ref}`);
      return false;
    }
    out.line(ref);
    return true;
  }, (ref) => `No such container: ${ref}\nError: failed to start containers: ${ref}`);
}

export function dockerStop(d: DockerCtx, argv: string[]): CommandResult {
  return eachContainer(d, argv, 'stop', 'Stop one or more running containers', flagSpecs('t|time= timeout= s|signal='), (d, c, ref, out, f) => {
    const sigText = f['signal']?.at(-1);
    const sig = sigText === undefined ? undefined : parseSignal(sigText);
    if (sigText !== undefined && sig === undefined) {
      out.err(errorResponse(`invalid signal: ${sigText}`));
      return false;
    }
    stopContainer(d.sh.world, d.sh.host, d.daemon, c, Number(f['time']?.at(-1) ?? f['timeout']?.at(-1) ?? 10), sig);
    if (c.autoRemove) removeContainer(d.sh.world, d.sh.host, d.daemon, c);
    out.line(ref);
    return true;
  });
}

export function dockerRestart(d: DockerCtx, argv: string[]): CommandResult {
  return eachContainer(d, argv, 'restart', 'Restart one or more containers', flagSpecs('t|time= s|signal='), (d, c, ref, out, f) => {
    stopContainer(d.sh.world, d.sh.host, d.daemon, c, Number(f['time']?.at(-1) ?? 10));
    c.restartSuppressed = false;
    const r = startContainer(d.sh.world, d.sh.host, d.daemon, c);
    if (!r.ok) {
      out.err(errorResponse(`Cannot restart container ${ref}: ${r.error}`));
      return false;
    }
    out.line(ref);
    return true;
  });
}

/**
 * docker kill: the signal goes to the main process; a PID 1 without a handler ignores all but
 * SIGKILL (a `sleep` keeps running after `kill -s TERM`), tini (--init) forwards it.
 */
export function dockerKill(d: DockerCtx, argv: string[]): CommandResult {
  return eachContainer(d, argv, 'kill', 'Kill one or more running containers', flagSpecs('s|signal='), (d, c, ref, out, f) => {
    const sigText = f['signal']?.at(-1) ?? 'KILL';
    const sig = parseSignal(sigText);
    if (sig === undefined) {
      out.err(errorResponse(`cannot kill container: ${ref}: invalid signal: ${sigText}`));
      return false;
    }
    if (!running(c)) {
      out.err(errorResponse(`cannot kill container: ${ref}: container ${c.id} is not running`));
      return false;
    }
    // SIGSTOP and SIGCONT reach even a PID 1 without handlers: it stops (ps STAT T), Docker still says running.
    if (sig === 19 || sig === 18) {
      deliverSignal(d.sh.world, d.sh.host, d.daemon, c, c.pid, sig);
      out.line(ref);
      return true;
    }
    const code = exitAfterSignal(c, imageOf(d.daemon, c), sig);
    if (code === 0) nginxStopLog(d.sh.world, d.daemon, c, sig);
    if (code !== null) {
      // dockerd marks a killed container as stopped by hand: no restart policy brings it back (recorded).
      c.restartSuppressed = true;
      exitContainer(d.sh.world, d.sh.host, d.daemon, c, code);
      if (c.autoRemove) removeContainer(d.sh.world, d.sh.host, d.daemon, c);
    }
    out.line(ref);
    return true;
  }, (ref) => `cannot kill container: ${ref}: No such container: ${ref}`);
}

export function dockerRm(d: DockerCtx, argv: string[]): CommandResult {
  return eachContainer(d, argv, 'rm', 'Remove one or more containers', flagSpecs('f|force v|volumes l|link'), (d, c, ref, out, f) => {
    if (running(c) && !f['force']) {
      out.err(errorResponse(`cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`));
      return false;
    }
    removeContainer(d.sh.world, d.sh.host, d.daemon, c, Boolean(f['volumes']) || c.autoRemove);
    out.line(ref);
    return true;
  }, undefined, (f) => !f['force']); // rm -f: a missing container is reported, exit status 0 (recorded)
}

export function dockerWait(d: DockerCtx, argv: string[]): CommandResult {
  return eachContainer(d, argv, 'wait', 'Block until one or more containers stop, then print their exit codes', [], (d, c, _ref, out) => {
    if (running(c) && c.exitsAt !== null) {
      d.sh.world.clock.advance(c.exitsAt - d.sh.world.clock.now());
      exitContainer(d.sh.world, d.sh.host, d.daemon, c, c.exitCodeAtEnd);
    }
    if (running(c)) {
      out.err('vethlab: docker wait: the container never stops by itself (stop it from another terminal)');
      return false;
    }
    out.line(String(c.exitCode));
    return true;
  });
}

export function dockerLogs(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('f|follow n|tail= t|timestamps since= until= details'), true);
  if (!parsed.ok) return usageError('logs', parsed.error);
  const [ref, ...extra] = parsed.value.args;
  if (ref === undefined || extra.length > 0) return argsError('logs', '[OPTIONS] CONTAINER', 'Fetch the logs of a container', 'exactly 1 argument');
  const c = findContainer(d.daemon, ref);
  if (!c) return { stdout: '', stderr: errorResponse(`No such container: ${ref}\n`), exitCode: 1 };
  if (c.logDriver !== undefined && c.logDriver !== 'json-file' && c.logDriver !== 'local' && c.logDriver !== 'journald') return { stdout: '', stderr: errorResponse('configured logging driver does not support reading\n'), exitCode: 1 };
  // -f follows until the main process ends (the clock runs to it); a process that never ends shows what it wrote so far.
  if (has(parsed.value, 'follow') && running(c) && c.exitsAt !== null) {
    d.sh.world.clock.advance(Math.max(0, c.exitsAt - d.sh.world.clock.now()));
    settle(d.sh.world, d.sh.host, d.daemon);
  }
  let logs = readLogs(c);
  const tail = last(parsed.value, 'tail');
  if (tail !== undefined && tail !== 'all' && /^\d+$/.test(tail)) logs = Number(tail) === 0 ? [] : logs.slice(-Number(tail));
  const out = new Output();
  // -t: RFC 3339 with nanoseconds, each line's own time (the start for lines whose writer kept none).
  const stamp = (at: number | undefined) => (has(parsed.value, 'timestamps') ? apiTime(d.sh.world.clock.epoch + (at ?? c.startedAt ?? c.created)) + ' ' : '');
  for (const l of logs) (l.stream === 'stdout' ? out.line(stamp(l.at) + l.text) : out.err(stamp(l.at) + l.text));
  return out.done(0);
}

export function dockerPort(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, [], true);
  if (!parsed.ok) return usageError('port', parsed.error);
  const [ref, want] = parsed.value.args;
  if (ref === undefined) return argsError('port', 'CONTAINER [PRIVATE_PORT[/PROTO]]', 'List port mappings or a specific mapping for the container');
  const c = findContainer(d.daemon, ref);
  if (!c) return { stdout: '', stderr: errorResponse(`No such container: ${ref}\n`), exitCode: 1 };
  const out = new Output();
  const ports = running(c) ? c.ports : [];
  const key = want === undefined ? undefined : want.includes('/') ? want : `${want}/tcp`;
  const chosen = ports.filter((p) => key === undefined || `${p.containerPort}/${p.proto}` === key);
  if (key !== undefined && chosen.length === 0) return { stdout: '', stderr: `Error: No public port '${key}' published for ${ref}\n`, exitCode: 1 };
  for (const p of chosen) {
    const prefix = key === undefined ? `${p.containerPort}/${p.proto} -> ` : '';
    out.line(`${prefix}${p.hostIp || '0.0.0.0'}:${p.hostPort}`);
    if (!p.hostIp) out.line(`${prefix}[::]:${p.hostPort}`);
  }
  return out.done(0);
}

export function dockerRename(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, [], true);
  if (!parsed.ok) return usageError('rename', parsed.error);
  const [ref, name, ...extra] = parsed.value.args;
  if (ref === undefined || name === undefined || extra.length > 0) return argsError('rename', 'CONTAINER NEW_NAME', 'Rename a container', 'exactly 2 arguments');
  const c = findContainer(d.daemon, ref);
  if (!c) return { stdout: '', stderr: errorResponse(`No such container: ${ref}\n`), exitCode: 1 };
  const clash = d.daemon.containers.find((x) => x.name === name);
  if (clash) return { stdout: '', stderr: errorResponse(`Conflict. The container name "/${name}" is already in use by container "${clash.id}". You have to remove (or rename) that container to be able to reuse that name.\n`), exitCode: 1 };
  renameContainer(d.daemon, c, name);
  d.sh.world.changed();
  return success();
}

export { has };

export function dockerPause(d: DockerCtx, argv: string[], pause: boolean): CommandResult {
  const cmd = pause ? 'pause' : 'unpause';
  return eachContainer(d, argv, cmd, pause ? 'Pause all processes within one or more containers' : 'Unpause all processes within one or more containers', [], (d, c, ref, out) => {
    if (pause && c.state === 'paused') {
      out.err(errorResponse(`Container ${c.id} is already paused`));
      return false;
    }
    if (!pause && c.state !== 'paused') {
      out.err(errorResponse(`Container ${c.id} is not paused`));
      return false;
    }
    if (pause && c.state !== 'running') {
      out.err(errorResponse(`container ${c.id} is not running`));
      return false;
    }
    c.state = pause ? 'paused' : 'running';
    freezeLoop(c, pause, d.sh.world.clock.now());
    d.sh.world.changed();
    out.line(ref);
    return true;
  });
}
