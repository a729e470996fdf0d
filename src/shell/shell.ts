/**
 * The host's shell: parses a command line and runs it against the world, like bash would.
 * Commands run as jobs on a scheduler over the simulated clock (jobs/), so `cmd &`, `wait`,
 * `sleep` and `timeout` behave as in bash while nothing reads the real clock.
 * Nothing throws out of `run`: an internal error becomes a message and exit status 1.
 */
import type { World } from '../engine/world';
import type { Host, Netns } from '../engine/net/types';
import { activity } from '../engine/packet/capture';
import type { AndOr, Command, List, Pipeline, SimpleCommand, Word } from './parse/ast';
import { parse, SyntaxError } from './parse/parser';
import { resolvePath, SimFs, type FileSystem, type RealFiles } from './fs';
import { COMMANDS } from './registry';
import { Output, type CommandResult, type ShellContext } from './types';
import { drive, Group, Signal, type Proc, type ProcContext } from './jobs/process';
import { Scheduler } from './jobs/scheduler';
import { processFor, spawn, type SpawnDeps } from './jobs/spawn';
import { inputRedirect, joinStream, redirect, type Chunk, type RedirectDeps, type Sink } from './jobs/redirect';
import { JobTable, killBuiltin, waitBuiltin } from './jobs/table';
import { ssh, type SshSession } from './nettools/ssh';

export type { Chunk } from './jobs/redirect';

export interface LineResult extends CommandResult {
  /** stdout and stderr in the order they were written. */
  chunks: Chunk[];
}

export interface ShellOptions {
  realFiles?: RealFiles;
  cwd?: string;
}

/** What a (sub)shell carries: the shell itself, or a copy for `( … )`, `cmd &` and `sh -c`. */
interface Env {
  cwd: string;
  vars: Record<string, string>;
  lastStatus: number;
  /** Set by `exit`: the (sub)shell runs nothing more. */
  exited?: boolean;
}

