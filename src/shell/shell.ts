/**
 * The host's shell: parses a command line and runs it against the world, like bash would.
 * Commands run as jobs on a scheduler over the simulated clock (jobs/), so `cmd &`, `wait`,
 * `sleep` and `timeout` behave as in bash while nothing reads the real clock.
 * Nothing throws out of `run`: an internal error becomes a message and exit status 1.
 */
import type { World } from '../engine/world';
import type { Host, Netns } from '../engine/net/types';
import { activity } from '../engine/packet/capture';
import type { AndOr, CaseCommand, Command, FunctionDef, List, Pipeline, SimpleCommand, Word } from './parse/ast';
import { parse, SyntaxError, unclosedHeredocs } from './parse/parser';
import { heredocWord } from './parse/lexer';
import { ArithError, evaluate } from './parse/arith';
import { resolvePath, SimFs, type FileSystem, type RealFiles } from './fs';
import { COMMANDS, isProgram } from './registry';
import { commandBuiltin, typeBuiltin } from './coreutils/lookup-builtins';
import { readBuiltin } from './coreutils/read-builtin';
import { Output, type CommandResult, type ShellContext } from './types';
import { drive, Group, Signal, type Proc, type ProcContext } from './jobs/process';
import { Scheduler, type Job, type RunEnd } from './jobs/scheduler';
import { setPingInterrupt } from './nettools/ping-session';
import { processFor, spawn, type SpawnDeps } from './jobs/spawn';
import { inputRedirect, joinStream, redirect, type Chunk, type RedirectDeps, type Sink } from './jobs/redirect';
import { JobTable, jobsBuiltin, waitBuiltin } from './jobs/table';
import { hostKill } from './coreutils/kill';
import { bgBuiltin, fgBuiltin } from './jobs/fg-bg';
import { LIMITS, cellTimeLimitMessage, lineTimeLimitMessage, lineTooLongMessage, stepLimitMessage } from '../engine/limits';
import { settleAll } from '../engine/docker/settle-all';
import { limitOutput, WorldSizeGuard } from './line-limits';
import { ssh, type SshSession } from './nettools/ssh';
import { ExpansionError } from './expand/error';
import { WordExpander } from './expand/fields';
import { condStatus } from './expand/cond';
import { matches } from './expand/pattern';
import { enter, leave, localBuiltin, returnBuiltin, shiftBuiltin, type FunctionEnv } from './functions';
import { aliasBuiltin, unaliasBuiltin, type Aliases } from './aliases';
import { History, historyBuiltin, historySize } from './history';
import { SeededRng } from '../common/rng';
import { quoteWord, setBuiltin, traceLine, type SetOptions } from './set-builtin';

export type { Chunk } from './jobs/redirect';

export interface LineResult extends CommandResult {
  /** stdout and stderr in the order they were written. */
  chunks: Chunk[];
}

/** A command line being run by its caller (see Shell.start). */
export interface RunningLine {
  /** Its output so far, in the order written. */
  readonly chunks: Chunk[];
  /** Runs it until it ends or simulated time reaches `until`; true once it has ended. */
  advance(until: number): boolean;
  /** What the screen shows so far: the output, and what the running command has written yet. */
  preview(): Chunk[];
  /** Ctrl-C: SIGINT to the line's job. */
  interrupt(): void;
  /** Runs it to its end if needed; its result (status, output within the limits). */
  finish(): LineResult;
}

export interface ShellOptions {
  realFiles?: RealFiles;
  cwd?: string;
}

/** What a (sub)shell carries: the shell itself, or a copy for `( … )`, `cmd &` and `sh -c`. */
interface Env extends FunctionEnv {
  /** `set -e`, `-u`, `-x`, `-o pipefail`. */
  flags?: SetOptions;
  /** How many `if`/`while` conditions enclose the command (`set -e` ignores failures there). */
  conditions?: number;
  cwd: string;
  vars: Record<string, string>;
  lastStatus: number;
  /** Set by `exit`: the (sub)shell runs nothing more. */
  exited?: boolean;
  /** How many loops enclose the command being run. */
  loops?: number;
  /** Set by `break N` / `continue N`: the loops still to leave, innermost first; `return` leaves them all. */
  jump?: { kind: 'break' | 'continue' | 'return'; levels: number; status?: number };
  /** The input the commands of a compound command share (`… | while read l; do …; done`): each reader takes from it. */
  input?: { rest: string };
}

/** A `while`/`until`/`for` loop stops after this many rounds (a cell must not hang the editor). */
export const MAX_LOOP_ROUNDS = LIMITS.loopRounds;

/** A word may not grow past LIMITS.wordChars (`x=$x$x` in a loop would exhaust memory). */
function capped(word: string): string {
  if (word.length > LIMITS.wordChars) throw new ExpansionError(`word over ${LIMITS.wordChars} characters after expansion (the limit for one word)`);
  return word;
}

/** `$$`. */
const SHELL_PID = 4242;

type Exec = Generator<import('./jobs/process').Wait, number, void>;

