/**
 * `docker commit [-m MSG] [-a AUTHOR] [-c CHANGE] CONTAINER [REPO[:TAG]]`: the container's layer
 * becomes a new image on top of its image (whose id stays in the history as the parent), with
 * the container's config; prints the new image id.
 */
import { utcParts } from '../../common/clock';
import { findContainer, imageOf } from '../../engine/docker/containers';
import { parseImageRef } from '../../engine/docker/catalog';
import { layerFiles } from '../../engine/docker/fs-layer';
import { mountFor } from '../../engine/docker/volumes';
import { jsonForm } from '../../engine/docker/build/dockerfile';
import { sealImage, withStep } from '../../engine/docker/layers';
import type { Image } from '../../engine/docker/types';
import { fail, type CommandResult, success } from '../types';
import { argsError, usageError, type DockerCtx, errorResponse } from './context';
import { all, last, parseFlags, flagSpecs } from './flags';
import { tagImage } from './build-tags';

/** -c 'CMD ["x"]', 'ENV K=V', 'EXPOSE 80', 'WORKDIR /app', 'USER u', 'ENTRYPOINT …', 'LABEL k=v'. */
export function applyChange(image: Image, change: string): Image | string {
  const m = /^\s*(\w+)\s+([\s\S]+)$/.exec(change);
  if (!m) return `dockerfile parse error on line 1: unknown instruction: ${change}`;
  const keyword = m[1]!.toUpperCase();
  const args = m[2]!.trim();
  const command = jsonForm(args) ?? ['/bin/sh', '-c', args];
  switch (keyword) {
    case 'CMD':
      return { ...image, cmd: command };
    case 'ENTRYPOINT':
      return { ...image, entrypoint: command };
    case 'ENV': {
      const [k, v] = args.includes('=') ? [args.slice(0, args.indexOf('=')), args.slice(args.indexOf('=') + 1)] : args.split(/\s+/, 2);
      return { ...image, env: [...image.env.filter((e) => !e.startsWith(`${k}=`)), `${k}=${v ?? ''}`] };
    }
    case 'EXPOSE':
      return { ...image, exposed: [...new Set([...image.exposed, ...args.split(/\s+/).map((p) => (p.includes('/') ? p : `${p}/tcp`))])] };
    case 'WORKDIR':
      return { ...image, workdir: args };
    case 'USER':
      return { ...image, user: args };
    case 'LABEL':
      return { ...image, labels: { ...(image.labels ?? {}), [args.split('=')[0]!]: args.slice(args.indexOf('=') + 1).replace(/^"|"$/g, '') } };
    default:
      return `${keyword} is not a valid change command`;
  }
}

export function dockerCommit(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('m|message= a|author= c|change= p|pause'), true);
  if (!parsed.ok) return usageError('commit', parsed.error);
  const [ref, name, ...extra] = parsed.value.args;
  if (ref === undefined || extra.length > 0) return argsError('commit', '[OPTIONS] CONTAINER [REPOSITORY[:TAG]]', "Create a new image from a container's changes", 'at least 1 and at most 2 arguments');
  const target = name === undefined ? undefined : parseImageRef(name);
  if (name !== undefined && !target) return fail(`invalid reference format${/[A-Z]/.test(name) ? ': repository name (library/' + name + ') must be lowercase' : ''}`, 1);
  const c = findContainer(d.daemon, ref);
  if (!c) return fail(errorResponse(`No such container: ${ref}`), 1);
  const base = imageOf(d.daemon, c);
  if (!base) return fail(errorResponse(`No such image: ${c.image}`), 1);
  const now = utcParts(d.sh.world.clock.epoch + d.sh.world.clock.now()).iso;
  const files = layerFiles(c);
  // What the container deleted (docker diff D) becomes the layer's whiteouts.
  let image = withStep(base, { createdBy: [c.path, ...c.args].join(' '), files, removed: c.deleted ?? [], dirs: (c.layerDirs ?? []).filter((dir) => !mountFor(c.mounts ?? [], dir)), programs: c.installed, extraSize: c.installed.length * 2_621_440 + (c.aptUpdated ? 41_958_400 : 0), comment: last(parsed.value, 'message') ?? '' }, now, { env: c.env, created: now });
  for (const change of all(parsed.value, 'change')) {
    const next = applyChange(image, change);
    if (typeof next === 'string') return fail(errorResponse(next), 1);
    image = next;
  }
  image = sealImage({ ...image, parent: base.id, comment: last(parsed.value, 'message') ?? '' });
  if (target) tagImage(d.daemon, image, target);
  else d.daemon.images.push(image);
  d.sh.world.changed();
  return success(`sha256:${image.id}\n`);
}
