/**
 * Pathname expansion (bash manual 3.5.8): an unquoted `*`, `?` or `[…]` in a word matches the
 * names in the directories of the simulated filesystem. Matches come sorted; a name starting
 * with `.` only matches a pattern that starts with `.`; a word that matches nothing stays as
 * written (bash's default, no nullglob).
 */
import { resolvePath } from '../common/paths';

/** A word's text as pattern pieces: literal text (quoted, or plain characters) and active glob syntax. */
export type GlobToken = { lit: string } | { glob: string };

/** An unquoted expansion's text as tokens: its `*`, `?` and complete `[…]` are active. */
export function globTokens(text: string): GlobToken[] {
  const out: GlobToken[] = [];
  const re = /\*|\?|\[(?:[!^]?\]?[^\]]*)\]/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > at) out.push({ lit: text.slice(at, m.index) });
    out.push({ glob: m[0] });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ lit: text.slice(at) });
  return out;
}

export function hasGlob(tokens: GlobToken[]): boolean {
  return tokens.some((t) => 'glob' in t);
}

const CLASSES: Record<string, string> = { alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v', xdigit: '0-9A-Fa-f', punct: '!-\\/:-@\\[-`{-~' };

/** One `[…]` bracket expression as a JavaScript character class. */
export function bracket(text: string): string {
  let body = text.slice(1, -1);
  let negate = false;
  if (body.startsWith('!') || body.startsWith('^')) {
    negate = true;
    body = body.slice(1);
  }
  const inner = body.replace(/\[:(\w+):\]|\\(.)|([\]\\^])|(.)/g, (_m, cls: string | undefined, esc: string | undefined, special: string | undefined, other: string | undefined) => {
    if (cls !== undefined) return CLASSES[cls] ?? '';
    if (esc !== undefined) return '\\' + esc;
    if (special !== undefined) return '\\' + special;
    return other === '-' ? '-' : other!.replace(/[/]/g, '\\/');
  });
  return `[${negate ? '^' : ''}${inner}]`;
}

function segmentRegex(tokens: GlobToken[]): RegExp {
  let source = '';
  for (const t of tokens) {
    if ('lit' in t) source += t.lit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else if (t.glob === '*') source += '[^/]*';
    else if (t.glob === '?') source += '[^/]';
    else source += bracket(t.glob);
  }
  return new RegExp(`^${source}$`, 'u');
}

/** Splits the tokens at the `/` of their literal text: one token list per path segment. */
function segments(tokens: GlobToken[]): GlobToken[][] {
  const out: GlobToken[][] = [[]];
  for (const t of tokens) {
    if ('glob' in t) {
      out[out.length - 1]!.push(t);
      continue;
    }
    t.lit.split('/').forEach((piece, k) => {
      if (k > 0) out.push([]);
      if (piece) out[out.length - 1]!.push({ lit: piece });
    });
  }
  return out;
}

/**
 * The paths the pattern matches, as the shell would print them (relative patterns stay relative),
 * sorted; empty when nothing matches. `list` gives a directory's entry names (undefined if none).
 */
export function expandGlob(tokens: GlobToken[], cwd: string, list: (dir: string) => string[] | undefined): string[] {
  const segs = segments(tokens);
  const absolute = segs[0]!.length === 0 && segs.length > 1;
  let paths: string[] = [absolute ? '/' : ''];
  let globbed = false;
  segs.forEach((seg, k) => {
    if (k === 0 && absolute) return;
    const last = k === segs.length - 1;
    const join = (base: string, name: string) => (base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`);
    if (seg.length === 0) {
      // A trailing slash keeps only directories; `a//b` collapses.
      paths = last ? paths.filter((p) => list(resolvePath(cwd, p || '.')) !== undefined).map((p) => (p.endsWith('/') ? p : p + '/')) : paths;
      return;
    }
    if (!hasGlob(seg)) {
      const name = seg.map((t) => ('lit' in t ? t.lit : t.glob)).join('');
      // After a matched segment, a literal one must name an entry of each match (`*/Dockerfile`).
      if (globbed) paths = paths.filter((p) => list(resolvePath(cwd, p || '.'))?.includes(name));
      paths = paths.map((p) => join(p, name));
      return;
    }
    globbed = true;
    const re = segmentRegex(seg);
    const dotOk = 'lit' in seg[0]! && seg[0].lit.startsWith('.');
    const next: string[] = [];
    for (const p of paths) {
      for (const name of list(resolvePath(cwd, p || '.')) ?? []) {
        if (name.startsWith('.') && !dotOk) continue;
        if (re.test(name)) next.push(join(p, name));
      }
    }
    paths = next;
  });
  return [...new Set(paths)].sort();
}
