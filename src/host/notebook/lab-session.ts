/**
 * One open lab notebook's simulated world: a shell on a fresh world of the lab's `world`,
 * run cell by cell, with a snapshot before every executed cell (to revert to), escalating
 * hints for checks, and the lab's score. Pure: no vscode import.
 */
import type { WorldSnapshot } from '../../engine/world';
import { createWorld } from '../../engine/presets';
import { HintLedger, runCheckCell, type CheckOutcome } from '../../labs/grade';
import { worldDiff } from '../../labs/world-diff';
import { scriptLines } from '../../shell/script';
import type { World } from '../../engine/world';
import type { Host } from '../../engine/net/types';
import { Shell, type Chunk, type ShellOptions } from '../../shell/shell';
import type { RealFiles } from '../../shell/fs';
import { HOME_MOUNT } from '../../shell/snapshot-files';
import { LIMITS } from '../../engine/limits';

export interface CommandOutput {
  prompt: string;
  line: string;
  chunks: Chunk[];
  exitCode: number;
}

export type CellRun =
  | { kind: 'shell'; order: number; commands: CommandOutput[]; success: boolean; interrupted: boolean; diff: string[] }
  | { kind: 'check'; order: number; outcomes: CheckOutcome[]; success: boolean; passed: number; total: number; lab: { passed: number; total: number } };

interface Saved {
  cellId: string;
  world: WorldSnapshot;
  /** Where the shell stood: its host and the `ssh` sessions it had open (see Shell.sessions). */
  sessions: { hostId: number; cwd: string }[];
  vars: Record<string, string>;
  lastStatus: number;
}

export interface LabWorld {
  world: World;
  host: Host;
  /** How the notebook's shells see files (none by default). */
  options?: ShellOptions;
}

/** How a cell runs while VS Code shows it: progress while a long command runs, Stop, real time. */
export interface LiveCell {
  /** Asked before each line and between slices: true once the learner pressed Stop. */
  interrupted(): boolean;
  /** The cell's commands so far, while one of them is still running. */
  progress(commands: CommandOutput[]): void | PromiseLike<void>;
  /** Waits `ms` of real time. */
  sleep(ms: number): Promise<void>;
}

/**
 * A line runs at once while it takes less than this much simulated time (a `sleep 5`, a
 * `ping -c 3`, `docker stop`'s 10 s grace); beyond, it runs live: one slice of simulated time
 * per slice of real time, its output shown as it comes, until it ends or Stop interrupts it
 * (a `ping` without -c, `tcpdump`, `nc -l`, `docker logs -f` run until then, as in a terminal).
 */
export const INSTANT_MS = 10_000;
export const SLICE_MS = 250;

/** Snapshots kept for "revert": the oldest are dropped beyond this (each is a copy of the world). */
export const MAX_SNAPSHOTS = 200;

export type ShellFactory = (worldName: string) => LabWorld | string;

/** The default: a world preset, without the user's files. */
export const presetShell: ShellFactory = (worldName) => createWorld(worldName) ?? `unknown world '${worldName}'`;

export class LabSession {
  private shell!: Shell;
  private options: ShellOptions = {};
  private order = 0;
  private history: Saved[] = [];
  private readonly ledger = new HintLedger();
  /** Latest score of each check cell, for the lab's summary. */
  private readonly scores = new Map<string, { passed: number; total: number }>();

  private constructor(
    readonly worldName: string,
    private readonly factory: ShellFactory,
    /** The lab's folder, read-only at /root (the shell starts there), when the lab has one. */
    private readonly files?: RealFiles,
  ) {}

  static open(worldName: string, factory: ShellFactory = presetShell, files?: RealFiles): LabSession | string {
    const session = new LabSession(worldName, factory, files);
    const error = session.restart();
    return error ?? session;
  }

  get world() {
    return this.shell.world;
  }

  get executionCount(): number {
    return this.order;
  }

  /** A fresh world; forgets snapshots, hints and scores. Returns an error message if the world cannot be made. */
  restart(): string | undefined {
    const made = this.factory(this.worldName);
    if (typeof made === 'string') return made;
    this.options = { ...(made.options ?? {}), ...(this.files ? { realFiles: this.files, cwd: HOME_MOUNT } : {}) };
    this.shell = new Shell(made.world, made.host, this.options);
    this.order = 0;
    this.history = [];
    this.ledger.reset();
    this.scores.clear();
    return undefined;
  }

