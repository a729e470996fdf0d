/** docker context ls/create/use/inspect/rm/show (docker/cli 28; kept in the host's client state). */
import { daemonOf } from '../../engine/docker/daemon';
import { sha256Hex } from '../../engine/docker/layers-sha256';
import { fail, Output, type CommandResult, type ShellContext, success } from '../types';
import { argsError, usageError } from './context';
import { chooseEndpoint, contextNotFound, contextsOf, currentContextName, DEFAULT_SOCKET, type DockerGlobals } from './context-endpoint';
import { last, parseFlags, flagSpecs } from './flags';
import { renderTemplate } from './template';

interface Row {
  Name: string;
  Description: string;
  DockerEndpoint: string;
  Current: boolean;
  Error: string;
}

const DOCKER_HOST_WARNING = 'Warning: DOCKER_HOST environment variable overrides the active context. To use a context, either set the global --context flag, or unset DOCKER_HOST environment variable.';

function rows(sh: ShellContext, globals: DockerGlobals): Row[] {
  const current = currentContextName(sh, globals);
  const envHost = sh.env['DOCKER_HOST'];
  const list: Row[] = [{ Name: 'default', Description: 'Current DOCKER_HOST based configuration', DockerEndpoint: envHost || DEFAULT_SOCKET, Current: current === 'default', Error: '' }];
  for (const c of contextsOf(daemonOf(sh.world, sh.host))) list.push({ Name: c.name, Description: c.description, DockerEndpoint: c.host, Current: current === c.name, Error: '' });
  return list.sort((a, b) => a.Name.localeCompare(b.Name));
}

/** tabwriter with padding 3; the last column is not padded. */
function table(cells: string[][]): string {
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]! + 3))).join('') + '\n').join('');
}

function ls(sh: ShellContext, globals: DockerGlobals, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('format= q|quiet'), true);
  if (!parsed.ok) return usageError('context ls', parsed.error);
  const list = rows(sh, globals);
  const format = last(parsed.value, 'format');
  const warn = sh.env['DOCKER_HOST'] ? DOCKER_HOST_WARNING + '\n' : '';
  if (parsed.value.flags['quiet']) return { stdout: list.map((r) => r.Name + '\n').join(''), stderr: warn, exitCode: 0 };
  if (format !== undefined) {
    const out = new Output();
    for (const r of list) {
      const t = renderTemplate(format, r);
      if (!t.ok) return fail(t.error, 1);
      out.line(t.value);
    }
    return { stdout: out.stdout, stderr: warn, exitCode: 0 };
  }
  const cells = [['NAME', 'DESCRIPTION', 'DOCKER ENDPOINT', 'ERROR'], ...list.map((r) => [r.Current ? `${r.Name} *` : r.Name, r.Description, r.DockerEndpoint, r.Error])];
  return { stdout: table(cells), stderr: warn, exitCode: 0 };
}

function create(sh: ShellContext, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('docker= description= from='), true);
  if (!parsed.ok) return usageError('context create', parsed.error);
  const [name, ...extra] = parsed.value.args;
  if (name === undefined || extra.length > 0) return argsError('context create', '[OPTIONS] CONTEXT', 'Create a context', 'exactly 1 argument');
  const daemon = daemonOf(sh.world, sh.host);
  if (!daemon) return fail('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?', 1);
  if (name === 'default' || contextsOf(daemon).some((c) => c.name === name)) return fail(`context "${name}" already exists`, 1);
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$/.test(name)) return fail(`context name "${name}" is invalid, names are validated against regexp "^[a-zA-Z0-9][a-zA-Z0-9_.+-]+$"`, 1);
  const spec = last(parsed.value, 'docker') ?? '';
  const host = /(?:^|,)host=([^,]+)/.exec(spec)?.[1] ?? DEFAULT_SOCKET;
  daemon.contexts = [...contextsOf(daemon), { name, description: last(parsed.value, 'description') ?? '', host }];
  return { stdout: `${name}\n`, stderr: `Successfully created context "${name}"\n`, exitCode: 0 };
}

function use(sh: ShellContext, argv: string[]): CommandResult {
  const [name, ...extra] = argv;
  if (name === undefined || extra.length > 0) return argsError('context use', 'CONTEXT', 'Set the current docker context', 'exactly 1 argument');
  const daemon = daemonOf(sh.world, sh.host);
  if (name !== 'default' && !contextsOf(daemon).some((c) => c.name === name)) return fail(contextNotFound(name), 1);
  if (daemon) daemon.currentContext = name;
  const warn = sh.env['DOCKER_HOST'] ? DOCKER_HOST_WARNING + '\n' : '';
  return { stdout: `${name}\n`, stderr: `${warn}Current context is now "${name}"\n`, exitCode: 0 };
}

