/** Filters people pipe output into: grep, head, tail, wc, sort. */
import { Output, type CommandFn, success } from '../types';

export { wc } from './wc';
export { sort } from './sort';

function lines(text: string): string[] {
  if (text === '') return [];
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

export const grep: CommandFn = (argv, ctx) => {
  let invert = false;
  let ignoreCase = false;
  let count = false;
  let onlyMatching = false;
  let extended = false;
  let word = false;
  let quiet = false;
  let numbered = false;
  let fixed = false;
  const rest: string[] = [];
  for (const a of argv.slice(1)) {
    if (/^-[a-zA-Z]+$/.test(a) && rest.length === 0) {
      for (const f of a.slice(1)) {
        if (f === 'v') invert = true;
        else if (f === 'i') ignoreCase = true;
        else if (f === 'c') count = true;
        else if (f === 'o') onlyMatching = true;
        else if (f === 'E') extended = true;
        else if (f === 'w') word = true;
        else if (f === 'q') quiet = true;
        else if (f === 'n') numbered = true;
        else if (f === 'F') fixed = true;
        else return new Output().err(`grep: invalid option -- '${f}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.`).done(2);
      }
    } else rest.push(a);
  }
  const pattern = rest[0];
  if (pattern === undefined) return new Output().err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.").done(2);
  let source = fixed ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : extended ? pattern : basicToExtended(pattern);
  if (word) source = `\\b(?:${source})\\b`;
  let re: RegExp;
  try {
    re = new RegExp(source, ignoreCase ? 'gi' : 'g');
  } catch {
    return new Output().err('grep: Unmatched ( or \\(').done(2);
  }
  const input = rest.length > 1 ? readAll(rest.slice(1), ctx) : { text: ctx.stdin, errors: '' };
  const matched = lines(input.text)
    .map((l, i) => ({ l, n: i + 1 }))
    .filter(({ l }) => {
      re.lastIndex = 0;
      return re.test(l) !== invert;
    });
  const out = new Output();
  if (input.errors) out.err(input.errors);
  // -q: nothing on stdout, and a match wins over a read error (GNU grep).
  if (quiet) return out.done(matched.length > 0 ? 0 : input.errors ? 2 : 1);
  const prefix = (n: number) => (numbered ? `${n}:` : '');
  if (count) out.line(String(matched.length));
  else if (onlyMatching) for (const { l, n } of matched) for (const m of l.match(re) ?? []) out.line(prefix(n) + m);
  else for (const { l, n } of matched) out.line(prefix(n) + l);
  return out.done(input.errors ? 2 : matched.length > 0 ? 0 : 1);
};

/** POSIX basic regex: \( \) \| \+ are operators, bare ( ) | + are literals. */
function basicToExtended(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i]!;
      out += '()|+?{}'.includes(n) ? n : '\\' + n;
    } else out += '()|+?{}'.includes(c) ? '\\' + c : c;
  }
  return out;
}

function readAll(files: string[], ctx: Parameters<CommandFn>[1]): { text: string; errors: string } {
  let text = '';
  let errors = '';
  for (const f of files) {
    const r = ctx.fs.read(f.startsWith('/') ? f : `${ctx.cwd}/${f}`, ctx.ns);
    if (r.ok) text += r.data;
    else errors += `grep: ${f}: No such file or directory\n`;
  }
  return { text, errors };
}

/** -n N / -N lines, or -c N bytes; tail also takes +N: from line (byte) N on. */
function countArg(argv: string[], name: string): { n: number; from: boolean; bytes: boolean; files: string[] } | string {
  let n = 10;
  let from = false;
  let bytes = false;
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    const m = /^-(\d+)$/.exec(a) ?? (a === '-n' || a === '-c' ? [a, argv[++i] ?? ''] : /^-[nc](\+?\d+)$/.exec(a));
    if (m) {
      bytes = a.startsWith('-c');
      const value = m[1]!;
      const plus = name === 'tail' && value.startsWith('+');
      if (!/^\d+$/.test(plus ? value.slice(1) : value)) return `${name}: invalid number of ${bytes ? 'bytes' : 'lines'}: ‘${value}’`;
      n = Number(plus ? value.slice(1) : value);
      from = plus;
    } else files.push(a);
  }
  return { n, from, bytes, files };
}

export const head: CommandFn = (argv, ctx) => {
  const args = countArg(argv, 'head');
  if (typeof args === 'string') return new Output().err(args).done(1);
  const text = args.files.length ? readAll(args.files, ctx).text : ctx.stdin;
  if (args.bytes) return success(utf8Slice(text, 0, args.n));
  return success(lines(text).slice(0, args.n).map((l) => l + '\n').join(''));
};

export const tail: CommandFn = (argv, ctx) => {
  const args = countArg(argv, 'tail');
  if (typeof args === 'string') return new Output().err(args).done(1);
  const text = args.files.length ? readAll(args.files, ctx).text : ctx.stdin;
  if (args.bytes) {
    const size = new TextEncoder().encode(text).length;
    return success(utf8Slice(text, args.from ? Math.max(0, args.n - 1) : Math.max(0, size - args.n), size));
  }
  const all = lines(text);
  const start = args.from ? Math.max(0, args.n - 1) : Math.max(0, all.length - args.n);
  return success(all.slice(start).map((l) => l + '\n').join(''));
};

/** Bytes start..end of the text's UTF-8 (a cut character becomes U+FFFD, as a terminal shows it). */
function utf8Slice(text: string, start: number, end: number): string {
  return new TextDecoder().decode(new TextEncoder().encode(text).slice(start, end));
}
