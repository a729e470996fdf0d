/** Path arithmetic on simulated paths (no disk): the shell's filesystem and the daemon's file models share it. */

/** `cwd` + `path` with `.`/`..`/`//` resolved, always absolute. */
export function resolvePath(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return '/' + out.join('/');
}
