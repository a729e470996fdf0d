/**
 * `docker build` as docker/cli 28 with buildx 0.13 runs it on Engine 26.1 (the "default" docker
 * driver, BuildKit 0.13): BuildKit's plain progress on stderr (see build-progress.ts), one layer
 * per RUN/COPY/ADD, cache hits on rebuild, the image tagged with -t, `-q` printing only the image
 * id. BuildKit 0.13's Dockerfile frontend has no build checks: no lint warnings (recorded).
 */
import { utcParts } from '../../common/clock';
import { findInCatalog, parseImageRef } from '../../engine/docker/catalog';
import { parseDockerfile, type Instruction } from '../../engine/docker/build/dockerfile';
import { sealImage } from '../../engine/docker/layers';
import { sha256Hex } from '../../engine/docker/layers-sha256';
import { resolvePath } from '../fs';
import type { Image } from '../../engine/docker/types';
import { fail, type CommandResult } from '../types';
import type { DockerCtx } from './context';
import { all, has, last, parseFlags, type FlagSpec, flagSpecs } from './flags';
import { findImage } from './images';
import { contextTransferBytes, dockerfileTransferBytes, neededFiles, readContext } from './build-context';
import { applyInstruction, type Stage } from './build-stage';
import { errorDetails, logLines, printPlain, sourceExcerpt, status, vertex, type Vertex } from './build-progress';
import { fullName, tagImage } from './build-tags';

const BUILD_FLAGS: FlagSpec[] = flagSpecs(`
  t|tag= f|file= build-arg= no-cache progress= q|quiet label= target= pull rm force-rm network=
  platform= load
`);

const USAGE = `Usage:  docker buildx build [OPTIONS] PATH | URL | -

Start a build`;

export function dockerBuild(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, BUILD_FLAGS, true);
  if (!parsed.ok) return fail(`ERROR: ${parsed.error}`, 1);
  const p = parsed.value;
  if (p.args.length !== 1) return fail(`ERROR: "docker buildx build" requires exactly 1 argument.\nSee 'docker buildx build --help'.\n\n${USAGE}`, 1);
  const progress = last(p, 'progress') ?? 'auto';
  if (!['auto', 'plain', 'tty', 'quiet', 'rawjson'].includes(progress)) return fail(`ERROR: invalid progress mode ${progress}`, 1);
  if (progress === 'tty') return fail('ERROR: failed to get console: provided file is not a console', 1);
  for (const t of all(p, 'tag')) {
    const ref = parseImageRef(t);
    if (!ref) return fail(`ERROR: invalid tag "${t}": ${/[A-Z]/.test(t) ? 'repository name must be lowercase' : 'invalid reference format'}`, 1);
  }
  const dir = resolvePath(d.sh.cwd, p.args[0]!);
  // A directory the simulation only knows from the files written under it counts too (no mkdir needed).
  if (!d.sh.fs.isDirectory(dir) && !(d.sh.fs.list?.(dir)?.length)) return fail(`ERROR: unable to prepare context: path "${p.args[0]}" not found`, 1);
  const file = last(p, 'file');
  const dockerfilePath = file !== undefined ? resolvePath(d.sh.cwd, file) : resolvePath(dir, 'Dockerfile');
  const fileName = file !== undefined ? file.split('/').pop()! : 'Dockerfile';
  const quiet = has(p, 'quiet') || progress === 'quiet';
  const build = runBuild(d, { dir, dockerfilePath, fileName, tags: all(p, 'tag'), buildArgs: all(p, 'build-arg'), labels: all(p, 'label'), noCache: has(p, 'no-cache'), target: last(p, 'target') });
  const stdout = quiet && build.imageId ? `sha256:${build.imageId}\n` : '';
  const stderr = (quiet ? build.stderr.slice(build.stderr.indexOf('\nERROR') + 1 || build.stderr.length) : build.stderr);
  return { stdout, stderr: build.ok ? (quiet ? '' : build.stderr) : stderr, exitCode: build.ok ? 0 : 1 };
}

