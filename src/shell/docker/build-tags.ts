/** Naming images: the fully qualified name BuildKit prints, and moving a tag to another image (the old one may become dangling). */
import type { ImageRef } from '../../engine/docker/catalog';
import type { DaemonState, Image } from '../../engine/docker/types';

/** docker.io/library/alpine:latest, docker.io/me/app:1, localhost:5000/app:latest */
export function fullName(ref: ImageRef): string {
  const first = ref.repo.split('/')[0]!;
  const hasRegistry = ref.repo.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return `${ref.repo}:${ref.tag}`;
  return `docker.io/${ref.repo.includes('/') ? '' : 'library/'}${ref.repo}:${ref.tag}`;
}

/** Points repo:tag at `image`. An image that loses its last name stays as <none>:<none> (dangling). */
export function tagImage(daemon: DaemonState, image: Image, ref: ImageRef): void {
  const old = daemon.images.find((i) => i.repo === ref.repo && i.tag === ref.tag);
  if (old && old.id === image.id) return;
  daemon.images = daemon.images.filter((i) => i !== old && !(i.id === image.id && i.repo === '<none>'));
  if (old && !daemon.images.some((i) => i.id === old.id)) daemon.images.push({ ...old, repo: '<none>', tag: '<none>' });
  daemon.images.push({ ...image, repo: ref.repo, tag: ref.tag });
}

export function isDangling(daemon: DaemonState, image: Image): boolean {
  return image.repo === '<none>' && !daemon.images.some((i) => i.id === image.id && i.repo !== '<none>');
}
