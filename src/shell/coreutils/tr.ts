/**
 * GNU tr (coreutils 9.1) in the C locale: translate SET1 to SET2 (SET2 padded with its last
 * character), -d delete SET1, -s squeeze repeats of the last set given. Sets take ranges (a-z),
 * classes ([:upper:] [:lower:] [:digit:] [:alpha:] [:alnum:] [:space:] [:blank:] [:punct:]) and
 * escapes (\n \t \\ \NNN). Messages as coreutils prints them.
 */
import { Output, type CommandFn, type CommandResult, success } from '../types';
import { unknownLetter, usageError } from './usage';

const CLASSES: Record<string, string> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  alnum: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  space: '\t\n\v\f\r ',
  blank: '\t ',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  xdigit: '0123456789ABCDEFabcdef',
};
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\' };

/** The characters of a set, in order; a string is an error message. */
function expand(set: string): string[] | string {
  const atoms: string[] = [];
  for (let i = 0; i < set.length; ) {
    const cls = /^\[:([a-z]+):\]/.exec(set.slice(i));
    if (cls) {
      const chars = CLASSES[cls[1]!];
      if (chars === undefined) return `invalid character class '${cls[1]}'`;
      atoms.push(...chars);
      i += cls[0].length;
      continue;
    }
    const [c, next] = charAt(set, i);
    if (set[next] === '-' && next + 1 < set.length) {
      const [end, after] = charAt(set, next + 1);
      if (end < c) return `range-endpoints of '${set.slice(i, after)}' are in reverse collating sequence order`;
      for (let code = c.charCodeAt(0); code <= end.charCodeAt(0); code++) atoms.push(String.fromCharCode(code));
      i = after;
      continue;
    }
    atoms.push(c);
    i = next;
  }
  return atoms;
}

/** One character of a set (an escape counts as one) and the index after it. */
function charAt(set: string, i: number): [string, number] {
  if (set[i] !== '\\' || i + 1 >= set.length) return [set[i]!, i + 1];
  const octal = /^[0-7]{1,3}/.exec(set.slice(i + 1));
  if (octal) return [String.fromCharCode(parseInt(octal[0], 8) & 255), i + 1 + octal[0].length];
  const e = set[i + 1]!;
  return [ESCAPES[e] ?? e, i + 2];
}

function error(message: string): CommandResult {
  return new Output().err(`tr: ${message}`).done(1);
}

export const tr: CommandFn = (argv, ctx) => {
  let del = false;
  let squeeze = false;
  const sets: string[] = [];
  let options = true;
  for (const a of argv.slice(1)) {
    if (options && a === '--') options = false;
    else if (options && a.startsWith('-') && a.length > 1) {
      const bad = unknownLetter(a, 'ds');
      if (bad !== undefined) return usageError('tr', `invalid option -- '${bad}'`);
      del ||= a.includes('d');
      squeeze ||= a.includes('s');
    } else sets.push(a);
  }
  const translating = !del && sets.length >= 2;
  if (sets.length === 0) return usageError('tr', 'missing operand');
  if (sets.length === 1 && ((del && squeeze) || (!del && !squeeze))) {
    const why = del ? 'Two strings must be given when both deleting and squeezing repeats.' : 'Two strings must be given when translating.';
    return usageError('tr', `missing operand after '${sets[0]}'\n${why}`);
  }
  if (sets.length > 2 || (del && !squeeze && sets.length > 1)) {
    const extra = del && !squeeze ? sets[1]! : sets[2]!;
    const why = del && !squeeze ? '\nOnly one string may be given when deleting without squeezing repeats.' : '';
    return usageError('tr', `extra operand '${extra}'${why}`);
  }
  const set1 = expand(sets[0]!);
  if (typeof set1 === 'string') return error(set1);
  const set2 = sets[1] === undefined ? [] : expand(sets[1]);
  if (typeof set2 === 'string') return error(set2);
  if (translating && set2.length === 0 && set1.length > 0) return error('when not truncating set1, string2 must be non-empty');
  const map = new Map<string, string>();
  if (translating) set1.forEach((c, i) => map.set(c, set2[Math.min(i, set2.length - 1)]!));
  const deleted = new Set(del ? set1 : []);
  const squeezed = new Set(squeeze ? (sets.length === 2 ? set2 : set1) : []);
  let out = '';
  for (const ch of ctx.stdin) {
    if (deleted.has(ch)) continue;
    const c = map.get(ch) ?? ch;
    if (squeezed.has(c) && out.endsWith(c)) continue;
    out += c;
  }
  return success(out);
};
