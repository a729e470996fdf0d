/** docker run / create: flags, the implicit pull, create, start, and the foreground process's output. */
import { parseImageRef } from '../../engine/docker/catalog';
import { appendLog, createContainer, exitContainer, imageOf, removeContainer, startContainer, type CreateOptions } from '../../engine/docker/containers';
import type { PortBinding } from '../../engine/docker/types';
import { Output, type CommandResult } from '../types';
import { argsError, daemonError, usageError, type DockerCtx } from './context';
import { parseRunOptions, RUN_OPTION_FLAGS } from './run-options';
import { HEALTH_FLAGS, parseHealthFlags } from './run-health';
import { withProbe } from '../../engine/docker/health';
import { entrypointCommand, entrypointExecError, runtimeError } from '../../engine/docker/procs';
import { runInContainer } from './exec';
import { all, has, last, parseFlags, type FlagSpec, flagSpecs } from './flags';
import { localImage, pull } from './images';
import { planMounts } from './volume-flags';
import { attachMounts } from '../../engine/docker/volumes';
import { overlayTarget, startOnOverlay } from './swarm-attach';

const RUN_FLAGS: FlagSpec[] = [
  ...flagSpecs(`
    d|detach i|interactive t|tty rm name= h|hostname= p|publish= P|publish-all e|env= network= net=
    network-alias= net-alias= ip= restart= link= v|volume= mount= entrypoint= w|workdir= m|memory= cpus=
    c|cpu-shares= init privileged u|user= expose=
  `),
  ...RUN_OPTION_FLAGS,
  ...HEALTH_FLAGS,
];

/** -p [ip:][hostPort:]containerPort[/proto] */
export function parsePublish(spec: string): PortBinding | string {
  const [body, proto = 'tcp'] = spec.split('/');
  if (proto !== 'tcp' && proto !== 'udp') return `invalid proto: ${proto}`;
  const parts = body!.split(':');
  const [hostIp, hostPort, containerPort] = parts.length === 3 ? parts : parts.length === 2 ? ['', parts[0]!, parts[1]!] : ['', '', parts[0]!];
  const cport = Number(containerPort);
  const hport = hostPort === '' ? 0 : Number(hostPort);
  if (!/^\d+$/.test(containerPort ?? '') || cport < 1 || cport > 65535) return `invalid containerPort: ${containerPort}`;
  if (hostPort !== '' && (!/^\d+$/.test(hostPort!) || hport > 65535)) return `invalid hostPort: ${hostPort}`;
  return { hostIp: hostIp ?? '', hostPort: hport, containerPort: cport, proto };
}

