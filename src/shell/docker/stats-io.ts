/**
 * docker stats' NET I/O and BLOCK I/O columns from the model. NET I/O is what dockerd reads from
 * the container's namespace (every interface but lo, from /sys/class/net/IFACE/statistics): the bytes
 * that crossed its eth0. BLOCK I/O is the cgroup's blkio: nothing read (the image's files are in
 * the page cache), and what it wrote into its layer, flushed in 4 KiB pages.
 */
import type { Container } from '../../engine/docker/types';
import { linksIn } from '../../engine/net/links';
import type { World } from '../../engine/world';
import { humanSize } from './human';

const PAGE = 4096;

/** Received and sent bytes of the container's own interfaces (none with the host's network). */
export function netBytes(world: World, c: Container): { rx: number; tx: number } {
  if (c.nsId === null || c.networkMode === 'host' || (c.state !== 'running' && c.state !== 'paused')) return { rx: 0, tx: 0 };
  let rx = 0;
  let tx = 0;
  for (const l of linksIn(world, c.nsId)) {
    if (l.name === 'lo') continue;
    rx += l.stats.rxBytes;
    tx += l.stats.txBytes;
  }
  return { rx, tx };
}

/** Bytes written to the block device: each file of the container layer in whole pages. */
export function blockWritten(c: Container): number {
  let total = 0;
  for (const data of Object.values(c.files ?? {})) total += Math.ceil(new TextEncoder().encode(data).length / PAGE) * PAGE;
  return total;
}

/** docker/cli's "RX / TX": units.HumanSizeWithPrecision(n, 3), decimal units. */
export function ioPair(a: number, b: number): string {
  return `${humanSize(a)} / ${humanSize(b)}`;
}