export class Shell implements Env {
  /** The current host's files (another host's after `ssh HOST`). */
  fs: FileSystem;
  cwd: string;
  lastStatus = 0;
  exited = false;
  readonly vars: Record<string, string>;
  readonly jobs = new JobTable(SHELL_PID);
  private readonly scheduler: Scheduler;
  /** The simulated instant the running line must end by (LIMITS.lineSimMs, or the cell's budget). */
  private deadline = Infinity;
  private budgetUntil: number | undefined;
  /** Where background jobs write: the transcript of the line being run. */
  private lineChunks: Chunk[] = [];
  /**
   * A terminal's shell (bash -i): job notices, `[1] PID` when a job starts and `[1]+  Done …`
   * before the next command once it ended. Scripts and lab cells are not interactive.
   */
  interactive = false;
  /** `alias NAME=VALUE`: expanded in the lines an interactive shell reads. */
  readonly aliases: Aliases = new Map();
  /** The lines an interactive shell read, for `history`. */
  readonly history = new History();
  /** The output of the line's command that writes to the screen while it runs (see RunningLine.preview). */
  private liveOut: Output | null = null;
  private liveCandidate = false;
  /** The status of the last command substitution of the command being expanded. */
  private substituted: number | undefined;
  /** The hosts left by `ssh HOST`, innermost last: `exit` goes back to the previous one. */
  private readonly logins: Array<{ host: Host; fs: FileSystem; cwd: string }> = [];
  private readonly spawnDeps: SpawnDeps = {
    exec: (argv, ctx) => this.exec(argv, ctx),
    runLine: (line, ctx, out) => this.childShell(line, ctx, out),
  };

  /** The host the shell runs on: changes with `ssh HOST` and `exit`. */
  private hostRef!: Host;
  /** The host is the world state's own object (not a view made for a container's shell). */
  private hostInState = false;