export function dockerRun(d: DockerCtx, argv: string[], create = false): CommandResult {
  const cmdName = create ? 'create' : 'run';
  const parsed = parseFlags(argv, RUN_FLAGS, false);
  if (!parsed.ok) return usageError(cmdName, parsed.error);
  const p = parsed.value;
  const [imageText, ...command] = p.args;
  if (imageText === undefined) return argsError(cmdName, '[OPTIONS] IMAGE [COMMAND] [ARG...]', create ? 'Create a new container' : 'Create and run a new container from an image');
  const ref = parseImageRef(imageText);
  if (!ref) return usageError(cmdName, `docker: invalid reference format.`);
  const ports: PortBinding[] = [];
  for (const spec of all(p, 'publish')) {
    const b = parsePublish(spec);
    if (typeof b === 'string') return usageError(cmdName, `docker: ${b}`);
    ports.push(b);
  }
  const options = parseRunOptions(p);
  if ('kind' in options) return options.kind === 'daemon' ? daemonError(options.text, create ? undefined : cmdName) : usageError(cmdName, options.text);
  const health = parseHealthFlags(p);
  if (!health.ok) return health.kind === 'daemon' ? daemonError(health.text, create ? undefined : cmdName) : usageError(cmdName, health.text);
  const restart = options.restart;
  // Errors of the daemon after the pull: `docker run` adds "docker: " and the help hint (exit 125), `docker create` does not (exit 1).
  const failed = (text: string): CommandResult => {
    const e = daemonError(text, create ? undefined : cmdName);
    return { stdout: out.stdout, stderr: out.stderr + e.stderr, exitCode: e.exitCode };
  };
  const mounts = planMounts(d, p);
  if (mounts.kind === 'flag') return usageError(cmdName, mounts.error);
  // docker/cli's CheckTty, before anything is pulled or created: -it needs a terminal on stdin (scripts and lab cells have none).
  if (!create && !has(p, 'detach') && has(p, 'interactive') && has(p, 'tty') && !hasTerminal(d)) return { stdout: '', stderr: 'the input device is not a TTY\n', exitCode: 1 };
  const out = new Output();
  let image = localImage(d.daemon, ref);
  if (!image && options.pull === 'never') return failed(`No such image: ${ref.repo}:${ref.tag}`);
  if (!image) {
    out.err(`Unable to find image '${ref.repo}:${ref.tag}' locally`);
    const pulled = pull(d.daemon, ref);
    if (!pulled.ok) return failed(pulled.error);
    for (const l of pulled.lines) out.err(l);
    image = pulled.image;
  }
  const network = last(p, 'network') ?? last(p, 'net') ?? 'bridge';
  // A swarm overlay: the container is made on docker_gwbridge and joins the overlay when it starts.
  const overlay = overlayTarget(d, network);
  const opts: CreateOptions = {
    image: imageText,
    imageObj: image,
    command,
    env: all(p, 'env').map((e) => (e.includes('=') ? e : `${e}=${d.sh.env[e] ?? ''}`)),
    tty: has(p, 'tty'),
    interactive: has(p, 'interactive'),
    autoRemove: has(p, 'rm'),
    restart,
    network: overlay ? 'docker_gwbridge' : network,
    ports,
    publishAll: has(p, 'publish-all'),
    links: all(p, 'link'),
    aliases: [...all(p, 'network-alias'), ...all(p, 'net-alias')],
    ...(last(p, 'name') !== undefined ? { name: last(p, 'name')! } : {}),
    ...(last(p, 'hostname') !== undefined ? { hostname: last(p, 'hostname')! } : {}),
    ...(last(p, 'entrypoint') !== undefined ? { entrypoint: [last(p, 'entrypoint')!] } : {}),
    labels: options.labels,
    limits: options.limits,
    init: options.init,
    ...(last(p, 'workdir') ? { workdir: last(p, 'workdir')! } : {}),
    ...(last(p, 'ip') ? { ip: last(p, 'ip')! } : {}),
  };
  if (mounts.kind !== 'ok') return failed(mounts.error);
  const created = createContainer(d.sh.world, d.daemon, opts);
  if (!created.ok) return failed(created.error);
  const c = created.value;
  if (overlay) c.networkMode = overlay.net.name;
  if (health.health) c.health = withProbe(health.health, imageOf(d.daemon, c));
  attachMounts(d.sh.world, d.daemon, c, mounts.plans);
  if (create) {
    // A created container has no namespace yet, but the explorer and the topology draw it.
    d.sh.world.changed();
    return out.line(c.id).done(0);
  }
  const started = overlay ? startOnOverlay(d, c, overlay) : startContainer(d.sh.world, d.sh.host, d.daemon, c);
  if (!started.ok) {
    c.state = 'created';
    // The client printed the id when it created a detached container, before the start failed.
    if (has(p, 'detach')) out.line(c.id);
    const r = failed(started.error);
    if (c.autoRemove) removeContainer(d.sh.world, d.sh.host, d.daemon, c);
    // runc could not exec the command: the container stays "created", docker run exits 126/127.
    return c.startError !== undefined && !create && (c.exitCode === 126 || c.exitCode === 127) ? { ...r, exitCode: c.exitCode } : r;
  }
  if (has(p, 'detach')) {
    // A built, committed or imported image whose command ends at once: what it printed is in its logs
    // (unless the start already logged it: a `sh -c 'echo …'` script is the daemon's to run).
    if (d.daemon.images.find((i) => i.id === c.imageId)?.comment !== undefined && c.exitsAt === d.sh.world.clock.now() && c.path !== '' && c.logs.length === 0) {
      const r = runInContainer(d, c, [c.path, ...c.args]);
      if (r) {
        appendLog(c, [...r.stdout.split('\n').slice(0, -1).map((text) => ({ stream: 'stdout' as const, text })), ...r.stderr.split('\n').slice(0, -1).map((text) => ({ stream: 'stderr' as const, text }))]);
        c.exitCodeAtEnd = r.exitCode;
      }
    }
    return out.line(c.id).done(0);
  }
  return foreground(d, c.id, command.length > 0 || last(p, 'entrypoint') !== undefined ? [c.path, ...c.args] : [], out);
}

