/** What a command sees and returns. Commands never throw: errors are printed to stderr. */
import type { World } from '../engine/world';
import type { Host, Netns } from '../engine/net/types';
import type { NameService } from '../engine/docker/dns';
import type { FileSystem } from './fs';

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ShellContext {
  world: World;
  host: Host;
  /** The network namespace the process runs in (`ip netns exec` changes it). */
  ns: Netns;
  stdin: string;
  env: Record<string, string>;
  cwd: string;
  fs: FileSystem;
  /** Runs another command line's argv in the given context (for `ip netns exec`, `sudo`, `timeout`). */
  exec(argv: string[], ctx: ShellContext): CommandResult;
  /** Runs a whole command line (for `sh -c`, `bash -c`) in the context's namespace. */
  runLine(line: string, ctx: ShellContext): CommandResult;
  /** Simulated time (ms) at which `timeout` kills the command, if any. */
  deadline?: number;
  /** NSS "dns" after "files" (/etc/hosts) for the resolver of resolve.ts: Docker's embedded DNS in a container. */
  nss?: NameService;
}

export type CommandFn = (argv: string[], ctx: ShellContext) => CommandResult;

/** Collects a command's output; `done(code)` returns the result. */
export class Output {
  stdout = '';
  stderr = '';
  out(text: string): this {
    this.stdout += text;
    return this;
  }
  line(text = ''): this {
    this.stdout += text + '\n';
    return this;
  }
  err(text: string): this {
    this.stderr += text.endsWith('\n') ? text : text + '\n';
    return this;
  }
  done(exitCode: number): CommandResult {
    return { stdout: this.stdout, stderr: this.stderr, exitCode };
  }
}

export function fail(stderr: string, exitCode: number): CommandResult {
  return new Output().err(stderr).done(exitCode);
}

export function success(stdout = ''): CommandResult {
  return { stdout, stderr: '', exitCode: 0 };
}
