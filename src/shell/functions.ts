/**
 * Shell functions (bash manual 3.3): a call gets its own positional parameters and a frame for
 * `local` variables (restored when it returns); `return [N]` ends it with status N & 255.
 * Like bash with FUNCNEST=100, deeper calls fail (bash without FUNCNEST would crash).
 */
import type { FunctionDef } from './parse/ast';
import type { Output } from './types';
import { ExpansionError } from './expand/error';

export const MAX_FUNCTION_DEPTH = 100;

/** What functions need of a (sub)shell's state. */
export interface FunctionEnv {
  vars: Record<string, string>;
  lastStatus: number;
  positional?: string[];
  functions?: Record<string, FunctionDef>;
  /** One frame per running call, innermost last: the values `local` replaced (undefined: was unset). */
  frames?: Map<string, string | undefined>[];
  jump?: { kind: 'break' | 'continue' | 'return'; levels: number; status?: number };
}

/** Starts a call: the caller's positional parameters, to give back to `leave`. Too deep ends the line, as in bash. */
export function enter(env: FunctionEnv, name: string, args: string[]): string[] | undefined {
  const depth = env.frames?.length ?? 0;
  const limit = Number(env.vars.FUNCNEST);
  const max = Number.isInteger(limit) && limit > 0 ? Math.min(limit, MAX_FUNCTION_DEPTH) : MAX_FUNCTION_DEPTH;
  if (depth >= max) throw new ExpansionError(`${name}: maximum function nesting level exceeded (${max})`);
  const saved = env.positional;
  env.positional = args;
  (env.frames ??= []).push(new Map());
  return saved;
}

/** Ends a call: `local` variables get their old values back; a `return` gives the status. */
export function leave(env: FunctionEnv, saved: string[] | undefined, status: number): number {
  const frame = env.frames?.pop();
  for (const [name, old] of frame ?? []) {
    if (old === undefined) delete env.vars[name];
    else env.vars[name] = old;
  }
  env.positional = saved;
  if (env.jump?.kind !== 'return') return status;
  const returned = env.jump.status ?? status;
  env.jump = undefined;
  return returned;
}

/** `local NAME[=VALUE]…` */
export function localBuiltin(args: string[], env: FunctionEnv, out: Output): number {
  const frame = env.frames?.[env.frames.length - 1];
  if (!frame) {
    out.err('bash: local: can only be used in a function');
    return 1;
  }
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      out.err(`bash: local: \`${arg}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (!frame.has(name)) frame.set(name, env.vars[name]);
    if (eq >= 0) env.vars[name] = arg.slice(eq + 1);
    else if (!(name in env.vars)) env.vars[name] = '';
  }
  return status;
}

/** `return [N]` */
export function returnBuiltin(args: string[], env: FunctionEnv, out: Output): number {
  if (!env.frames?.length) {
    out.err("bash: return: can only `return' from a function or sourced script");
    return 2;
  }
  const arg = args[0];
  if (arg !== undefined && !/^[-+]?\d+$/.test(arg)) {
    out.err(`bash: return: ${arg}: numeric argument required`);
    env.jump = { kind: 'return', levels: Infinity, status: 2 };
    return 2;
  }
  const status = arg === undefined ? env.lastStatus : Number(BigInt.asUintN(8, BigInt(arg)));
  env.jump = { kind: 'return', levels: Infinity, status };
  return status;
}

/** `shift [N]`: status 1 (and nothing shifted) when N is more than there are. */
export function shiftBuiltin(args: string[], env: FunctionEnv, out: Output): number {
  const arg = args[0] ?? '1';
  if (!/^\d+$/.test(arg)) {
    out.err(`bash: shift: ${arg}: numeric argument required`);
    return 1;
  }
  const n = Number(arg);
  const positional = env.positional ?? [];
  if (n > positional.length) return 1;
  env.positional = positional.slice(n);
  return 0;
}
