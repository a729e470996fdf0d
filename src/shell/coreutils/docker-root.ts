/**
 * /var/lib/docker/containers as `ls` sees it on a Docker host: one directory per container,
 * named by its id, last changed when the container started (its hosts, resolv.conf). moby makes a container's root 0710
 * (drwx--x---) holding checkpoints/ and mounts/, so 4 links and one 4 KiB block.
 */
import { daemonOf } from '../../engine/docker/daemon';
import type { ShellContext } from '../types';

export interface DirEntry {
  name: string;
  /** Simulated ms since the clock's epoch. */
  mtime: number;
  mode: string;
  nlink: number;
  size: number;
}

export const CONTAINERS_DIR = '/var/lib/docker/containers';

export function dockerRootEntries(ctx: ShellContext, path: string): DirEntry[] | undefined {
  if (path !== CONTAINERS_DIR) return undefined;
  const daemon = daemonOf(ctx.world, ctx.host);
  if (!daemon) return undefined;
  return daemon.containers.map((c) => ({ name: c.id, mtime: c.startedAt ?? c.created, mode: 'drwx--x---', nlink: 4, size: 4096 }));
}
