/**
 * Starting a program as a process: waiting programs (PROCESSES) run as generators; programs
 * that only wrap another one (sudo, `ip netns exec NS`, `sh -c`) pass it on so that what they
 * run can wait too; every other command runs at once (a process that never waits).
 */
import { netnsByName } from '../../engine/net/netns';
import type { CommandResult } from '../types';
import type { Output } from '../types';
import type { Proc, ProcContext, ProcessFn } from './process';
import { PROCESSES } from './programs';

export interface SpawnDeps {
  /** Runs a program at once (the registry's CommandFn). */
  exec(argv: string[], ctx: ProcContext): CommandResult;
  /** `sh -c LINE` as a child shell process. */
  runLine(line: string, ctx: ProcContext, out: Output): Proc;
}

function programName(argv0: string): string {
  return argv0.slice(argv0.lastIndexOf('/') + 1);
}

export function processFor(name: string): ProcessFn | undefined {
  const n = programName(name);
  if (Object.prototype.hasOwnProperty.call(PROCESSES, n)) return PROCESSES[n];
  return undefined;
}

/** True if argv (or what it wraps) may wait. */
export function canWait(argv: string[]): boolean {
  const inner = unwrap(argv);
  if (!inner) return false;
  return inner.kind === 'sh' || processFor(inner.argv[0] ?? '') !== undefined;
}

type Unwrapped = { kind: 'program'; argv: string[]; netns?: string } | { kind: 'sh'; line: string; netns?: string };

/** Looks through sudo, `ip netns exec NAME` and `sh -c LINE`. */
function unwrap(argv: string[], netns?: string): Unwrapped | null {
  const name = programName(argv[0] ?? '');
  if (name === 'sudo') {
    let i = 1;
    while (argv[i]?.startsWith('-')) i++;
    return i < argv.length ? unwrap(argv.slice(i), netns) : null;
  }
  if (name === 'ip' && argv[1] === 'netns' && argv[2] === 'exec' && argv.length > 4) return unwrap(argv.slice(4), argv[3]);
  if ((name === 'sh' || name === 'bash') && argv[1] === '-c' && argv[2] !== undefined) return { kind: 'sh', line: argv[2], ...(netns ? { netns } : {}) };
  return { kind: 'program', argv, ...(netns ? { netns } : {}) };
}

/** Runs argv as a process writing to `out`; returns its exit status. */
export function* spawn(deps: SpawnDeps, argv: string[], ctx: ProcContext, out: Output): Proc {
  if (!canWait(argv)) return runNow(deps, argv, ctx, out);
  const inner = unwrap(argv)!;
  let c = ctx;
  if (inner.netns !== undefined) {
    const ns = netnsByName(ctx.world, ctx.host, inner.netns);
    if (!ns) return runNow(deps, argv, ctx, out);
    c = { ...ctx, ns };
  }
  if (inner.kind === 'sh') return yield* deps.runLine(inner.line, c, out);
  return yield* processFor(inner.argv[0]!)!(inner.argv, c, out);
}

function runNow(deps: SpawnDeps, argv: string[], ctx: ProcContext, out: Output): number {
  const r = deps.exec(argv, ctx);
  out.stdout += r.stdout;
  out.stderr += r.stderr;
  return r.exitCode;
}