  /** Runs a shell cell's command lines in order; `interrupted()` is asked before each line. */
  runShell(cellId: string, code: string, interrupted: () => boolean = () => false): CellRun {
    const before = this.save(cellId);
    const commands: CommandOutput[] = [];
    let stopped = false;
    this.shell.limitTime(LIMITS.cellSimMs);
    for (const line of scriptLines(code)) {
      if (interrupted()) {
        stopped = true;
        break;
      }
      const prompt = this.shell.prompt;
      const result = this.shell.run(line);
      commands.push({ prompt, line, chunks: result.chunks, exitCode: result.exitCode });
    }
    this.shell.limitTime(undefined);
    const success = !stopped && commands.every((c) => c.exitCode === 0);
    const diff = worldDiff(before.world.state, this.shell.world.state, this.shell.host.id);
    return { kind: 'shell', order: ++this.order, commands, success, interrupted: stopped, diff };
  }

  /** Runs a shell cell for VS Code: long commands run live and Stop sends them Ctrl-C (see INSTANT_MS). */
  async runShellLive(cellId: string, code: string, live: LiveCell): Promise<CellRun> {
    const before = this.save(cellId);
    const commands: CommandOutput[] = [];
    let stopped = false;
    this.shell.limitTime(LIMITS.cellSimMs);
    for (const line of scriptLines(code)) {
      if (live.interrupted()) {
        stopped = true;
        break;
      }
      const prompt = this.shell.prompt;
      const running = this.shell.start(line, { interactive: true });
      const entry: CommandOutput = { prompt, line, chunks: running.chunks, exitCode: 0 };
      commands.push(entry);
      const clock = this.shell.world.clock;
      let done = running.advance(clock.now() + INSTANT_MS);
      while (!done) {
        entry.chunks = running.preview();
        await live.progress(commands);
        await live.sleep(SLICE_MS);
        if (live.interrupted()) {
          stopped = true;
          running.interrupt();
          done = running.advance(Infinity);
          break;
        }
        done = running.advance(clock.now() + SLICE_MS);
      }
      const result = running.finish();
      entry.chunks = result.chunks;
      entry.exitCode = result.exitCode;
      if (stopped) break;
    }
    this.shell.limitTime(undefined);
    const success = !stopped && commands.every((c) => c.exitCode === 0);
    const diff = worldDiff(before.world.state, this.shell.world.state, this.shell.host.id);
    return { kind: 'shell', order: ++this.order, commands, success, interrupted: stopped, diff };
  }

  runCheck(cellId: string, code: string): CellRun {
    this.save(cellId);
    const outcomes = runCheckCell({ world: this.shell.world, host: this.shell.host }, code, this.ledger, cellId);
    const passed = outcomes.filter((o) => o.pass).length;
    this.scores.set(cellId, { passed, total: outcomes.length });
    return { kind: 'check', order: ++this.order, outcomes, success: passed === outcomes.length, passed, total: outcomes.length, lab: this.score() };
  }

  /** passed/total over the latest run of every check cell. */
  score(): { passed: number; total: number } {
    let passed = 0;
    let total = 0;
    for (const s of this.scores.values()) {
      passed += s.passed;
      total += s.total;
    }
    return { passed, total };
  }

  canRevert(cellId: string): boolean {
    return this.history.some((h) => h.cellId === cellId);
  }

  /** Puts the world (and the shell's directory and variables) back as they were before the cell last ran. */
  revertTo(cellId: string): boolean {
    let index = -1;
    this.history.forEach((h, i) => {
      if (h.cellId === cellId) index = i;
    });
    if (index < 0) return false;
    const saved = this.history[index]!;
    const world = this.shell.world;
    world.restore(saved.world);
    // The restored state holds new objects: a shell on the host it stood on then (with the ssh sessions it had open), its directory and variables.
    const [first, ...logins] = saved.sessions;
    this.shell = new Shell(world, world.host(first!.hostId), { ...this.options, cwd: first!.cwd });
    this.shell.reopenSessions(logins);
    for (const key of Object.keys(this.shell.vars)) delete this.shell.vars[key];
    Object.assign(this.shell.vars, saved.vars);
    this.shell.lastStatus = saved.lastStatus;
    this.history = this.history.slice(0, index);
    return true;
  }

  private save(cellId: string): Saved {
    const saved = { cellId, world: this.shell.world.snapshot(), sessions: this.shell.sessions, vars: { ...this.shell.vars }, lastStatus: this.shell.lastStatus };
    this.history.push(saved);
    if (this.history.length > MAX_SNAPSHOTS) this.history.shift();
    return saved;
  }
}
