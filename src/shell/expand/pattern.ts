/**
 * Shell patterns matched against a string (bash manual 3.5.8.1), not against file names: `*` and
 * `?` match `/` and leading dots too. Used by `${x#p}`, `${x/p/r}`, `case` and `[[ x == p ]]`.
 */
import { bracket, type GlobToken } from '../glob';

const STAR = '[\\s\\S]*';
const LAZY_STAR = '[\\s\\S]*?';

function source(tokens: GlobToken[]): string {
  let out = '';
  for (const t of tokens) {
    if ('lit' in t) out += t.lit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (t.glob === '*') out += STAR;
    else if (t.glob === '?') out += '[\\s\\S]';
    else out += bracket(t.glob);
  }
  return out;
}

function wholeRegex(tokens: GlobToken[]): RegExp {
  return new RegExp(`^(?:${source(tokens)})$`, 'u');
}

/** The whole string matches the pattern. */
export function matches(tokens: GlobToken[], text: string): boolean {
  return wholeRegex(tokens).test(text);
}

/** Values up to this length are trimmed exactly (every cut tried); longer ones by one regular-expression search. */
const EXACT_TRIM_CHARS = 2000;

/** `${x#p}` `${x##p}` `${x%p}` `${x%%p}`: the value without its shortest or longest matching prefix or suffix. */
export function trim(value: string, tokens: GlobToken[], suffix: boolean, longest: boolean): string {
  const chars = [...value];
  if (chars.length > EXACT_TRIM_CHARS) return trimBySearch(value, tokens, suffix, longest);
  const re = wholeRegex(tokens);
  const n = chars.length;
  for (let k = 0; k <= n; k++) {
    // k characters removed: shortest first, or longest first.
    const cut = longest ? n - k : k;
    const piece = suffix ? chars.slice(n - cut).join('') : chars.slice(0, cut).join('');
    if (re.test(piece)) return suffix ? chars.slice(0, n - cut).join('') : chars.slice(cut).join('');
  }
  return value;
}

/**
 * A long value: one search, stars lazy for the shortest match and greedy for the longest (the cut
 * trying every one gives for patterns like `*.` or `/*`; trying every cut would be quadratic). The
 * shortest suffix is the shortest prefix of the reversed value and pattern.
 */
function trimBySearch(value: string, tokens: GlobToken[], suffix: boolean, longest: boolean): string {
  if (suffix && !longest) {
    const reversed = [...tokens].reverse().map((t): GlobToken => ('lit' in t ? { lit: [...t.lit].reverse().join('') } : t));
    return [...trimBySearch([...value].reverse().join(''), reversed, false, false)].reverse().join('');
  }
  const src = longest ? source(tokens) : source(tokens).split(STAR).join(LAZY_STAR);
  const m = new RegExp(suffix ? `(?:${src})$` : `^(?:${src})`, 'u').exec(value);
  if (!m) return value;
  return suffix ? value.slice(0, m.index) : value.slice(m[0].length);
}

/**
 * `${x/p/r}` (first), `${x//p/r}` (all), `${x/#p/r}` (anchored at the start), `${x/%p/r}` (at the
 * end): the longest match at the leftmost place; `replacement` gets the matched text (for `&`).
 */
export function replace(value: string, tokens: GlobToken[], mode: 'first' | 'all' | 'prefix' | 'suffix', replacement: (match: string) => string): string {
  if (tokens.every((t) => 'lit' in t && t.lit === '')) {
    if (mode === 'prefix') return replacement('') + value;
    if (mode === 'suffix') return value + replacement('');
    return value;
  }
  const src = source(tokens);
  const pattern = mode === 'prefix' ? `^(?:${src})` : mode === 'suffix' ? `(?:${src})$` : src;
  const re = new RegExp(pattern, mode === 'all' ? 'gu' : 'u');
  // An empty match replaces nothing (bash skips it: ${x//*/y} is one y).
  return value.replace(re, (m) => (m === '' ? '' : replacement(m)));
}
