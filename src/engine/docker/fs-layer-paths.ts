/** Path arithmetic shared by the daemon's file models (mounts, layers, build contexts). */

/** `cwd` + `path` with `.`/`..`/`//` resolved, always absolute. */
export function resolvePathPure(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return '/' + out.join('/');
}

/** "/a/b/c" -> ["/a", "/a/b"] (the directories above a path, outermost first). */
export function parentDirs(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => '/' + parts.slice(0, i + 1).join('/'));
}