interface BuildRequest {
  dir: string;
  dockerfilePath: string;
  fileName: string;
  tags: string[];
  buildArgs: string[];
  labels: string[];
  noCache: boolean;
  target?: string | undefined;
}

interface BuildResult {
  ok: boolean;
  stderr: string;
  imageId?: string;
}

/** The steps BuildKit shows as vertices: FROM and what writes files (metadata steps have none). */
const FS_STEPS = new Set(['RUN', 'COPY', 'ADD', 'WORKDIR']);

function runBuild(d: DockerCtx, req: BuildRequest): BuildResult {
  const world = d.sh.world;
  const vertices: Vertex[] = [];
  // Recorded (one build of each kind): a FROM shows DONE when the build exports an image or the
  // base is new to the builder, CACHED when a build from a base it already used fails later on.
  const usedBases: Vertex[] = [];
  const read = d.sh.fs.read(req.dockerfilePath, d.sh.ns);
  const failWith = (message: string, extra = ''): BuildResult => {
    for (const v of usedBases) v.outcome = 'cached';
    return { ok: false, stderr: printPlain(vertices) + extra + `ERROR: failed to solve: ${message}\n` };
  };
  if (!read.ok) {
    vertices.push(vertex(`[internal] load build definition from ${req.fileName}`, 0, [status('transferring dockerfile:', { bytes: 2 })]));
    return failWith(`failed to read dockerfile: open ${req.fileName}: no such file or directory`);
  }
  const source = read.data;
  vertices.push(vertex(`[internal] load build definition from ${req.fileName}`, 0, [status('transferring dockerfile:', { bytes: dockerfileTransferBytes(req.fileName, source) })]));
  const parsedFile = parseDockerfile(source);
  if (!parsedFile.ok) return failWith(parsedFile.message, sourceExcerpt(req.fileName, source, parsedFile.line, parsedFile.endLine));
  const instructions = parsedFile.instructions;
  const stagesInFile = splitStages(instructions);
  const lastIndex = req.target !== undefined ? stagesInFile.findIndex((s) => s.name === req.target) : stagesInFile.length - 1;
  if (lastIndex < 0) return failWith(`target stage "${req.target}" could not be found`);
  const globalArgs: Record<string, string> = {};
  for (const kv of req.buildArgs) globalArgs[`--build-arg:${kv.split('=')[0]}`] = kv.includes('=') ? kv.slice(kv.indexOf('=') + 1) : d.sh.env[kv] ?? '';
  for (const inst of instructions.slice(0, instructions.findIndex((i) => i.keyword === 'FROM'))) {
    const [k, v] = inst.args.includes('=') ? [inst.args.slice(0, inst.args.indexOf('=')), inst.args.slice(inst.args.indexOf('=') + 1)] : [inst.args, ''];
    globalArgs[k] = globalArgs[`--build-arg:${k}`] ?? v;
  }
  // Base images first, as BuildKit resolves them all before running steps.
  const bases: Array<{ image: Image; name: string } | undefined> = [];
  for (const st of stagesInFile.slice(0, lastIndex + 1)) {
    const from = substituteArgs(st.from.args.split(/\s+/)[0]!, globalArgs);
    if (from === 'scratch' || stagesInFile.some((s) => s.name === from)) {
      bases.push(undefined);
      continue;
    }
    const resolved = resolveBase(d, from);
    const meta = vertex(`[internal] load metadata for ${resolved.name}`, resolved.image && resolved.fromCatalog ? 0.5 : 0);
    vertices.push(meta);
    if (!resolved.image) {
      meta.outcome = { error: resolved.error! };
      return failWith(`${from}: failed to resolve source metadata for ${resolved.name}: ${resolved.error}`, errorDetails(meta, req.fileName, source, st.from.startLine, st.from.endLine));
    }
    bases.push({ image: resolved.image, name: resolved.name + (resolved.fromCatalog ? `@${resolved.image.digest}` : '') });
  }
  const named = instructions.filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.flags['from'] === undefined).flatMap((i) => i.args.split(/\s+/).slice(0, -1));
  const ignore = readContext(d.sh.fs, d.sh.ns, req.dir, named);
  vertices.push(vertex('[internal] load .dockerignore', 0, [status('transferring context:', { bytes: ignore.ignoreBytes })]));
  // A step's history time is when its layer was made: a RUN's about 1.3 s after it starts.
  const at = (seconds: number) => utcParts(world.clock.epoch + world.clock.now() + Math.round(seconds * 1000)).iso.replace(/\.\d+Z$/, 'Z');
  const stages: Stage[] = [];
  let contextShown = false;
  let seconds = 0;
  for (let si = 0; si <= lastIndex; si++) {
    const st = stagesInFile[si]!;
    const fsSteps = st.steps.filter((i) => FS_STEPS.has(i.keyword)).length + 1;
    const prefix = stagesInFile.length > 1 ? `${st.name ?? `stage-${si}`} ` : '';
    const base = bases[si];
    const fromName = substituteArgs(st.from.args.split(/\s+/)[0]!, globalArgs);
    const baseImage = base?.image ?? stages.find((s) => s.name === fromName)?.image ?? scratchImage();
    if (base) {
      const seen = sha256Hex(`from seen ${base.image.id}`);
      const from = vertex(`[${prefix}1/${fsSteps}] FROM ${base.name}`, 0);
      if (!req.noCache && d.daemon.buildCache?.[seen]) usedBases.push(from);
      (d.daemon.buildCache ??= {})[seen] = base.image;
      vertices.push(from);
    }
    let stage: Stage = { name: st.name ?? String(si), image: { ...baseImage, labels: { ...(baseImage.labels ?? {}) } }, key: sha256Hex(`from ${baseImage.id}`), args: { ...globalArgs } };
    let n = 1;
    // Recorded: BuildKit loads the context as soon as the stage starts, before its first RUN.
    {
      if (!contextShown && st.steps.some((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.flags['from'] === undefined)) {
        contextShown = true;
        const sent = (d.daemon.buildContext ??= {});
        const files = neededFiles(ignore.files, named);
        const bytes = contextTransferBytes(files, (path, content) => sent[`${req.dir}:${path}`] === sha256Hex(content));
        for (const [path, content] of files) sent[`${req.dir}:${path}`] = sha256Hex(content);
        vertices.push(vertex('[internal] load build context', 0, [status('transferring context:', { bytes })]));
      }
    }
    for (const inst of st.steps) {
      const shown = FS_STEPS.has(inst.keyword);
      if (shown) n++;
      const v = vertex(`[${prefix}${n}/${fsSteps}] ${inst.keyword} ${inst.text.replace(/^\S+\s*/, '')}`, 0);
      if (shown) vertices.push(v);
      const result = applyInstruction(d, stage, inst, ignore.files, stages, at(seconds + (inst.keyword === 'RUN' ? 1.3 : 0)), !req.noCache);
      if (!result.ok) {
        v.logs = result.logs ? logLines(result.logs, 1.2) : [];
        v.outcome = { error: result.error };
        if (!shown) vertices.push(v);
        world.clock.advance(Math.round((seconds + 0.2) * 1000));
        const head = inst.keyword === 'COPY' || inst.keyword === 'ADD' ? 'failed to compute cache key: ' : '';
        return failWith(head + result.error, errorDetails(v, req.fileName, source, inst.startLine, inst.endLine));
      }
      if (shown && result.cached) v.outcome = 'cached';
      if (shown && !result.cached && inst.keyword === 'RUN') {
        // Recorded: a RUN's container takes about 1.2 s to start, the step about 1.3 s.
        v.seconds = 1.3;
        v.logs = result.logs ? logLines(result.logs, 1.2) : [];
      }
      seconds += v.seconds;
      stage = result.stage;
    }
    if (si === lastIndex) reportWholeCacheHit(vertices, st.steps.filter((i) => FS_STEPS.has(i.keyword)).length);
    stages.push(stage);
  }
  const finalStage = stages[stages.length - 1]!;
  let image = finalStage.image;
  if (req.labels.length) image = { ...image, labels: { ...(image.labels ?? {}), ...Object.fromEntries(req.labels.map((l) => [l.split('=')[0]!, l.slice(l.indexOf('=') + 1)])) } };
  const hist = image.history ?? [];
  image = sealImage({ ...image, created: hist[hist.length - 1]?.created ?? image.created, comment: 'buildkit.dockerfile.v0' });
  const fresh = !d.daemon.images.some((i) => i.id === image.id);
  const exporting = vertex('exporting to image', fresh ? 0.1 : 0, [status('exporting layers', { seconds: fresh ? 0.04 : 0 }), status(`writing image sha256:${image.id}`), ...req.tags.map((t) => status(`naming to ${namedAs(t)}`))]);
  vertices.push(exporting);
  seconds += 0.6;
  world.clock.advance(Math.round(seconds * 1000));
  if (req.tags.length === 0) {
    if (fresh) d.daemon.images.push(image);
  } else for (const t of req.tags) tagImage(d.daemon, image, parseImageRef(t)!);
  world.changed();
  return { ok: true, stderr: printPlain(vertices), imageId: image.id };
}

