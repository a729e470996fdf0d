/**
 * `set` (bash manual 4.3.1): positional parameters (`set -- a b`), the options scripts start with
 * (-e errexit, -u nounset, -x xtrace, -o pipefail, and their + forms), and the list of variables
 * without arguments. xtrace prints each command as bash does: `+ ` and its words, quoted where a
 * word would not read back as itself.
 */
import type { Output } from './types';

export interface SetOptions {
  errexit?: boolean;
  nounset?: boolean;
  xtrace?: boolean;
  pipefail?: boolean;
}

export interface SetEnv {
  vars: Record<string, string>;
  positional?: string[];
  flags?: SetOptions;
}

const LETTERS: Record<string, keyof SetOptions> = { e: 'errexit', u: 'nounset', x: 'xtrace' };
const NAMES = new Set<string>(['errexit', 'nounset', 'xtrace', 'pipefail']);
const USAGE = 'set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]';

export function setBuiltin(args: string[], env: SetEnv, out: Output, interactive = false): number {
  if (args.length === 0) {
    for (const name of Object.keys(env.vars).sort()) out.line(`${name}=${quoteWord(env.vars[name]!)}`);
    return 0;
  }
  const options: SetOptions = { ...env.flags };
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      i++;
      env.positional = args.slice(i);
      break;
    }
    if (!/^[-+]./.test(arg)) {
      env.positional = args.slice(i);
      break;
    }
    const on = arg[0] === '-';
    if (arg.slice(1) === 'o') {
      const name = args[++i];
      if (name === undefined) {
        listOptions(options, on, interactive, out);
        continue;
      }
      if (!NAMES.has(name)) {
        out.err(`bash: set: ${name}: invalid option name`);
        return 2;
      }
      options[name as keyof SetOptions] = on;
      continue;
    }
    for (const letter of arg.slice(1)) {
      const name = LETTERS[letter];
      if (!name) {
        out.err(`bash: set: ${arg[0]}${letter}: invalid option`);
        out.err(USAGE);
        return 2;
      }
      options[name] = on;
    }
  }
  env.flags = options;
  return 0;
}

/** Every option bash 5.2 lists for `set -o` (the four above as set here, the others at bash's defaults). */
const ALL_OPTIONS = ['allexport', 'braceexpand', 'emacs', 'errexit', 'errtrace', 'functrace', 'hashall', 'histexpand', 'history', 'ignoreeof', 'interactive-comments', 'keyword', 'monitor', 'noclobber', 'noexec', 'noglob', 'nolog', 'notify', 'nounset', 'onecmd', 'physical', 'pipefail', 'posix', 'privileged', 'verbose', 'vi', 'xtrace'];
const ON_BY_DEFAULT = new Set(['braceexpand', 'hashall', 'interactive-comments']);
/** An interactive bash (the terminal) also has line editing and history on. */
const ON_INTERACTIVE = new Set(['emacs', 'histexpand', 'history']);

/** `set -o` (a table) and `set +o` (commands that set them again). */
function listOptions(options: SetOptions, table: boolean, interactive: boolean, out: Output): void {
  for (const name of ALL_OPTIONS) {
    const on = NAMES.has(name) ? options[name as keyof SetOptions] === true : ON_BY_DEFAULT.has(name) || (interactive && ON_INTERACTIVE.has(name));
    out.line(table ? `${name.padEnd(15)}\t${on ? 'on' : 'off'}` : `set ${on ? '-' : '+'}o ${name}`);
  }
}

/** A word as bash's xtrace and `set` print it: as it is when it reads back the same, else in single quotes. */
export function quoteWord(word: string): string {
  if (word === '') return "''";
  // bash's sh_contains_shell_metas: # and ~ only count at the start.
  if (!/[\s|&;()<>$`\\"'*?[\]{}!^]/.test(word) && !/^[#~]/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The line xtrace writes for a command: `+` once per level of command substitution, then the words. */
export function traceLine(words: string[], depth: number): string {
  return `${'+'.repeat(depth + 1)} ${words.join(' ')}\n`;
}
