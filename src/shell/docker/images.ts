/** docker pull / images / rmi: the offline catalog as a registry. */
import { findInCatalog, parseImageRef, type ImageRef } from '../../engine/docker/catalog';
import type { DaemonState, Image } from '../../engine/docker/types';
import type { World } from '../../engine/world';
import { Output, type CommandResult, success } from '../types';
import { argsError, daemonError, usageError, type DockerCtx, errorResponse } from './context';
import { has, parseFlags, flagSpecs } from './flags';
import { humanDuration, humanSize } from './human';
import { tabwrite } from './table';
import { pullFromRegistry } from './push';
import { imageFilters } from './prune-images';

export type PullOutcome = { ok: true; image: Image; lines: string[] } | { ok: false; error: string };

export function localImage(daemon: DaemonState, ref: ImageRef): Image | undefined {
  return daemon.images.find((i) => i.repo === ref.repo && i.tag === ref.tag);
}

/** Image by reference, id or id prefix. */
export function findImage(daemon: DaemonState, text: string): Image | undefined {
  const ref = parseImageRef(text);
  const byRef = ref ? localImage(daemon, ref) : undefined;
  if (byRef) return byRef;
  const hex = text.replace(/^sha256:/, '');
  return hex.length >= 1 ? daemon.images.find((i) => i.id.startsWith(hex)) : undefined;
}

/** Pulls from the catalog: the progress lines as a terminal shows them at the end, or the registry's error. */
export function pull(daemon: DaemonState, ref: ImageRef): PullOutcome {
  const found = findInCatalog(ref);
  const name = `${ref.repo}:${ref.tag}`;
  if (found.kind === 'no-repo') return { ok: false, error: `pull access denied for ${ref.repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied` };
  if (found.kind === 'no-tag') return { ok: false, error: `manifest for ${name} not found: manifest unknown: manifest unknown` };
  const image = found.image;
  const lines = [`${ref.tag}: Pulling from library/${ref.repo}`];
  const present = localImage(daemon, ref);
  if (present) {
    lines.push(`Digest: ${image.digest}`, `Status: Image is up to date for ${name}`);
    return { ok: true, image: present, lines };
  }
  const layersHere = new Set(daemon.images.flatMap((i) => i.layers));
  for (const layer of image.layers) lines.push(`${layer}: ${layersHere.has(layer) ? 'Already exists' : 'Pull complete'}`);
  lines.push(`Digest: ${image.digest}`, `Status: Downloaded newer image for ${name}`);
  daemon.images.push(image);
  return { ok: true, image, lines };
}

export function dockerPull(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('q|quiet a|all-tags platform='), true);
  if (!parsed.ok) return usageError('pull', parsed.error);
  const [text, ...extra] = parsed.value.args;
  if (text === undefined || extra.length > 0) return argsError('pull', '[OPTIONS] NAME[:TAG|@DIGEST]', 'Download an image from a registry', 'exactly 1 argument');
  const ref = parseImageRef(text);
  if (!ref) return usageError('pull', `invalid reference format`);
  const fromRegistry = pullFromRegistry(d, ref, has(parsed.value, 'quiet'));
  if (fromRegistry) return fromRegistry;
  const result = pull(d.daemon, ref);
  d.sh.world.changed();
  const out = new Output();
  if (!has(parsed.value, 'quiet')) {
    if (ref.defaulted) out.line('Using default tag: latest');
    for (const l of result.ok ? result.lines : [`${ref.tag}: Pulling from library/${ref.repo}`].slice(0, 0)) out.line(l);
  }
  if (!result.ok) return { ...out.done(0), ...daemonError(result.error), stdout: out.stdout };
  out.line(`docker.io/library/${ref.repo}:${ref.tag}`);
  return out.done(0);
}

/** dockerd sorts the list by Created in whole seconds, newest first; ties keep the store's order. */
function createdSecond(i: Image): number {
  return Math.floor(Date.parse(i.created) / 1000);
}

export function dockerImages(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('q|quiet a|all no-trunc digests format= f|filter='), true);
  if (!parsed.ok) return usageError('images', parsed.error);
  const [repoFilter] = parsed.value.args;
  const filters = imageFilters(d.daemon, parsed.value.flags['filter'] ?? []);
  if (typeof filters === 'string') return daemonError(filters);
  const images = d.daemon.images.filter((i) => repoFilter === undefined || i.repo === repoFilter || `${i.repo}:${i.tag}` === repoFilter).filter((i) => filters.every((f) => f(i))).slice().sort((a, b) => createdSecond(b) - createdSecond(a));
  const noTrunc = has(parsed.value, 'no-trunc');
  const id = (i: Image) => (noTrunc ? 'sha256:' + i.id : i.id.slice(0, 12));
  if (has(parsed.value, 'quiet')) return success([...new Set(images.map(id))].map((x) => x + '\n').join(''));
  const now = epochNow(d.sh.world);
  const rows = [['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE']];
  for (const i of images) rows.push([i.repo, i.tag, id(i), `${humanDuration(now - Date.parse(i.created))} ago`, humanSize(i.size)]);
  return success(tabwrite(rows));
}

export function dockerRmi(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('f|force no-prune'), true);
  if (!parsed.ok) return usageError('rmi', parsed.error);
  if (parsed.value.args.length === 0) return argsError('rmi', '[OPTIONS] IMAGE [IMAGE...]', 'Remove one or more images');
  const out = new Output();
  let code = 0;
  for (const text of parsed.value.args) {
    const image = findImage(d.daemon, text);
    if (!image) {
      out.err(errorResponse(`No such image: ${text}`));
      code = 1;
      continue;
    }
    const user = d.daemon.containers.find((c) => c.imageId === image.id);
    if (user && !has(parsed.value, 'force')) {
      out.err(errorResponse(`conflict: unable to remove repository reference "${text}" (must force) - container ${user.id.slice(0, 12)} is using its referenced image ${image.id.slice(0, 12)}`));
      code = 1;
      continue;
    }
    d.daemon.images = d.daemon.images.filter((i) => i !== image);
    if (image.repo !== '<none>') out.line(`Untagged: ${image.repo}:${image.tag}`);
    if (!d.daemon.images.some((i) => i.id === image.id)) {
      if (image.digest && image.repo !== '<none>') out.line(`Untagged: ${image.repo}@${image.digest}`);
      out.line(`Deleted: sha256:${image.id}`);
    }
  }
  d.sh.world.changed();
  return out.done(code);
}

export function epochNow(world: World): number {
  return world.clock.epoch + world.clock.now();
}
