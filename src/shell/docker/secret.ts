/** docker secret / docker config: create (from a file or - for stdin), ls, inspect, rm. Swarm managers only. */
import { createObject, findObject, managerCluster, objectsOf, removeObject, type ObjectKind, type SwarmObject } from '../../engine/docker/secrets';
import { utcParts } from '../../common/clock';
import { resolvePath } from '../fs';
import { Output, fail, type CommandResult, success } from '../types';
import { argsError, daemonError, usageError, type DockerCtx, errorResponse } from './context';
import { all, has, last, parseFlags, flagSpecs } from './flags';
import { humanDuration } from './human';
import { tabwrite } from './table';

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** swarmkit's timestamps: RFC 3339 with nanoseconds. */
function stamp(d: DockerCtx, t: number): string {
  return utcParts(d.sh.world.clock.epoch + t).iso.replace('Z', '000000Z');
}

function create(d: DockerCtx, kind: ObjectKind, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('l|label= d|driver= template-driver='), true);
  if (!parsed.ok) return usageError(`${kind} create`, parsed.error);
  const [name, file, ...extra] = parsed.value.args;
  if (name === undefined || extra.length > 0) return argsError(`${kind} create`, `[OPTIONS] ${kind.toUpperCase()} [file|-]`, `Create a ${kind} from a file or STDIN as content`, 'at least 1 and at most 2 arguments');
  const cluster = managerCluster(d.sh.world, d.sh.host);
  if (!cluster.ok) return daemonError(cluster.error);
  let data: string;
  if (file === undefined || file === '-') data = d.sh.stdin;
  else {
    const read = d.sh.fs.read(resolvePath(d.sh.cwd, file), d.sh.ns);
    if (!read.ok) return fail(`open ${file}: ${read.error === 'EISDIR' ? 'is a directory' : 'no such file or directory'}`, 1);
    data = read.data;
  }
  const labels = Object.fromEntries(all(parsed.value, 'label').map((l) => (l.includes('=') ? [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] : [l, ''])));
  const r = createObject(d.sh.world, cluster.value, kind, name, data, labels);
  if (!r.ok) return daemonError(r.error);
  return success(r.value.id + '\n');
}

function ls(d: DockerCtx, kind: ObjectKind, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('q|quiet format= f|filter='), true);
  if (!parsed.ok) return usageError(`${kind} ls`, parsed.error);
  const cluster = managerCluster(d.sh.world, d.sh.host);
  if (!cluster.ok) return daemonError(cluster.error);
  const list = objectsOf(d.sh.world, cluster.value, kind).slice().sort((a, b) => a.name.localeCompare(b.name));
  if (has(parsed.value, 'quiet')) return success(list.map((o) => o.id + '\n').join(''));
  const now = d.sh.world.clock.now();
  const ago = (t: number) => `${humanDuration(now - t)} ago`;
  const head = kind === 'secret' ? ['ID', 'NAME', 'DRIVER', 'CREATED', 'UPDATED'] : ['ID', 'NAME', 'CREATED', 'UPDATED'];
  const rows = list.map((o) => (kind === 'secret' ? [o.id, o.name, '', ago(o.createdAt), ago(o.updatedAt)] : [o.id, o.name, ago(o.createdAt), ago(o.updatedAt)]));
  return success(tabwrite([head, ...rows]));
}

function inspectJson(d: DockerCtx, kind: ObjectKind, o: SwarmObject): Record<string, unknown> {
  const spec: Record<string, unknown> = { Name: o.name, Labels: o.labels };
  if (kind === 'config') spec['Data'] = base64(o.data);
  return { ID: o.id, Version: { Index: o.version }, CreatedAt: stamp(d, o.createdAt), UpdatedAt: stamp(d, o.updatedAt), Spec: spec };
}

function inspect(d: DockerCtx, kind: ObjectKind, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('f|format= pretty'), true);
  if (!parsed.ok) return usageError(`${kind} inspect`, parsed.error);
  if (parsed.value.args.length === 0) return argsError(`${kind} inspect`, `[OPTIONS] ${kind.toUpperCase()} [${kind.toUpperCase()}...]`, `Display detailed information on one or more ${kind}s`);
  const cluster = managerCluster(d.sh.world, d.sh.host);
  if (!cluster.ok) return daemonError(cluster.error);
  const found: SwarmObject[] = [];
  for (const ref of parsed.value.args) {
    const o = findObject(objectsOf(d.sh.world, cluster.value, kind), ref);
    if (!o) return daemonError(`${kind} ${ref} not found`);
    found.push(o);
  }
  const format = last(parsed.value, 'format');
  if (format !== undefined && /^\{\{\s*\.(ID|Spec\.Name)\s*\}\}$/.test(format)) return success(found.map((o) => (format.includes('ID') ? o.id : o.name) + '\n').join(''));
  return success(JSON.stringify(found.map((o) => inspectJson(d, kind, o)), null, 4) + '\n');
}

function rm(d: DockerCtx, kind: ObjectKind, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, [], true);
  if (!parsed.ok) return usageError(`${kind} rm`, parsed.error);
  if (parsed.value.args.length === 0) return argsError(`${kind} rm`, `${kind.toUpperCase()} [${kind.toUpperCase()}...]`, `Remove one or more ${kind}s`);
  const cluster = managerCluster(d.sh.world, d.sh.host);
  if (!cluster.ok) return daemonError(cluster.error);
  const out = new Output();
  const errors: string[] = [];
  for (const ref of parsed.value.args) {
    const o = findObject(objectsOf(d.sh.world, cluster.value, kind), ref);
    if (!o) {
      errors.push(errorResponse(`${kind} ${ref} not found`));
      continue;
    }
    const r = removeObject(d.sh.world, cluster.value, kind, o);
    if (!r.ok) {
      errors.push(errorResponse(r.error));
      continue;
    }
    out.line(ref);
  }
  for (const e of errors) out.err(e);
  return out.done(errors.length > 0 ? 1 : 0);
}

function usage(kind: ObjectKind): string {
  const title = kind === 'secret' ? 'Secrets' : 'Swarm configs';
  return `\nUsage:  docker ${kind} COMMAND\n\nManage ${title}\n\nCommands:\n  create      Create a ${kind} from a file or STDIN as content\n  inspect     Display detailed information on one or more ${kind}s\n  ls          List ${kind}s\n  rm          Remove one or more ${kind}s\n\nRun 'docker ${kind} COMMAND --help' for more information on a command.\n`;
}

export function dockerSwarmObject(d: DockerCtx, argv: string[], kind: ObjectKind): CommandResult {
  const [sub, ...rest] = argv;
  switch (sub) {
    case undefined:
      return success(usage(kind));
    case 'create':
      return create(d, kind, rest);
    case 'ls':
    case 'list':
      return ls(d, kind, rest);
    case 'inspect':
      return inspect(d, kind, rest);
    case 'rm':
    case 'remove':
      return rm(d, kind, rest);
    default:
      return fail(`docker: '${kind} ${sub}' is not a docker command.\nSee 'docker --help'`, 1);
  }
}
