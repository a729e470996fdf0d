/**
 * The bash builtins that say what a name is: `type` (X is a shell builtin / keyword / /usr/bin/X)
 * and `command -v` / `command -V`. Messages as an interactive bash 5.2 prints them.
 */
import type { Output } from '../types';
import { programPath, SHELL_BUILTINS, SHELL_KEYWORDS } from './program-paths';

type Kind = { kind: 'keyword' | 'builtin' } | { kind: 'file'; path: string };

function lookup(name: string, known: (name: string) => boolean): Kind | undefined {
  if (SHELL_KEYWORDS.has(name)) return { kind: 'keyword' };
  if (SHELL_BUILTINS.has(name)) return { kind: 'builtin' };
  const path = programPath(name, known);
  return path === undefined ? undefined : { kind: 'file', path };
}

function describe(name: string, k: Kind): string {
  return k.kind === 'file' ? `${name} is ${k.path}` : `${name} is a shell ${k.kind}`;
}

/**
 * A builtin's option words before its operands (`-tp`, `--` ends them, `-` is an operand): the
 * flags in order, or bash's "invalid option" and usage lines (the caller returns status 2).
 */
function builtinOptions(name: string, usage: string, allowed: string, args: string[], out: Output): { flags: string[]; operands: string[] } | undefined {
  const flags: string[] = [];
  let i = 0;
  for (; i < args.length && args[i]!.startsWith('-') && args[i] !== '-'; i++) {
    if (args[i] === '--') {
      i++;
      break;
    }
    for (const f of args[i]!.slice(1)) {
      if (!allowed.includes(f)) {
        out.err(`bash: ${name}: -${f}: invalid option\n${name}: usage: ${usage}`);
        return undefined;
      }
      flags.push(f);
    }
  }
  return { flags, operands: args.slice(i) };
}

/** `type [-t] [-p] [-P] NAME...`: 1 if any NAME is not found. */
export function typeBuiltin(args: string[], out: Output, known: (name: string) => boolean): number {
  const parsed = builtinOptions('type', 'type [-afptP] name [name ...]', 'tpP', args, out);
  if (!parsed) return 2;
  const mode = parsed.flags.at(-1) ?? null;
  let status = 0;
  for (const name of parsed.operands) {
    const k = lookup(name, known);
    const path = programPath(name, known);
    if (mode === 'P') {
      if (path === undefined) status = 1;
      else out.line(path);
      continue;
    }
    if (!k) {
      status = 1;
      if (mode === null) out.err(`bash: type: ${name}: not found`);
      continue;
    }
    if (mode === 't') out.line(k.kind);
    else if (mode === 'p') {
      if (k.kind === 'file') out.line(k.path);
    } else out.line(describe(name, k));
  }
  return status;
}

/**
 * `command -v NAME...` (0 if any is found) and `command -V NAME...` (1 if any is missing).
 * Returns undefined for `command [-p] CMD ARGS…`, which runs CMD: the caller runs what `rest` holds.
 */
export function commandBuiltin(args: string[], out: Output, known: (name: string) => boolean): { status: number } | { rest: string[] } {
  const parsed = builtinOptions('command', 'command [-pVv] command [arg ...]', 'vVp', args, out);
  if (!parsed) return { status: 2 };
  const mode = parsed.flags.filter((f) => f !== 'p').at(-1) ?? null;
  const names = parsed.operands;
  if (mode === null) return names.length === 0 ? { status: 0 } : { rest: names };
  if (names.length === 0) return { status: 0 };
  let found = 0;
  for (const name of names) {
    const k = lookup(name, known);
    if (!k) {
      if (mode === 'V') out.err(`bash: command: ${name}: not found`);
      continue;
    }
    found++;
    out.line(mode === 'V' ? describe(name, k) : k.kind === 'file' ? k.path : name);
  }
  if (mode === 'v') return { status: found > 0 ? 0 : 1 };
  return { status: found === names.length ? 0 : 1 };
}
