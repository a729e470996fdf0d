/**
 * Processes on simulated time. A process is a generator: it runs until it has to wait, yields
 * what it waits for (a timer, activity on the wire, other jobs), and returns its exit status.
 * The scheduler (scheduler.ts) resumes it when that happens. Plain commands (CommandFn) are
 * processes that never wait. A signal (timeout, kill, a simulated Ctrl-C) is thrown into the
 * generator at the point it waits; a process that catches it can print its last words (tcpdump
 * prints its statistics) and return a status.
 */
import type { Output, ShellContext } from '../types';

export type Wait =
  /** Resume at simulated time `until`. */
  | { kind: 'timer'; until: number }
  /** Resume when the world shows activity (frames on a wire) after `since`, or at `until`. */
  | { kind: 'activity'; since: number; until?: number }
  /** Resume once these jobs have ended. */
  | { kind: 'jobs'; jobs: JobRef[] };

/** What `wait` needs to know about a job. */
export interface JobRef {
  readonly id: number;
  readonly pid: number;
  status: number | null;
}

export type Proc = Generator<Wait, number, void>;

export type SignalName = 'INT' | 'TERM' | 'KILL';
export const SIGNAL_NUMBER: Record<SignalName, number> = { INT: 2, KILL: 9, TERM: 15 };

/** Thrown into a waiting process. */
export class Signal {
  /** When it was sent, if not now (timeout's deadline): output after it never happened. */
  at?: number;
  constructor(readonly name: SignalName) {}
  get status(): number {
    return 128 + SIGNAL_NUMBER[this.name];
  }
}

/**
 * A process group: `timeout` and `kill` signal every process in it. Commands of a killed group
 * stop at the next command boundary.
 */
export class Group {
  signal: Signal | null = null;
  /** A process of this group (or of one inside it) ended by the signal instead of catching it. */
  died = false;
  constructor(readonly parent: Group | null = null) {}
  markDied(): void {
    for (let g: Group | null = this; g; g = g.parent) g.died = true;
  }
  get killed(): Signal | null {
    return this.signal ?? this.parent?.killed ?? null;
  }
}

/** What a waiting program sees besides ShellContext. */
export interface ProcContext extends ShellContext {
  group: Group;
  /** Runs argv as a process (so `timeout 3 tcpdump`, `sudo tcpdump`, `sh -c '…'` can wait). */
  spawn(argv: string[], ctx: ProcContext, out: Output): Proc;
  /** Leaves a daemon running on simulated time after the command returns (absent: the program cannot fork). */
  daemon?(name: string, pid: number, proc: Proc): void;
}

/** A program that can wait. It writes to `out` as it goes and returns its exit status. */
export type ProcessFn = (argv: string[], ctx: ProcContext, out: Output) => Proc;

/** Runs a process to its end without a scheduler: waits pass on the clock; nothing else runs meanwhile. */
export function drive(proc: Proc, clock: { now(): number; set(ms: number): void }, deadline = Infinity): number {
  let next = proc.next();
  for (let guard = 0; !next.done && guard < 1_000_000; guard++) {
    const wait = next.value;
    const until = wait.kind === 'jobs' ? Infinity : wait.kind === 'timer' ? wait.until : (wait.until ?? Infinity);
    if (until > deadline || !Number.isFinite(until)) {
      if (Number.isFinite(deadline)) clock.set(Math.max(clock.now(), deadline));
      next = throwInto(proc, new Signal(Number.isFinite(deadline) ? 'TERM' : 'INT'));
      continue;
    }
    clock.set(Math.max(clock.now(), until));
    next = proc.next();
  }
  return next.done ? next.value : 1;
}

/** Delivers a signal; a process that does not catch it ends with 128+n. */
export function throwInto(proc: Proc, signal: Signal): IteratorResult<Wait, number> {
  try {
    return proc.throw(signal);
  } catch (e) {
    if (e instanceof Signal) return { done: true, value: e.status };
    throw e;
  }
}

/** The time a wait ends by itself (Infinity if only something else can end it). */
export function wakeTime(wait: Wait): number {
  if (wait.kind === 'timer') return wait.until;
  if (wait.kind === 'activity') return wait.until ?? Infinity;
  return Infinity;
}
