/**
 * The limits of src/engine/limits.ts as the shell applies them to a command line: how much it
 * may print, and a guard that undoes a command that grew the world past a cap.
 */
import { LIMITS, countsAtWorldLimit, outputTruncatedMessage, worldCounts, worldLimitExceeded, type WorldCounts } from '../engine/limits';
import type { World, WorldSnapshot } from '../engine/world';
import type { Chunk } from './jobs/redirect';

/** Keeps the first LIMITS.outputBytesPerLine characters of the line's output, then says it cut the rest. */
export function limitOutput(chunks: Chunk[]): Chunk[] {
  let left = LIMITS.outputBytesPerLine;
  let total = 0;
  for (const c of chunks) total += c.text.length;
  if (total <= left) return chunks;
  const kept: Chunk[] = [];
  for (const c of chunks) {
    if (left <= 0) break;
    kept.push(c.text.length <= left ? c : { stream: c.stream, text: c.text.slice(0, left) });
    left -= c.text.length;
  }
  const last = kept[kept.length - 1];
  const newline = last && !last.text.endsWith('\n') ? '\n' : '';
  kept.push({ stream: 'stderr', text: newline + outputTruncatedMessage() });
  return kept;
}

/** Builtins and text tools: they read and print, and make no namespace, link, rule, route, neighbour or container. */
const TEXT_TOOLS = new Set(['echo', 'printf', 'true', 'false', 'test', '[', 'cat', 'grep', 'head', 'tail', 'wc', 'sort', 'cut', 'awk', 'sed', 'tee', 'ls', 'pwd', 'cd', 'export', 'unset', 'sleep', 'clear', 'which', 'uname', 'hostname', 'wait', 'kill', 'exit', 'break', 'continue']);

/**
 * Around one command: counts the world before it (and snapshots it when it is at a cap), and
 * afterwards undoes the command if it grew the world past that cap.
 */
export class WorldSizeGuard {
  private readonly before: WorldCounts | null = null;
  private readonly snapshot: WorldSnapshot | null = null;

  /** `program`: the command's name; text tools that cannot grow the world are not counted (counting a big world costs). */
  constructor(
    private readonly world: World,
    program?: string,
  ) {
    if (program !== undefined && TEXT_TOOLS.has(program.slice(program.lastIndexOf('/') + 1))) return;
    // Counted exactly only near a cap (countsAtWorldLimit): the snapshot is taken only there.
    this.before = countsAtWorldLimit(world);
    this.snapshot = this.before ? world.snapshot() : null;
  }

  /** The message for a cap the command went past (the world restored), or null. */
  exceeded(): string | null {
    if (!this.snapshot || !this.before) return null;
    const message = worldLimitExceeded(this.before, worldCounts(this.world));
    if (!message) return null;
    this.world.restore(this.snapshot);
    return message + '\n';
  }
}
