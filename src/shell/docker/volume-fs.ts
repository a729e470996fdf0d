/**
 * What a container's processes see through its mounts: a path under a volume's target reads and
 * writes the volume's files, under a bind mount the host's; `:ro` mounts refuse writes (EROFS).
 * Anything else goes to the container's own layer (ContainerFs), then to its image's files.
 */
import type { Netns } from '../../engine/net/types';
import type { Container, DaemonState, Mount } from '../../engine/docker/types';
import { findVolume, mountFor } from '../../engine/docker/volumes';
import { imageOf } from '../../engine/docker/containers';
import type { FileSystem, FsError, ReadResult } from '../fs';

export class MountedFs implements FileSystem {
  constructor(
    private readonly daemon: DaemonState,
    private readonly c: Container,
    private readonly inner: FileSystem,
    private readonly hostFs: FileSystem,
  ) {}

  read(path: string, ns: Netns): ReadResult {
    const at = mountFor(this.c.mounts ?? [], path);
    if (at) return this.readMounted(at.mount, at.rest, ns);
    const r = this.inner.read(path, ns);
    if (r.ok || r.error !== 'ENOENT') return r;
    const layered = imageOf(this.daemon, this.c)?.files?.[path];
    return layered === undefined ? r : { ok: true, data: layered };
  }

  private readMounted(m: Mount, rest: string, ns: Netns): ReadResult {
    if (m.type === 'bind') return this.hostFs.read(join(m.source, rest), ns);
    const data = findVolume(this.daemon, m.source)?.files[rest];
    if (data !== undefined) return { ok: true, data };
    return { ok: false, error: this.isDirectory(join(m.target, rest)) ? 'EISDIR' : 'ENOENT' };
  }

  write(path: string, data: string, append: boolean, ns: Netns): FsError | null {
    const at = mountFor(this.c.mounts ?? [], path);
    if (!at) return this.inner.write(path, data, append, ns);
    if (at.mount.readOnly) return 'EROFS';
    if (at.mount.type === 'bind') return this.hostFs.write(join(at.mount.source, at.rest), data, append, ns);
    const volume = findVolume(this.daemon, at.mount.source);
    if (!volume) return 'ENOENT';
    if (this.isDirectory(path)) return 'EISDIR';
    volume.files[at.rest] = (append ? volume.files[at.rest] ?? '' : '') + data;
    return null;
  }

  isDirectory(path: string): boolean {
    const at = mountFor(this.c.mounts ?? [], path);
    if (at) {
      if (at.rest === '/') return true;
      if (at.mount.type === 'bind') return this.hostFs.isDirectory(join(at.mount.source, at.rest));
      const files = findVolume(this.daemon, at.mount.source)?.files ?? {};
      return Object.keys(files).some((f) => f.startsWith(at.rest + '/'));
    }
    if ((this.c.mounts ?? []).some((m) => m.target.startsWith(path === '/' ? '/' : path + '/'))) return true;
    const implied = [...Object.keys(this.c.files ?? {}), ...Object.keys(imageOf(this.daemon, this.c)?.files ?? {})];
    return this.inner.isDirectory(path) || implied.some((f) => f.startsWith(path + '/'));
  }

  list(path: string): string[] | undefined {
    if (!this.isDirectory(path)) return undefined;
    const at = mountFor(this.c.mounts ?? [], path);
    if (at?.mount.type === 'bind') return this.hostFs.list?.(join(at.mount.source, at.rest)) ?? [];
    const names = new Set<string>();
    const prefix = path === '/' ? '/' : path + '/';
    const add = (full: string) => {
      if (full.startsWith(prefix) && full.length > prefix.length) names.add(full.slice(prefix.length).split('/')[0]!);
    };
    if (at) {
      const files = findVolume(this.daemon, at.mount.source)?.files ?? {};
      for (const f of Object.keys(files)) add(join(at.mount.target, f));
      return [...names].sort();
    }
    for (const f of [...Object.keys(this.c.files ?? {}), ...Object.keys(imageOf(this.daemon, this.c)?.files ?? {})]) add(f);
    for (const m of this.c.mounts ?? []) add(m.target);
    for (const n of this.inner.list?.(path) ?? []) names.add(n);
    return [...names].sort();
  }
}

function join(base: string, rest: string): string {
  if (rest === '/' || rest === '') return base;
  return (base === '/' ? '' : base.replace(/\/+$/, '')) + rest;
}
