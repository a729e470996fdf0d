/** `docker volume create|ls|inspect|rm|prune` (docker/cli cli/command/volume). */
import { utcParts } from '../../common/clock';
import { createVolume, findVolume, isAnonymous, removeVolume, volumeSize, volumeUsers, volumesOf } from '../../engine/docker/volumes';
import type { Volume } from '../../engine/docker/types';
import { driverError, findPlugin } from '../../engine/docker/plugins';
import { Output, fail, type CommandResult, success } from '../types';
import { argsError, usageError, type DockerCtx, errorResponse } from './context';
import { all, has, last, parseFlags, flagSpecs } from './flags';
import { humanSize } from './human';
import { printInspect } from './inspect';
import { tabwrite } from './table';
import { renderTemplate } from './template';
import { confirmPrune } from './prune-prompt';

type Sub = (d: DockerCtx, argv: string[]) => CommandResult;

const SUBS: Record<string, Sub> = { create: volumeCreate, ls: volumeLs, list: volumeLs, inspect: volumeInspect, rm: volumeRm, remove: volumeRm, prune: volumePrune };

export function dockerVolume(d: DockerCtx, argv: string[]): CommandResult {
  const [sub, ...rest] = argv;
  if (sub === undefined) return success(VOLUME_USAGE);
  const fn = Object.prototype.hasOwnProperty.call(SUBS, sub) ? SUBS[sub] : undefined;
  if (!fn) return fail(`docker: 'volume ${sub}' is not a docker command.\nSee 'docker --help'`, 1);
  return fn(d, rest);
}

/** The API's CreatedAt for volumes: RFC 3339 in seconds. */
function createdAt(d: DockerCtx, v: Volume): string {
  return utcParts(d.sh.world.clock.epoch + v.created).iso.replace(/\.\d+Z$/, 'Z');
}

export function volumeJson(d: DockerCtx, v: Volume) {
  return { CreatedAt: createdAt(d, v), Driver: v.driver, Labels: v.labels, Mountpoint: `/var/lib/docker/volumes/${v.name}/_data`, Name: v.name, Options: v.options, Scope: 'local' };
}

function keyValues(list: string[]): Record<string, string> {
  return Object.fromEntries(list.map((kv) => (kv.includes('=') ? [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)] : [kv, ''])));
}

function volumeCreate(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('d|driver= label= o|opt= name='), true);
  if (!parsed.ok) return usageError('volume create', parsed.error);
  const p = parsed.value;
  if (p.args.length > 1) return argsError('volume create', '[OPTIONS] [VOLUME]', 'Create a volume', 'at most 1 argument');
  const name = p.args[0] ?? last(p, 'name');
  if (p.args[0] !== undefined && last(p, 'name') !== undefined && last(p, 'name') !== p.args[0]) return fail(`conflicting options: cannot specify a volume-name through both --name and as a positional arg`, 1);
  const driver = last(p, 'driver') ?? 'local';
  const pluginError = driver === 'local' ? null : driverError(d.daemon, driver, 'volumedriver');
  if (pluginError) return fail(errorResponse(`create ${name ?? ''}: error looking up volume plugin ${driver}: ${pluginError}`), 1);
  // Recorded (Engine 26.1): without --label/-o the daemon keeps null, not {}.
  const labels = all(p, 'label').length ? keyValues(all(p, 'label')) : null;
  const options = all(p, 'opt').length ? keyValues(all(p, 'opt')) : null;
  const made = createVolume(d.sh.world, d.daemon, name, { labels, options, ...(driver !== 'local' ? { driver: findPlugin(d.daemon, driver)!.name } : {}) });
  if (!made.ok) return fail(errorResponse(made.error), 1);
  return success(made.value.name + '\n');
}

type Filter = (v: Volume) => boolean;

/** --filter dangling=, name=, driver=, label= (the daemon's volume list filters). */
function volumeFilters(d: DockerCtx, specs: string[]): Filter[] | string {
  const out: Filter[] = [];
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq < 0) return `bad format of filter (expected name=value)`;
    const key = spec.slice(0, eq);
    const value = spec.slice(eq + 1);
    if (key === 'dangling') {
      if (!/^(true|false|1|0)$/.test(value)) return `invalid filter 'dangling=${value}'`;
      const want = value === 'true' || value === '1';
      out.push((v) => (volumeUsers(d.daemon, v.name).length === 0) === want);
    } else if (key === 'name') out.push((v) => v.name.includes(value));
    else if (key === 'driver') out.push((v) => v.driver === value);
    else if (key === 'label') {
      const [k, val] = value.includes('=') ? [value.slice(0, value.indexOf('=')), value.slice(value.indexOf('=') + 1)] : [value, undefined];
      out.push((v) => v.labels !== null && k in v.labels && (val === undefined || v.labels[k] === val));
    } else return `invalid filter '${key}'`;
  }
  return out;
}

