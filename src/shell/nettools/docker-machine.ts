/**
 * `docker-machine` (0.16.2): create (-d virtualbox | generic), ls, start, stop, restart, rm [-y],
 * env, ip, ssh, status, url, inspect-less subset. Machines are hosts of the simulated world (see
 * engine/docker/machine.ts); `eval $(docker-machine env NAME)` points the docker client at one
 * through DOCKER_HOST. Output as docker-machine prints it (to stdout, errors to stderr, exit 1).
 */
import { createGenericMachine, createVirtualboxMachine, findMachine, machinesOf, removeMachine, startMachine, stopMachine, type Machine } from '../../engine/docker/machine';
import { Output, fail, type CommandResult, type ShellContext, success } from '../types';
import { resolveHost } from './ssh';

const CERT_DIR = '/root/.docker/machine/machines';

function url(m: Machine): string {
  return `tcp://${m.ip}:2376`;
}

/** codegangsta/cli flags: --name value, --name=value, -d value. */
function parseArgs(argv: string[], valued: Set<string>): { flags: Record<string, string>; args: string[] } | string {
  const flags: Record<string, string> = {};
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('-') || a === '-') {
      args.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = (eq >= 0 ? a.slice(0, eq) : a).replace(/^--?/, '');
    if (valued.has(name)) {
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) return `flag needs an argument: ${a}`;
      flags[name] = v;
    } else flags[name] = 'true';
  }
  return { flags, args };
}

function tabwriter5(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.slice(0, -1).forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 5, c.length + 3)));
  return rows.map((r) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]!) : c)).join('') + '\n').join('');
}

function create(sh: ShellContext, argv: string[]): CommandResult {
  const parsed = parseArgs(argv, new Set(['d', 'driver', 'generic-ip-address', 'generic-ssh-user', 'generic-ssh-key', 'generic-ssh-port', 'virtualbox-memory', 'virtualbox-cpu-count', 'virtualbox-disk-size', 'virtualbox-boot2docker-url', 'engine-insecure-registry', 'engine-registry-mirror', 'engine-label', 'engine-opt']));
  if (typeof parsed === 'string') return fail(parsed, 1);
  const name = parsed.args[0];
  const driver = parsed.flags['driver'] ?? parsed.flags['d'] ?? 'virtualbox';
  if (name === undefined) return fail('Error: No machine name specified', 1);
  if (driver !== 'virtualbox' && driver !== 'generic') return fail(`Driver "${driver}" not found. Do you have the plugin binary "docker-machine-driver-${driver}" accessible in your PATH?`, 1);
  if (!/^[a-zA-Z0-9][a-zA-Z0-9.-]*$/.test(name)) return fail('Error creating machine: Invalid hostname specified. Allowed hostname chars are: 0-9a-zA-Z . -', 1);
  if (findMachine(sh.world, sh.host, name)) return fail(`Host already exists: "${name}"`, 1);
  const out = new Output();
  if (driver === 'generic') {
    const ip = parsed.flags['generic-ip-address'];
    if (ip === undefined) return fail('Error setting machine configuration from flags provided: generic driver requires the --generic-ip-address option', 1);
    out.line('Running pre-create checks...').line('Creating machine...');
    if (parsed.flags['generic-ssh-key'] === undefined) out.line(`(${name}) No SSH key specified. Assuming an existing key at the default location.`);
    out.line('Waiting for machine to be running, this may take a few minutes...').line('Detecting operating system of created instance...').line('Waiting for SSH to be available...');
    const host = resolveHost(sh.world, ip);
    if (!host) {
      sh.world.clock.advance(60 * 3000);
      return { stdout: out.stdout, stderr: 'Error creating machine: Error detecting OS: Too many retries waiting for SSH to be available.  Last error: Maximum number of retries (60) exceeded\n', exitCode: 1 };
    }
    createGenericMachine(sh.world, sh.host, name, host, ip);
    out.line('Detecting the provisioner...').line('Provisioning with ubuntu(systemd)...').line('Installing Docker...');
  } else {
    out.line('Running pre-create checks...').line('Creating machine...');
    out.line(`(${name}) Copying /root/.docker/machine/cache/boot2docker.iso to ${CERT_DIR}/${name}/boot2docker.iso...`);
    out.line(`(${name}) Creating VirtualBox VM...`).line(`(${name}) Creating SSH key...`).line(`(${name}) Starting the VM...`).line(`(${name}) Check network to re-create if needed...`).line(`(${name}) Waiting for an IP...`);
    createVirtualboxMachine(sh.world, sh.host, name);
    out.line('Waiting for machine to be running, this may take a few minutes...').line('Detecting operating system of created instance...').line('Waiting for SSH to be available...').line('Detecting the provisioner...').line('Provisioning with boot2docker...');
  }
  out.line('Copying certs to the local machine directory...').line('Copying certs to the remote machine...').line('Setting Docker configuration on the remote daemon...').line('Checking connection to Docker...').line('Docker is up and running!');
  out.line(`To see how to connect your Docker Client to the Docker Engine running on this virtual machine, run: docker-machine env ${name}`);
  return out.done(0);
}

