/**
 * Managed plugins (`docker plugin`): an offline catalog of plugins that can be "pulled", their
 * state per daemon (installed, enabled, reference counts from volumes), and the driver lookups
 * the volume and network code ask. Error texts are moby's (plugin/errors.go).
 */
import { err, ok, type Result } from '../../common/result';
import type { World } from '../world';
import { stableHex } from './catalog';
import type { DaemonState } from './types';
import { volumesOf } from './volumes';

export interface PluginCatalogEntry {
  repo: string;
  tags: string[];
  description: string;
  /** The interface the plugin implements. */
  type: 'volumedriver' | 'netdriver';
  /** What the install prompt lists: [privilege, value]. */
  privileges: Array<[string, string]>;
  layers: number;
}

const CATALOG: PluginCatalogEntry[] = [
  { repo: 'vieux/sshfs', tags: ['latest', 'next'], description: 'sshFS plugin for Docker', type: 'volumedriver', privileges: [['network', '[host]'], ['mount', '[/var/lib/docker/plugins/]'], ['mount', '[]'], ['device', '[/dev/fuse]'], ['capabilities', '[CAP_SYS_ADMIN]']], layers: 1 },
  { repo: 'weaveworks/net-plugin', tags: ['latest_release', '2.8.1'], description: 'Weave Net plugin for Docker', type: 'netdriver', privileges: [['network', '[host]'], ['mount', '[/proc/]'], ['mount', '[/var/run/docker.sock]'], ['mount', '[/var/lib/]'], ['mount', '[/etc/]'], ['mount', '[/lib/modules/]'], ['capabilities', '[CAP_SYS_ADMIN CAP_NET_ADMIN CAP_SYS_MODULE]']], layers: 1 },
];

export interface Plugin {
  id: string;
  /** repo:tag as the daemon names it ("vieux/sshfs:latest"), or the --alias. */
  name: string;
  reference: string;
  enabled: boolean;
  type: PluginCatalogEntry['type'];
  description: string;
  /** KEY=VALUE settings given at install or with `plugin set`. */
  env: string[];
}

type PluginDaemon = DaemonState & { plugins?: Plugin[] };

export function pluginsOf(daemon: DaemonState): Plugin[] {
  return ((daemon as PluginDaemon).plugins ??= []);
}

/** "vieux/sshfs" -> "vieux/sshfs:latest" (a plugin reference defaults to :latest). */
export function fullName(ref: string): string {
  const slash = ref.lastIndexOf('/');
  return ref.lastIndexOf(':') > slash ? ref : `${ref}:latest`;
}

export function catalogEntry(ref: string): { entry: PluginCatalogEntry; tag: string } | undefined {
  const full = fullName(ref.replace(/^docker\.io\//, ''));
  const colon = full.lastIndexOf(':');
  const repo = full.slice(0, colon);
  const tag = full.slice(colon + 1);
  const entry = CATALOG.find((e) => e.repo === repo && e.tags.includes(tag));
  return entry ? { entry, tag } : undefined;
}

/** By name (with or without :latest), alias, full id or unique id prefix. */
export function findPlugin(daemon: DaemonState, ref: string): Plugin | undefined {
  const list = pluginsOf(daemon);
  const byName = list.find((p) => p.name === ref || p.name === fullName(ref));
  if (byName) return byName;
  const byId = list.filter((p) => p.id.startsWith(ref));
  return byId.length === 1 ? byId[0] : undefined;
}

export function notFound(ref: string): string {
  return `plugin ${JSON.stringify(ref)} not found`;
}

export function installPlugin(world: World, daemon: DaemonState, ref: string, alias: string | undefined, env: string[], enable: boolean): Result<Plugin> {
  const found = catalogEntry(ref);
  const repo = ref.replace(/:.*$/, '');
  if (!found) return err(`pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`);
  const name = alias ? fullName(alias) : fullName(ref);
  if (pluginsOf(daemon).some((p) => p.name === name)) return err(`plugin ${name} already exists`);
  const plugin: Plugin = { id: stableHex(`plugin ${name} ${world.rng.int(0, 1 << 30)}`), name, reference: `docker.io/${fullName(ref)}`, enabled: enable, type: found.entry.type, description: found.entry.description, env };
  pluginsOf(daemon).push(plugin);
  world.changed();
  return ok(plugin);
}

export function layersOf(ref: string): string[] {
  const found = catalogEntry(ref);
  return found ? Array.from({ length: found.entry.layers }, (_, i) => stableHex(`plugin layer ${found.entry.repo} ${i}`, 12)) : [];
}

export function pluginDigest(ref: string): string {
  return `sha256:${stableHex(`plugin digest ${fullName(ref)}`)}`;
}

/** The daemon's answer when a volume or network names a driver: null when it may be used. */
export function driverError(daemon: DaemonState, driver: string, type: Plugin['type']): string | null {
  const p = findPlugin(daemon, driver);
  if (!p || p.type !== type) return notFound(driver);
  if (!p.enabled) return `plugin ${driver} found but disabled`;
  return null;
}

/** Volumes whose driver is the plugin: it cannot be disabled (or force-removed) while any exists. */
export function pluginInUse(daemon: DaemonState, p: Plugin): boolean {
  return volumesOf(daemon).some((v) => v.driver === p.name);
}
