/**
 * One Dockerfile instruction applied to the stage being built: the image config it changes,
 * the layer it adds (RUN in a throw-away container of the stage's image, COPY/ADD from the
 * context), and the cache key that lets a rebuild reuse it.
 */
import { jsonForm, keyValuePairs, substitute, type Instruction } from '../../engine/docker/build/dockerfile';
import { jsonArgs, withStep } from '../../engine/docker/layers';
import { sha256Hex } from '../../engine/docker/layers-sha256';
import { resolvePath } from '../../common/paths';
import type { Container, Image } from '../../engine/docker/types';
import type { DockerCtx } from './context';
import { containerCtx } from './exec';
import { containerShell } from '../container/container-shell';
import { selectSources } from './build-context';

export interface Stage {
  name: string;
  image: Image;
  /** The cache key of the stage so far. */
  key: string;
  /** ARG values in scope. */
  args: Record<string, string>;
}

export type StepOutcome = { ok: true; stage: Stage; logs?: string; cached: boolean } | { ok: false; error: string; logs?: string };

/** Bytes apt-get leaves in a layer: package lists after `update`, each installed package. */
const APT_LISTS_BYTES = 41_958_400;
const APT_PACKAGE_BYTES = 2_621_440;

function envMap(image: Image, args: Record<string, string>): Record<string, string> {
  const m: Record<string, string> = { ...args };
  for (const kv of image.env) m[kv.slice(0, kv.indexOf('='))] = kv.slice(kv.indexOf('=') + 1);
  return m;
}

function setEnv(env: string[], key: string, value: string): string[] {
  return [...env.filter((e) => e.slice(0, e.indexOf('=')) !== key), `${key}=${value}`];
}

/** Shell form runs under /bin/sh -c, as the image config records it. */
function commandOf(args: string): string[] {
  return jsonForm(args) ?? ['/bin/sh', '-c', args];
}

export function applyInstruction(d: DockerCtx, stage: Stage, inst: Instruction, ctx: Record<string, string>, stages: Stage[], now: string, useCache: boolean): StepOutcome {
  const vars = envMap(stage.image, stage.args);
  const args = ['RUN', 'CMD', 'ENTRYPOINT'].includes(inst.keyword) ? inst.args : substitute(inst.args, vars);
  const meta = (createdBy: string, config: Partial<Image>, stageArgs = stage.args): StepOutcome => {
    const key = sha256Hex(`${stage.key}\n${createdBy}`);
    const cached = useCache ? d.daemon.buildCache?.[key] : undefined;
    const image = cached ?? withStep(stage.image, { createdBy }, now, config);
    (d.daemon.buildCache ??= {})[key] = image;
    return { ok: true, stage: { ...stage, image, key, args: stageArgs }, cached: cached !== undefined };
  };
  switch (inst.keyword) {
    case 'ENV': {
      const pairs = keyValuePairs(args, true);
      if (typeof pairs === 'string') return { ok: false, error: pairs };
      let env = stage.image.env;
      for (const [k, v] of pairs) env = setEnv(env, k, v);
      return meta(`ENV ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`, { env });
    }
    case 'ARG': {
      const pairs = args.split(/\s+/).map((a) => (a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined]) as [string, string | undefined]);
      const next = { ...stage.args };
      for (const [k, v] of pairs) next[k] = stage.args[`--build-arg:${k}`] ?? v ?? '';
      return meta(`ARG ${args}`, {}, next);
    }
    case 'LABEL': {
      const pairs = keyValuePairs(args, false);
      if (typeof pairs === 'string') return { ok: false, error: pairs };
      return meta(`LABEL ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`, { labels: { ...(stage.image.labels ?? {}), ...Object.fromEntries(pairs) } });
    }
    case 'EXPOSE': {
      const ports = args.split(/\s+/).map((p) => (p.includes('/') ? p : `${p}/tcp`));
      const exposed = [...new Set([...stage.image.exposed, ...ports])];
      return meta(`EXPOSE map[${ports.map((p) => `${p}:{}`).join(' ')}]`, { exposed });
    }
    case 'USER':
      return meta(`USER ${args}`, { user: args });
    case 'WORKDIR': {
      const workdir = resolvePath(stage.image.workdir || '/', args);
      return meta(`WORKDIR ${workdir}`, { workdir });
    }
    case 'CMD':
      return meta(`CMD ${jsonArgs(commandOf(args))}`, { cmd: commandOf(args) });
    case 'ENTRYPOINT':
      return meta(`ENTRYPOINT ${jsonArgs(commandOf(args))}`, { entrypoint: commandOf(args), cmd: [] });
    case 'STOPSIGNAL':
    case 'MAINTAINER':
    case 'VOLUME':
    case 'SHELL':
    case 'HEALTHCHECK':
    case 'ONBUILD':
      return meta(`${inst.keyword} ${args}`, {});
    case 'RUN':
      return runStep(d, stage, args, now, useCache);
    case 'COPY':
    case 'ADD':
      return copyStep(d, stage, inst, args, ctx, stages, now, useCache);
    default:
      return { ok: false, error: `unknown instruction: ${inst.keyword}` };
  }
}