function rm(sh: ShellContext, globals: DockerGlobals, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('f|force'), true);
  if (!parsed.ok) return usageError('context rm', parsed.error);
  if (parsed.value.args.length === 0) return argsError('context rm', 'CONTEXT [CONTEXT...]', 'Remove one or more contexts');
  const daemon = daemonOf(sh.world, sh.host);
  const out = new Output();
  let failed = false;
  for (const name of parsed.value.args) {
    if (name === 'default') {
      out.err(`context "default" cannot be removed`);
      failed = true;
    } else if (!contextsOf(daemon).some((c) => c.name === name)) {
      out.err(contextNotFound(name));
      failed = true;
    } else if (currentContextName(sh, globals) === name && !parsed.value.flags['force']) {
      out.err(`context "${name}" is in use, set -f flag to force remove`);
      failed = true;
    } else {
      if (daemon) {
        daemon.contexts = contextsOf(daemon).filter((c) => c.name !== name);
        if (daemon.currentContext === name) delete daemon.currentContext;
      }
      out.line(name);
    }
  }
  return out.done(failed ? 1 : 0);
}

function inspectOne(sh: ShellContext, name: string): Record<string, unknown> | undefined {
  if (name === 'default') {
    return { Name: 'default', Metadata: {}, Endpoints: { docker: { Host: sh.env['DOCKER_HOST'] || DEFAULT_SOCKET, SkipTLSVerify: false } }, TLSMaterial: {}, Storage: { MetadataPath: '<IN MEMORY>', TLSPath: '<IN MEMORY>' } };
  }
  const c = contextsOf(daemonOf(sh.world, sh.host)).find((x) => x.name === name);
  if (!c) return undefined;
  const id = sha256Hex(name);
  return { Name: name, Metadata: c.description ? { Description: c.description } : {}, Endpoints: { docker: { Host: c.host, SkipTLSVerify: false } }, TLSMaterial: {}, Storage: { MetadataPath: `/root/.docker/contexts/meta/${id}`, TLSPath: `/root/.docker/contexts/tls/${id}` } };
}

function inspect(sh: ShellContext, globals: DockerGlobals, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('f|format='), true);
  if (!parsed.ok) return usageError('context inspect', parsed.error);
  const names = parsed.value.args.length > 0 ? parsed.value.args : [currentContextName(sh, globals)];
  const found: Array<Record<string, unknown>> = [];
  for (const n of names) {
    const o = inspectOne(sh, n);
    if (!o) return fail(contextNotFound(n), 1);
    found.push(o);
  }
  const format = last(parsed.value, 'format');
  if (format === undefined) return success(JSON.stringify(found, null, 4).replace(/</g, '\\u003c').replace(/>/g, '\\u003e') + '\n');
  const out = new Output();
  for (const o of found) {
    const t = renderTemplate(format, o);
    if (!t.ok) return fail(t.error, 1);
    out.line(t.value);
  }
  return out.done(0);
}

const USAGE = `
Usage:  docker context COMMAND

Manage contexts

Commands:
  create      Create a context
  export      Export a context to a tar archive FILE or a tar stream on STDOUT.
  import      Import a context from a tar or zip file
  inspect     Display detailed information on one or more contexts
  ls          List contexts
  rm          Remove one or more contexts
  show        Print the name of the current context
  update      Update a context
  use         Set the current docker context

Run 'docker context COMMAND --help' for more information on a command.
`;

export function dockerContext(sh: ShellContext, globals: DockerGlobals, argv: string[]): CommandResult {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'ls':
    case 'list':
      return ls(sh, globals, rest);
    case 'create':
      return create(sh, rest);
    case 'use':
      return use(sh, rest);
    case 'rm':
    case 'remove':
      return rm(sh, globals, rest);
    case 'inspect':
      return inspect(sh, globals, rest);
    case 'show': {
      const e = chooseEndpoint(sh, globals);
      return e.ok ? success(e.context + '\n') : fail(e.error, 1);
    }
    case undefined:
      return success(USAGE);
    default:
      return fail(`docker: unknown command: docker context ${sub}\n\nUsage:  docker context COMMAND\n\nRun 'docker context --help' for more information`, 1);
  }
}
