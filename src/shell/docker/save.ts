/**
 * Images and containers as tar files in the simulated filesystem: `docker save` / `load`
 * (Engine 25+ writes the OCI layout: oci-layout, index.json, manifest.json, repositories,
 * blobs/sha256/…) and `docker export` / `import` (a container's whole filesystem as one layer).
 */
import { utcParts } from '../../common/clock';
import { findContainer, imageOf } from '../../engine/docker/containers';
import { parseImageRef } from '../../engine/docker/catalog';
import { decodeTar, encodeTar, type TarEntry } from '../../engine/docker/layers-tar';
import { deletedInLayer, layerFiles } from '../../engine/docker/fs-layer';
import { historyOf, layerIdOf, sealImage } from '../../engine/docker/layers';
import { sha256Hex } from '../../engine/docker/layers-sha256';
import type { Image } from '../../engine/docker/types';
import { resolvePath } from '../fs';
import { Output, fail, type CommandResult, success } from '../types';
import { argsError, usageError, type DockerCtx, errorResponse } from './context';
import { all, last, parseFlags, flagSpecs } from './flags';
import { applyChange } from './commit';
import { findImage } from './images';
import { tagImage } from './build-tags';

/** Writes to -o FILE or stdout (the client refuses only a terminal, which a script never is). */
function emit(d: DockerCtx, output: string | undefined, tar: string): CommandResult {
  if (output === undefined) return success(tar);
  const error = d.sh.fs.write(resolvePath(d.sh.cwd, output), tar, false, d.sh.ns);
  if (error) return fail(`failed to save image: invalid output path: open ${output}: ${error === 'EISDIR' ? 'is a directory' : 'read-only file system'}`, 1);
  return success();
}

function readInput(d: DockerCtx, input: string | undefined): string | CommandResult {
  if (input === undefined || input === '-') return d.sh.stdin;
  const r = d.sh.fs.read(resolvePath(d.sh.cwd, input), d.sh.ns);
  if (!r.ok) return fail(`open ${input}: no such file or directory`, 1);
  return r.data;
}

/** The config blob: the image's config JSON (what the simulator needs to rebuild it rides along). */
function configJson(i: Image): string {
  return JSON.stringify({ architecture: 'amd64', config: { Env: i.env, Cmd: i.cmd, Entrypoint: i.entrypoint, WorkingDir: i.workdir, User: i.user ?? '', Labels: i.labels ?? null, ExposedPorts: Object.fromEntries(i.exposed.map((p) => [p, {}])) }, created: i.created, history: historyOf(i).map((h) => ({ created: h.created, created_by: h.createdBy, comment: h.comment, ...(h.empty ? { empty_layer: true } : {}) })), os: 'linux', rootfs: { type: 'layers', diff_ids: i.layers.map((l) => `sha256:${sha256Hex(`diff ${l}`)}`) }, vethlab: i });
}

export function dockerSave(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('o|output= platform='), true);
  if (!parsed.ok) return usageError('save', parsed.error);
  const names = parsed.value.args;
  if (names.length === 0) return argsError('save', '[OPTIONS] IMAGE [IMAGE...]', 'Save one or more images to a tar archive (streamed to STDOUT by default)');
  const images: Array<{ image: Image; tag?: string }> = [];
  for (const n of names) {
    const image = findImage(d.daemon, n);
    if (!image) return fail(errorResponse(`No such image: ${n}`), 1);
    const ref = parseImageRef(n);
    images.push({ image, ...(ref && !/^[0-9a-f]{6,64}$/.test(n) ? { tag: `${ref.repo}:${ref.tag}` } : {}) });
  }
  const entries: TarEntry[] = [{ path: 'blobs', data: '', dir: true }, { path: 'blobs/sha256', data: '', dir: true }];
  const manifest: unknown[] = [];
  const repositories: Record<string, Record<string, string>> = {};
  for (const { image, tag } of images) {
    const config = configJson(image);
    entries.push({ path: `blobs/sha256/${image.id}`, data: config });
    const layers = image.layers.map((l) => `blobs/sha256/${sha256Hex(`diff ${l}`)}`);
    for (const l of layers) if (!entries.some((e) => e.path === l)) entries.push({ path: l, data: '' });
    manifest.push({ Config: `blobs/sha256/${image.id}`, RepoTags: tag ? [tag] : null, Layers: layers });
    if (tag) (repositories[tag.slice(0, tag.lastIndexOf(':'))] ??= {})[tag.slice(tag.lastIndexOf(':') + 1)] = image.id;
  }
  entries.push({ path: 'index.json', data: JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [] }) + '\n' });
  entries.push({ path: 'manifest.json', data: JSON.stringify(manifest) + '\n' });
  entries.push({ path: 'oci-layout', data: '{"imageLayoutVersion": "1.0.0"}' });
  entries.push({ path: 'repositories', data: JSON.stringify(repositories) + '\n' });
  return emit(d, last(parsed.value, 'output'), encodeTar(entries));
}

