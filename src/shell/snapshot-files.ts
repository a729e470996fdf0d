/**
 * A read-only folder of the user's files held in memory, mounted at the simulated home (/root):
 * what a lab notebook's shell sees of the folder the lab lives in (its Dockerfile, compose.yaml,
 * scripts). Read once when the lab's world is made, so the shell never waits for the disk and
 * the same code runs in the desktop and the web extension.
 */
import type { RealFiles } from './fs';

export const HOME_MOUNT = '/root';

export class SnapshotFiles implements RealFiles {
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>([HOME_MOUNT]);

  /** `entries`: paths relative to the folder ("compose.yaml", "app/Dockerfile") and their text. */
  constructor(entries: Iterable<[string, string]>) {
    for (const [relative, text] of entries) {
      const parts = relative.split('/').filter((p) => p !== '' && p !== '.');
      if (parts.length === 0 || parts.includes('..')) continue;
      this.files.set(`${HOME_MOUNT}/${parts.join('/')}`, text);
      for (let i = 1; i < parts.length; i++) this.dirs.add(`${HOME_MOUNT}/${parts.slice(0, i).join('/')}`);
    }
  }

  get size(): number {
    return this.files.size;
  }

  read(path: string): string | undefined {
    return this.files.get(path);
  }

  isDirectory(path: string): boolean {
    return this.dirs.has(path);
  }

  list(path: string): string[] | undefined {
    if (!this.dirs.has(path)) return undefined;
    const prefix = path + '/';
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]!);
    return [...names].sort();
  }
}
