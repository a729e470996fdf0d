/**
 * The registry:2 container's side (distribution 2.8): its storage (repositories, tags, manifests)
 * and the HTTP API answers curl and the daemon get: /v2/, /v2/_catalog, /v2/NAME/tags/list,
 * /v2/NAME/manifests/REF (GET, HEAD, DELETE), with distribution's JSON error bodies. Deleting
 * needs REGISTRY_STORAGE_DELETE_ENABLED=true in the container's environment, as in the image.
 * Digests are stable hashes of the content (not SHA-256: the engine has no hashing library).
 */
import type { World } from '../world';
import type { Host, WorldState } from '../net/types';
import { formatIpv4 } from '../net/ipv4';
import { allDaemons } from './daemon';
import { stableHex } from './catalog';
import type { Container, Image } from './types';

export interface StoredManifest {
  digest: string;
  /** The manifest as served (schema 2, 3-space indented as the daemon pushes it). */
  body: string;
  /** The image the manifest describes, to recreate it on pull. */
  image: Image;
}

export interface RegistryRepo {
  /** tag -> manifest digest */
  tags: Record<string, string>;
  manifests: Record<string, StoredManifest>;
  /** Layer digests the registry holds (for "Layer already exists"). */
  blobs: string[];
}

export interface RegistryStore {
  repos: Record<string, RegistryRepo>;
}

type RegistryWorldState = WorldState & { registryServers?: Record<string, RegistryStore> };

/** The storage of one registry container (/var/lib/registry). */
export function registryStoreOf(world: World, hostId: number, c: Container): RegistryStore {
  const state = world.state as RegistryWorldState;
  return ((state.registryServers ??= {})[`${hostId}/${c.id}`] ??= { repos: {} });
}

export function layerDigest(layer: string): string {
  return `sha256:${stableHex(`blob ${layer}`)}`;
}

function layerSize(layer: string): number {
  return 1000 + (parseInt(layer.slice(0, 6), 16) % 30_000_000);
}

/** The schema 2 manifest of an image, as `docker push` uploads it. */
export function manifestOf(image: Image): { body: string; digest: string } {
  const layers = image.layers.map((l) => `      {\n         "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",\n         "size": ${layerSize(l)},\n         "digest": "${layerDigest(l)}"\n      }`);
  const body = `{\n   "schemaVersion": 2,\n   "mediaType": "application/vnd.docker.distribution.manifest.v2+json",\n   "config": {\n      "mediaType": "application/vnd.docker.container.image.v1+json",\n      "size": ${1400 + image.env.length * 60},\n      "digest": "sha256:${image.id}"\n   },\n   "layers": [\n${layers.join(',\n')}\n   ]\n}`;
  return { body, digest: `sha256:${stableHex(`manifest ${body}`)}` };
}

export interface PushResult {
  digest: string;
  size: number;
  /** Per layer (as the image lists them): whether the registry had it already. */
  existed: boolean[];
}

/** Stores the image under repo:tag (what a push does once every blob is uploaded). */
export function storeImage(store: RegistryStore, repo: string, tag: string, image: Image): PushResult {
  const r = (store.repos[repo] ??= { tags: {}, manifests: {}, blobs: [] });
  const allBlobs = new Set(Object.values(store.repos).flatMap((x) => x.blobs));
  const existed = image.layers.map((l) => r.blobs.includes(layerDigest(l)) || allBlobs.has(layerDigest(l)));
  for (const l of image.layers) if (!r.blobs.includes(layerDigest(l))) r.blobs.push(layerDigest(l));
  const m = manifestOf(image);
  r.manifests[m.digest] = { digest: m.digest, body: m.body, image: { ...image } };
  r.tags[tag] = m.digest;
  return { digest: m.digest, size: m.body.length, existed };
}

/** A manifest by tag or digest. */
export function findManifest(store: RegistryStore, repo: string, ref: string): StoredManifest | undefined {
  const r = store.repos[repo];
  if (!r) return undefined;
  const digest = ref.startsWith('sha256:') ? ref : r.tags[ref];
  return digest ? r.manifests[digest] : undefined;
}

export interface RegistryAnswer {
  status: number;
  reason: string;
  headers: string[];
  body: string;
}

