/**
 * Brace expansion (bash manual 3.5.1), done on a word's text before any other expansion, as bash
 * does: `eth{0,1}`, `ns{1..3}`, `{01..10}`, `{a..e}`, `{1..10..2}`, nested `{{a,b},c}`, several in
 * one word (a cartesian product, left to right). Quoted and backslashed characters, `${…}`, `$(…)`
 * and `` `…` `` are not brace syntax; `{a}`, `{}` and an unclosed `{` stay as written.
 */
import { SyntaxError } from './syntax-error';

/** More words than this from one word is refused (`{1..100000000}` would exhaust memory). */
export const MAX_BRACE_WORDS = 100_000;

/** The words `word` (shell source text) expands to; the word itself when it has no brace expression. */
export function expandBraces(word: string): string[] | SyntaxError {
  if (!word.includes('{')) return [word];
  try {
    return expand(word);
  } catch (e) {
    if (e instanceof SyntaxError) return e;
    throw e;
  }
}

function expand(word: string): string[] {
  for (let from = 0; ; ) {
    const open = nextOpen(word, from);
    if (open < 0) return [word];
    const close = matchingClose(word, open);
    const items = close < 0 ? null : alternatives(word.slice(open + 1, close));
    if (!items) {
      from = open + 1;
      continue;
    }
    const before = word.slice(0, open);
    const after = expand(word.slice(close + 1));
    if (items.length * after.length > MAX_BRACE_WORDS) throw tooMany();
    return items.flatMap((item) => after.map((rest) => before + item + rest));
  }
}

function tooMany(): SyntaxError {
  return new SyntaxError(`brace expansion: more than ${MAX_BRACE_WORDS} words (the limit for one word)`);
}

/** `a,b,{c,d}` -> a b c d; `x..y[..n]` -> the sequence; null when the braces are not an expression. */
function alternatives(body: string): string[] | null {
  const commas = topCommas(body);
  if (commas.length === 0) return sequence(body);
  const parts: string[] = [];
  let at = 0;
  for (const comma of [...commas, body.length]) {
    parts.push(body.slice(at, comma));
    at = comma + 1;
  }
  const out = parts.flatMap((p) => expand(p));
  if (out.length > MAX_BRACE_WORDS) throw tooMany();
  return out;
}

/** `{1..5}`, `{05..1..2}`, `{a..e}`: integers (zero-padded when an end has a leading 0) or single letters. */
function sequence(body: string): string[] | null {
  const numbers = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(body);
  const letters = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(body);
  const m = numbers ?? letters;
  if (!m) return null;
  const stepText = m[3] ?? '1';
  const step = Math.abs(Number(stepText)) || 1;
  const first = letters ? m[1]!.charCodeAt(0) : Number(m[1]);
  const last = letters ? m[2]!.charCodeAt(0) : Number(m[2]);
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last)) return null;
  if (Math.floor(Math.abs(last - first) / step) + 1 > MAX_BRACE_WORDS) throw tooMany();
  const padded = numbers && (/^-?0\d/.test(m[1]!) || /^-?0\d/.test(m[2]!));
  const width = padded ? Math.max(m[1]!.length, m[2]!.length) : 0;
  const out: string[] = [];
  const down = last < first;
  for (let n = first; down ? n >= last : n <= last; n += down ? -step : step) {
    out.push(letters ? letter(n) : pad(n, width));
  }
  return out;
}

/** C's `%0*d`: the sign counts in the width. */
function pad(n: number, width: number): string {
  return n < 0 ? '-' + String(-n).padStart(width - 1, '0') : String(n).padStart(width, '0');
}

/**
 * A letter sequence passes `[ \ ] ^ _ \`` between Z and a: literal characters, not syntax; bash's
 * backslash there quotes nothing and goes (`x{Z..a}` gives `x`, and an empty word alone).
 */
function letter(code: number): string {
  const c = String.fromCharCode(code);
  if (c === '\\') return "''";
  return /[A-Za-z]/.test(c) ? c : '\\' + c;
}

/** Skips a quoted or nested construct starting at j; returns the index of its last character. */
function skip(word: string, j: number): number {
  const c = word[j];
  if (c === '\\') return j + 1;
  if (c === "'") return end(word.indexOf("'", j + 1), word);
  if (c === '`') return end(word.indexOf('`', j + 1), word);
  if (c === '"') {
    let k = j + 1;
    while (k < word.length && word[k] !== '"') k += word[k] === '\\' ? 2 : 1;
    return k;
  }
  if (c === '$' && word[j + 1] === '(') {
    let depth = 0;
    for (let k = j + 1; k < word.length; k++) {
      if (word[k] === '\\' || word[k] === "'" || word[k] === '"') k = skip(word, k);
      else if (word[k] === '(') depth++;
      else if (word[k] === ')' && --depth === 0) return k;
    }
    return word.length;
  }
  // `${…}` ends at the first `}` outside a nested `${…}` (plain braces do not nest, as in bash).
  if (c === '$' && word[j + 1] === '{') {
    for (let k = j + 2; k < word.length; k++) {
      if (word[k] === '}') return k;
      k = skip(word, k);
    }
    return word.length;
  }
  return j;
}

function end(index: number, word: string): number {
  return index < 0 ? word.length : index;
}

/** The next brace-syntax `{` at or after `from`; -1 when none. */
function nextOpen(word: string, from: number): number {
  for (let j = from; j < word.length; j++) {
    if (word[j] === '{') return j;
    j = skip(word, j);
  }
  return -1;
}

/** The `}` closing the `{` at `open` (braces nest); -1 when none. */
function matchingClose(word: string, open: number): number {
  let depth = 0;
  for (let j = open; j < word.length; j++) {
    const c = word[j];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return j;
    else j = skip(word, j);
  }
  return -1;
}

/** The `,` of `body` outside nested braces and quotes. */
function topCommas(body: string): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let j = 0; j < body.length; j++) {
    const c = body[j];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) out.push(j);
    else j = skip(body, j);
  }
  return out;
}
