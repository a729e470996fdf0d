/**
 * GNU sort in the C locale (byte order): -r, -n, -u, -k N[,M], files or stdin. Keys follow
 * POSIX without -b: a field is its leading blanks and the non-blanks after them; lines whose keys
 * compare equal fall back to the whole line (as GNU does without -s), -u keeps the first of each.
 */
import { Output, type CommandFn } from '../types';

interface SortOptions {
  reverse: boolean;
  numeric: boolean;
  unique: boolean;
  key: { from: number; to: number | null } | null;
}

export const sort: CommandFn = (argv, ctx) => {
  const opts: SortOptions = { reverse: false, numeric: false, unique: false, key: null };
  const files: string[] = [];
  const out = new Output();
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-k' || a.startsWith('-k')) {
      const spec = a === '-k' ? argv[++i] : a.slice(2);
      const m = spec === undefined ? null : /^(\d+)(?:,(\d+))?$/.exec(spec);
      if (!m || Number(m[1]) === 0) return out.err(spec === undefined ? "sort: option requires an argument -- 'k'\nTry 'sort --help' for more information." : `sort: invalid number at field start: invalid count at start of ‘${spec}’`).done(2);
      opts.key = { from: Number(m[1]), to: m[2] === undefined ? null : Number(m[2]) };
    } else if (/^-[rnu]+$/.test(a)) {
      for (const f of a.slice(1)) {
        if (f === 'r') opts.reverse = true;
        else if (f === 'n') opts.numeric = true;
        else opts.unique = true;
      }
    } else if (a.startsWith('-') && a !== '-') {
      return out.err(`sort: invalid option -- '${a[1]}'\nTry 'sort --help' for more information.`).done(2);
    } else files.push(a);
  }
  let text = '';
  for (const f of files.length ? files : ['-']) {
    if (f === '-') {
      text += ctx.stdin;
      continue;
    }
    const r = ctx.fs.read(f.startsWith('/') ? f : `${ctx.cwd}/${f}`, ctx.ns);
    if (!r.ok) return out.err(`sort: cannot read: ${f}: No such file or directory`).done(2);
    text += r.data.endsWith('\n') || r.data === '' ? r.data : r.data + '\n';
  }
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  const keyCompare = (a: string, b: string) => (opts.numeric ? numberOf(keyOf(a, opts)) - numberOf(keyOf(b, opts)) : bytes(keyOf(a, opts), keyOf(b, opts)));
  const sign = opts.reverse ? -1 : 1;
  const sorted = lines.map((l, i) => ({ l, i })).sort((x, y) => sign * (keyCompare(x.l, y.l) || (opts.unique ? 0 : bytes(x.l, y.l))) || x.i - y.i);
  const kept = opts.unique ? sorted.filter((x, i) => i === 0 || keyCompare(sorted[i - 1]!.l, x.l) !== 0) : sorted;
  for (const { l } of kept) out.line(l);
  return out.done(0);
};

function bytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Fields N..M (1-based), each with its leading blanks, as POSIX sort without -b. */
function keyOf(line: string, opts: SortOptions): string {
  if (!opts.key) return line;
  const fields = line.match(/[ \t]*[^ \t]+|[ \t]+$/g) ?? [];
  return fields.slice(opts.key.from - 1, opts.key.to ?? undefined).join('');
}

/** -n: leading blanks, an optional minus, digits with an optional decimal point; anything else is 0. */
function numberOf(key: string): number {
  const m = /^[ \t]*(-?(?:\d+\.?\d*|\.\d+))/.exec(key);
  return m ? Number(m[1]) : 0;
}