const REASONS: Record<number, string> = { 200: 'OK', 202: 'Accepted', 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed' };

function answer(status: number, body: string, date: string, extra: string[] = [], contentType = 'application/json; charset=utf-8'): RegistryAnswer {
  const headers = [`Content-Type: ${contentType}`, 'Docker-Distribution-Api-Version: registry/2.0', ...extra, 'X-Content-Type-Options: nosniff', `Date: ${date}`, `Content-Length: ${body.length}`];
  return { status, reason: REASONS[status] ?? '', headers, body };
}

function errorBody(code: string, message: string, detail?: unknown): string {
  return JSON.stringify({ errors: [{ code, message, ...(detail !== undefined ? { detail } : {}) }] }) + '\n';
}

/** The registry's answer to one HTTP request. */
export function registryHttp(store: RegistryStore, c: Container, method: string, path: string, date: string): RegistryAnswer {
  const deleteEnabled = c.env.some((e) => /^REGISTRY_STORAGE_DELETE_ENABLED=(true|1)$/i.test(e));
  const p = path.split('?')[0]!;
  if (p === '/v2/' || p === '/v2') return answer(200, '{}', date);
  if (p === '/v2/_catalog') return answer(200, JSON.stringify({ repositories: Object.keys(store.repos).sort() }) + '\n', date);
  const tags = /^\/v2\/(.+)\/tags\/list$/.exec(p);
  if (tags) {
    const repo = store.repos[tags[1]!];
    if (!repo) return answer(404, errorBody('NAME_UNKNOWN', 'repository name not known to registry', { name: tags[1] }), date);
    const list = Object.keys(repo.tags).sort();
    return answer(200, JSON.stringify({ name: tags[1], tags: list.length > 0 ? list : null }) + '\n', date);
  }
  const man = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(p);
  if (man) {
    const [, name, ref] = man as unknown as [string, string, string];
    if (method === 'DELETE') {
      if (!deleteEnabled) return answer(405, errorBody('UNSUPPORTED', 'The operation is unsupported.'), date);
      if (!ref.startsWith('sha256:')) return answer(400, errorBody('DIGEST_INVALID', 'provided digest did not match uploaded content'), date);
      const repo = store.repos[name];
      if (!repo || !repo.manifests[ref]) return answer(404, errorBody('MANIFEST_UNKNOWN', 'manifest unknown'), date);
      delete repo.manifests[ref];
      for (const [t, d] of Object.entries(repo.tags)) if (d === ref) delete repo.tags[t];
      return { status: 202, reason: 'Accepted', headers: ['Docker-Distribution-Api-Version: registry/2.0', 'X-Content-Type-Options: nosniff', `Date: ${date}`, 'Content-Length: 0'], body: '' };
    }
    const m = findManifest(store, name, ref);
    if (!m) {
      if (!store.repos[name]) return answer(404, errorBody('NAME_UNKNOWN', 'repository name not known to registry', { name }), date);
      return answer(404, errorBody('MANIFEST_UNKNOWN', 'manifest unknown', ref.startsWith('sha256:') ? undefined : { Tag: ref }), date);
    }
    const headers = [`Docker-Content-Digest: ${m.digest}`, `Etag: "${m.digest}"`];
    const a = answer(200, m.body, date, headers, 'application/vnd.docker.distribution.manifest.v2+json');
    return method === 'HEAD' ? { ...a, body: '' } : a;
  }
  return { status: 404, reason: 'Not Found', headers: ['Content-Type: text/plain; charset=utf-8', 'X-Content-Type-Options: nosniff', `Date: ${date}`, 'Content-Length: 19'], body: '404 page not found\n' };
}

export type RegistryReach = { ok: true; store: RegistryStore } | { ok: false; error: string };

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|::1)$/;

/** `insecure-registries` of the host's /etc/docker/daemon.json (read when the daemon contacts a registry). */
function insecureRegistries(world: World, host: Host): string[] {
  const text = world.state.files[host.id]?.['/etc/docker/daemon.json'];
  if (text === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    const list = (parsed as { 'insecure-registries'?: unknown })['insecure-registries'];
    return Array.isArray(list) ? list.map(String) : [];
  } catch {
    return [];
  }
}

function hostByName(world: World, name: string): Host | undefined {
  const hosts = Object.values(world.state.hosts).filter((h) => h.role === 'linux');
  return hosts.find((h) => h.hostname === name || h.name === name) ?? hosts.find((h) => world.netns(h.rootNsId).addrs.some((a) => a.family === 4 && formatIpv4(a.local) === name));
}

/**
 * What the daemon of `from` reaches at host:port: the storage of the registry:2 container
 * published there, or the error the daemon reports. Loopback registries are spoken to over plain
 * HTTP; any other one over HTTPS first, which a registry:2 without TLS answers in HTTP
 * ("server gave HTTP response to HTTPS client") unless daemon.json lists it in insecure-registries.
 */
export function reachRegistry(world: World, from: Host, hostText: string, port: number): RegistryReach {
  const loopback = LOOPBACK.test(hostText);
  const scheme = loopback ? 'http' : 'https';
  const url = `${scheme}://${hostText}:${port}/v2/`;
  const target = loopback ? from : hostByName(world, hostText);
  if (!target) return { ok: false, error: /^\d+\.\d+\.\d+\.\d+$/.test(hostText) ? `Get "${url}": dial tcp ${hostText}:${port}: connect: no route to host` : `Get "${url}": dial tcp: lookup ${hostText}: no such host` };
  const ip = loopback ? '127.0.0.1' : hostText;
  const daemon = allDaemons(world).find((d) => d.hostId === target.id);
  const up = Object.values(world.state.links).some((l) => l.nsId === target.rootNsId && l.name !== 'lo' && l.adminUp) || loopback;
  const c = daemon?.containers.find((x) => x.state === 'running' && daemon.images.find((i) => i.id === x.imageId)?.service === 'registry' && x.ports.some((p) => p.hostPort === port && p.proto === 'tcp'));
  if (!up) return { ok: false, error: `Get "${url}": dial tcp ${ip}:${port}: connect: no route to host` };
  if (!c) return { ok: false, error: `Get "${url}": dial tcp ${ip}:${port}: connect: connection refused` };
  if (!loopback && !insecureRegistries(world, from).includes(`${hostText}:${port}`)) return { ok: false, error: `Get "${url}": http: server gave HTTP response to HTTPS client` };
  return { ok: true, store: registryStoreOf(world, target.id, c) };
}