function ls(sh: ShellContext, argv: string[]): CommandResult {
  const parsed = parseArgs(argv, new Set(['filter', 'format', 'f', 'timeout', 't']));
  if (typeof parsed === 'string') return fail(parsed, 1);
  const machines = machinesOf(sh.world, sh.host).slice().sort((a, b) => a.name.localeCompare(b.name));
  if (parsed.flags['q'] === 'true' || parsed.flags['quiet'] === 'true') return success(machines.map((m) => m.name + '\n').join(''));
  const active = sh.env['DOCKER_HOST'];
  const rows = machines.map((m) => [m.name, active === url(m) && m.state === 'Running' ? '*' : '-', m.driver, m.state, m.state === 'Running' ? url(m) : '', '', m.state === 'Running' ? m.dockerVersion : 'Unknown', '']);
  return success(tabwriter5([['NAME', 'ACTIVE', 'DRIVER', 'STATE', 'URL', 'SWARM', 'DOCKER', 'ERRORS'], ...rows]));
}

/** Commands naming machines: each must exist (`Host does not exist: "x"`). */
function named(sh: ShellContext, names: string[], min = 1): Machine[] | CommandResult {
  if (names.length < min) return fail('Error: No machine name(s) specified and no "default" machine exists', 1);
  const found: Machine[] = [];
  for (const n of names) {
    const m = findMachine(sh.world, sh.host, n);
    if (!m) return fail(`Host does not exist: "${n}"`, 1);
    found.push(m);
  }
  return found;
}

function env(sh: ShellContext, argv: string[]): CommandResult {
  const parsed = parseArgs(argv, new Set(['shell']));
  if (typeof parsed === 'string') return fail(parsed, 1);
  if (parsed.flags['u'] === 'true' || parsed.flags['unset'] === 'true') {
    return success('unset DOCKER_TLS_VERIFY\nunset DOCKER_HOST\nunset DOCKER_CERT_PATH\nunset DOCKER_MACHINE_NAME\n# Run this command to configure your shell: \n# eval $(docker-machine env -u)\n');
  }
  const ms = named(sh, parsed.args.slice(0, 1));
  if (!Array.isArray(ms)) return ms;
  const m = ms[0]!;
  if (m.state !== 'Running') return fail('Error checking TLS connection: Host is not running', 1);
  return success(`export DOCKER_TLS_VERIFY="1"\nexport DOCKER_HOST="${url(m)}"\nexport DOCKER_CERT_PATH="${CERT_DIR}/${m.name}"\nexport DOCKER_MACHINE_NAME="${m.name}"\n# Run this command to configure your shell: \n# eval $(docker-machine env ${m.name})\n`);
}

function power(sh: ShellContext, argv: string[], action: 'start' | 'stop' | 'restart' | 'kill'): CommandResult {
  const ms = named(sh, argv.filter((a) => !a.startsWith('-')));
  if (!Array.isArray(ms)) return ms;
  const out = new Output();
  for (const m of ms) {
    if (action === 'stop' || action === 'kill') {
      out.line(`${action === 'stop' ? 'Stopping' : 'Killing'} "${m.name}"...`);
      if (m.state === 'Stopped') {
        out.line(`Machine "${m.name}" is already stopped.`);
        continue;
      }
      stopMachine(sh.world, m);
      out.line(`Machine "${m.name}" was ${action === 'stop' ? 'stopped' : 'killed'}.`);
      continue;
    }
    if (action === 'restart') {
      out.line(`Restarting "${m.name}"...`);
      stopMachine(sh.world, m);
    } else {
      out.line(`Starting "${m.name}"...`);
      if (m.state === 'Running') {
        out.line(`Machine "${m.name}" is already running.`);
        continue;
      }
    }
    if (m.driver === 'virtualbox') out.line(`(${m.name}) Check network to re-create if needed...`).line(`(${m.name}) Waiting for an IP...`);
    startMachine(sh.world, m);
    out.line(`Machine "${m.name}" was ${action === 'restart' ? 'restarted' : 'started'}.`).line('Waiting for SSH to be available...').line('Detecting the provisioner...');
    if (action === 'restart') out.line('Restarted machines may have new IP addresses. You may need to re-run the `docker-machine env` command.');
    else out.line('Started machines may have new IP addresses. You may need to re-run the `docker-machine env` command.');
  }
  return out.done(0);
}

