/**
 * Loading a Compose project: YAML -> interpolation -> schema checks -> model -> consistency checks,
 * in compose-go's order, so the first error is the one `docker compose` prints.
 */
import { err, ok, type Result } from '../../common/result';
import { ComposeFailure, expectKeys, expectType, projectFail, schemaFail, textOf } from './check';
import { interpolateTree, type Interpolation } from './interpolate';
import { CONFIG_KEYS, NETWORK_KEYS, SECRET_KEYS, TOP_LEVEL, VOLUME_KEYS } from './schema';
import { loadService } from './service';
import { entry, parseTree, scalarText, type Tree } from './tree';
import type { ComposeError, ComposeFileObject, ComposeNetwork, ComposeProject, ComposeVolume } from './types';

export interface LoadOptions {
  /** Absolute path of the compose file (used in messages and to resolve relative paths). */
  file: string;
  text: string;
  /** `-p NAME` */
  projectName?: string;
  /** The shell's variables, for interpolation and COMPOSE_PROJECT_NAME. */
  env?: Record<string, string>;
}

const NAME_RULE = 'must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number';

/** compose-go's NormalizeProjectName: lower case, drop what is not [a-z0-9_-], no leading - or _. */
export function normalizeProjectName(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[-_]+/, '');
}

function validName(name: string): boolean {
  return /^[a-z0-9][a-z0-9_-]*$/.test(name);
}

function folderOf(file: string): string {
  const i = file.lastIndexOf('/');
  return i <= 0 ? '/' : file.slice(0, i);
}

function projectNameOf(opts: LoadOptions, tree: Tree): string {
  const explicit = opts.projectName ?? opts.env?.['COMPOSE_PROJECT_NAME'] ?? scalarText(entry(tree, 'name'));
  if (explicit !== undefined) {
    if (!validName(explicit)) throw new ComposeFailure({ kind: 'project', message: `invalid project name "${explicit}": ${NAME_RULE}`, line: 1, col: 1 });
    return explicit;
  }
  const base = folderOf(opts.file).split('/').pop() ?? '';
  return normalizeProjectName(base);
}

function mapOf(tree: Tree, key: string): Array<{ key: string; value: Tree; pos: { line: number; col: number } }> {
  const t = entry(tree, key);
  if (!t || (t.kind === 'scalar' && t.value === null)) return [];
  expectType(t, [key], 'object');
  return t.kind === 'map' ? t.entries : [];
}

function isExternal(t: Tree): boolean {
  const e = entry(t, 'external');
  return e !== undefined && e.kind === 'scalar' && e.value === true;
}

function networksOf(tree: Tree, project: string): ComposeNetwork[] {
  return mapOf(tree, 'networks').map(({ key, value }) => {
    if (value.kind === 'scalar' && value.value === null) return { key, name: `${project}_${key}`, driver: 'bridge', external: false, attachable: false, internal: false };
    expectKeys(value, ['networks', key], NETWORK_KEYS);
    const external = isExternal(value);
    const name = scalarText(entry(value, 'name')) ?? (external ? key : `${project}_${key}`);
    const flag = (k: string) => entry(value, k)?.kind === 'scalar' && (entry(value, k) as { value: unknown }).value === true;
    return { key, name, driver: scalarText(entry(value, 'driver')) ?? 'bridge', external, attachable: flag('attachable'), internal: flag('internal') };
  });
}

function volumesOf(tree: Tree, project: string): ComposeVolume[] {
  return mapOf(tree, 'volumes').map(({ key, value }) => {
    if (value.kind === 'scalar' && value.value === null) return { key, name: `${project}_${key}`, driver: 'local', external: false };
    expectKeys(value, ['volumes', key], VOLUME_KEYS);
    const external = isExternal(value);
    return { key, name: scalarText(entry(value, 'name')) ?? (external ? key : `${project}_${key}`), driver: scalarText(entry(value, 'driver')) ?? 'local', external };
  });
}

function fileObjectsOf(tree: Tree, kind: 'secrets' | 'configs', project: string, dir: string): ComposeFileObject[] {
  return mapOf(tree, kind).map(({ key, value, pos }) => {
    expectKeys(value, [kind, key], kind === 'secrets' ? SECRET_KEYS : CONFIG_KEYS);
    const external = isExternal(value);
    const file = scalarText(entry(value, 'file'));
    const environment = scalarText(entry(value, 'environment'));
    const content = scalarText(entry(value, 'content'));
    if (!external && file === undefined && environment === undefined && content === undefined) {
      projectFail(kind === 'secrets' ? `secret "${key}" must declare either \`file\` or \`environment\`` : `config "${key}" must declare either \`file\`, \`environment\` or \`content\``, pos);
    }
    const o: ComposeFileObject = { key, name: scalarText(entry(value, 'name')) ?? (external ? key : `${project}_${key}`), external };
    if (file !== undefined) o.file = file.startsWith('/') ? file : `${dir}/${file.replace(/^\.\//, '')}`;
    if (environment !== undefined) o.environment = environment;
    if (content !== undefined) o.content = content;
    return o;
  });
}

