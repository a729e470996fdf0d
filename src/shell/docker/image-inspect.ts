/** docker image inspect (the API's image JSON, -f templates) and docker tag. */
import { parseImageRef } from '../../engine/docker/catalog';
import type { Image } from '../../engine/docker/types';
import { Output, type CommandResult, success } from '../types';
import { argsError, daemonError, usageError, type DockerCtx } from './context';
import { last, parseFlags, flagSpecs } from './flags';
import { findImage } from './images';
import { printInspect } from './inspect';

export function imageJson(i: Image, all: Image[]) {
  const tags = all.filter((x) => x.id === i.id && x.repo !== '<none>').map((x) => `${x.repo}:${x.tag}`);
  return {
    Id: 'sha256:' + i.id,
    RepoTags: tags,
    RepoDigests: i.digest ? [`${i.repo}@${i.digest}`] : [],
    Parent: i.parent ? 'sha256:' + i.parent : '',
    Comment: i.comment ?? 'buildkit.dockerfile.v0',
    Created: i.created,
    DockerVersion: '',
    Author: '',
    Config: {
      Hostname: '',
      Domainname: '',
      User: i.user ?? '',
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
      ...(i.exposed.length ? { ExposedPorts: Object.fromEntries(i.exposed.map((e) => [e, {}])) } : {}),
      Tty: false,
      OpenStdin: false,
      StdinOnce: false,
      Env: i.env,
      Cmd: i.cmd,
      Image: '',
      Volumes: null,
      WorkingDir: i.workdir,
      Entrypoint: i.entrypoint,
      OnBuild: null,
      Labels: i.labels && Object.keys(i.labels).length ? i.labels : null,
    },
    Architecture: 'amd64',
    Os: 'linux',
    Size: i.size,
    GraphDriver: { Data: null, Name: 'overlay2' },
    RootFS: { Type: 'layers', Layers: i.layers.map((l) => 'sha256:' + l.padEnd(64, l)) },
    Metadata: { LastTagTime: '0001-01-01T00:00:00Z' },
  };
}

export function dockerImageInspect(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('f|format='), true);
  if (!parsed.ok) return usageError('image inspect', parsed.error);
  if (parsed.value.args.length === 0) return argsError('image inspect', '[OPTIONS] IMAGE [IMAGE...]', 'Display detailed information on one or more images');
  const out = new Output();
  const objects: unknown[] = [];
  let missing = false;
  for (const ref of parsed.value.args) {
    const image = findImage(d.daemon, ref);
    if (image) objects.push(imageJson(image, d.daemon.images));
    else {
      missing = true;
      out.err(`Error: No such image: ${ref}`);
    }
  }
  if (objects.length > 0 || last(parsed.value, 'format') === undefined) {
    if (!printInspect(objects, last(parsed.value, 'format'), out)) return out.done(1);
  }
  return out.done(missing ? 1 : 0);
}

export function dockerTag(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, [], true);
  if (!parsed.ok) return usageError('tag', parsed.error);
  const [source, target, ...extra] = parsed.value.args;
  if (source === undefined || target === undefined || extra.length > 0) return argsError('tag', 'SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]', 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE', 'exactly 2 arguments');
  const image = findImage(d.daemon, source);
  if (!image) return daemonError(`No such image: ${source}`);
  const ref = parseImageRef(target);
  if (!ref) return usageError('tag', `invalid reference format`);
  d.daemon.images = d.daemon.images.filter((i) => !(i.repo === ref.repo && i.tag === ref.tag));
  d.daemon.images.push({ ...image, repo: ref.repo, tag: ref.tag });
  d.sh.world.changed();
  return success();
}
