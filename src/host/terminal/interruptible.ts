/**
 * A ping without -c or -w in the terminal runs until Ctrl-C, as on Linux. The simulator's ping
 * stops by itself after N echo requests with the statistics a SIGINT prints (the world's clock
 * is simulated); here the terminal lets it send one more request per interval of real time: each
 * tick rewinds the world to before the line and runs it again with N one higher, printing only
 * what is new (the runs are deterministic, so run N+1 starts with run N's output). Ctrl-C prints
 * `^C` and the statistics of the last run, whose world is the one left behind.
 */
import type { WorldSnapshot } from '../../engine/world';
import { setPingInterrupt } from '../../shell/nettools/ping-session';
import type { Shell } from '../../shell/shell';
import { chunkText } from './terminal-text';

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const PING = /^\s*(?:sudo\s+)?(?:ip\s+netns\s+exec\s+\S+\s+)?ping\s+(.*)$/;
/** Lines with more than one command (or redirections) run as usual. */
const COMPOUND = /[;&|<>`$()]/;
/** Ping's options that take a value (iputils), so their values are not read as flags. */
const VALUED = 'ABIilMmNpQSsTtWw';

/** The ping's interval in ms when `line` is a single ping that only Ctrl-C stops (no -c, no -w); undefined otherwise. */
export function unboundedPing(line: string): number | undefined {
  const m = PING.exec(line);
  if (!m || COMPOUND.test(line)) return undefined;
  const words = m[1]!.trim().split(/\s+/);
  let interval = 1000;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.startsWith('-') || w === '-') continue;
    for (let j = 1; j < w.length; j++) {
      const f = w[j]!;
      if (f === 'c' || f === 'w') return undefined;
      if (!VALUED.includes(f)) continue;
      const value = j + 1 < w.length ? w.slice(j + 1) : words[++i];
      if (f === 'i' && value !== undefined && Number(value) > 0) interval = Math.trunc(Number(value) * 1000);
      break;
    }
  }
  return Math.max(interval, 10);
}

export class RunningPing {
  private requests = 0;
  private shown = '';
  private summary = '';
  private timer: unknown;
  private done = false;
  private readonly before: WorldSnapshot;

  constructor(
    private readonly shell: Shell,
    private readonly line: string,
    private readonly interval: number,
    private readonly timers: Timers,
    private readonly write: (text: string) => void,
    /** Called once, when the ping ended (by itself or by Ctrl-C). */
    private readonly finished: () => void,
  ) {
    this.before = shell.world.snapshot();
  }

  start(): void {
    this.tick();
  }

  /** The terminal closed: stop without a word (the world stays as the last run left it). */
  cancel(): void {
    if (this.done) return;
    this.done = true;
    if (this.timer !== undefined) this.timers.clear(this.timer);
  }

  /** Ctrl-C: the statistics of the requests sent so far. */
  interrupt(): void {
    if (this.done) return;
    this.write('^C' + this.summary);
    this.finish();
  }

  private tick(): void {
    if (this.done) return;
    this.requests++;
    if (this.requests > 1) this.shell.world.restore(this.before);
    setPingInterrupt(this.shell.world, this.requests);
    let text: string;
    try {
      text = this.shell.run(this.line).chunks.map(chunkText).join('');
    } finally {
      setPingInterrupt(this.shell.world, undefined);
    }
    const at = text.lastIndexOf('\r\n--- ');
    // No statistics: ping stopped by itself (a bad address, an unreachable network).
    if (at < 0) {
      this.write(text.startsWith(this.shown) ? text.slice(this.shown.length) : text);
      return this.finish();
    }
    const body = text.slice(0, at);
    this.write(body.startsWith(this.shown) ? body.slice(this.shown.length) : body);
    this.shown = body;
    this.summary = text.slice(at);
    this.timer = this.timers.set(() => this.tick(), this.interval);
  }

  private finish(): void {
    this.done = true;
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.finished();
  }
}
