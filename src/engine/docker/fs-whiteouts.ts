/**
 * Whiteouts in an image's layers (overlay2's character devices, `.wh.` entries in a layer tar):
 * a committed container's deletions (docker diff D) hide the layers below, so containers run
 * from the image do not see those paths, unless a layer above put them back.
 */
import type { Image } from './types';

export function whitedOut(image: Image | undefined, path: string): boolean {
  const whiteouts = image?.whiteouts;
  if (!whiteouts || !whiteouts.some((w) => path === w || path.startsWith(w + '/'))) return false;
  const files = image!.files ?? {};
  if (image!.dirs?.some((d) => d === path || d.startsWith(path + '/'))) return false;
  return files[path] === undefined && !Object.keys(files).some((f) => f.startsWith(path + '/'));
}
