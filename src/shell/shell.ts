/**
 * The host's shell: parses a command line and runs it against the world, like bash would.
 * Nothing throws out of `run`: an internal error becomes a message and exit status 1.
 */
import type { World } from '../engine/world';
import type { Host, Netns } from '../engine/net/types';
import type { AndOr, Command, List, Pipeline, Redirect, SimpleCommand, Word } from './parse/ast';
import { parse, SyntaxError } from './parse/parser';
import { resolvePath, SimFs, type FileSystem, type RealFiles } from './fs';
import { COMMANDS } from './registry';
import { fsMessage } from './fsmessage';
import type { CommandResult, ShellContext } from './types';

export interface Chunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface LineResult extends CommandResult {
  /** stdout and stderr in the order they were written. */
  chunks: Chunk[];
}

export interface ShellOptions {
  realFiles?: RealFiles;
  cwd?: string;
}

const MAX_LINE = 64 * 1024;

export class Shell {
  readonly fs: FileSystem;
  cwd: string;
  lastStatus = 0;
  readonly vars: Record<string, string>;

  constructor(
    readonly world: World,
    readonly host: Host,
    options: ShellOptions = {},
  ) {
    this.fs = new SimFs(world, host, options.realFiles);
    this.cwd = options.cwd ?? '/root';
    this.vars = { HOME: '/root', USER: 'root', PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', SHELL: '/bin/bash' };
  }

  get prompt(): string {
    const dir = this.cwd === '/root' ? '~' : this.cwd.startsWith('/root/') ? '~' + this.cwd.slice(5) : this.cwd;
    return `root@${this.host.hostname}:${dir}# `;
  }

  run(line: string): LineResult {
    const chunks: Chunk[] = [];
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
          this.lastStatus = this.runList(list, this.rootNs(), chunks);
        }
      }
    } catch (e) {
      chunks.push({ stream: 'stderr', text: `vethlab: internal error: ${e instanceof Error ? e.message : String(e)}\n` });
      this.lastStatus = 1;
    }
    return {
      stdout: chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join(''),
      stderr: chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join(''),
      exitCode: this.lastStatus,
      chunks,
    };
  }

  private rootNs(): Netns {
    return this.world.netns(this.host.rootNsId);
  }

  private runList(list: List, ns: Netns, chunks: Chunk[]): number {
    let status = this.lastStatus;
    for (const item of list.items) {
      status = this.runAndOr(item.andOr, ns, chunks);
      this.lastStatus = status;
    }
    return status;
  }

  private runAndOr(andOr: AndOr, ns: Netns, chunks: Chunk[]): number {
    let status = this.runPipeline(andOr.first, ns, chunks);
    for (const { op, pipeline } of andOr.rest) {
      this.lastStatus = status;
      if ((op === '&&') === (status === 0)) status = this.runPipeline(pipeline, ns, chunks);
    }
    return status;
  }

  private runPipeline(pipeline: Pipeline, ns: Netns, chunks: Chunk[]): number {
    let stdin = '';
    let status = 0;
    pipeline.commands.forEach((command, index) => {
      const last = index === pipeline.commands.length - 1;
      const local: Chunk[] = [];
      status = this.runCommand(command, ns, stdin, local);
      stdin = local.filter((c) => c.stream === 'stdout').map((c) => c.text).join('');
      for (const c of local) if (last || c.stream === 'stderr') chunks.push(c);
    });
    return pipeline.negate ? (status === 0 ? 1 : 0) : status;
  }

  private runCommand(command: Command, ns: Netns, stdin: string, chunks: Chunk[]): number {
    if (command.kind === 'for') {
      const inner: Chunk[] = [];
      let status = 0;
      for (const word of command.words) {
        this.vars[command.name] = this.expand(word);
        status = this.runList(command.body, ns, inner);
      }
      return this.redirect(command.redirects, { stdout: '', stderr: '', exitCode: status }, inner, chunks, ns);
    }
    if (command.kind === 'subshell') {
      const saved = { cwd: this.cwd, vars: { ...this.vars } };
      const inner: Chunk[] = [];
      const status = this.runList(command.body, ns, inner);
      this.cwd = saved.cwd;
      Object.assign(this.vars, saved.vars);
      return this.redirect(command.redirects, { stdout: '', stderr: '', exitCode: status }, inner, chunks, ns);
    }
    return this.runSimple(command, ns, stdin, chunks);
  }

  private runSimple(command: SimpleCommand, ns: Netns, stdin: string, chunks: Chunk[]): number {
    const argv = command.words.map((w) => this.expand(w));
    const env: Record<string, string> = { ...this.vars };
    for (const { name, value } of command.assigns) {
      if (argv.length === 0) this.vars[name] = this.expand(value);
      else env[name] = this.expand(value);
    }
    const input = this.inputRedirect(command.redirects, ns);
    if (typeof input === 'object') return this.redirect([], input, [], chunks, ns);
    if (argv.length === 0) return this.redirect(command.redirects, { stdout: '', stderr: '', exitCode: 0 }, [], chunks, ns);
    const ctx: ShellContext = {
      world: this.world,
      host: this.host,
      ns,
      stdin: input ?? stdin,
      env,
      cwd: this.cwd,
      fs: this.fs,
      exec: (args, c) => this.exec(args, c),
      runLine: (line, c) => this.runIn(line, c.ns),
    };
    const result = this.builtin(argv, ctx) ?? this.exec(argv, ctx);
    return this.redirect(command.redirects, result, [], chunks, ns);
  }

  /** Shell builtins that change the shell itself. */
  private builtin(argv: string[], ctx: ShellContext): CommandResult | undefined {
    const [name, ...args] = argv;
    if (name === 'cd') {
      const target = resolvePath(this.cwd, args[0] ?? '/root');
      if (!this.fs.isDirectory(target)) return { stdout: '', stderr: `bash: cd: ${args[0]}: No such file or directory\n`, exitCode: 1 };
      this.cwd = target;
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    if (name === 'export') {
      for (const a of args) {
        const eq = a.indexOf('=');
        if (eq > 0) this.vars[a.slice(0, eq)] = a.slice(eq + 1);
      }
      return { stdout: '', stderr: '', exitCode: 0 };
    }
    if (name === 'pwd') return { stdout: ctx.cwd + '\n', stderr: '', exitCode: 0 };
    return undefined;
  }

  /** `sh -c LINE`: parses and runs a command line in a namespace, like a child shell. */
  runIn(line: string, ns: Netns): CommandResult {
    const list = parse(line);
    if (list instanceof SyntaxError) return { stdout: '', stderr: `sh: 1: ${list.message}\n`, exitCode: 2 };
    const saved = { cwd: this.cwd, vars: { ...this.vars }, status: this.lastStatus };
    const chunks: Chunk[] = [];
    const exitCode = this.runList(list, ns, chunks);
    this.cwd = saved.cwd;
    Object.assign(this.vars, saved.vars);
    this.lastStatus = saved.status;
    return {
      stdout: chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join(''),
      stderr: chunks.filter((c) => c.stream === 'stderr').map((c) => c.text).join(''),
      exitCode,
    };
  }

  /** Runs one program by name (also used by `ip netns exec`, `sudo`). */
  exec(argv: string[], ctx: ShellContext): CommandResult {
    const name = argv[0] ?? '';
    const fn = COMMANDS[name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name];
    if (!fn || !Object.prototype.hasOwnProperty.call(COMMANDS, name.slice(name.lastIndexOf('/') + 1))) {
      return { stdout: '', stderr: `bash: ${name}: command not found\n`, exitCode: 127 };
    }
    return fn(argv, ctx);
  }

  private expand(word: Word): string {
    return word.parts
      .map((p) => {
        if (p.kind === 'lit') return p.text;
        if (p.name === '?') return String(this.lastStatus);
        if (p.name === '$') return '4242';
        if (p.name === '#' || /^\d$/.test(p.name)) return p.name === '0' ? 'bash' : '';
        if (p.name === 'PWD') return this.cwd;
        if (p.name === 'HOSTNAME') return this.host.hostname;
        return this.vars[p.name] ?? '';
      })
      .join('');
  }

  private inputRedirect(redirects: Redirect[], ns: Netns): string | undefined | CommandResult {
    let input: string | undefined;
    for (const r of redirects) {
      if (r.op !== '<') continue;
      const name = this.expand(r.target);
      const file = this.fs.read(resolvePath(this.cwd, name), ns);
      if (!file.ok) return { stdout: '', stderr: `bash: ${name}: ${fsMessage(file.error)}\n`, exitCode: 1 };
      input = file.data;
    }
    return input;
  }

  /** Applies n>file, n>>file, n>&m in order, then writes the command's output where it points. */
  private redirect(redirects: Redirect[], result: CommandResult, inner: Chunk[], chunks: Chunk[], ns: Netns = this.rootNs()): number {
    type Dest = { kind: 'stdout' | 'stderr' } | { kind: 'file'; path: string };
    const dest: Record<number, Dest> = { 1: { kind: 'stdout' }, 2: { kind: 'stderr' } };
    const files: Record<string, string> = {};
    for (const r of redirects) {
      if (r.op === '<') continue;
      const target = this.expand(r.target);
      if (r.op === '>&') {
        const from = dest[Number(target)];
        if (!/^\d+$/.test(target) || !from) {
          chunks.push({ stream: 'stderr', text: `bash: ${target}: ambiguous redirect\n` });
          return 1;
        }
        dest[r.fd] = from;
        continue;
      }
      const path = resolvePath(this.cwd, target);
      if (!(path in files)) {
        const initial = r.op === '>>' ? this.readOr(path, ns) : '';
        const error = r.op === '>>' ? null : this.fs.write(path, '', false, ns);
        if (error && error !== 'EINVAL') {
          chunks.push({ stream: 'stderr', text: `bash: ${target}: ${fsMessage(error)}\n` });
          return 1;
        }
        files[path] = initial;
      }
      dest[r.fd] = { kind: 'file', path };
    }
    const all = inner.length > 0 ? inner : [{ stream: 'stdout' as const, text: result.stdout }, { stream: 'stderr' as const, text: result.stderr }];
    for (const chunk of all) {
      if (!chunk.text) continue;
      const d = dest[chunk.stream === 'stdout' ? 1 : 2]!;
      if (d.kind === 'file') files[d.path] += chunk.text;
      else chunks.push({ stream: d.kind, text: chunk.text });
    }
    let status = result.exitCode;
    for (const [path, data] of Object.entries(files)) {
      if (path === '/dev/null') continue;
      const error = this.fs.write(path, data, false, ns);
      if (error === 'EINVAL') {
        chunks.push({ stream: 'stderr', text: `bash: echo: write error: Invalid argument\n` });
        status = 1;
      }
    }
    return status;
  }

  private readOr(path: string, ns: Netns): string {
    const r = this.fs.read(path, ns);
    return r.ok ? r.data : '';
  }
}