export function dockerLoad(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('i|input= q|quiet platform='), true);
  if (!parsed.ok) return usageError('load', parsed.error);
  if (parsed.value.args.length > 0) return argsError('load', '[OPTIONS]', 'Load an image from a tar archive or STDIN', 'no arguments');
  const data = readInput(d, last(parsed.value, 'input'));
  if (typeof data !== 'string') return data;
  if (data === '') return fail('requested load from stdin, but stdin is empty', 1);
  const entries = decodeTar(data);
  const manifestEntry = entries?.find((e) => e.path === 'manifest.json');
  if (!entries || !manifestEntry) return fail(errorResponse('unexpected EOF'), 1);
  const out = new Output();
  const manifest = JSON.parse(manifestEntry.data) as Array<{ Config: string; RepoTags: string[] | null }>;
  for (const m of manifest) {
    const blob = entries.find((e) => e.path === m.Config);
    const image = blob ? (JSON.parse(blob.data) as { vethlab?: Image }).vethlab : undefined;
    if (!image) return fail(errorResponse('unexpected EOF'), 1);
    if (!m.RepoTags || m.RepoTags.length === 0) {
      if (!d.daemon.images.some((i) => i.id === image.id)) d.daemon.images.push({ ...image, repo: '<none>', tag: '<none>' });
      out.line(`Loaded image ID: sha256:${image.id}`);
      continue;
    }
    for (const tag of m.RepoTags) {
      const ref = parseImageRef(tag)!;
      const old = d.daemon.images.find((i) => i.repo === ref.repo && i.tag === ref.tag);
      if (old && old.id !== image.id) out.line(`The image ${tag} already exists, renaming the old one with ID sha256:${old.id} to empty string`);
      tagImage(d.daemon, image, ref);
      out.line(`Loaded image: ${tag}`);
    }
  }
  d.sh.world.changed();
  return out.done(0);
}

/** Programs as the files a root filesystem holds them in. */
function programEntries(image: Image | undefined): TarEntry[] {
  return (image?.programs ?? []).map((p) => ({ path: `usr/bin/${p}`, data: '' }));
}

export function dockerExport(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('o|output='), true);
  if (!parsed.ok) return usageError('export', parsed.error);
  if (parsed.value.args.length !== 1) return argsError('export', '[OPTIONS] CONTAINER', "Export a container's filesystem as a tar archive", 'exactly 1 argument');
  const ref = parsed.value.args[0]!;
  const c = findContainer(d.daemon, ref);
  if (!c) return fail(errorResponse(`No such container: ${ref}`), 1);
  const image = imageOf(d.daemon, c);
  // The image's files less what the container deleted (docker diff D), then its own.
  const kept = Object.entries(image?.files ?? {}).filter(([p]) => !deletedInLayer(c, p));
  const files = { ...Object.fromEntries(kept), ...layerFiles(c) };
  const entries: TarEntry[] = [...programEntries(image), ...Object.entries(files).filter(([p]) => !p.startsWith('/usr/bin/')).map(([p, data]) => ({ path: p.replace(/^\//, ''), data }))];
  entries.sort((a, b) => (a.path < b.path ? -1 : 1));
  return emit(d, last(parsed.value, 'output'), encodeTar(entries));
}

export function dockerImport(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('c|change= m|message= platform='), true);
  if (!parsed.ok) return usageError('import', parsed.error);
  const [file, name, ...extra] = parsed.value.args;
  if (file === undefined || extra.length > 0) return argsError('import', '[OPTIONS] file|URL|- [REPOSITORY[:TAG]]', 'Import the contents from a tarball to create a filesystem image', 'at least 1 and at most 2 arguments');
  const target = name === undefined ? undefined : parseImageRef(name);
  if (name !== undefined && !target) return fail(`invalid reference format`, 1);
  const data = readInput(d, file);
  if (typeof data !== 'string') return data;
  const entries = decodeTar(data);
  if (!entries) return fail(errorResponse('archive/tar: invalid tar header'), 1);
  const files: Record<string, string> = {};
  const programs: string[] = [];
  for (const e of entries) {
    if (e.dir) continue;
    const prog = /^(?:usr\/)?(?:s?bin)\/([^/]+)$/.exec(e.path);
    if (prog && e.data === '') programs.push(prog[1]!);
    else files['/' + e.path] = e.data;
  }
  const now = utcParts(d.sh.world.clock.epoch + d.sh.world.clock.now()).iso;
  const size = data.length - 1024;
  const layer = layerIdOf('', data);
  const comment = last(parsed.value, 'message') ?? 'Imported from -';
  let draft: Image = { repo: '<none>', tag: '<none>', id: '', digest: '', size, created: now, cmd: [], entrypoint: null, env: [], exposed: [], workdir: '', layers: [layer], layerSizes: [size], programs, service: 'shell', files, history: [{ created: now, createdBy: '', size, comment, empty: false }], comment };
  for (const change of all(parsed.value, 'change')) {
    const next = applyChange(draft, change);
    if (typeof next === 'string') return fail(errorResponse(next), 1);
    draft = next;
  }
  const image = sealImage(draft);
  if (target) tagImage(d.daemon, image, target);
  else d.daemon.images.push(image);
  d.sh.world.changed();
  return success(`sha256:${image.id}\n`);
}