/**
 * When every step of the final stage comes from the cache, BuildKit reports them from the
 * last-but-one back to the first, then the last (recorded: [3/4] COPY, [2/4] RUN, [4/4] WORKDIR).
 */
function reportWholeCacheHit(vertices: Vertex[], steps: number): void {
  if (steps < 2) return;
  const tail = vertices.slice(vertices.length - steps);
  if (!tail.every((v) => v.outcome === 'cached')) return;
  const last = tail.pop()!;
  vertices.splice(vertices.length - steps, steps, ...tail.reverse(), last);
}

interface FileStage {
  from: Instruction;
  name?: string;
  steps: Instruction[];
}

/** What `naming to` prints: the name as given, fully qualified; the tag only when one was given. */
function namedAs(tag: string): string {
  const ref = parseImageRef(tag)!;
  const full = fullName(ref);
  return ref.defaulted ? full.slice(0, full.lastIndexOf(':')) : full;
}

function splitStages(instructions: Instruction[]): FileStage[] {
  const out: FileStage[] = [];
  for (const inst of instructions) {
    if (inst.keyword === 'FROM') {
      const m = /^\S+\s+as\s+(\S+)$/i.exec(inst.args);
      out.push({ from: inst, steps: [], ...(m ? { name: m[1]! } : {}) });
    } else if (out.length > 0) out[out.length - 1]!.steps.push(inst);
  }
  return out;
}

function substituteArgs(text: string, args: Record<string, string>): string {
  return text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, n: string) => args[n] ?? '');
}

function resolveBase(d: DockerCtx, from: string): { image?: Image; name: string; fromCatalog: boolean; error?: string } {
  const ref = parseImageRef(from);
  if (!ref) return { name: from, fromCatalog: false, error: 'invalid reference format' };
  const name = fullName(ref);
  // Engine 26's builder looks in the local image store first: no registry round trip, no digest.
  const local = findImage(d.daemon, from);
  if (local) return { image: local, name, fromCatalog: false };
  const found = findInCatalog(ref);
  if (found.kind === 'found') return { image: found.image, name, fromCatalog: true };
  return { name, fromCatalog: false, error: 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed' };
}

function scratchImage(): Image {
  return { repo: '<none>', tag: '<none>', id: sha256Hex('scratch'), digest: '', size: 0, created: '1970-01-01T00:00:00Z', cmd: [], entrypoint: null, env: [], exposed: [], workdir: '', layers: [], programs: [], service: 'shell', layerSizes: [], history: [] };
}