  constructor(
    readonly world: World,
    host: Host,
    private readonly options: ShellOptions = {},
  ) {
    this.host = host;
    this.fs = new SimFs(world, host, options.realFiles);
    this.cwd = options.cwd ?? '/root';
    this.vars = { HOME: '/root', USER: 'root', PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', SHELL: '/bin/bash' };
    this.scheduler = new Scheduler(world.clock, () => activity(world));
    this.startedAt = world.clock.now();
  }

  /**
   * The shell's host as the world state holds it now: after `world.restore(snapshot)` (a revert, a
   * command undone at a limit, the terminal re-running a ping) the state holds new objects, and a
   * kept object would be written to where nobody reads (`ip netns add` lost from /run/netns).
   */
  get host(): Host {
    return (this.hostInState && this.world.state.hosts[this.hostRef.id]) || this.hostRef;
  }

  set host(host: Host) {
    this.hostRef = host;
    // A container's shell runs on a view of its host with the container's namespace as root.
    this.hostInState = this.world.state.hosts[host.id]?.rootNsId === host.rootNsId;
  }

  /** The hosts of the open `ssh` sessions, outermost first, then the current one, each with its directory. */
  get sessions(): { hostId: number; cwd: string }[] {
    return [...this.logins.map((l) => ({ hostId: l.host.id, cwd: l.cwd })), { hostId: this.host.id, cwd: this.cwd }];
  }

  /** Opens `ssh` sessions again (a revert puts the shell back where it stood): each host is logged into from the one before. */
  reopenSessions(sessions: { hostId: number; cwd: string }[]): void {
    for (const { hostId, cwd } of sessions) {
      const host = this.world.state.hosts[hostId];
      if (!host) return;
      this.sshSession().login(host);
      this.cwd = cwd;
    }
  }

  /** How many `ssh HOST` sessions are open: `exit` ends the innermost one, not the shell. */
  get sshDepth(): number {
    return this.logins.length;
  }

  get prompt(): string {
    const dir = this.cwd === '/root' ? '~' : this.cwd.startsWith('/root/') ? '~' + this.cwd.slice(5) : this.cwd;
    return `root@${this.host.hostname}:${dir}# `;
  }

  run(line: string): LineResult {
    const running = this.start(line);
    running.advance(Infinity);
    return running.finish();
  }

  /**
   * Starts a command line that the caller drives: `advance` runs it on simulated time, `finish`
   * gives its result. `run` drives a line to its end at once (a script: a command that would wait
   * forever gets the simulated Ctrl-C); with `interactive`, someone can press Ctrl-C (a notebook
   * cell, a terminal), so `advance` stops at the instant asked and a ping without -c keeps going
   * until `interrupt`.
   */
  start(line: string, options: { interactive?: boolean } = {}): RunningLine {
    const chunks: Chunk[] = [];
    this.lineChunks = chunks;
    this.jobs.line++;
    let job: Job | null = null;
    let end: RunEnd = 'done';
    let lineLimit = Infinity;
    const failed = (e: unknown) => {
      chunks.push({ stream: 'stderr', text: `vethlab: internal error: ${e instanceof Error ? e.message : String(e)}\n` });
      if (job && job.status === null) job.status = 1;
      this.lastStatus = 1;
    };
    try {
      if (line.length > LIMITS.commandLineChars) {
        chunks.push({ stream: 'stderr', text: lineTooLongMessage() });
        this.lastStatus = 1;
      } else {
        if (this.interactive && line.trim() !== '') this.history.add(line, historySize(this.vars.HISTSIZE));
        const list = parse(line, this.interactive ? { aliases: this.aliases } : {});
        if (list instanceof SyntaxError) {
          chunks.push({ stream: 'stderr', text: `bash: ${list.message}\n` });
          this.lastStatus = 2;
        } else {
          for (const delimiter of unclosedHeredocs(line)) chunks.push({ stream: 'stderr', text: `bash: warning: here-document at line 1 delimited by end-of-file (wanted \`${delimiter}')\n` });
          this.exited = false;
          const group = new Group();
          lineLimit = this.world.clock.now() + LIMITS.lineSimMs;
          this.deadline = Math.min(lineLimit, this.budgetUntil ?? Infinity);
          job = this.scheduler.spawn(this.runList(list, this, this.rootNs(), chunks, group), SHELL_PID, line, group);
        }
      }
    } catch (e) {
      failed(e);
    }
    const interactive = options.interactive === true;
    let finished: LineResult | undefined;
    return {
      chunks,
      advance: (until) => {
        if (!job || job.status !== null) return true;
        this.lineChunks = chunks;
        if (interactive) setPingInterrupt(this.world, Infinity);
        try {
          if (!interactive || until >= this.deadline) end = this.scheduler.runUntil(job, this.deadline);
          else this.scheduler.runFor(job, until);
        } catch (e) {
          failed(e);
        } finally {
          if (interactive) setPingInterrupt(this.world, undefined);
        }
        return job.status !== null;
      },
      preview: () => {
        const out = job && job.status === null ? this.liveOut : null;
        return out ? [...chunks, { stream: 'stdout', text: out.stdout }, { stream: 'stderr', text: out.stderr }] : [...chunks];
      },
      interrupt: () => job?.signal(new Signal('INT')),
      finish: () => {
        if (finished) return finished;
        if (job) {
          try {
            if (job.status === null) end = this.scheduler.runUntil(job, this.deadline);
            settleAll(this.world);
            // Background jobs do what they can at this instant (a listener binds its port).
            this.scheduler.settle();
            this.lastStatus = job.status ?? 1;
            if (end === 'steps') chunks.push({ stream: 'stderr', text: stepLimitMessage() });
            else if (end === 'time' || (this.lastStatus !== 0 && this.world.clock.now() >= this.deadline)) {
              // Vethlab stopped the line (its Ctrl-C at the limit): a failure even if the program caught it.
              if (this.lastStatus === 0) this.lastStatus = 130;
              chunks.push({ stream: 'stderr', text: this.deadline < lineLimit ? cellTimeLimitMessage() : lineTimeLimitMessage() });
            }
          } catch (e) {
            failed(e);
          }
        }
        // An interactive bash reports the jobs that ended before it prompts again.
        if (this.interactive) for (const text of this.jobs.notices()) chunks.push({ stream: 'stderr', text });
        const limited = limitOutput(chunks);
        if (limited !== chunks && this.lastStatus === 0) this.lastStatus = 1;
        finished = { stdout: joinStream(limited, 'stdout'), stderr: joinStream(limited, 'stderr'), exitCode: this.lastStatus, chunks: limited };
        return finished;
      },
    };
  }

  /**
   * Caps the simulated time of the lines run from now on, all together (a lab cell: at most
   * LIMITS.cellSimMs); `undefined` lifts the cap. Each line also has its own LIMITS.lineSimMs.
   */
  limitTime(ms: number | undefined): void {
    this.budgetUntil = ms === undefined ? undefined : this.world.clock.now() + ms;
  }

  private rootNs(): Netns {
    return this.world.netns(this.host.rootNsId);
  }

  private *runList(list: List, env: Env, ns: Netns, chunks: Sink, group: Group): Exec {
    let status = env.lastStatus;
    for (const item of list.items) {
      if (group.killed || env.exited || env.jump) break;
      if (item.background) {
        this.background(item.andOr, env, ns, item.text, chunks);
        status = env.lastStatus = 0;
        continue;
      }
      status = yield* this.runAndOr(item.andOr, env, ns, chunks, group);
      env.lastStatus = status;
    }
    // Ctrl-C that the program caught (ping and tcpdump print their summary): $? is its own status.
    const signal = group.killed;
    return signal && (signal.name !== 'INT' || group.died) ? signal.status : status;
  }

  /** `cmd &`: a subshell job on the scheduler, writing to whatever line is running when it writes. */
  private background(andOr: AndOr, env: Env, ns: Netns, text: string, chunks: Sink): void {
    const pid = this.jobs.allocatePid();
    const copy = forkEnv(env);
    const group = new Group();
    const sink: Sink = { push: (...items: Chunk[]) => this.lineChunks.push(...items) };
    const job = this.scheduler.spawn(this.runAndOr(andOr, copy, ns, sink, group), pid, text, group);
    const entry = this.jobs.add(pid, job, group, text);
    // An interactive bash says which job and process it started (scripts and lab cells do not).
    if (this.interactive && env === this) chunks.push({ stream: 'stderr', text: `[${entry.number}] ${pid}\n` });
  }

  private *runAndOr(andOr: AndOr, env: Env, ns: Netns, chunks: Sink, group: Group): Exec {
    let status = yield* this.runPipeline(andOr.first, env, ns, chunks, group);
    let last = andOr.first;
    for (const { op, pipeline } of andOr.rest) {
      if (group.killed || env.exited || env.jump) break;
      env.lastStatus = status;
      if ((op === '&&') === (status === 0)) {
        status = yield* this.runPipeline(pipeline, env, ns, chunks, group);
        last = pipeline;
      }
    }
    // `set -e`: only the and-or list's last pipeline, not negated, outside a condition, ends the line.
    const final = andOr.rest.length === 0 ? andOr.first : andOr.rest[andOr.rest.length - 1]!.pipeline;
    if (status !== 0 && env.flags?.errexit && !env.conditions && last === final && !last.negate) env.exited = true;
    return status;
  }

  private *runPipeline(pipeline: Pipeline, env: Env, ns: Netns, chunks: Sink, group: Group): Exec {
    // The first command reads what the enclosing command reads (env.input), the others the pipe.
    let stdin: string | undefined;
    let status = 0;
    for (let index = 0; index < pipeline.commands.length; index++) {
      const last = index === pipeline.commands.length - 1;
      const local: Chunk[] = [];
      // A lone command of the line writes straight to the screen: a live view may show it as it runs.
      this.liveCandidate = pipeline.commands.length === 1 && chunks === this.lineChunks;
      const own = yield* this.runCommand(pipeline.commands[index]!, env, ns, stdin, local, group);
      // `set -o pipefail`: the last command that failed gives the status.
      status = env.flags?.pipefail && own === 0 && index > 0 ? status : own;
      stdin = joinStream(local, 'stdout');
      for (const c of local) if (last || c.stream === 'stderr') chunks.push(c);
    }
    return pipeline.negate ? (status === 0 ? 1 : 0) : status;
  }

  private *runCommand(command: Command, env: Env, ns: Netns, stdin: string | undefined, chunks: Sink, group: Group): Exec {
    const enclosing = env.input;
    try {
      return yield* this.runCompound(command, env, ns, stdin, chunks, group);
    } catch (e) {
      if (!(e instanceof ExpansionError)) throw e;
      // A failed expansion (`$((1/0))`) ends the rest of the line, as it ends a script.
      chunks.push({ stream: 'stderr', text: `bash: ${e.message}\n` });
      env.exited = true;
      return 1;
    } finally {
      env.input = enclosing;
    }
  }

  private *runCompound(command: Command, env: Env, ns: Netns, stdin: string | undefined, chunks: Sink, group: Group): Exec {
    if (command.kind === 'simple') return yield* this.runSimple(command, env, ns, stdin, chunks, group);
    const given = inputRedirect(this.redirectDeps(env, ns), command.redirects, ns);
    if (typeof given === 'object') return redirect(this.redirectDeps(env, ns), [], given, [], chunks, ns);
    if (given !== undefined || stdin !== undefined) env.input = { rest: given ?? stdin ?? '' };
    const inner: Chunk[] = [];
    let status = 0;
    const over = (rounds: number) => {
      if (rounds < MAX_LOOP_ROUNDS) return false;
      inner.push({ stream: 'stderr', text: `vethlab: loop stopped after ${MAX_LOOP_ROUNDS} rounds\n` });
      status = 1;
      return true;
    };
    if (command.kind === 'for') {
      const values = command.words.flatMap((w) => this.expandFields(w, env, ns));
      env.loops = (env.loops ?? 0) + 1;
      for (let round = 0; round < values.length && !over(round); round++) {
        if (group.killed || env.exited) break;
        env.vars[command.name] = values[round]!;
        this.trace(env, inner, ['for', command.name, 'in', ...values.map((v) => quoteWord(v))]);
        status = yield* this.runList(command.body, env, ns, inner, group);
        if (leaveLoop(env)) break;
      }
      env.loops--;
    } else if (command.kind === 'while') {
      env.loops = (env.loops ?? 0) + 1;
      for (let round = 0; !over(round); round++) {
        if (group.killed || env.exited) break;
        const test = yield* this.condition(command.condition, env, ns, inner, group);
        if (leaveLoop(env)) break;
        if ((test === 0) === command.until || group.killed || env.exited) break;
        status = yield* this.runList(command.body, env, ns, inner, group);
        if (leaveLoop(env)) break;
      }
      env.loops--;
    } else if (command.kind === 'if') {
      const chosen = yield* this.chooseClause(command.clauses, env, ns, inner, group);
      const body = chosen ?? command.otherwise;
      if (body && !group.killed && !env.exited) status = yield* this.runList(body, env, ns, inner, group);
    } else if (command.kind === 'case') {
      status = yield* this.runCase(command, env, ns, inner, group);
    } else if (command.kind === 'function') {
      (env.functions ??= {})[command.name] = command;
    } else if (command.kind === 'arith') {
      this.trace(env, inner, [`(( ${command.expr} ))`]);
      const value = this.arithCommand('((', command.expr, env, ns, inner);
      status = value === undefined || value === 0n ? 1 : 0;
    } else if (command.kind === 'cfor') {
      env.loops = (env.loops ?? 0) + 1;
      let ok = command.init.trim() === '' || this.arithCommand('((', command.init, env, ns, inner) !== undefined;
      for (let round = 0; ok && !over(round); round++) {
        if (group.killed || env.exited) break;
        const test = command.test.trim() === '' ? 1n : this.arithCommand('((', command.test, env, ns, inner);
        if (test === undefined) status = 1;
        if (test === undefined || test === 0n) break;
        status = yield* this.runList(command.body, env, ns, inner, group);
        if (leaveLoop(env)) break;
        ok = command.step.trim() === '' || this.arithCommand('((', command.step, env, ns, inner) !== undefined;
        if (!ok) status = 1;
      }
      env.loops--;
    } else if (command.kind === 'cond') {
      status = condStatus(command.expr, this.condScope(env, ns, inner));
    } else if (command.kind === 'group') {
      status = yield* this.runList(command.body, env, ns, inner, group);
    } else {
      const sub: Env = { ...forkEnv(env), input: env.input };
      status = yield* this.runList(command.body, sub, ns, inner, group);
    }
    return redirect(this.redirectDeps(env, ns), command.redirects, { stdout: '', stderr: '', exitCode: status }, inner, chunks, ns);
  }

  /** `case`: the first item with a matching pattern runs; `;&` runs the next body too, `;;&` tests the next items. */
  private *runCase(command: CaseCommand, env: Env, ns: Netns, inner: Chunk[], group: Group): Exec {
    const expander = this.expander(env, ns);
    const subject = expander.text(command.word);
    this.trace(env, inner, ['case', quoteWord(subject), 'in']);
    let status = 0;
    let fallThrough = false;
    for (const item of command.items) {
      if (group.killed || env.exited || env.jump) break;
      if (!fallThrough && !item.patterns.some((p) => matches(expander.pattern(p), subject))) continue;
      status = yield* this.runList(item.body, env, ns, inner, group);
      fallThrough = item.end === ';&';
      if (item.end === ';;') break;
    }
    return status;
  }

  /** A function call: its body runs in this shell with the arguments as $1…; `local` and `return` work inside. */
  private *callFunction(fn: FunctionDef, argv: string[], env: Env, ns: Netns, stdin: string | undefined, chunks: Chunk[], group: Group): Exec {
    const saved = enter(env, fn.name, argv.slice(1));
    let status = 1;
    try {
      status = yield* this.runCommand(fn.body, env, ns, stdin, chunks, group);
    } finally {
      status = leave(env, saved, status);
    }
    return status;
  }

  /** What `[[ … ]]` needs: expansions, file tests on the simulated files, BASH_REMATCH. */
  private condScope(env: Env, ns: Netns, inner: Chunk[]): import('./expand/cond').CondScope {
    const expander = this.expander(env, ns);
    const ctx: ShellContext = { world: this.world, host: this.host, ns, stdin: '', env: env.vars, cwd: env.cwd, fs: this.fs, exec: (a, c) => this.exec(a, c), runLine: (l, c) => this.runIn(l, c.ns, c.env) };
    const test = (args: string[]) => this.exec(['test', ...args], ctx).exitCode === 0;
    return {
      text: (w) => expander.text(w),
      pattern: (w) => expander.pattern(w),
      regex: (w) => expander.regex(w),
      arith: (e) => this.arith(e, env),
      unary: (op, operand) => test([op, operand]),
      files: (op, left, right) => test([left, op, right]),
      isSet: (name) => this.parameter(name, env) !== undefined,
      trace: (words) => this.trace(env, inner, ['[[', ...words, ']]']),
      rematch: (groups) => {
        if (groups) env.vars.BASH_REMATCH = groups[0]!;
        else delete env.vars.BASH_REMATCH;
      },
    };
  }

  /** An `if`/`while` condition: `set -e` does not apply inside it. */
  private *condition(list: List, env: Env, ns: Netns, inner: Chunk[], group: Group): Exec {
    env.conditions = (env.conditions ?? 0) + 1;
    try {
      return yield* this.runList(list, env, ns, inner, group);
    } finally {
      env.conditions--;
    }
  }

  /** The body of the first `if`/`elif` whose condition succeeds. */
  private *chooseClause(clauses: { condition: List; body: List }[], env: Env, ns: Netns, inner: Chunk[], group: Group): Generator<import('./jobs/process').Wait, List | undefined, void> {
    for (const clause of clauses) {
      const test = yield* this.condition(clause.condition, env, ns, inner, group);
      if (group.killed || env.exited) return undefined;
      if (test === 0) return clause.body;
    }
    return undefined;
  }

  private *runSimple(command: SimpleCommand, env: Env, ns: Netns, stdin: string | undefined, chunks: Sink, group: Group): Exec {
    this.substituted = undefined;
    const argv = command.words.flatMap((w) => this.expandFields(w, env, ns));
    const vars: Record<string, string> = { ...env.vars };
    for (const { name, value } of command.assigns) {
      const text = this.expand(value, env, ns);
      if (argv.length === 0) env.vars[name] = text;
      else vars[name] = text;
      this.trace(env, chunks, [`${name}=${quoteWord(text)}`]);
    }
    if (argv.length > 0) this.trace(env, chunks, argv.map((a) => quoteWord(a)));
    const deps = this.redirectDeps(env, ns);
    const input = inputRedirect(deps, command.redirects, ns);
    if (typeof input === 'object') return redirect(deps, [], input, [], chunks, ns);
    // `x=$(false)` has the status of its last command substitution.
    if (argv.length === 0) return redirect(deps, command.redirects, { stdout: '', stderr: '', exitCode: this.substituted ?? 0 }, [], chunks, ns);
    const fn = env.functions?.[argv[0]!];
    if (fn) {
      const inner: Chunk[] = [];
      const status = yield* this.callFunction(fn, argv, env, ns, input ?? stdin, inner, group);
      return redirect(deps, command.redirects, { stdout: '', stderr: '', exitCode: status }, inner, chunks, ns);
    }
    const ctx: ProcContext = {
      world: this.world,
      host: this.host,
      ns,
      stdin: input ?? stdin ?? '',
      env: vars,
      cwd: env.cwd,
      fs: this.fs,
      exec: (args, c) => this.exec(args, c),
      runLine: (line, c) => this.runIn(line, c.ns, c.env),
      group,
      spawn: (args, c, out) => spawn(this.spawnDeps, args, c, out),
      daemon: (name, pid, proc) => this.daemon(name, pid, proc),
      ...(Number.isFinite(this.deadline) ? { deadline: this.deadline } : {}),
    };
    // Reading the enclosing command's input takes all of it; `read` takes a line (it sets ctx.stdin to the rest).
    const stream = input === undefined && stdin === undefined ? env.input : undefined;
    let taken = false;
    if (stream) Object.defineProperty(ctx, 'stdin', { enumerable: true, configurable: true, get: () => ((taken = true), stream.rest), set: (rest: string) => void (stream.rest = rest) });
    const out = new Output();
    let status: number;
    // Containers whose process ended are gone before the next command looks (their veth too).
    settleAll(this.world);
    const guard = new WorldSizeGuard(this.world, argv[0]);
    const live = this.liveCandidate && command.redirects.length === 0;
    this.liveCandidate = false;
    if (live) this.liveOut = out;
    try {
      status = yield* this.program(argv, ctx, out, env);
    } catch (e) {
      if (!(e instanceof Signal)) throw e;
      status = e.status;
      group.markDied();
    } finally {
      if (live) this.liveOut = null;
      // Programs that wait (ping, docker…) get a copy of the context, read or not: they leave the input.
      if (stream && taken && argv[0] !== 'read' && !processFor(argv[0] ?? '')) stream.rest = '';
    }
    const over = guard.exceeded();
    if (over) {
      // The world was restored from a snapshot: objects this line holds are stale, so the line ends here.
      out.err(over);
      env.exited = true;
      return redirect(deps, [], out.done(1), [], chunks, ns);
    }
    return redirect(deps, command.redirects, out.done(status), [], chunks, ns);
  }

  /** Builtins that change or ask the shell itself, else a program. */
  private *program(argv: string[], ctx: ProcContext, out: Output, env: Env): Exec {
    const [name, ...args] = argv;
    if (name === 'cd') {
      const target = resolvePath(env.cwd, args[0] ?? '/root');
      if (!this.fs.isDirectory(target)) {
        out.err(`bash: cd: ${args[0]}: No such file or directory`);
        return 1;
      }
      env.cwd = target;
      return 0;
    }
    if (name === 'export') {
      for (const a of args) {
        const eq = a.indexOf('=');
        if (eq > 0) env.vars[a.slice(0, eq)] = a.slice(eq + 1);
      }
      return 0;
    }
    if (name === 'pwd') {
      out.line(ctx.cwd);
      return 0;
    }
    if (name === 'exit' && env === this && this.logins.length > 0) return this.logout(args, out);
    if (name === 'ssh') return ssh(args, this.sshSession(), out);
    if (name === 'eval') return yield* this.evalLine(args.join(' '), ctx, out, env);
    if (name === 'unset') {
      const functions = args[0] === '-f';
      for (const a of args) if (!a.startsWith('-')) delete (functions ? (env.functions ?? {}) : env.vars)[a];
      return 0;
    }
    if (name === 'local') return localBuiltin(args, env, out);
    if (name === 'let') return this.letBuiltin(args, env, ctx.ns, out);
    if (name === 'set') return setBuiltin(args, env, out, env === this && this.interactive);
    // A subshell's aliases would end with it: only this shell's own are kept.
    if (name === 'alias') return aliasBuiltin(args, env === this ? this.aliases : new Map(this.aliases), out);
    if (name === 'unalias') return unaliasBuiltin(args, env === this ? this.aliases : new Map(this.aliases), out);
    if (name === 'history') return historyBuiltin(args, env === this && this.interactive ? this.history : new History(), out);
    if (name === 'return') return returnBuiltin(args, env, out);
    if (name === 'shift') return shiftBuiltin(args, env, out);
    if (name === 'exit') {
      const code = args[0] === undefined ? env.lastStatus : Number(args[0]);
      if (!Number.isInteger(code)) {
        out.err(`bash: exit: ${args[0]}: numeric argument required`);
        env.exited = true;
        return 2;
      }
      env.exited = true;
      return code & 255;
    }
    if (name === 'break' || name === 'continue') return loopJump(name, args, env, out);
    if (name === 'wait') return yield* waitBuiltin(args, this.jobs, out);
    if (name === 'jobs') return jobsBuiltin(args, this.jobs, out, this.interactive);
    if (name === 'kill') return hostKill(args, this.jobs, out, ctx);
    if (name === 'fg' || name?.startsWith('%')) return yield* fgBuiltin(name === 'fg' ? args : [name], this.jobs, out, this.interactive && env === this);
    if (name === 'bg') return bgBuiltin(args, this.jobs, out, this.interactive && env === this);
    if (name === 'type') return typeBuiltin(args, out, isProgram);
    if (name === 'command') {
      const r = commandBuiltin(args, out, isProgram);
      return 'status' in r ? r.status : yield* this.program(r.rest, ctx, out, env);
    }
    if (name === 'read') {
      const r = readBuiltin(args, ctx.stdin, ctx.env, out);
      Object.assign(env.vars, r.vars);
      ctx.stdin = r.rest;
      return r.status;
    }
    if (name === 'source' || name === '.') return yield* this.sourceFile(name, args, ctx, out, env);
    return yield* spawn(this.spawnDeps, argv, ctx, out);
  }

  /** `source FILE` / `. FILE`: the file's lines run in this shell (its variables and cd stay). */
  private *sourceFile(name: string, args: string[], ctx: ProcContext, out: Output, env: Env): Exec {
    const file = args[0];
    if (file === undefined) {
      out.err(`bash: ${name}: filename argument required\n${name}: usage: ${name} filename [arguments]`);
      return 2;
    }
    const path = resolvePath(env.cwd, file);
    if (this.fs.isDirectory(path)) {
      out.err(`bash: ${name}: ${file}: is a directory`);
      return 1;
    }
    const text = this.fs.read(path, ctx.ns);
    if (!text.ok) {
      out.err(`bash: ${file}: No such file or directory`);
      return 1;
    }
    return yield* this.runHere(text.data, file, ctx, out, env);
  }

  /** `eval ARGS…`: the words joined by spaces, run as a command line in this shell (exports stay). */
  private *evalLine(line: string, ctx: ProcContext, out: Output, env: Env): Exec {
    return yield* this.runHere(line, 'eval', ctx, out, env);
  }

  /** Command lines run in this shell itself (eval, source): a syntax error is bash's `bash: WHERE: line 1: …`, status 2. */
  private *runHere(text: string, where: string, ctx: ProcContext, out: Output, env: Env): Exec {
    const list = parse(text);
    if (list instanceof SyntaxError) {
      out.err(`bash: ${where}: line 1: ${list.message}`);
      return 2;
    }
    const chunks: Chunk[] = [];
    const status = yield* this.runList(list, env, ctx.ns, chunks, ctx.group);
    out.stdout += joinStream(chunks, 'stdout');
    out.stderr += joinStream(chunks, 'stderr');
    return status;
  }

  /** What `ssh` may do to this shell: log in to another host, or run one line there. */
  private sshSession(): SshSession {
    return {
      world: this.world,
      login: (host) => {
        this.logins.push({ host: this.host, fs: this.fs, cwd: this.cwd });
        this.host = host;
        this.fs = new SimFs(this.world, host, this.options.realFiles);
        this.cwd = '/root';
      },
      runOn: (host, line) => new Shell(this.world, host, { ...this.options, cwd: '/root' }).run(line),
    };
  }

  /** `exit` in a shell opened by `ssh HOST`: back to the host it came from, as ssh prints it. */
  private logout(args: string[], out: Output): number {
    const code = args[0] === undefined ? this.lastStatus : Number(args[0]);
    const back = this.logins.pop()!;
    const left = this.host.hostname;
    this.host = back.host;
    this.fs = back.fs;
    this.cwd = back.cwd;
    out.line('logout');
    out.err(`Connection to ${left} closed.`);
    return Number.isInteger(code) ? code & 255 : 2;
  }

  /** `sh -c LINE` as a child shell process in the context's namespace. */
  private *childShell(line: string, ctx: ProcContext, out: Output): Proc {
    const list = parse(line);
    if (list instanceof SyntaxError) {
      out.err(`sh: 1: ${list.message}`);
      return 2;
    }
    const env: Env = { cwd: ctx.cwd, vars: { ...ctx.env }, lastStatus: this.lastStatus, input: { rest: ctx.stdin } };
    const chunks: Chunk[] = [];
    const status = yield* this.runList(list, env, ctx.ns, chunks, ctx.group);
    out.stdout += joinStream(chunks, 'stdout');
    out.stderr += joinStream(chunks, 'stderr');
    return status;
  }

  /** `sh -c LINE` run to its end at once, in a namespace. */
  runIn(line: string, ns: Netns, vars: Record<string, string> = this.vars): CommandResult {
    const out = new Output();
    // `env X=1 sh -c …`: the child shell starts from the environment it was given.
    const ctx = this.procContext({ world: this.world, host: this.host, ns, stdin: '', env: { ...vars }, cwd: this.cwd, fs: this.fs, exec: (a, c) => this.exec(a, c), runLine: (l, c) => this.runIn(l, c.ns, c.env) });
    const status = drive(this.childShell(line, ctx, out), this.world.clock);
    return out.done(status);
  }

  /** Runs one program by name at once (also used by `ip netns exec`, `sudo`). */
  exec(argv: string[], ctx: ShellContext): CommandResult {
    const name = argv[0] ?? '';
    const base = name.slice(name.lastIndexOf('/') + 1);
    const waiting = processFor(base);
    if (waiting) {
      const out = new Output();
      const status = drive(waiting(argv, this.procContext(ctx), out), this.world.clock, ctx.deadline);
      return out.done(status);
    }
    const fn = COMMANDS[base];
    if (!fn || !Object.prototype.hasOwnProperty.call(COMMANDS, base)) {
      return { stdout: '', stderr: `bash: ${name}: command not found\n`, exitCode: 127 };
    }
    return fn(argv, ctx);
  }

  private procContext(ctx: ShellContext): ProcContext {
    const p = ctx as Partial<ProcContext>;
    return { ...ctx, group: p.group ?? new Group(), spawn: p.spawn ?? ((args, c, out) => spawn(this.spawnDeps, args, c, out)), daemon: p.daemon ?? ((name, pid, proc) => this.daemon(name, pid, proc)) };
  }

  /** A process left running after its command returned (a daemon that forked): it runs whenever simulated time passes. */
  private daemon(name: string, pid: number, proc: Proc): void {
    this.scheduler.spawn(proc, pid, name).daemon = true;
  }

  private redirectDeps(env: Env, ns: Netns): RedirectDeps {
    return { fs: this.fs, cwd: env.cwd, expand: (w) => this.expand(w, env, ns) };
  }

  /** A word as one string (assignments, redirection targets, here-documents): no field splitting. */
  private expand(word: Word, env: Env, ns: Netns): string {
    return this.expander(env, ns).text(word);
  }

  /** A command word's fields: split, then globbed over the simulated files (expand/fields.ts). */
  private expandFields(word: Word, env: Env, ns: Netns): string[] {
    return this.expander(env, ns).fields(word, env.cwd, (dir) => this.fs.list?.(dir));
  }

  private expander(env: Env, ns: Netns): WordExpander {
    return new WordExpander({
      lookup: (name) => this.parameter(name, env),
      positional: () => env.positional ?? [],
      nounset: () => env.flags?.nounset === true,
      assign: (name, value) => void (env.vars[name] = value),
      substitute: (source) => this.substitute(source, env, ns),
      arith: (expr) => this.arith(expr, env),
      arithWord: (expr) => {
        const inner = heredocWord(expr);
        if (inner instanceof SyntaxError) throw new ExpansionError(inner.message);
        return String(this.arith(this.expand(inner, env, ns), env));
      },
      capped,
    });
  }

  private arith(expr: string, env: Env): bigint {
    const value = evaluate(expr, (name) => env.vars[name], (name, v) => void (env.vars[name] = v));
    if (value instanceof ArithError) throw new ExpansionError(value.message);
    return value;
  }

  /**
   * `(( EXPR ))`, a `for ((…))` part, a `let` argument: its value, or undefined after bash's
   * message (`bash: ((: 1/0: division by 0 …`); the line goes on, unlike a failing `$((…))`.
   */
  private arithCommand(label: string, expr: string, env: Env, ns: Netns, chunks: Chunk[]): bigint | undefined {
    const word = heredocWord(expr);
    if (word instanceof SyntaxError) throw new ExpansionError(word.message);
    const value = evaluate(this.expand(word, env, ns), (name) => env.vars[name], (name, v) => void (env.vars[name] = v));
    if (!(value instanceof ArithError)) return value;
    chunks.push({ stream: 'stderr', text: `bash: ${label}: ${value.message}\n` });
    return undefined;
  }

  /** `let EXPR...`: status 0 when the last value is not 0. */
  private letBuiltin(args: string[], env: Env, ns: Netns, out: Output): number {
    if (args.length === 0) {
      out.err('bash: let: expression expected');
      return 1;
    }
    let last: bigint | undefined = 0n;
    for (const arg of args) {
      const chunks: Chunk[] = [];
      last = this.arithCommand('let', arg.replace(/[$`\\]/g, '\\$&'), env, ns, chunks);
      for (const c of chunks) out.err(c.text);
      if (last === undefined) return 1;
    }
    return last === 0n ? 1 : 0;
  }

  /** `set -x`: the command's words on stderr before it runs, `+` once more per command substitution. */
  private trace(env: Env, chunks: Sink, words: string[]): void {
    if (env.flags?.xtrace) chunks.push({ stream: 'stderr', text: traceLine(words, this.substDepth) });
  }

  /** $RANDOM: its own sequence, so that using it does not change the world's MACs and ids. */
  private random = new SeededRng(0x52414e44);
  /** $SECONDS counts from here (simulated time). */
  private startedAt = 0;

  /** How many command substitutions enclose the command being expanded (xtrace's `++`). */
  private substDepth = 0;

  /** A parameter's value; undefined when unset. */
  private parameter(name: string, env: Env): string | undefined {
    if (name === '?') return String(env.lastStatus);
    if (name === '$') return String(SHELL_PID);
    if (name === '!') return this.jobs.lastPid === null ? undefined : String(this.jobs.lastPid);
    if (name === '#') return String(env.positional?.length ?? 0);
    if (name === '0') return 'bash';
    if (/^\d+$/.test(name)) return env.positional?.[Number(name) - 1];
    if (name === 'PWD') return env.cwd;
    if (name === 'HOSTNAME') return this.host.hostname;
    // bash's dynamic variables, on the shell's own seeded generator and the simulated clock;
    // assigning RANDOM seeds it.
    if (name === 'RANDOM') {
      const seed = env.vars.RANDOM;
      if (seed !== undefined) this.random = new SeededRng(Number.parseInt(seed, 10) || 0);
      delete env.vars.RANDOM;
      return String(this.random.int(0, 32767));
    }
    if (env.vars[name] !== undefined) return env.vars[name];
    if (name === 'SECONDS') return String(Math.floor((this.world.clock.now() - this.startedAt) / 1000));
    return undefined;
  }

  /** `$(…)`: runs the list in a subshell at once; its stdout without trailing newlines, its stderr to the line. */
  private substitute(source: string, env: Env, ns: Netns): string {
    const list = parse(source);
    if (list instanceof SyntaxError) {
      this.lineChunks.push({ stream: 'stderr', text: `bash: command substitution: line 1: ${list.message}\n` });
      this.substituted = 2;
      return '';
    }
    const sub = forkEnv(env);
    const chunks: Chunk[] = [];
    this.substDepth++;
    let status: number;
    try {
      status = drive(this.runList(list, sub, ns, chunks, new Group()), this.world.clock);
    } finally {
      this.substDepth--;
    }
    for (const c of chunks) if (c.stream === 'stderr') this.lineChunks.push(c);
    this.substituted = status;
    return joinStream(chunks, 'stdout').replace(/\n+$/, '');
  }

}

/** After a loop body: true when `break`/`continue` ends this loop; consumes one level. */
function leaveLoop(env: Env): boolean {
  const jump = env.jump;
  if (!jump) return false;
  if (jump.kind === 'return') return true;
  jump.levels--;
  if (jump.levels > 0) return true;
  env.jump = undefined;
  return jump.kind === 'break';
}

/** `break [N]`, `continue [N]`. */
function loopJump(kind: 'break' | 'continue', args: string[], env: Env, out: Output): number {
  if (!env.loops) {
    out.err(`bash: ${kind}: only meaningful in a \`for', \`while', or \`until' loop`);
    return 0;
  }
  const n = args[0] === undefined ? 1 : Number(args[0]);
  if (!Number.isInteger(n) || !/^\d+$/.test(args[0] ?? '1')) {
    out.err(`bash: ${kind}: ${args[0]}: numeric argument required`);
    return 128;
  }
  if (n < 1) {
    out.err(`bash: ${kind}: ${args[0]}: loop count out of range`);
    return 1;
  }
  env.jump = { kind, levels: Math.min(n, env.loops) };
  return 0;
}

/** The state a subshell starts from (`( … )`, `cmd &`, `$(…)`): copies, so nothing it changes comes back. */
function forkEnv(env: Env): Env {
  return {
    cwd: env.cwd,
    vars: { ...env.vars },
    lastStatus: env.lastStatus,
    ...(env.positional ? { positional: env.positional } : {}),
    ...(env.flags ? { flags: { ...env.flags } } : {}),
    ...(env.conditions ? { conditions: env.conditions } : {}),
    ...(env.functions ? { functions: { ...env.functions } } : {}),
    // Inside a function a subshell may still `return` and use `local` (its own frames).
    ...(env.frames ? { frames: env.frames.map(() => new Map<string, string | undefined>()) } : {}),
  };
}
