/**
 * The user's files, read-only, as the simulated shell sees them: the working directory is
 * mounted at the simulated home (/root), and is also reachable under its own absolute path.
 * Nothing outside that directory is ever read (symlinks leading out of it are refused).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RealFiles } from '../shell/fs';

import { HOME_MOUNT } from '../shell/snapshot-files';

/** Where the working directory appears in the simulated filesystem. */
export { HOME_MOUNT };
const MAX_FILE_BYTES = 16 * 1024 * 1024;

export class WorkingDirectoryFiles implements RealFiles {
  private readonly root: string;

  constructor(directory: string) {
    this.root = fs.realpathSync(path.resolve(directory));
  }

  read(simPath: string): string | undefined {
    const file = this.hostPath(simPath);
    if (file === undefined) return undefined;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  isDirectory(simPath: string): boolean {
    const dir = this.hostPath(simPath);
    if (dir === undefined) return false;
    try {
      return fs.statSync(dir).isDirectory();
    } catch {
      return false;
    }
  }

  /** The real path for a simulated one, or undefined when it lies outside the directory. */
  private hostPath(simPath: string): string | undefined {
    const relative = relativeTo(simPath, HOME_MOUNT) ?? relativeTo(simPath, this.root);
    if (relative === undefined) return undefined;
    const candidate = path.join(this.root, relative);
    try {
      const real = fs.realpathSync(candidate);
      return real === this.root || real.startsWith(this.root + path.sep) ? real : undefined;
    } catch {
      return undefined;
    }
  }
}

/** `rest` when `simPath` is `base` or `base/rest`; simulated paths are already normalized. */
function relativeTo(simPath: string, base: string): string | undefined {
  if (simPath === base) return '.';
  const prefix = base.endsWith('/') ? base : base + '/';
  if (!simPath.startsWith(prefix)) return undefined;
  const rest = simPath.slice(prefix.length);
  return rest.split('/').includes('..') ? undefined : rest;
}
