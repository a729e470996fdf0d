/**
 * A command line in the terminal that outlives its first moments: `tcpdump -i eth0`, `nc -l -p
 * 8080`, `sleep 30`, `docker logs -f web`, a `while` loop. It runs at once while it takes little
 * simulated time; then one slice of simulated time per slice of real time, writing its output as
 * it comes, until it ends or Ctrl-C interrupts it (the shell's RunningLine, see Shell.start).
 */
import type { Chunk, RunningLine, Shell } from '../../shell/shell';
import { chunkText } from './terminal-text';
import type { Timers } from './interruptible';

/** Simulated time a terminal line may take at once before it runs in real time. */
export const TERMINAL_INSTANT_MS = 2_000;
export const TERMINAL_SLICE_MS = 250;

export class LiveLine {
  /** How much of each stream the screen shows (a command's stdout and stderr grow separately). */
  private written = { stdout: 0, stderr: 0 };
  private timer: unknown;
  private done = false;

  constructor(
    private readonly shell: Shell,
    private readonly running: RunningLine,
    private readonly timers: Timers,
    private readonly write: (text: string) => void,
    /** Called once when the line has ended (by itself or by Ctrl-C), after its last output. */
    private readonly finished: () => void,
  ) {}

  /** Runs the first moments; false when the line already ended (its output is written). */
  start(): boolean {
    if (this.running.advance(this.shell.world.clock.now() + TERMINAL_INSTANT_MS)) {
      this.end('');
      return false;
    }
    this.show(this.running.preview());
    this.timer = this.timers.set(() => this.tick(), TERMINAL_SLICE_MS);
    return true;
  }

  /** Ctrl-C: SIGINT to the line; it prints what it prints when interrupted (ping's statistics, tcpdump's counts). */
  interrupt(): void {
    if (this.done) return;
    this.running.interrupt();
    this.running.advance(Infinity);
    this.end('^C');
  }

  /** The terminal closed: stop without writing. */
  cancel(): void {
    if (this.done) return;
    this.done = true;
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.running.interrupt();
    this.running.finish();
  }

  private tick(): void {
    this.timer = undefined;
    if (this.done) return;
    if (this.running.advance(this.shell.world.clock.now() + TERMINAL_SLICE_MS)) return this.end('');
    this.show(this.running.preview());
    this.timer = this.timers.set(() => this.tick(), TERMINAL_SLICE_MS);
  }

  /** Writes what the screen does not show yet, stream by stream (tcpdump: its stderr header, then packets on stdout). */
  private show(chunks: Chunk[]): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const text = chunks.filter((c) => c.stream === stream).map((c) => c.text).join('');
      if (text.length <= this.written[stream]) continue;
      this.write(chunkText({ stream, text: text.slice(this.written[stream]) }));
      this.written[stream] = text.length;
    }
  }

  private end(prefix: string): void {
    this.done = true;
    if (this.timer !== undefined) this.timers.clear(this.timer);
    if (prefix) this.write(prefix);
    const result = this.running.finish();
    if (this.written.stdout === 0 && this.written.stderr === 0) {
      // Nothing shown yet: the output in the order it was written.
      for (const chunk of result.chunks) this.write(chunkText(chunk));
    } else this.show(result.chunks);
    this.finished();
  }
}