function checkConsistency(p: ComposeProject): void {
  const nets = new Set(p.networks.map((n) => n.key));
  const vols = new Set(p.volumes.map((v) => v.key));
  const names = new Set(p.services.map((s) => s.name));
  for (const s of p.services) {
    if (!s.image && !s.build) projectFail(`service "${s.name}" has neither an image nor a build context specified`, s.pos);
    for (const n of s.networks) if (!nets.has(n.name)) projectFail(`service "${s.name}" refers to undefined network ${n.name}`, s.pos);
    for (const d of s.dependsOn) if (!names.has(d)) projectFail(`service "${s.name}" depends on undefined service ${d}`, s.pos);
    for (const v of s.volumes) if (v.type === 'volume' && v.source !== '' && !vols.has(v.source)) projectFail(`service "${s.name}" refers to undefined volume ${v.source}`, s.pos);
    for (const r of s.secrets) if (!p.secrets.some((x) => x.key === r.source)) projectFail(`service "${s.name}" refers to undefined secret ${r.source}`, s.pos);
    for (const r of s.configs) if (!p.configs.some((x) => x.key === r.source)) projectFail(`service "${s.name}" refers to undefined config ${r.source}`, s.pos);
  }
}

/** compose-go's cycle search: vertices and children in name order, the first cycle found. */
export function findCycle(p: ComposeProject): string | undefined {
  const deps = new Map(p.services.map((s) => [s.name, [...s.dependsOn].sort()]));
  const search = (path: string[]): string | undefined => {
    for (const child of deps.get(path[path.length - 1]!) ?? []) {
      const i = path.indexOf(child);
      if (i >= 0) return `dependency cycle detected: ${path.slice(i).join(' -> ')} -> ${child}`;
      const found = search([...path, child]);
      if (found) return found;
    }
    return undefined;
  };
  for (const name of [...deps.keys()].sort()) {
    const found = search([name]);
    if (found) return found;
  }
  return undefined;
}

function build(opts: LoadOptions, raw: Tree): ComposeProject {
  if (raw.kind === 'scalar' && raw.value === null) throw new ComposeFailure({ kind: 'project', message: 'empty compose file', line: 1, col: 1 });
  expectKeys(raw, [], TOP_LEVEL);
  const ip: Interpolation = { env: opts.env ?? {}, missing: [] };
  const tree = interpolateTree(raw, ip);
  if (ip.required) throw new ComposeFailure({ kind: 'project', message: ip.required, line: 1, col: 1 });
  const dir = folderOf(opts.file);
  const warnings = ip.missing.map((v) => `The "${v}" variable is not set. Defaulting to a blank string.`);
  if (entry(tree, 'version')) warnings.push(`${opts.file}: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`);
  const name = projectNameOf(opts, tree);
  if (entry(tree, 'name')) textOf(entry(tree, 'name')!, ['name']);
  const services = mapOf(tree, 'services').map((e) => loadService(e.key, e.value, e.pos, dir));
  const networks = networksOf(tree, name);
  const usesDefault = services.some((s) => s.networks.length === 0 && s.networkMode === undefined);
  for (const s of services) if (s.networks.length === 0 && s.networkMode === undefined) s.networks = [{ name: 'default', aliases: [] }];
  if (usesDefault && !networks.some((n) => n.key === 'default')) networks.unshift({ key: 'default', name: `${name}_default`, driver: 'bridge', external: false, attachable: false, internal: false });
  const project: ComposeProject = { name, workingDir: dir, files: [opts.file], services, networks, volumes: volumesOf(tree, name), secrets: fileObjectsOf(tree, 'secrets', name, dir), configs: fileObjectsOf(tree, 'configs', name, dir), warnings };
  checkConsistency(project);
  const cycle = findCycle(project);
  if (cycle) throw new ComposeFailure({ kind: 'project', message: cycle, line: 1, col: 1 });
  return project;
}

/** Loads one compose file. Never throws: every problem is a ComposeError with its line and column. */
export function loadProject(opts: LoadOptions): Result<ComposeProject, ComposeError> {
  const tree = parseTree(opts.text);
  if (!tree.ok) return tree;
  try {
    return ok(build(opts, tree.value));
  } catch (e) {
    if (e instanceof ComposeFailure) return err(e.error);
    return err({ kind: 'project', message: String(e), line: 1, col: 1 });
  }
}

/** What `docker compose` prints for a load error: schema errors are prefixed with `validating FILE: `. */
export function composeErrorText(e: ComposeError, file: string): string {
  return e.kind === 'schema' ? `validating ${file}: ${e.message}` : e.message;
}

export { schemaFail };
