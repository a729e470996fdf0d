/**
 * A discrete-event scheduler over the simulated clock: the shell's jobs (the command line being
 * run, and the `cmd &` jobs started before) take turns. At each instant every job that can go on
 * runs until it waits again, in the order the jobs were started; when none can, the clock jumps
 * to the earliest timer. Deterministic: nothing depends on the real clock or on Map order.
 */
import type { SimClock } from '../../common/clock';
import { Signal, throwInto, wakeTime, type Group, type JobRef, type Proc, type Wait } from './process';
import { LIMITS } from '../../engine/limits';

export class Job implements JobRef {
  status: number | null = null;
  /** What the job waits for; null when it has not started yet. */
  wait: Wait | null = null;
  /**
   * A daemon (dhclient renewing its lease) runs when time passes anyway: its timers never keep a
   * foreground command from getting the simulated Ctrl-C, nor make the clock jump on their own.
   */
  daemon = false;
  private pendingSignal: Signal | null = null;

  constructor(
    readonly id: number,
    readonly pid: number,
    readonly command: string,
    private readonly proc: Proc,
    /** The job's process group: a signal stops the commands that follow in the job too. */
    readonly group: Group | null = null,
  ) {}

  signal(signal: Signal): void {
    if (this.status !== null) return;
    this.pendingSignal = signal;
    if (this.group) this.group.signal = signal;
  }

  ready(now: number, activity: number): boolean {
    if (this.status !== null) return false;
    if (this.pendingSignal || !this.wait) return true;
    const w = this.wait;
    if (w.kind === 'timer') return w.until <= now;
    if (w.kind === 'activity') return activity !== w.since || (w.until ?? Infinity) <= now;
    return w.jobs.every((j) => j.status !== null);
  }

  /** Runs the job until it waits again or ends. */
  step(): void {
    const signal = this.pendingSignal;
    this.pendingSignal = null;
    let next: IteratorResult<Wait, number>;
    try {
      next = signal ? throwInto(this.proc, signal) : this.proc.next();
    } catch (e) {
      this.status = 1;
      this.wait = null;
      throw e;
    }
    if (next.done) {
      this.status = next.value;
      this.wait = null;
    } else this.wait = next.value;
  }
}

/** Bounds one run (a process that keeps waking without progress). */
const MAX_STEPS = LIMITS.schedulerStepsPerLine;

/** Why `runUntil` returned: the target ended, or a limit stopped it (simulated time, steps). */
export type RunEnd = 'done' | 'time' | 'steps';

export class Scheduler {
  readonly jobs: Job[] = [];
  private nextId = 1;

  constructor(
    private readonly clock: SimClock,
    /** The world's activity counter (frames on wires). */
    private readonly activity: () => number,
  ) {}

  spawn(proc: Proc, pid: number, command: string, group: Group | null = null): Job {
    const job = new Job(this.nextId++, pid, command, proc, group);
    this.jobs.push(job);
    return job;
  }

  /**
   * Runs every job until `target` ends. A target that can never wake up (it waits for packets
   * or jobs that will never come, and no timer is pending) gets SIGINT, as a learner at the
   * terminal would press Ctrl-C.
   */
  runUntil(target: Job, deadline = Infinity): RunEnd {
    let end: RunEnd = 'done';
    for (let steps = 0; target.status === null && steps < MAX_STEPS; steps++) {
      if (this.stepReady()) continue;
      const next = this.nextTimer();
      const daemon = Math.ceil(this.nextTimer(true));
      if (Number.isFinite(next) && daemon <= Math.min(Math.ceil(next), deadline)) {
        this.clock.set(Math.max(this.clock.now(), daemon));
        continue;
      }
      if (Number.isFinite(next) && Math.ceil(next) <= deadline) {
        this.clock.set(Math.max(this.clock.now(), Math.ceil(next)));
        continue;
      }
      if (Number.isFinite(next)) {
        // The line's simulated-time budget is spent: Ctrl-C at the deadline, then SIGKILL.
        this.clock.set(Math.max(this.clock.now(), deadline));
        target.signal(new Signal(end === 'time' ? 'KILL' : 'INT'));
        end = 'time';
        continue;
      }
      target.signal(new Signal('INT'));
    }
    if (target.status === null) {
      target.signal(new Signal('KILL'));
      target.step();
      end = 'steps';
    }
    this.prune();
    return end;
  }

  /**
   * Runs every job until `target` ends or the next thing to happen lies beyond `until` (the
   * clock then stands at `until`): a foreground line someone can interrupt, run slice by slice.
   * Nothing is signalled; true once the target has ended.
   */
  runFor(target: Job, until: number): boolean {
    for (let steps = 0; target.status === null && steps < MAX_STEPS; steps++) {
      if (this.stepReady()) continue;
      const next = Math.ceil(Math.min(this.nextTimer(), this.nextTimer(true)));
      if (next > until) {
        if (Number.isFinite(until)) this.clock.set(Math.max(this.clock.now(), until));
        break;
      }
      this.clock.set(Math.max(this.clock.now(), next));
    }
    this.prune();
    return target.status !== null;
  }

  /** Runs the jobs that can go on at the current instant, without moving the clock. */
  settle(): void {
    for (let steps = 0; steps < MAX_STEPS && this.stepReady(); steps++);
    this.prune();
  }

  /** Steps the first job (in start order) that can go on now; false if none can. */
  private stepReady(): boolean {
    const now = this.clock.now();
    const activity = this.activity();
    const job = this.jobs.find((j) => j.ready(now, activity));
    if (!job) return false;
    job.step();
    return true;
  }

  /** The earliest wake-up of the jobs (or, with `daemons`, of the daemons only). */
  private nextTimer(daemons = false): number {
    let min = Infinity;
    for (const j of this.jobs) if (j.status === null && j.wait && j.daemon === daemons) min = Math.min(min, wakeTime(j.wait));
    return min;
  }

  /** Forgets ended jobs (the shell keeps what `wait` needs in its own table). */
  private prune(): void {
    for (let i = this.jobs.length - 1; i >= 0; i--) if (this.jobs[i]!.status !== null) this.jobs.splice(i, 1);
  }
}
