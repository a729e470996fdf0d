/** Image filters (`images --filter`, `image prune --filter`) and `docker image prune` (docker/cli cli/command/image/prune.go). */
import { layerSizesOf } from '../../engine/docker/layers';
import { sha256Hex } from '../../engine/docker/layers-sha256';
import type { DaemonState, Image } from '../../engine/docker/types';
import { Output, fail, type CommandResult } from '../types';
import { argsError, usageError, type DockerCtx, errorResponse } from './context';
import { all, has, parseFlags, flagSpecs } from './flags';
import { humanSize } from './human';
import { confirmPrune } from './prune-prompt';
import { isDangling } from './build-tags';

export type ImageFilter = (i: Image) => boolean;

/** dangling=, reference=, label=; the daemon's errors for the rest. */
export function imageFilters(daemon: DaemonState, specs: string[]): ImageFilter[] | string {
  const out: ImageFilter[] = [];
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq < 0) return `bad format of filter (expected name=value)`;
    const key = spec.slice(0, eq);
    const value = spec.slice(eq + 1);
    if (key === 'dangling') {
      if (!/^(true|false|1|0)$/i.test(value)) return `Invalid filter 'dangling=${value}'`;
      const want = /^(true|1)$/i.test(value);
      out.push((i) => isDangling(daemon, i) === want);
    } else if (key === 'reference') {
      const re = new RegExp('^' + value.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*') + '$');
      out.push((i) => i.repo !== '<none>' && (re.test(i.repo) || re.test(`${i.repo}:${i.tag}`)));
    } else if (key === 'label') {
      const [k, v] = value.includes('=') ? [value.slice(0, value.indexOf('=')), value.slice(value.indexOf('=') + 1)] : [value, undefined];
      out.push((i) => i.labels !== undefined && k in i.labels && (v === undefined || i.labels[k] === v));
    } else if (key === 'before' || key === 'since') {
      const ref = daemon.images.find((i) => i.id.startsWith(value.replace(/^sha256:/, '')) || `${i.repo}:${i.tag}` === value || (i.repo === value && i.tag === 'latest'));
      if (!ref) return `No such image: ${value}`;
      const at = Date.parse(ref.created);
      out.push((i) => (key === 'before' ? Date.parse(i.created) < at : Date.parse(i.created) > at));
    } else return `invalid filter '${key}'`;
  }
  return out;
}

/**
 * Layers (as chain ids, topmost first) that no remaining image shares and the build cache does not
 * hold: what removing `gone` frees. A layer a build step made stays with BuildKit's cache record
 * (recorded: pruning a rebuilt image's old version deletes the image, reclaims 0B).
 */
export function freedLayers(remaining: Image[], gone: Image, cached: Iterable<Image> = []): Array<{ id: string; size: number }> {
  const kept = new Set([...remaining, ...cached].flatMap((i) => i.layers));
  const sizes = layerSizesOf(gone);
  const out: Array<{ id: string; size: number }> = [];
  for (let n = gone.layers.length - 1; n >= 0; n--) {
    if (kept.has(gone.layers[n]!)) continue;
    out.push({ id: sha256Hex(`chain ${gone.layers.slice(0, n + 1).join(' ')}`), size: sizes[n] ?? 0 });
  }
  return out;
}

export function dockerImagePrune(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('a|all f|force filter='), true);
  if (!parsed.ok) return usageError('image prune', parsed.error);
  const p = parsed.value;
  if (p.args.length > 0) return argsError('image prune', '[OPTIONS]', 'Remove unused images', 'no arguments');
  const filters = imageFilters(d.daemon, all(p, 'filter'));
  if (typeof filters === 'string') return fail(errorResponse(filters), 1);
  const everything = has(p, 'all');
  const warning = everything ? 'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue?' : 'WARNING! This will remove all dangling images.\nAre you sure you want to continue?';
  const out = new Output();
  if (!has(p, 'force') && !confirmPrune(d, warning, out)) return out.done(0);
  const used = new Set(d.daemon.containers.map((c) => c.imageId));
  const ids = [...new Set(d.daemon.images.filter((i) => !used.has(i.id) && (everything || isDangling(d.daemon, i)) && filters.every((f) => f(i))).map((i) => i.id))];
  const lines: string[] = [];
  let reclaimed = 0;
  for (const id of ids) {
    const entries = d.daemon.images.filter((i) => i.id === id);
    for (const e of entries) {
      if (e.repo === '<none>') continue;
      lines.push(`untagged: ${e.repo}:${e.tag}`);
      if (e.digest) lines.push(`untagged: ${e.repo}@${e.digest}`);
    }
    d.daemon.images = d.daemon.images.filter((i) => i.id !== id);
    lines.push(`deleted: sha256:${id}`);
    for (const layer of freedLayers(d.daemon.images, entries[0]!, Object.values(d.daemon.buildCache ?? {}))) {
      lines.push(`deleted: sha256:${layer.id}`);
      reclaimed += layer.size;
    }
  }
  if (lines.length > 0) out.line(`Deleted Images:\n${lines.map((l) => l + '\n').join('')}`);
  out.line(`Total reclaimed space: ${humanSize(reclaimed, 4)}`);
  d.sh.world.changed();
  return out.done(0);
}