function rm(sh: ShellContext, argv: string[]): CommandResult {
  const parsed = parseArgs(argv, new Set());
  if (typeof parsed === 'string') return fail(parsed, 1);
  const ms = named(sh, parsed.args);
  if (!Array.isArray(ms)) return ms;
  const yes = parsed.flags['y'] === 'true' || parsed.flags['force'] === 'true' || parsed.flags['f'] === 'true';
  const out = new Output();
  out.line(`About to remove ${ms.map((m) => m.name).join(', ')}`);
  out.line('WARNING: This action will delete both local reference and remote instance.');
  if (!yes) {
    const answer = sh.stdin.split('\n')[0]?.trim() ?? '';
    out.out('Are you sure? (y/n): ');
    if (answer !== 'y' && answer !== 'Y' && answer !== 'yes') return out.done(1);
  }
  for (const m of ms) {
    removeMachine(sh.world, sh.host, m);
    out.line(`Successfully removed ${m.name}`);
  }
  return out.done(0);
}

function simple(sh: ShellContext, argv: string[], what: 'ip' | 'url' | 'status'): CommandResult {
  const ms = named(sh, argv.filter((a) => !a.startsWith('-')));
  if (!Array.isArray(ms)) return ms;
  const out = new Output();
  for (const m of ms) {
    if (what === 'status') out.line(m.state);
    else if (m.state !== 'Running') return out.err('Host is not running').done(1);
    else out.line(what === 'ip' ? m.ip : url(m));
  }
  return out.done(0);
}

function sshTo(sh: ShellContext, argv: string[]): CommandResult {
  const ms = named(sh, argv.slice(0, 1));
  if (!Array.isArray(ms)) return ms;
  const m = ms[0]!;
  if (m.state !== 'Running') return fail(`Error: Cannot run SSH command: Host "${m.name}" is not running`, 1);
  const user = m.driver === 'virtualbox' ? 'docker' : 'root';
  const quoted = argv.slice(1).map((a) => (/^[\w./:=@%+-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`));
  return sh.runLine(['ssh', `${user}@${m.ip}`, ...quoted].join(' '), sh);
}

const USAGE = `Usage: docker-machine [OPTIONS] COMMAND [arg...]

Create and manage machines running Docker.

Version: 0.16.2, build bd45ab13

Commands:
  active		Print which machine is active
  create		Create a machine
  env			Display the commands to set up the environment for the Docker client
  ip			Get the IP address of a machine
  kill			Kill a machine
  ls			List machines
  restart		Restart a machine
  rm			Remove a machine
  ssh			Log into or run a command on a machine with SSH.
  start			Start a machine
  status		Get the status of a machine
  stop			Stop a machine
  url			Get the URL of a machine
  version		Show the Docker Machine version or a machine docker version

Run 'docker-machine COMMAND --help' for more information on a command.
`;

export function dockerMachine(argv: string[], sh: ShellContext): CommandResult {
  const [sub, ...rest] = argv.slice(1);
  switch (sub) {
    case undefined:
      return success(USAGE);
    case '--version':
    case '-v':
      return success('docker-machine version 0.16.2, build bd45ab13\n');
    case 'create':
      return create(sh, rest);
    case 'ls':
      return ls(sh, rest);
    case 'env':
      return env(sh, rest);
    case 'start':
    case 'stop':
    case 'restart':
    case 'kill':
      return power(sh, rest, sub);
    case 'rm':
      return rm(sh, rest);
    case 'ip':
    case 'url':
    case 'status':
      return simple(sh, rest, sub);
    case 'ssh':
      return sshTo(sh, rest);
    case 'active': {
      const m = machinesOf(sh.world, sh.host).find((x) => sh.env['DOCKER_HOST'] === url(x));
      return m ? success(m.name + '\n') : fail('No active host found', 1);
    }
    case 'version':
      return success('docker-machine version 0.16.2, build bd45ab13\n');
    default:
      return fail(`docker-machine: '${sub}' is not a docker-machine command. See 'docker-machine --help'.`, 1);
  }
}
