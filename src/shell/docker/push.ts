/**
 * `docker push` to a registry:2 container published on the host (`localhost:5000/app`), and
 * `docker pull` back from it; Docker Hub names are refused as for a client that is not logged in.
 * The registry's storage is the registry container's (engine/docker/registry-server.ts).
 */
import { parseImageRef, type ImageRef } from '../../engine/docker/catalog';
import { findManifest, reachRegistry, storeImage, type RegistryStore } from '../../engine/docker/registry-server';
import { Output, fail, type CommandResult } from '../types';
import { argsError, usageError, type DockerCtx, errorResponse } from './context';
import { has, parseFlags, flagSpecs } from './flags';
import { fullName, tagImage } from './build-tags';

/** "localhost:5000/app" -> host, port, path; undefined for Docker Hub names. */
export function registryOf(ref: ImageRef): { host: string; port: number; path: string } | undefined {
  const first = ref.repo.split('/')[0]!;
  if (!ref.repo.includes('/') || !(first.includes('.') || first.includes(':') || first === 'localhost')) return undefined;
  const [host, port] = first.split(':');
  return { host: host!, port: port === undefined ? 443 : Number(port), path: ref.repo.slice(first.length + 1) };
}

/** The running registry container a host:port reaches (this host's or another's, see reachRegistry), with its storage. */
function registryStore(d: DockerCtx, host: string, port: number): RegistryStore | undefined {
  const reach = reachRegistry(d.sh.world, d.sh.host, host, port);
  return reach.ok ? reach.store : undefined;
}

/** Why the daemon could not talk to the registry (refused, no route, HTTPS to a plain-HTTP registry). */
function refused(d: DockerCtx, host: string, port: number): string {
  const reach = reachRegistry(d.sh.world, d.sh.host, host, port);
  return reach.ok ? '' : reach.error;
}

export function dockerPush(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('a|all-tags q|quiet disable-content-trust platform='), true);
  if (!parsed.ok) return usageError('push', parsed.error);
  const [name, ...extra] = parsed.value.args;
  if (name === undefined || extra.length > 0) return argsError('push', '[OPTIONS] NAME[:TAG]', 'Upload an image to a registry', 'exactly 1 argument');
  const ref = parseImageRef(name);
  if (!ref) return fail('invalid reference format', 1);
  const tags = has(parsed.value, 'all-tags') ? d.daemon.images.filter((i) => i.repo === ref.repo) : d.daemon.images.filter((i) => i.repo === ref.repo && i.tag === ref.tag);
  const out = new Output();
  const quiet = has(parsed.value, 'quiet');
  const repoName = fullName(ref).replace(/:[^:/]+$/, '');
  // Recorded (CLI 28.2, Engine 26.1): both lines come before the daemon looks for the image.
  if (ref.defaulted && !has(parsed.value, 'all-tags') && !quiet) out.line('Using default tag: latest');
  if (!quiet) out.line(`The push refers to repository [${repoName}]`);
  if (tags.length === 0) return { stdout: out.stdout, stderr: `An image does not exist locally with the tag: ${ref.repo}\n`, exitCode: 1 };
  const reg = registryOf(ref);
  const store = reg ? registryStore(d, reg.host, reg.port) : undefined;
  if (reg && !store) return { stdout: out.stdout, stderr: refused(d, reg.host, reg.port) + '\n', exitCode: 1 };
  for (const image of tags) {
    const layers = image.layers.slice().reverse();
    if (!store) {
      if (!quiet) for (const l of layers) out.line(`${l}: Preparing`);
      return { stdout: out.stdout, stderr: 'denied: requested access to the resource is denied\n', exitCode: 1 };
    }
    const result = storeImage(store, reg!.path, image.tag, image);
    if (!quiet) {
      for (const l of layers) out.line(`${l}: Preparing`);
      layers.forEach((l) => out.line(`${l}: ${result.existed[image.layers.indexOf(l)] ? 'Layer already exists' : 'Pushed'}`));
      out.line(`${image.tag}: digest: ${result.digest} size: ${result.size}`);
    }
  }
  if (quiet) out.line(fullName({ ...ref, defaulted: false }).replace(/^docker\.io\/(library\/)?/, ''));
  d.sh.world.changed();
  return out.done(0);
}

/** `docker pull localhost:5000/app`: from the registry container, or its connection error. */
export function pullFromRegistry(d: DockerCtx, ref: ImageRef, quiet: boolean): CommandResult | undefined {
  const reg = registryOf(ref);
  if (!reg) return undefined;
  const store = registryStore(d, reg.host, reg.port);
  const out = new Output();
  if (ref.defaulted && !quiet) out.line('Using default tag: latest');
  if (!store) return { stdout: out.stdout, stderr: errorResponse(`${refused(d, reg.host, reg.port)}\n`), exitCode: 1 };
  const m = findManifest(store, reg.path, ref.tag);
  if (!m) return { stdout: out.stdout, stderr: errorResponse(`manifest for ${ref.repo}:${ref.tag} not found: manifest unknown: manifest unknown\n`), exitCode: 1 };
  const present = d.daemon.images.find((i) => i.repo === ref.repo && i.tag === ref.tag && i.id === m.image.id);
  if (!quiet) {
    out.line(`${ref.tag}: Pulling from ${reg.path}`);
    if (!present) {
      const here = new Set(d.daemon.images.flatMap((i) => i.layers));
      for (const l of m.image.layers) out.line(`${l}: ${here.has(l) ? 'Already exists' : 'Pull complete'}`);
    }
    out.line(`Digest: ${m.digest}`);
    out.line(present ? `Status: Image is up to date for ${ref.repo}:${ref.tag}` : `Status: Downloaded newer image for ${ref.repo}:${ref.tag}`);
  }
  if (!present) tagImage(d.daemon, { ...m.image, digest: m.digest }, ref);
  out.line(`${ref.repo}:${ref.tag}`);
  d.sh.world.changed();
  return out.done(0);
}
