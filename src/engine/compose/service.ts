/** One `services:` entry, checked against the schema and normalised as compose-go does. */

import { ComposeFailure, expectKeys, expectType, schemaFail, stringList, textOf } from './check';
import { parseShortPort } from './ports';
import { BUILD_KEYS, DEPENDS_KEYS, DEPLOY_KEYS, FILE_REF_KEYS, MOUNT_KEYS, PORT_KEYS, SERVICE_KEYS, SERVICE_NETWORK_KEYS, mustBe } from './schema';
import { entry, scalarText, type Tree } from './tree';
import { splitWords } from './words';
import type { ComposeMount, ComposePort, ComposeService, FileReference, ServiceNetwork } from './types';



function commandOf(t: Tree | undefined, path: string[]): string[] | undefined {
  if (!t || (t.kind === 'scalar' && t.value === null)) return undefined;
  if (t.kind === 'scalar') return splitWords(textOf(t, path, true));
  expectType(t, path, 'array', 'null', 'string');
  return stringList(t, path);
}

function environmentOf(t: Tree | undefined, path: string[]): Array<[string, string | null]> {
  if (!t) return [];
  if (t.kind === 'seq') {
    return t.items.map((i, n) => {
      const text = textOf(i, [...path, String(n)], true);
      const eq = text.indexOf('=');
      return eq < 0 ? [text, null] : [text.slice(0, eq), text.slice(eq + 1)];
    });
  }
  expectType(t, path, 'array', 'object');
  if (t.kind !== 'map') return [];
  return t.entries.map((e) => {
    const v = e.value;
    if (v.kind !== 'scalar') schemaFail(mustBe([...path, e.key], 'boolean', 'null', 'number', 'string'), v.pos);
    return [e.key, v.value === null ? null : String(v.value)];
  });
}

function portsOf(t: Tree | undefined, path: string[]): ComposePort[] {
  if (!t) return [];
  expectType(t, path, 'array');
  if (t.kind !== 'seq') return [];
  const out: ComposePort[] = [];
  t.items.forEach((item, n) => {
    const at = [...path, String(n)];
    if (item.kind === 'map') {
      expectKeys(item, at, PORT_KEYS);
      const target = entry(item, 'target');
      if (!target) schemaFail(`${at.join('.')} missing property 'target'`, item.pos);
      const targetText = textOf(target, [...at, 'target'], true);
      const published = entry(item, 'published');
      const protocol = scalarText(entry(item, 'protocol')) ?? 'tcp';
      const mode = scalarText(entry(item, 'mode')) ?? 'ingress';
      out.push({ target: Number(targetText), published: published ? textOf(published, [...at, 'published'], true) : '', hostIp: scalarText(entry(item, 'host_ip')) ?? '', protocol: protocol === 'udp' ? 'udp' : 'tcp', mode: mode === 'host' ? 'host' : 'ingress' });
      return;
    }
    const spec = textOf(item, at, true);
    const parsed = parseShortPort(spec);
    if (!parsed.ok) throw new ComposeFailure({ kind: 'project', message: parsed.error, line: item.pos.line, col: item.pos.col });
    out.push(...parsed.value);
  });
  return out;
}

/** `SOURCE:TARGET[:MODE]`, a named volume when SOURCE is not a path. */
function shortMount(spec: string, workingDir: string): ComposeMount {
  const parts = spec.split(':');
  if (parts.length === 1) return { type: 'volume', source: '', target: parts[0]!, readOnly: false };
  const [source, target, mode = ''] = parts as [string, string, string?];
  const isPath = source.startsWith('/') || source.startsWith('.') || source.startsWith('~');
  const resolved = !isPath ? source : source.startsWith('/') ? source : `${workingDir}/${source}`.replace(/\/\.\/|\/\.$/g, '/').replace(/\/+$/, '').replace(/\/\.?$/, '');
  return { type: isPath ? 'bind' : 'volume', source: resolved, target, readOnly: mode.split(',').includes('ro') };
}

function mountsOf(t: Tree | undefined, path: string[], workingDir: string): ComposeMount[] {
  if (!t) return [];
  expectType(t, path, 'array');
  if (t.kind !== 'seq') return [];
  return t.items.map((item, n) => {
    const at = [...path, String(n)];
    if (item.kind !== 'map') return shortMount(textOf(item, at), workingDir);
    expectKeys(item, at, MOUNT_KEYS);
    const type = scalarText(entry(item, 'type')) ?? 'volume';
    return { type: type === 'bind' ? 'bind' : 'volume', source: scalarText(entry(item, 'source')) ?? '', target: scalarText(entry(item, 'target')) ?? '', readOnly: entry(item, 'read_only')?.kind === 'scalar' && (entry(item, 'read_only') as { value: unknown }).value === true };
  });
}