function volumeLs(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('q|quiet f|filter= format= cluster'), true);
  if (!parsed.ok) return usageError('volume ls', parsed.error);
  const p = parsed.value;
  if (p.args.length > 0) return argsError('volume ls', '[OPTIONS]', 'List volumes', 'no arguments');
  const filters = volumeFilters(d, all(p, 'filter'));
  if (typeof filters === 'string') return fail(errorResponse(filters), 1);
  const volumes = volumesOf(d.daemon).filter((v) => filters.every((f) => f(v))).sort((a, b) => naturalLess(a.name, b.name));
  if (has(p, 'quiet')) return success(volumes.map((v) => v.name + '\n').join(''));
  const format = last(p, 'format');
  if (format !== undefined && !format.startsWith('table')) {
    const out = new Output();
    for (const v of volumes) {
      const r = renderTemplate(format, { ...volumeJson(d, v), Size: 'N/A', Links: 'N/A' });
      if (!r.ok) return fail(r.error, 1);
      out.line(r.value);
    }
    return out.done(0);
  }
  return success(tabwrite([['DRIVER', 'VOLUME NAME'], ...volumes.map((v) => [v.driver, v.name])]));
}

/** sortorder.NaturalLess: digit runs compare as numbers. */
function naturalLess(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'variant' }) || (a < b ? -1 : a > b ? 1 : 0);
}

function volumeInspect(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('f|format='), true);
  if (!parsed.ok) return usageError('volume inspect', parsed.error);
  if (parsed.value.args.length === 0) return argsError('volume inspect', '[OPTIONS] VOLUME [VOLUME...]', 'Display detailed information on one or more volumes');
  const out = new Output();
  const objects: unknown[] = [];
  let missing = false;
  for (const name of parsed.value.args) {
    const v = findVolume(d.daemon, name);
    if (v) objects.push(volumeJson(d, v));
    else {
      missing = true;
      out.err(errorResponse(`get ${name}: no such volume`));
    }
  }
  const format = last(parsed.value, 'format');
  if ((objects.length > 0 || format === undefined) && !printInspect(objects, format, out)) return out.done(1);
  return out.done(missing ? 1 : 0);
}

function volumeRm(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('f|force'), true);
  if (!parsed.ok) return usageError('volume rm', parsed.error);
  if (parsed.value.args.length === 0) return argsError('volume rm', '[OPTIONS] VOLUME [VOLUME...]', 'Remove one or more volumes. You cannot remove a volume that is in use by a container.');
  const out = new Output();
  let code = 0;
  for (const name of parsed.value.args) {
    const r = removeVolume(d.sh.world, d.daemon, name, has(parsed.value, 'force'));
    if (r.ok) out.line(name);
    else {
      out.err(errorResponse(r.error));
      code = 1;
    }
  }
  return out.done(code);
}

function volumePrune(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('a|all f|force filter='), true);
  if (!parsed.ok) return usageError('volume prune', parsed.error);
  const p = parsed.value;
  if (p.args.length > 0) return argsError('volume prune', '[OPTIONS]', 'Remove unused local volumes', 'no arguments');
  const filterAll = all(p, 'filter').some((f) => /^all=(true|1)$/.test(f));
  if (has(p, 'all') && all(p, 'filter').some((f) => f.startsWith('all='))) return fail('conflicting options: cannot specify both --all and --filter all=1', 1);
  const everything = has(p, 'all') || filterAll;
  const filters = volumeFilters(d, all(p, 'filter').filter((f) => !f.startsWith('all=')));
  if (typeof filters === 'string') return fail(errorResponse(filters), 1);
  const warning = everything ? 'WARNING! This will remove all local volumes not used by at least one container.\nAre you sure you want to continue?' : 'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue?';
  const out = new Output();
  if (!has(p, 'force') && !confirmPrune(d, warning, out)) return out.done(0);
  const doomed = volumesOf(d.daemon).filter((v) => (everything || isAnonymous(v)) && volumeUsers(d.daemon, v.name).length === 0 && filters.every((f) => f(v)));
  let reclaimed = 0;
  for (const v of doomed) {
    reclaimed += volumeSize(v);
    removeVolume(d.sh.world, d.daemon, v.name);
  }
  if (doomed.length > 0) out.line(`Deleted Volumes:\n${doomed.map((v) => v.name + '\n').join('')}`);
  out.line(`Total reclaimed space: ${humanSize(reclaimed, 4)}`);
  return out.done(0);
}

const VOLUME_USAGE = `Usage:  docker volume COMMAND

Manage volumes

Commands:
  create      Create a volume
  inspect     Display detailed information on one or more volumes
  ls          List volumes
  prune       Remove unused local volumes
  rm          Remove one or more volumes

Run 'docker volume COMMAND --help' for more information on a command.
`;
