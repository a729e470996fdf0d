/** GNU-style option parsing and message quoting shared by mkdir, rm, cp, mv, touch, tee, basename and dirname. */
import type { FsError } from '../fs';
import { Output, type CommandResult } from '../types';

export interface Parsed {
  flags: Set<string>;
  values: Map<string, string>;
  operands: string[];
}

/**
 * Short flags (combinable, `-pv`), long ones mapped to their short letter, `--` ending options.
 * `takesValue` letters read the next word (or the rest of the cluster). Returns the usage error instead on a bad option.
 */
export function parseArgs(cmd: string, args: string[], short: string, long: Record<string, string>, takesValue = ''): Parsed | CommandResult {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, value] = a.slice(2).split(/=(.*)/s) as [string, string | undefined];
      const letter = long[name];
      if (letter === undefined) return usage(cmd, `unrecognized option '${a}'`);
      if (takesValue.includes(letter)) {
        const v = value ?? args[++i];
        if (v === undefined) return usage(cmd, `option '--${name}' requires an argument`);
        values.set(letter, v);
      } else flags.add(letter);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (takesValue.includes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return usage(cmd, `option requires an argument -- '${c}'`);
          values.set(c, v);
          break;
        }
        if (!short.includes(c)) return usage(cmd, `invalid option -- '${c}'`);
        flags.add(c);
      }
      continue;
    }
    operands.push(a);
  }
  return { flags, values, operands };
}

export function isUsage(p: Parsed | CommandResult): p is CommandResult {
  return 'exitCode' in p;
}

/** "CMD: TEXT" and coreutils' "Try 'CMD --help'" line, exit 1. */
export function usage(cmd: string, text: string): CommandResult {
  return new Output().err(`${cmd}: ${text}\nTry '${cmd} --help' for more information.`).done(1);
}

/** A file name as coreutils quotes it in messages: 'name', or "name" when it holds a quote. */
export function q(name: string): string {
  return name.includes("'") ? `"${name}"` : `'${name}'`;
}

/** The locale's quotes (‘name’) that mkdir's and basename's errors use under a UTF-8 locale. */
export function lq(name: string): string {
  return `‘${name}’`;
}

/** strerror() for the errors the file commands meet. */
export function errText(e: FsError): string {
  switch (e) {
    case 'ENOENT':
      return 'No such file or directory';
    case 'EISDIR':
      return 'Is a directory';
    case 'EEXIST':
      return 'File exists';
    case 'ENOTDIR':
      return 'Not a directory';
    case 'ENOTEMPTY':
      return 'Directory not empty';
    case 'EPERM':
      return 'Operation not permitted';
    case 'EBUSY':
      return 'Device or resource busy';
    case 'EROFS':
      return 'Read-only file system';
    case 'EFBIG':
      return 'File too large';
    case 'EINVAL':
      return 'Invalid argument';
    default:
      return 'Permission denied';
  }
}
