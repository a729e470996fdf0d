/** Path arithmetic shared by the daemon's file models (mounts, layers, build contexts). */

/** "/a/b/c" -> ["/a", "/a/b"] (the directories above a path, outermost first). */
export function parentDirs(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => '/' + parts.slice(0, i + 1).join('/'));
}
