/**
 * `${…}` parameter expansion (bash manual 3.5.3): `${x}`, `${x:-w}` `${x-w}` `${x:=w}` `${x:+w}`
 * `${x:?w}`, `${#x}`, `${!x}`, `${x#p}` `${x##p}` `${x%p}` `${x%%p}`, `${x/p/r}` `${x//p/r}`
 * `${x/#p/r}` `${x/%p/r}`, `${x^}` `${x^^}` `${x,}` `${x,,}`, `${x:off[:len]}`. A form bash does not know is kept as `bad`: bash
 * reports it (`${x:}: bad substitution`) when the word is expanded, not when the line is read.
 */
import type { ParamOp, Word, WordPart } from './ast';
import { SyntaxError } from './syntax-error';

/** Lexes text[from, to) as the word inside `${…}` (lexer.ts lexInnerWord). */
export type InnerLexer = (text: string, from: number, to: number, quoted: boolean) => Word | SyntaxError;

type Scan = { part: WordPart | null; end: number } | SyntaxError;

const NAME = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$!#@*])/;
const WORD_OPS = [':-', ':=', ':+', ':?', '-', '=', '+', '?'] as const;
const KIND: Record<string, 'default' | 'assign' | 'alternate' | 'error'> = { '-': 'default', '=': 'assign', '+': 'alternate', '?': 'error' };

/** `${…}` starting at `at` (the `$`). */
export function paramExpansion(text: string, at: number, quoted: boolean, lexInner: InnerLexer): Scan {
  const start = at + 2;
  const close = findTop(text, start, text.length, '}', quoted);
  if (close < 0) return new SyntaxError(`unexpected EOF while looking for matching \`${close === OPEN_DOUBLE ? '"' : close === OPEN_SINGLE ? "'" : '}'}'`, true);
  const end = close + 1;
  const body = text.slice(start, close);
  const bad = (): Scan => ({ part: { kind: 'param', name: '', quoted, op: { kind: 'bad', text: text.slice(at, end) } }, end });
  const param = (name: string, op?: ParamOp): Scan => ({ part: op ? { kind: 'param', name, quoted, op } : { kind: 'param', name, quoted }, end });
  const special = /^([#!])([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$!#@*])$/.exec(body);
  if (special) return param(special[2]!, { kind: special[1] === '#' ? 'length' : 'indirect' });
  const m = NAME.exec(body);
  if (!m) return bad();
  const name = m[1]!;
  const opAt = start + name.length;
  const rest = body.slice(name.length);
  if (rest === '') return param(name);
  // A pattern is read as if unquoted even inside double quotes ("${x#*.}" still matches *).
  const inner = (from: number, to: number, asQuoted = quoted): Word => {
    const word = lexInner(text, from, to, asQuoted);
    if (word instanceof SyntaxError) throw word;
    return word;
  };
  try {
    const wordOp = WORD_OPS.find((o) => rest.startsWith(o));
    if (wordOp) return param(name, { kind: KIND[wordOp.slice(-1)]!, colon: wordOp.length === 2, word: inner(opAt + wordOp.length, close) });
    if (rest[0] === '#' || rest[0] === '%') {
      const longest = rest[1] === rest[0];
      return param(name, { kind: 'trim', suffix: rest[0] === '%', longest, pattern: inner(opAt + (longest ? 2 : 1), close, false) });
    }
    if (rest[0] === '^' || rest[0] === ',') {
      const all = rest[1] === rest[0];
      return param(name, { kind: 'case', upper: rest[0] === '^', all, pattern: inner(opAt + (all ? 2 : 1), close, false) });
    }
    if (rest[0] === '/') return param(name, replaceOp(text, opAt + 1, close, inner));
    if (rest[0] === ':') {
      const colon = findTop(text, opAt + 1, close, ':', quoted);
      const offsetEnd = colon < 0 ? close : colon;
      if (/^\s*$/.test(text.slice(opAt + 1, offsetEnd)) && colon < 0) return bad();
      return param(name, { kind: 'slice', offset: inner(opAt + 1, offsetEnd), ...(colon < 0 ? {} : { length: inner(colon + 1, close) }) });
    }
  } catch (e) {
    if (e instanceof SyntaxError) return e;
    throw e;
  }
  return bad();
}

/** `/p/r`, `//p/r`, `/#p/r`, `/%p/r` after the first `/` at `from`. */
/** Pattern and replacement are read as if unquoted even inside double quotes ("${x/'a'/'q'}" is q…). */
function replaceOp(text: string, from: number, close: number, inner: (f: number, t: number, asQuoted?: boolean) => Word): ParamOp {
  const modeChar = text[from];
  const mode = modeChar === '/' ? 'all' : modeChar === '#' ? 'prefix' : modeChar === '%' ? 'suffix' : 'first';
  const patternAt = mode === 'first' ? from : from + 1;
  const slash = findTop(text, patternAt, close, '/', false);
  const patternEnd = slash < 0 ? close : slash;
  return { kind: 'replace', mode, pattern: inner(patternAt, patternEnd, false), replacement: slash < 0 ? { parts: [] } : inner(slash + 1, close, false) };
}

const OPEN_SINGLE = -2;
const OPEN_DOUBLE = -3;

/**
 * The index of the first `stop` character in text[from, to) outside quotes, backslashes and nested
 * `${…}` / `$(…)` / `` `…` ``; -1 when there is none, OPEN_SINGLE or OPEN_DOUBLE when a quote is left
 * open. Plain braces do not nest: `${x:-{a}}` is `${x:-{a}` and a `}` (bash prints `{a}` for both).
 */
function findTop(text: string, from: number, to: number, stop: string, quoted: boolean): number {
  for (let j = from; j < to; j++) {
    const c = text[j]!;
    if (c === stop) return j;
    if (c === '\\') j++;
    else if (c === "'" && !quoted) {
      j = text.indexOf("'", j + 1);
      if (j < 0 || j >= to) return OPEN_SINGLE;
    } else if (c === '"') {
      j++;
      while (j < to && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= to) return OPEN_DOUBLE;
    } else if (c === '`') {
      j = text.indexOf('`', j + 1);
      if (j < 0 || j >= to) return -1;
    } else if (c === '$' && text[j + 1] === '(') {
      j = closeParen(text, j + 2, to);
      if (j < 0) return -1;
    } else if (c === '$' && text[j + 1] === '{') {
      const inner = findTop(text, j + 2, to, '}', quoted);
      if (inner < 0) return inner;
      j = inner;
    }
  }
  return -1;
}

/** The `)` closing a `$(` whose body starts at `from` (quotes skipped); -1 when missing. */
function closeParen(text: string, from: number, to: number): number {
  let depth = 1;
  for (let j = from; j < to; j++) {
    const c = text[j]!;
    if (c === '\\') j++;
    else if (c === "'") {
      j = text.indexOf("'", j + 1);
      if (j < 0) return -1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j;
  }
  return -1;
}