const MAX_LINE = 64 * 1024;
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
  /** Where background jobs write: the transcript of the line being run. */
  private lineChunks: Chunk[] = [];
  /** The hosts left by `ssh HOST`, innermost last: `exit` goes back to the previous one. */
  private readonly logins: Array<{ host: Host; fs: FileSystem; cwd: string }> = [];
  private readonly spawnDeps: SpawnDeps = {
    exec: (argv, ctx) => this.exec(argv, ctx),
    runLine: (line, ctx, out) => this.childShell(line, ctx, out),
  };

  constructor(
    readonly world: World,
    /** The host the shell runs on: changes with `ssh HOST` and `exit`. */
    public host: Host,
    private readonly options: ShellOptions = {},
  ) {
    this.fs = new SimFs(world, host, options.realFiles);
    this.cwd = options.cwd ?? '/root';
    this.vars = { HOME: '/root', USER: 'root', PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', SHELL: '/bin/bash' };
    this.scheduler = new Scheduler(world.clock, () => activity(world));
  }

  get prompt(): string {
    const dir = this.cwd === '/root' ? '~' : this.cwd.startsWith('/root/') ? '~' + this.cwd.slice(5) : this.cwd;
    return `root@${this.host.hostname}:${dir}# `;
  }

  run(line: string): LineResult {
    const chunks: Chunk[] = [];
    this.lineChunks = chunks;
    try {
      if (line.length > MAX_LINE) {
        chunks.push({ stream: 'stderr', text: `bash: command line too long (over ${MAX_LINE} characters)\n` });
        this.lastStatus = 1;
      } else {
        const list = parse(line);
        if (list instanceof SyntaxError) {
          chunks.push({ stream: 'stderr', text: `bash: ${list.message}\n` });
          this.lastStatus = 2;
        } else {
          this.exited = false;
          const group = new Group();
          const job = this.scheduler.spawn(this.runList(list, this, this.rootNs(), chunks, group), SHELL_PID, line, group);
          this.scheduler.runUntil(job);
          // Background jobs do what they can at this instant (a listener binds its port).
          this.scheduler.settle();
          this.lastStatus = job.status ?? 1;
        }
      }
    } catch (e) {
      chunks.push({ stream: 'stderr', text: `vethlab: internal error: ${e instanceof Error ? e.message : String(e)}\n` });
      this.lastStatus = 1;
    }
    return { stdout: joinStream(chunks, 'stdout'), stderr: joinStream(chunks, 'stderr'), exitCode: this.lastStatus, chunks };
  }

  private rootNs(): Netns {
    return this.world.netns(this.host.rootNsId);
  }

  private *runList(list: List, env: Env, ns: Netns, chunks: Sink, group: Group): Exec {
    let status = env.lastStatus;
    for (const item of list.items) {
      if (group.killed || env.exited) break;
      if (item.background) {
        this.background(item.andOr, env, ns);
        status = env.lastStatus = 0;
        continue;
      }
      status = yield* this.runAndOr(item.andOr, env, ns, chunks, group);
      env.lastStatus = status;
    }
    return group.killed?.status ?? status;
  }

  /** `cmd &`: a subshell job on the scheduler, writing to whatever line is running when it writes. */
  private background(andOr: AndOr, env: Env, ns: Netns): void {
    const pid = this.jobs.allocatePid();
    const copy: Env = { cwd: env.cwd, vars: { ...env.vars }, lastStatus: env.lastStatus };
    const group = new Group();
    const sink: Sink = { push: (...items: Chunk[]) => this.lineChunks.push(...items) };
    const job = this.scheduler.spawn(this.runAndOr(andOr, copy, ns, sink, group), pid, '', group);
    this.jobs.add(pid, job, group);
  }

  private *runAndOr(andOr: AndOr, env: Env, ns: Netns, chunks: Sink, group: Group): Exec {
    let status = yield* this.runPipeline(andOr.first, env, ns, chunks, group);
    for (const { op, pipeline } of andOr.rest) {
      if (group.killed || env.exited) break;
      env.lastStatus = status;
      if ((op === '&&') === (status === 0)) status = yield* this.runPipeline(pipeline, env, ns, chunks, group);
    }
    return status;
  }

  private *runPipeline(pipeline: Pipeline, env: Env, ns: Netns, chunks: Sink, group: Group): Exec {
    let stdin = '';
    let status = 0;
    for (let index = 0; index < pipeline.commands.length; index++) {
      const last = index === pipeline.commands.length - 1;
      const local: Chunk[] = [];
      status = yield* this.runCommand(pipeline.commands[index]!, env, ns, stdin, local, group);
      stdin = joinStream(local, 'stdout');
      for (const c of local) if (last || c.stream === 'stderr') chunks.push(c);
    }
    return pipeline.negate ? (status === 0 ? 1 : 0) : status;
  }

  private *runCommand(command: Command, env: Env, ns: Netns, stdin: string, chunks: Sink, group: Group): Exec {
    if (command.kind === 'for') {
      const inner: Chunk[] = [];
      let status = 0;
      for (const word of command.words) {
        if (group.killed || env.exited) break;
        env.vars[command.name] = this.expand(word, env);
        status = yield* this.runList(command.body, env, ns, inner, group);
      }
      return redirect(this.redirectDeps(env), command.redirects, { stdout: '', stderr: '', exitCode: status }, inner, chunks, ns);
    }
    if (command.kind === 'subshell') {
      const sub: Env = { cwd: env.cwd, vars: { ...env.vars }, lastStatus: env.lastStatus };
      const inner: Chunk[] = [];
      const status = yield* this.runList(command.body, sub, ns, inner, group);
      return redirect(this.redirectDeps(env), command.redirects, { stdout: '', stderr: '', exitCode: status }, inner, chunks, ns);
    }
    return yield* this.runSimple(command, env, ns, stdin, chunks, group);
  }

  private *runSimple(command: SimpleCommand, env: Env, ns: Netns, stdin: string, chunks: Sink, group: Group): Exec {
    const argv = command.words.map((w) => this.expand(w, env));
    const vars: Record<string, string> = { ...env.vars };
    for (const { name, value } of command.assigns) {
      if (argv.length === 0) env.vars[name] = this.expand(value, env);
      else vars[name] = this.expand(value, env);
    }
    const deps = this.redirectDeps(env);
    const input = inputRedirect(deps, command.redirects, ns);
    if (typeof input === 'object') return redirect(deps, [], input, [], chunks, ns);
    if (argv.length === 0) return redirect(deps, command.redirects, { stdout: '', stderr: '', exitCode: 0 }, [], chunks, ns);
    const ctx: ProcContext = {
      world: this.world,
      host: this.host,
      ns,
      stdin: input ?? stdin,
      env: vars,
      cwd: env.cwd,
      fs: this.fs,
      exec: (args, c) => this.exec(args, c),
      runLine: (line, c) => this.runIn(line, c.ns),
      group,
      spawn: (args, c, out) => spawn(this.spawnDeps, args, c, out),
    };
    const out = new Output();
    let status: number;
    try {
      status = yield* this.program(argv, ctx, out, env);
    } catch (e) {
      if (!(e instanceof Signal)) throw e;
      status = e.status;
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
    if (name === 'wait') return yield* waitBuiltin(args, this.jobs, out);
    if (name === 'kill') return killBuiltin(args, this.jobs, out);
    return yield* spawn(this.spawnDeps, argv, ctx, out);
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
    const env: Env = { cwd: ctx.cwd, vars: { ...ctx.env }, lastStatus: this.lastStatus };
    const chunks: Chunk[] = [];
    const status = yield* this.runList(list, env, ctx.ns, chunks, ctx.group);
    out.stdout += joinStream(chunks, 'stdout');
    out.stderr += joinStream(chunks, 'stderr');
    return status;
  }

  /** `sh -c LINE` run to its end at once, in a namespace. */
  runIn(line: string, ns: Netns): CommandResult {
    const out = new Output();
    const ctx = this.procContext({ world: this.world, host: this.host, ns, stdin: '', env: { ...this.vars }, cwd: this.cwd, fs: this.fs, exec: (a, c) => this.exec(a, c), runLine: (l, c) => this.runIn(l, c.ns) });
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
    return { ...ctx, group: p.group ?? new Group(), spawn: p.spawn ?? ((args, c, out) => spawn(this.spawnDeps, args, c, out)) };
  }

  private redirectDeps(env: Env): RedirectDeps {
    return { fs: this.fs, cwd: env.cwd, expand: (w) => this.expand(w, env) };
  }

  private expand(word: Word, env: Env): string {
    return word.parts
      .map((p) => {
        if (p.kind === 'lit') return p.text;
        if (p.name === '?') return String(env.lastStatus);
        if (p.name === '$') return String(SHELL_PID);
        if (p.name === '!') return this.jobs.lastPid === null ? '' : String(this.jobs.lastPid);
        if (p.name === '#' || /^\d$/.test(p.name)) return p.name === '0' ? 'bash' : '';
        if (p.name === 'PWD') return env.cwd;
        if (p.name === 'HOSTNAME') return this.host.hostname;
        return env.vars[p.name] ?? '';
      })
      .join('');
  }
}
