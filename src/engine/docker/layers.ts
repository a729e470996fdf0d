/**
 * Image layers: what each layer weighs, the image's history, and new images made from an old
 * one plus a layer of changes (build steps, commit, import). Ids come from content (sha256), so
 * the same Dockerfile and files give the same image id everywhere.
 */
import { sha256Hex } from './layers-sha256';
import type { HistoryEntry, Image } from './types';

/** Catalog images carry only a total size: the base layer holds most of it, the rest is spread by a fixed hash. */
export function layerSizesOf(image: Image): number[] {
  if (image.layerSizes) return image.layerSizes;
  const n = image.layers.length;
  if (n === 1) return [image.size];
  const weights = image.layers.map((l, i) => (i === 0 ? 0 : 1 + (parseInt(l.slice(0, 4), 16) % 97)));
  const rest = Math.round(image.size * 0.35);
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.floor((rest * w) / total));
  sizes[0] = image.size - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

/**
 * History, oldest first. Catalog images get one synthesised from their config (the catalog does
 * not record the upstream Dockerfiles): the root filesystem, one step per further layer, then
 * the metadata steps, all in BuildKit's wording.
 */
export function historyOf(image: Image): HistoryEntry[] {
  if (image.history) return image.history;
  const sizes = layerSizesOf(image);
  const bk = 'buildkit.dockerfile.v0';
  const at = image.created;
  const out: HistoryEntry[] = [{ created: at, createdBy: `ADD rootfs.tar.xz / # buildkit`, size: sizes[0]!, comment: bk, empty: false }];
  for (const e of image.env.filter((v) => !v.startsWith('PATH='))) out.push({ created: at, createdBy: `ENV ${e}`, size: 0, comment: bk, empty: true });
  for (let i = 1; i < image.layers.length; i++) out.push({ created: at, createdBy: `RUN /bin/sh -c set -eux; # ${image.repo} layer ${i + 1} of ${image.layers.length} # buildkit`, size: sizes[i]!, comment: bk, empty: false });
  if (image.workdir) out.push({ created: at, createdBy: `WORKDIR ${image.workdir}`, size: 0, comment: bk, empty: true });
  if (image.entrypoint) out.push({ created: at, createdBy: `ENTRYPOINT ${jsonArgs(image.entrypoint)}`, size: 0, comment: bk, empty: true });
  if (image.exposed.length) out.push({ created: at, createdBy: `EXPOSE map[${image.exposed.map((p) => `${p}:{}`).join(' ')}]`, size: 0, comment: bk, empty: true });
  out.push({ created: at, createdBy: `CMD ${jsonArgs(image.cmd)}`, size: 0, comment: bk, empty: true });
  return out;
}

/** Dockerfile JSON form as the history prints it: ["nginx" "-g" "daemon off;"] (Go's %q of a slice). */
export function jsonArgs(args: string[]): string {
  return `[${args.map((a) => JSON.stringify(a)).join(' ')}]`;
}

/** A layer's id as `docker pull`/`push` print it (12 hex) from what it holds. */
export function layerIdOf(parentLayer: string, what: string): string {
  return sha256Hex(`layer\n${parentLayer}\n${what}`).slice(0, 12);
}

/** The image id: sha256 of its config (here: everything that defines the image, in a fixed order). */
export function imageIdOf(image: Omit<Image, 'id' | 'repo' | 'tag' | 'digest'>): string {
  return sha256Hex(JSON.stringify([image.created, image.cmd, image.entrypoint, image.env, image.exposed, image.workdir, image.layers, image.user ?? '', image.labels ?? {}, image.history ?? []]));
}

/** Bytes a set of files adds to a layer (content only; the catalog's sizes are real images' sizes). */
export function filesSize(files: Record<string, string>): number {
  return Object.values(files).reduce((n, d) => n + new TextEncoder().encode(d).length, 0);
}

export interface LayerChange {
  createdBy: string;
  /** Files the step writes (absent: a metadata-only step, no layer). */
  files?: Record<string, string>;
  /** Extra bytes a step adds beyond its files (packages installed by apt-get). */
  extraSize?: number;
  /** Programs the step installs. */
  programs?: string[];
  comment?: string;
  /** Paths the step deletes from the layers below (whiteouts; with `files`: a layer even if it adds nothing). */
  removed?: string[];
  /** Directories the step makes (empty ones would otherwise be lost). */
  dirs?: string[];
}

/** base + one step: a new layer when the step writes files, a metadata entry otherwise. */
export function withStep(base: Image, step: LayerChange, created: string, config: Partial<Image> = {}): Image {
  const history = [...historyOf(base)];
  const layers = [...base.layers];
  const sizes = [...layerSizesOf(base)];
  let size = base.size;
  const files = { ...(base.files ?? {}) };
  const removed = step.files ? step.removed ?? [] : [];
  let whiteouts = base.whiteouts;
  let dirs = base.dirs;
  if (step.files) {
    const bytes = filesSize(step.files) + (step.extraSize ?? 0);
    layers.push(layerIdOf(layers[layers.length - 1] ?? '', step.createdBy + JSON.stringify(step.files) + (removed.length > 0 || step.dirs?.length ? JSON.stringify([removed, step.dirs ?? []]) : '')));
    sizes.push(bytes);
    size += bytes;
    // A whiteout hides the lower layers' path and all under it; what this layer adds sits above it.
    for (const path of Object.keys(files)) if (removed.some((r) => path === r || path.startsWith(r + '/'))) delete files[path];
    if (removed.length > 0) whiteouts = [...new Set([...(whiteouts ?? []), ...removed])].sort();
    Object.assign(files, step.files);
    const kept = (base.dirs ?? []).filter((d) => !removed.some((r) => d === r || d.startsWith(r + '/')));
    if (kept.length > 0 || (step.dirs ?? []).length > 0) dirs = [...new Set([...kept, ...(step.dirs ?? [])])].sort();
    else dirs = undefined;
  }
  history.push({ created, createdBy: step.createdBy, size: step.files ? sizes[sizes.length - 1]! : 0, comment: step.comment ?? 'buildkit.dockerfile.v0', empty: !step.files });
  const image: Image = { ...base, ...config, layers, layerSizes: sizes, size, files, history, programs: [...new Set([...base.programs, ...(step.programs ?? [])])], ...(whiteouts ? { whiteouts } : {}) };
  if (dirs) image.dirs = dirs;
  else delete image.dirs;
  return image;
}

/** Gives a finished image its content id (and an empty name until tagged). */
export function sealImage(image: Image, repo = '<none>', tag = '<none>'): Image {
  const id = imageIdOf(image);
  return { ...image, id, repo, tag, digest: '' };
}