/** The client's stdin is a terminal: the VS Code terminal's shell says so in VETHLAB_TTY (as `tty` reads it). */
export function hasTerminal(d: DockerCtx): boolean {
  return Boolean(d.sh.env['VETHLAB_TTY']);
}

/** Attached run: the process's output, and its exit status as docker's. */
function foreground(d: DockerCtx, id: string, command: string[], out: Output): CommandResult {
  const c = d.daemon.containers.find((x) => x.id === id)!;
  if (c.exitsAt === null) {
    // A server or an interactive shell keeps the terminal; the transcript shows what it printed so far.
    for (const l of c.logs) (l.startsWith('o:') ? out.line(l.slice(2)) : out.err(l.slice(2)));
    return out.done(0);
  }
  let code = c.exitCodeAtEnd;
  // Built, committed and imported images run their own CMD (catalog images print their startup logs).
  const own = command.length === 0 && d.daemon.images.find((i) => i.id === c.imageId)?.comment !== undefined && c.path !== '' ? [c.path, ...c.args] : [];
  if (own.length > 0) command = own;
  const image = imageOf(d.daemon, c);
  const wrapped = image && command.length > 0 ? entrypointCommand(c, image) : undefined;
  if (wrapped) command = wrapped;
  if (command.length > 0) {
    const result = runInContainer(d, c, command);
    const entryError = result === null && wrapped && image ? entrypointExecError(image, command[0]!) : undefined;
    if (entryError) {
      exitContainer(d.sh.world, d.sh.host, d.daemon, c, 127);
      if (c.autoRemove) removeContainer(d.sh.world, d.sh.host, d.daemon, c);
      return { stdout: out.stdout, stderr: out.stderr + entryError + '\n', exitCode: 127 };
    }
    if (result === null) {
      exitContainer(d.sh.world, d.sh.host, d.daemon, c, 127);
      c.exitCode = 127;
      if (c.autoRemove) removeContainer(d.sh.world, d.sh.host, d.daemon, c);
      return { stdout: out.stdout, stderr: out.stderr + `docker: Error response from daemon: ${runtimeError(`exec: "${command[0]}": executable file not found in $PATH`)}\n\nRun 'docker run --help' for more information\n`, exitCode: 127 };
    }
    // A pseudo-TTY (-t) carries both streams to the client's stdout, each newline as CR LF.
    if (c.tty) out.out((result.stdout + result.stderr).replace(/\n/g, '\r\n'));
    else {
      out.out(result.stdout);
      if (result.stderr) out.err(result.stderr);
    }
    c.logs.push(...result.stdout.split('\n').slice(0, -1).map((l) => 'o:' + l));
    code = result.exitCode;
  } else {
    for (const l of c.logs) (l.startsWith('o:') ? out.line(l.slice(2)) : out.err(l.slice(2)));
  }
  exitContainer(d.sh.world, d.sh.host, d.daemon, c, code);
  if (c.autoRemove) removeContainer(d.sh.world, d.sh.host, d.daemon, c);
  return out.done(code);
}
