/**
 * `alias` and `unalias` (bash manual 6.6), with bash's messages. Aliases are expanded when a line
 * is read (parse/parser.ts), and, as in bash, only by an interactive shell (the terminal): a lab
 * cell or a script is not interactive, and a line cannot use an alias it defines itself.
 */
import type { Output } from './types';

export type Aliases = Map<string, string>;

/** A name `alias` accepts: no quoting characters, `$`, `` ` ``, `/` or `=`. */
export function isAliasName(name: string): boolean {
  return /^[^\s'"\\$`=/|&;()<>]+$/.test(name);
}

function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `alias [-p] [NAME[=VALUE] ...]` */
export function aliasBuiltin(args: string[], aliases: Aliases, out: Output): number {
  const names = args[0] === '-p' ? args.slice(1) : args;
  if (names.length === 0) {
    for (const name of [...aliases.keys()].sort()) out.line(`alias ${name}=${quote(aliases.get(name)!)}`);
    return 0;
  }
  let status = 0;
  for (const arg of names) {
    const eq = arg.indexOf('=');
    if (eq < 0) {
      const value = aliases.get(arg);
      if (value === undefined) {
        out.err(`bash: alias: ${arg}: not found`);
        status = 1;
      } else out.line(`alias ${arg}=${quote(value)}`);
      continue;
    }
    const name = arg.slice(0, eq);
    if (!isAliasName(name)) {
      out.err(`bash: alias: \`${name}': invalid alias name`);
      status = 1;
      continue;
    }
    aliases.set(name, arg.slice(eq + 1));
  }
  return status;
}

/** `unalias [-a] NAME ...` */
export function unaliasBuiltin(args: string[], aliases: Aliases, out: Output): number {
  if (args[0] === '-a') {
    aliases.clear();
    return 0;
  }
  if (args.length === 0) {
    out.err('unalias: usage: unalias [-a] name [name ...]');
    return 2;
  }
  let status = 0;
  for (const name of args) {
    if (!aliases.delete(name)) {
      out.err(`bash: unalias: ${name}: not found`);
      status = 1;
    }
  }
  return status;
}
