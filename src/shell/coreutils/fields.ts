/** Field tools from tutorials: `cut -d' ' -f3`, `cut -c1-5` and awk's `{print $1, $3}`. */
import { Output, type CommandFn, type CommandResult } from '../types';
import { usageError } from './usage';

function inputLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Field lists like 1,3 or 2-4 or 3-. */
function parseFields(spec: string): ((n: number) => boolean) | null {
  const ranges: [number, number][] = [];
  for (const part of spec.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (!m[1] && !m[3])) return null;
    const lo = m[1] ? Number(m[1]) : 1;
    const hi = m[2] ? (m[3] ? Number(m[3]) : Infinity) : lo;
    if (lo < 1) return null;
    ranges.push([lo, hi]);
  }
  return (n) => ranges.some(([lo, hi]) => n >= lo && n <= hi);
}

export const cut: CommandFn = (argv, ctx) => {
  let delim = '\t';
  let fields: string | undefined;
  let chars: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-d') delim = argv[++i] ?? '';
    else if (a.startsWith('-d')) delim = a.slice(2);
    else if (a === '-f') fields = argv[++i];
    else if (a.startsWith('-f')) fields = a.slice(2);
    else if (a === '-c' || a === '-b') chars = argv[++i];
    else if (a.startsWith('-c') || a.startsWith('-b')) chars = a.slice(2);
  }
  if (fields !== undefined && chars !== undefined) return usageError('cut', 'only one list may be specified');
  if (chars !== undefined) return cutCharacters(chars, ctx.stdin);
  if (fields === undefined) return usageError('cut', 'you must specify a list of bytes, characters, or fields');
  if (delim.length !== 1) return usageError('cut', 'the delimiter must be a single character');
  const wanted = parseFields(fields);
  if (!wanted) return usageError('cut', `invalid field value ‘${fields}’`);
  const out = new Output();
  for (const line of inputLines(ctx.stdin)) {
    const parts = line.split(delim);
    out.line(parts.length === 1 ? line : parts.filter((_, i) => wanted(i + 1)).join(delim));
  }
  return out.done(0);
};

/** cut -c LIST (and -b: the same for ASCII text). */
function cutCharacters(list: string, stdin: string): CommandResult {
  if (/(^|[,-])0/.test(list)) return usageError('cut', 'byte/character positions are numbered from 1');
  const wanted = parseFields(list);
  if (!wanted) return usageError('cut', `invalid byte/character position ‘${list}’`);
  const out = new Output();
  for (const line of inputLines(stdin)) out.line([...line].filter((_, i) => wanted(i + 1)).join(''));
  return out.done(0);
}

/** A small awk: `[-F SEP] '[/regex/ | NR>N] { print $N, NF, NR, ... }'`, enough for tutorial one-liners. */
export const awk: CommandFn = (argv, ctx) => {
  let sep: string | undefined;
  let program: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-F') sep = argv[++i];
    else if (a.startsWith('-F')) sep = a.slice(2);
    else if (program === undefined) program = a;
  }
  if (program === undefined) return new Output().err('usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]').done(2);
  const m = /^\s*(?:\/(.*)\/|NR\s*(==|!=|>=|<=|>|<)\s*(\d+))?\s*\{\s*print\s*(.*?)\s*;?\s*\}\s*$/.exec(program);
  if (!m) return new Output().err(`awk: line 1: syntax error at source line 1\n context is\n\t${program}`).done(2);
  const filter = m[1] === undefined ? undefined : new RegExp(m[1]);
  // `NR>1 {…}`: skip a header line (ls -l's "total", ps's column names).
  const byLine = m[2] === undefined ? undefined : lineTest(m[2], Number(m[3]));
  const items = m[4] ? m[4].split(/\s*,\s*/) : ['$0'];
  const out = new Output();
  let nr = 0;
  for (const line of inputLines(ctx.stdin)) {
    nr++;
    if (filter && !filter.test(line)) continue;
    if (byLine && !byLine(nr)) continue;
    const fields = sep === undefined ? line.trim().split(/\s+/) : line.split(sep);
    const values = items.map((item) => {
      const f = /^\$(\d+)$/.exec(item);
      if (f) return Number(f[1]) === 0 ? line : fields[Number(f[1]) - 1] ?? '';
      if (item === 'NF') return String(fields.length);
      if (item === 'NR') return String(nr);
      const s = /^"(.*)"$/.exec(item);
      return s ? s[1]! : '';
    });
    out.line(values.join(' '));
  }
  return out.done(0);
};

function lineTest(op: string, n: number): (nr: number) => boolean {
  const tests: Record<string, (nr: number) => boolean> = { '==': (nr) => nr === n, '!=': (nr) => nr !== n, '>=': (nr) => nr >= n, '<=': (nr) => nr <= n, '>': (nr) => nr > n, '<': (nr) => nr < n };
  return tests[op]!;
}
