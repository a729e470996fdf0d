/**
 * The bash builtin `read [-r] [-s] [-p PROMPT] [-d DELIM] [-n N] [NAME...]`: one line of the
 * command's input split by IFS into the NAMEs (the last takes the rest; REPLY without NAMEs).
 * Status 1 at the end of the input (what was read is still assigned). Without a terminal the
 * prompt is not printed, as bash does when its input is not a tty.
 */
import type { Output } from '../types';

const USAGE = 'read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]';

export interface ReadResult {
  status: number;
  /** The variables to set in the shell. */
  vars: Record<string, string>;
  /** The input left for the next reader. */
  rest: string;
}

export function readBuiltin(args: string[], input: string, env: Record<string, string>, out: Output): ReadResult {
  let raw = false;
  let delim = '\n';
  let count: number | undefined;
  const names: string[] = [];
  const fail = (message: string, status: number): ReadResult => {
    out.err(message);
    return { status, vars: {}, rest: input };
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (names.length > 0 || !a.startsWith('-') || a === '-') {
      names.push(a);
      continue;
    }
    if (a === '--') {
      names.push(...args.slice(i + 1));
      break;
    }
    for (let k = 1; k < a.length; k++) {
      const f = a[k]!;
      if (f === 'r') raw = true;
      else if (f === 's' || f === 'e') continue;
      else if (f === 'p' || f === 'd' || f === 'n') {
        const value = k + 1 < a.length ? a.slice(k + 1) : args[++i];
        if (value === undefined) return fail(`bash: read: -${f}: option requires an argument\n${USAGE}`, 2);
        if (f === 'd') delim = value === '' ? '\0' : value[0]!;
        if (f === 'n') {
          if (!/^\d+$/.test(value)) return fail(`bash: read: ${value}: invalid number`, 1);
          count = Number(value);
        }
        break;
      } else return fail(`bash: read: -${f}: invalid option\n${USAGE}`, 2);
    }
  }
  const bad = names.find((n) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
  if (bad !== undefined) return fail(`bash: read: \`${bad}': not a valid identifier`, 1);

  // The line: up to the delimiter (or N characters), backslash escapes undone unless -r.
  let line = '';
  let i = 0;
  let ended = false;
  while (i < input.length && (count === undefined || line.length < count)) {
    const c = input[i++]!;
    if (c === delim) {
      ended = true;
      break;
    }
    if (c === '\\' && !raw && i < input.length) {
      const next = input[i++]!;
      if (next !== '\n') line += next;
      continue;
    }
    line += c;
  }
  if (count !== undefined && line.length >= count) ended = true;
  const vars = split(line, names.length === 0 ? ['REPLY'] : names, names.length === 0, env.IFS ?? ' \t\n');
  return { status: ended ? 0 : 1, vars, rest: input.slice(i) };
}

/** IFS splitting as read does it: IFS white space is trimmed around fields, the last name takes the rest. */
function split(line: string, names: string[], whole: boolean, ifs: string): Record<string, string> {
  if (whole) return { [names[0]!]: line };
  const white: string[] = [...ifs].filter((c) => c === ' ' || c === '\t' || c === '\n');
  const isWhite = (c: string) => white.includes(c);
  const isSep = (c: string) => ifs.includes(c);
  const vars: Record<string, string> = {};
  let i = 0;
  while (i < line.length && isWhite(line[i]!)) i++;
  names.forEach((name, n) => {
    if (n === names.length - 1) {
      let end = line.length;
      while (end > i && isWhite(line[end - 1]!)) end--;
      vars[name] = line.slice(i, end);
      return;
    }
    const start = i;
    while (i < line.length && !isSep(line[i]!)) i++;
    vars[name] = line.slice(start, i);
    while (i < line.length && isWhite(line[i]!)) i++;
    if (i < line.length && isSep(line[i]!) && !isWhite(line[i]!)) i++;
    while (i < line.length && isWhite(line[i]!)) i++;
  });
  return vars;
}