function runStep(d: DockerCtx, stage: Stage, args: string, now: string, useCache: boolean): StepOutcome {
  const argv = commandOf(args);
  const createdBy = `RUN ${argv.join(' ')} # buildkit`;
  const key = sha256Hex(`${stage.key}\n${createdBy}`);
  const cached = useCache ? d.daemon.buildCache?.[key] : undefined;
  if (cached) return { ok: true, stage: { ...stage, image: cached, key }, cached: true };
  const c = buildContainer(d, stage);
  d.daemon.images.push(stage.image);
  try {
    const ctx = { ...containerCtx(d, c), cwd: stage.image.workdir || '/' };
    const busybox = stage.image.programs.includes('ash');
    const result = argv[0] === '/bin/sh' && stage.image.programs.includes('sh') ? containerShell(d, c, argv, ctx, busybox) : undefined;
    const r = result ?? { stdout: '', stderr: `runc run failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH\n`, exitCode: 127 };
    const logs = r.stdout + r.stderr;
    if (r.exitCode !== 0) return { ok: false, error: `process "${argv.map((a) => a).join(' ')}" did not complete successfully: exit code: ${r.exitCode}`, logs };
    const files = { ...(c.files ?? {}) };
    const extraSize = (c.aptUpdated ? APT_LISTS_BYTES : 0) + c.installed.length * APT_PACKAGE_BYTES;
    const image = withStep(stage.image, { createdBy, files, extraSize, programs: c.installed }, now);
    (d.daemon.buildCache ??= {})[key] = image;
    return { ok: true, stage: { ...stage, image, key }, logs, cached: false };
  } finally {
    d.daemon.images = d.daemon.images.filter((i) => i !== stage.image);
  }
}

/** A throw-away container of the stage's image: not listed, on the host's network, gone after the step. */
function buildContainer(d: DockerCtx, stage: Stage): Container {
  const env = [...stage.image.env, ...Object.entries(stage.args).filter(([k]) => !k.startsWith('--build-arg:')).map(([k, v]) => `${k}=${v}`)];
  return {
    id: sha256Hex(`build ${stage.key}`), name: 'buildkit', image: stage.image.id, imageId: stage.image.id, path: '/bin/sh', args: [], created: d.sh.world.clock.now(), state: 'running', startedAt: null, finishedAt: null, exitCode: 0, exitsAt: null, exitCodeAtEnd: 0,
    hostname: 'buildkitsandbox', env, tty: false, interactive: false, autoRemove: true, restart: 'no', restartCount: 0, networkMode: 'bridge', ports: [], exposed: [], endpoints: [], links: [], nsId: d.sh.host.rootNsId, logs: [], installed: [], aptUpdated: false, pid: 1,
  };
}

function copyStep(d: DockerCtx, stage: Stage, inst: Instruction, args: string, ctx: Record<string, string>, stages: Stage[], now: string, useCache: boolean): StepOutcome {
  const parts = jsonForm(args) ?? args.split(/\s+/);
  if (parts.length < 2) return { ok: false, error: `${inst.keyword} requires at least two arguments, but only one was provided. Destination could not be determined` };
  const dest = parts[parts.length - 1]!;
  const sources = parts.slice(0, -1);
  const from = inst.flags['from'];
  let pool = ctx;
  if (from !== undefined) {
    const other = stages.find((s) => s.name === from) ?? stages[Number(from)];
    if (!other) return { ok: false, error: `failed to resolve source metadata for docker.io/library/${from}:latest: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed` };
    pool = Object.fromEntries(Object.entries(other.image.files ?? {}).map(([p, v]) => [p.replace(/^\//, ''), v]));
  }
  const selected: Array<[string, string]> = [];
  for (const src of sources) {
    if (/^https?:\/\//.test(src)) return { ok: false, error: `vethlab: ${inst.keyword} from a URL needs a network the simulated build does not have` };
    const hits = selectSources(pool, src);
    if (!hits) return { ok: false, error: `failed to calculate checksum of ref ${refOf(stage.key + src)}: "/${src.replace(/^\.?\/+/, '')}": not found` };
    selected.push(...hits);
  }
  const intoDir = dest.endsWith('/') || selected.length > 1 || sources.some((s) => !(s.replace(/^\.?\/+/, '') in pool));
  const base = resolvePath(stage.image.workdir || '/', dest);
  const files: Record<string, string> = {};
  for (const [rel, data] of selected) files[intoDir ? resolvePath(base, rel) : base] = data;
  const createdBy = `${inst.keyword} ${args} # buildkit`;
  const key = sha256Hex(`${stage.key}\n${createdBy}\n${JSON.stringify(files)}`);
  const cached = useCache ? d.daemon.buildCache?.[key] : undefined;
  if (cached) return { ok: true, stage: { ...stage, image: cached, key }, cached: true };
  const image = withStep(stage.image, { createdBy, files }, now);
  (d.daemon.buildCache ??= {})[key] = image;
  return { ok: true, stage: { ...stage, image, key }, cached: false };
}

/** Recorded (buildx 0.13, Engine 26.1): "<session uuid>::<25 lowercase alphanumerics>". */
function refOf(seed: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const h = sha256Hex(seed);
  const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16]!, 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  return uuid + '::' + [...h.slice(14, 64).matchAll(/../g)].map((m) => alphabet[parseInt(m[0], 16) % 36]).join('');
}
