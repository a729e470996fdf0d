/**
 * Container health checks (`docker run --health-cmd …`), as moby's daemon/health.go runs them:
 * the first probe one interval after the start (30 s by default; during --health-start-period the
 * start interval, 5 s, while still "starting"), then one per interval; exit 0 makes the container
 * healthy, `retries` failures in a row (3) unhealthy, failures inside the start period do not
 * count. The state is derived from the start time and the clock, so nothing has to tick.
 */
import type { Container, Image } from './types';
import { simpleScript } from './procs';

export interface HealthConfig {
  /** ["CMD-SHELL", "cmd"] or ["CMD", prog, args…] (or ["NONE"] for --no-healthcheck). */
  test: string[];
  /** Milliseconds; 0 means dockerd's default. */
  interval: number;
  timeout: number;
  startPeriod: number;
  startInterval: number;
  retries: number;
  /** What a probe gives in this container (the same each time here): set when the container is made. */
  result?: { exitCode: number; output: string };
}

export interface HealthLogEntry {
  start: number;
  end: number;
  exitCode: number;
  output: string;
}

export interface HealthState {
  status: 'starting' | 'healthy' | 'unhealthy';
  failingStreak: number;
  /** The last five probes, oldest first (moby's maxLogEntries). */
  log: HealthLogEntry[];
}

const DEFAULT_INTERVAL = 30_000;
const DEFAULT_TIMEOUT = 30_000;
const DEFAULT_START_INTERVAL = 5_000;
const DEFAULT_RETRIES = 3;
const MAX_LOG = 5;
/** An exec of a small program in the container takes some tens of milliseconds. */
const PROBE_MS = 40;

/** What one probe of `test` gives in this container: its exit code and what it printed. */
export function probe(test: string[], image: Image | undefined, timeoutMs: number): { exitCode: number; output: string } {
  const shell = test[0] === 'CMD-SHELL';
  const script = shell ? test.slice(1).join(' ') : test.slice(1).map((a) => (/^[\w./:=-]+$/.test(a) ? a : `'${a}'`)).join(' ');
  const simple = simpleScript(script);
  if (simple) {
    if (simple.seconds * 1000 >= timeoutMs) return { exitCode: -1, output: `Health check exceeded timeout (${timeoutMs / 1000}s)` };
    return { exitCode: simple.code, output: simple.output.map((l) => l.text + '\n').join('') };
  }
  const prog = script.trim().split(/\s+/)[0] ?? '';
  const name = prog.split('/').pop() ?? prog;
  if (image && !image.programs.includes(name)) {
    if (shell) return { exitCode: 127, output: `/bin/sh: ${name}: not found\n` };
    return { exitCode: -1, output: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${prog}": executable file not found in $PATH: unknown` };
  }
  // A program the image has, run against the container itself (curl -f localhost, pg_isready): its server is up.
  return { exitCode: 0, output: '' };
}

/** The health check as the container keeps it: the flags and what its probe gives with this image. */
export function withProbe(cfg: HealthConfig, image: Image | undefined): HealthConfig {
  if (cfg.test[0] === 'NONE' || cfg.test.length === 0) return cfg;
  return { ...cfg, result: probe(cfg.test, image, cfg.timeout || DEFAULT_TIMEOUT) };
}

/** The health of a container with a health check at clock `now` (ms), or undefined. */
export function healthAt(c: Container, now: number): HealthState | undefined {
  const cfg = c.health;
  if (!cfg || cfg.test[0] === 'NONE' || cfg.test.length === 0 || c.startedAt === null) return undefined;
  const interval = cfg.interval || DEFAULT_INTERVAL;
  const startInterval = cfg.startInterval || DEFAULT_START_INTERVAL;
  const timeout = cfg.timeout || DEFAULT_TIMEOUT;
  const retries = cfg.retries || DEFAULT_RETRIES;
  const state: HealthState = { status: 'starting', failingStreak: 0, log: [] };
  const until = c.state === 'running' || c.state === 'paused' ? now : (c.finishedAt ?? now);
  let at = c.startedAt + (cfg.startPeriod > 0 ? startInterval : interval);
  while (at + PROBE_MS <= until) {
    const r = cfg.result ?? probe(cfg.test, undefined, timeout);
    state.log = [...state.log, { start: at, end: at + PROBE_MS, exitCode: r.exitCode, output: r.output }].slice(-MAX_LOG);
    if (r.exitCode === 0) {
      state.status = 'healthy';
      state.failingStreak = 0;
    } else if (at - c.startedAt >= cfg.startPeriod || state.status !== 'starting') {
      state.failingStreak++;
      if (state.failingStreak >= retries) state.status = 'unhealthy';
    }
    const inStart = at - c.startedAt < cfg.startPeriod && state.status === 'starting';
    at += inStart ? startInterval : interval;
    // Every probe gives the same result: once the log is full, jump to the last five probes of this
    // phase (the start period, or after it) before `until`, counting the failures skipped.
    if (state.log.length === MAX_LOG) {
      const step = inStart ? startInterval : interval;
      const limit = inStart ? Math.min(until - PROBE_MS, c.startedAt + cfg.startPeriod - 1) : until - PROBE_MS;
      const left = Math.floor((limit - at) / step);
      if (left > MAX_LOG) {
        const skipped = left - MAX_LOG;
        if (!inStart && r.exitCode !== 0) state.failingStreak += skipped;
        at += skipped * step;
      }
    }
  }
  return state;
}

/** `docker ps`'s suffix: "(health: starting)", "(healthy)", "(unhealthy)". */
export function healthSuffix(h: HealthState): string {
  return h.status === 'starting' ? '(health: starting)' : `(${h.status})`;
}