function networksOf(t: Tree | undefined, path: string[]): ServiceNetwork[] | undefined {
  if (!t) return undefined;
  if (t.kind === 'seq') return stringList(t, path).map((name) => ({ name, aliases: [] }));
  expectType(t, path, 'array', 'object');
  if (t.kind !== 'map') return [];
  return t.entries.map((e) => {
    if (e.value.kind === 'scalar' && e.value.value === null) return { name: e.key, aliases: [] };
    expectKeys(e.value, [...path, e.key], SERVICE_NETWORK_KEYS);
    const aliases = entry(e.value, 'aliases');
    return { name: e.key, aliases: aliases ? stringList(aliases, [...path, e.key, 'aliases']) : [] };
  });
}

function dependsOf(t: Tree | undefined, path: string[]): string[] {
  if (!t) return [];
  if (t.kind === 'seq') return stringList(t, path);
  expectType(t, path, 'array', 'object');
  if (t.kind !== 'map') return [];
  for (const e of t.entries) if (e.value.kind === 'map') expectKeys(e.value, [...path, e.key], DEPENDS_KEYS);
  return t.entries.map((e) => e.key);
}

function fileRefs(t: Tree | undefined, path: string[], secrets: boolean): FileReference[] {
  if (!t) return [];
  expectType(t, path, 'array');
  if (t.kind !== 'seq') return [];
  return t.items.map((item, n) => {
    const at = [...path, String(n)];
    if (item.kind !== 'map') {
      const source = textOf(item, at);
      return { source, target: secrets ? `/run/secrets/${source}` : `/${source}` };
    }
    expectKeys(item, at, FILE_REF_KEYS);
    const source = textOf(entry(item, 'source') ?? item, [...at, 'source']);
    const target = scalarText(entry(item, 'target'));
    const full = target === undefined ? (secrets ? `/run/secrets/${source}` : `/${source}`) : secrets && !target.startsWith('/') ? `/run/secrets/${target}` : target;
    return { source, target: full };
  });
}

export function loadService(name: string, t: Tree, pos: { line: number; col: number }, workingDir: string): ComposeService {
  const path = ['services', name];
  if (t.kind === 'scalar' && t.value === null) return emptyService(name, pos);
  expectKeys(t, path, SERVICE_KEYS);
  const image = entry(t, 'image');
  const build = entry(t, 'build');
  let buildSpec: ComposeService['build'];
  if (build) {
    if (build.kind === 'scalar') buildSpec = { context: textOf(build, [...path, 'build']), dockerfile: 'Dockerfile' };
    else {
      expectKeys(build, [...path, 'build'], BUILD_KEYS);
      buildSpec = { context: scalarText(entry(build, 'context')) ?? '.', dockerfile: scalarText(entry(build, 'dockerfile')) ?? 'Dockerfile' };
    }
  }
  const deploy = entry(t, 'deploy');
  let replicas = 1;
  if (deploy) {
    expectKeys(deploy, [...path, 'deploy'], DEPLOY_KEYS);
    const r = entry(deploy, 'replicas');
    if (r) {
      expectType(r, [...path, 'deploy', 'replicas'], 'integer');
      replicas = Number((r as { value: number }).value);
    }
  }
  const scale = entry(t, 'scale');
  if (scale) {
    expectType(scale, [...path, 'scale'], 'integer');
    replicas = Number((scale as { value: number }).value);
  }
  const restart = entry(t, 'restart');
  const networks = networksOf(entry(t, 'networks'), [...path, 'networks']);
  const networkMode = entry(t, 'network_mode');
  const s: ComposeService = {
    ...emptyService(name, pos),
    environment: environmentOf(entry(t, 'environment'), [...path, 'environment']),
    ports: portsOf(entry(t, 'ports'), [...path, 'ports']),
    expose: entry(t, 'expose') ? stringList(entry(t, 'expose')!, [...path, 'expose']) : [],
    networks: networks ?? [],
    volumes: mountsOf(entry(t, 'volumes'), [...path, 'volumes'], workingDir),
    dependsOn: dependsOf(entry(t, 'depends_on'), [...path, 'depends_on']),
    restart: restart ? textOf(restart, [...path, 'restart']) : 'no',
    replicas,
    secrets: fileRefs(entry(t, 'secrets'), [...path, 'secrets'], true),
    configs: fileRefs(entry(t, 'configs'), [...path, 'configs'], false),
  };
  if (image) s.image = textOf(image, [...path, 'image'], true);
  if (buildSpec) s.build = buildSpec;
  if (networkMode) s.networkMode = textOf(networkMode, [...path, 'network_mode']);
  const command = commandOf(entry(t, 'command'), [...path, 'command']);
  if (command) s.command = command;
  const entrypoint = commandOf(entry(t, 'entrypoint'), [...path, 'entrypoint']);
  if (entrypoint) s.entrypoint = entrypoint;
  const containerName = entry(t, 'container_name');
  if (containerName) s.containerName = textOf(containerName, [...path, 'container_name']);
  const hostname = entry(t, 'hostname');
  if (hostname) s.hostname = textOf(hostname, [...path, 'hostname']);
  return s;
}

function emptyService(name: string, pos: { line: number; col: number }): ComposeService {
  return { name, environment: [], ports: [], expose: [], networks: [], volumes: [], dependsOn: [], restart: 'no', replicas: 1, secrets: [], configs: [], pos };
}
