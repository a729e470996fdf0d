/**
 * Splits command text into words and operators with bash's quoting rules: '...' is literal,
 * "..." expands $VAR, $(…), `…` and $((…)) and honours \" \\ \$ \`, a backslash escapes one
 * character (and joins lines before a newline), # starts a comment at the beginning of a word.
 * A newline is an operator (it ends a command like `;`); here-document bodies (`<<EOF`, `<<-EOF`,
 * `<<'EOF'`) are read from the lines after the one holding the operator.
 */
import type { Word, WordPart } from './ast';
import { paramExpansion } from './param';
import { SyntaxError } from './syntax-error';

export { SyntaxError };

export interface Heredoc {
  delimiter: string;
  /** `<<-`: leading tabs are removed from the body and the delimiter line. */
  strip: boolean;
  /** False when any part of the delimiter was quoted: the body is taken literally. */
  expand: boolean;
  body: string;
  /** The delimiter line was found (else the body runs to the end of the text). */
  closed: boolean;
}

/** Every token knows where it starts and ends in the source (`at`, `end`). */
export type Token = (
  | { kind: 'word'; word: Word; raw: string }
  | { kind: 'op'; op: string }
  | { kind: 'redir'; fd: number | null; op: string; heredoc?: Heredoc }
  /** `(( EXPR ))` where a command starts: the arithmetic command, `for (( … ))`. */
  | { kind: 'arith'; expr: string }
) & { at?: number; end?: number };

const OPERATORS = ['&&', '||', ';;&', ';;', ';&', ';', '&', '|', '(', ')', '\n'];
const REDIRS = ['<<<', '<<-', '<<', '>>', '>&', '<&', '&>', '>', '<'];

export function lex(text: string): Token[] | SyntaxError {
  const tokens: Token[] = [];
  const pending: Heredoc[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      tokens.push({ kind: 'op', op: '\n', at: i, end: i + 1 });
      i = readBodies(text, i + 1, pending);
      pending.length = 0;
      continue;
    }
    const fdMatch = /^(\d+)(?=[<>])/.exec(text.slice(i, i + 12));
    const redirAt = fdMatch ? i + fdMatch[1]!.length : i;
    const redir = REDIRS.find((r) => text.startsWith(r, redirAt));
    if (redir) {
      const token: Token = { kind: 'redir', fd: fdMatch ? Number(fdMatch[1]) : null, op: redir, at: i, end: redirAt + redir.length };
      tokens.push(token);
      i = redirAt + redir.length;
      if (redir === '<<' || redir === '<<-') {
        while (text[i] === ' ' || text[i] === '\t') i++;
        const delim = lexWord(text, i);
        if (delim instanceof SyntaxError) return delim;
        if (delim.end > i) {
          const raw = text.slice(i, delim.end);
          const delimiter = raw.replace(/["'\\]/g, '');
          token.heredoc = { delimiter, strip: redir === '<<-', expand: !/["'\\]/.test(raw), body: '', closed: false };
          pending.push(token.heredoc);
          tokens.push({ kind: 'word', word: { parts: [{ kind: 'lit', text: delimiter }] }, raw, at: i, end: delim.end });
          i = delim.end;
        }
      }
      continue;
    }
    const arith = text.startsWith('((', i) && commandStart(tokens) ? arithEnd(text, i + 2) : -1;
    if (arith >= 0) {
      tokens.push({ kind: 'arith', expr: text.slice(i + 2, arith), at: i, end: arith + 2 });
      i = arith + 2;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', op, at: i, end: i + op.length });
      i += op.length;
      continue;
    }
    const word = lexWord(text, i);
    if (word instanceof SyntaxError) return word;
    tokens.push({ kind: 'word', word: word.word, raw: text.slice(i, word.end), at: i, end: word.end });
    i = word.end;
  }
  return tokens;
}

/** Where a command may start: `((` there is arithmetic (bash reads `( (` elsewhere). */
function commandStart(tokens: Token[]): boolean {
  const last = tokens[tokens.length - 1];
  if (!last) return true;
  if (last.kind === 'op') return last.op !== ')';
  return last.kind === 'word' && ['for', 'do', 'then', 'else', 'elif', 'if', 'while', 'until', '!', '{', '&&', '||'].includes(last.raw);
}

/** The index of the `))` closing `((` whose expression starts at `start`; -1 when the parentheses close apart (`((a) )`). */
function arithEnd(text: string, start: number): number {
  return closingArith(text, start, true);
}

/** Reads the bodies of the here-documents opened on the line that just ended; returns where the next line starts. */
function readBodies(text: string, start: number, pending: Heredoc[]): number {
  let i = start;
  for (const doc of pending) {
    while (i < text.length) {
      const nl = text.indexOf('\n', i);
      const line = nl < 0 ? text.slice(i) : text.slice(i, nl);
      i = nl < 0 ? text.length : nl + 1;
      const content = doc.strip ? line.replace(/^\t+/, '') : line;
      if (content === doc.delimiter) {
        doc.closed = true;
        break;
      }
      doc.body += content + '\n';
    }
  }
  return i;
}

function isBreak(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '<' || c === '>';
}

export type Scan = { part: WordPart | null; end: number } | SyntaxError;

/** An expansion starting with `$` at `at`: a parameter, `$(…)` or `$((…))`; a lone `$` is literal (part null). */
export function dollar(text: string, at: number, quoted: boolean): Scan {
  if (text.startsWith('$((', at)) {
    const close = matchArith(text, at + 3);
    if (close >= 0) return { part: { kind: 'arith', expr: text.slice(at + 3, close), quoted }, end: close + 2 };
  }
  if (text.startsWith('$(', at)) {
    const close = matchParen(text, at + 2);
    if (close < 0) return new SyntaxError("unexpected EOF while looking for matching `)'", true);
    return { part: { kind: 'cmd', source: text.slice(at + 2, close), quoted }, end: close + 1 };
  }
  if (text[at + 1] === '{') return paramExpansion(text, at, quoted, lexInnerWord);
  const rest = text.slice(at + 1, at + 260);
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[?$!#0-9@*])/.exec(rest);
  if (!m) return { part: null, end: at + 1 };
  return { part: { kind: 'param', name: m[1]!, quoted }, end: at + 1 + m[0].length };
}

/** A backquoted command starting at `at`; `\``, `\\` and `\$` inside are unescaped. */
export function backquote(text: string, at: number, quoted: boolean): Scan {
  let source = '';
  let i = at + 1;
  while (i < text.length && text[i] !== '`') {
    if (text[i] === '\\' && i + 1 < text.length && '`\\$'.includes(text[i + 1]!)) {
      source += text[i + 1];
      i += 2;
    } else source += text[i++];
  }
  if (i >= text.length) return new SyntaxError('unexpected EOF while looking for matching ``\'', true);
  return { part: { kind: 'cmd', source, quoted }, end: i + 1 };
}

/** Index of the `)` closing a `$(` whose body starts at `start`, skipping quotes; -1 when missing. */
function matchParen(text: string, start: number): number {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      if (i >= text.length) return -1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Index of the `))` closing a `$((` whose expression starts at `start`; -1 when missing. */
function matchArith(text: string, start: number): number {
  return closingArith(text, start, false);
}

/**
 * The `))` closing an arithmetic expression that starts at `start` (-1 when the parentheses close
 * apart); a `((` command also gives up at a line break before anything was written.
 */
function closingArith(text: string, start: number, command: boolean): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return text[i + 1] === ')' ? i : -1;
      depth--;
    } else if (command && c === '\n' && depth === 0 && text.slice(start, i).trim() === '') return -1;
  }
  return -1;
}

/** The text of an unquoted here-document as a word: $ expansions and `\$ \` \\` escapes, quotes literal. */
export function heredocWord(body: string): Word | SyntaxError {
  const parts: WordPart[] = [];
  let lit = '';
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length && '$`\\\n'.includes(body[i + 1]!)) {
      if (body[i + 1] !== '\n') lit += body[i + 1];
      i += 2;
      continue;
    }
    if (c === '$' || c === '`') {
      const scan = c === '$' ? dollar(body, i, true) : backquote(body, i, true);
      if (scan instanceof SyntaxError) return scan;
      if (scan.part) {
        if (lit) parts.push({ kind: 'lit', text: lit });
        lit = '';
        parts.push(scan.part);
      } else lit += c;
      i = scan.end;
      continue;
    }
    lit += c;
    i++;
  }
  if (lit || parts.length === 0) parts.push({ kind: 'lit', text: lit });
  return { parts };
}

/** One word's source text (a result of brace expansion) as a word. */
export function lexSingleWord(text: string): Word | SyntaxError {
  const word = lexWord(text, 0);
  return word instanceof SyntaxError ? word : word.word;
}

/**
 * The word inside `${NAME<op>WORD}` (text[from, to)): blanks do not end it. Unquoted, its plain text
 * is `bare` (split like an expansion); inside double quotes it is read as their content.
 */
export function lexInnerWord(text: string, from: number, to: number, quoted: boolean): Word | SyntaxError {
  if (quoted) return lexQuotedInner(text.slice(0, to), from);
  const word = lexWord(text.slice(0, to), from, true);
  return word instanceof SyntaxError ? word : word.word;
}

/** A `${…}` word inside double quotes: \ escapes only $ ` " \ } and newline, inner double quotes are dropped. */
function lexQuotedInner(text: string, from: number): Word | SyntaxError {
  const parts: WordPart[] = [];
  let lit = '';
  let i = from;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && '"\\$`}\n'.includes(text[i + 1]!)) {
      if (text[i + 1] !== '\n') lit += text[i + 1];
      i += 2;
    } else if (c === '$' || c === '`') {
      const scan = c === '$' ? dollar(text, i, true) : backquote(text, i, true);
      if (scan instanceof SyntaxError) return scan;
      if (scan.part) {
        if (lit) parts.push({ kind: 'lit', text: lit });
        lit = '';
        parts.push(scan.part);
      } else lit += c;
      i = scan.end;
    } else {
      if (c !== '"') lit += c;
      i++;
    }
  }
  if (lit || parts.length === 0) parts.push({ kind: 'lit', text: lit });
  return { parts };
}

function lexWord(text: string, start: number, inner = false): { word: Word; end: number } | SyntaxError {
  const parts: WordPart[] = [];
  let lit = '';
  /** Whether `lit` is unquoted text of a `${…}` word. */
  let bare = false;
  const flush = () => {
    if (lit) parts.push(bare ? { kind: 'lit', text: lit, bare: true } : { kind: 'lit', text: lit });
    lit = '';
  };
  /** Literal text; in a `${…}` word quoted and unquoted text are kept apart. */
  const add = (piece: string, unquoted: boolean) => {
    if (inner && unquoted !== bare) {
      flush();
      bare = unquoted;
    }
    lit += piece;
  };
  /** Adds an expansion's part; returns where scanning goes on. */
  const expansion = (scan: Scan, c: string, unquoted: boolean): number | SyntaxError => {
    if (scan instanceof SyntaxError) return scan;
    if (scan.part) {
      flush();
      parts.push(scan.part);
    } else add(c, unquoted);
    return scan.end;
  };
  let i = start;
  let quoted = false;
  // NAME=~/x and NAME=a:~/b: a tilde after the `=` or an unquoted `:` of an assignment-like word expands too.
  const assignment = inner ? null : /^[A-Za-z_][A-Za-z0-9_]*=/.exec(text.slice(start, start + 256));
  const valueAt = assignment ? start + assignment[0].length : -1;
  let colonAt = -1;
  const tilde = tildePrefix(text, start);
  if (tilde) {
    parts.push(tilde.part);
    i = tilde.end;
  }
  while (i < text.length && (inner || !isBreak(text[i]!))) {
    const c = text[i]!;
    if (c === '\\') {
      // A backslash ending the text is itself (bash -c 'echo a\\' prints a\\).
      if (i + 1 >= text.length) add(c, true);
      else if (text[i + 1] !== '\n') add(text[i + 1]!, false);
      i = Math.min(i + 2, text.length);
    } else if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return new SyntaxError("unexpected EOF while looking for matching `''", true);
      add(text.slice(i + 1, close), false);
      quoted = true;
      i = close + 1;
    } else if (c === '"') {
      quoted = true;
      i++;
      while (i < text.length && text[i] !== '"') {
        const d = text[i]!;
        if (d === '\\' && i + 1 < text.length && '"\\$`\n'.includes(text[i + 1]!)) {
          if (text[i + 1] !== '\n') add(text[i + 1]!, false);
          i += 2;
        } else if (d === '$' || d === '`') {
          const next = expansion(d === '$' ? dollar(text, i, true) : backquote(text, i, true), d, false);
          if (next instanceof SyntaxError) return next;
          i = next;
        } else {
          add(d, false);
          i++;
        }
      }
      if (i >= text.length) return new SyntaxError('unexpected EOF while looking for matching `"\'', true);
      i++;
    } else if (c === '$' || c === '`') {
      const next = expansion(c === '$' ? dollar(text, i, false) : backquote(text, i, false), c, true);
      if (next instanceof SyntaxError) return next;
      i = next;
    } else if (c === '*' || c === '?' || (c === '[' && bracketEnd(text, i) > 0)) {
      const end = c === '[' ? bracketEnd(text, i) + 1 : i + 1;
      flush();
      parts.push({ kind: 'glob', text: text.slice(i, end) });
      i = end;
    } else if (c === '~' && (i === valueAt || (valueAt >= 0 && i === colonAt + 1)) && tildePrefix(text, i, true)) {
      const t = tildePrefix(text, i, true)!;
      flush();
      parts.push(t.part);
      i = t.end;
    } else {
      if (c === ':') colonAt = i;
      add(c, true);
      i++;
    }
  }
  flush();
  if (parts.length === 0 && quoted) parts.push({ kind: 'lit', text: '' });
  return { word: { parts }, end: i };
}

/**
 * Tilde expansion (bash manual 3.5.2): an unquoted `~` or `~LOGIN` starting a word, up to the first
 * `/`, is the home directory: `~` is $HOME (not split), `~root` is /root. Another login name is
 * not a user of this host, so it stays as written.
 */
function tildePrefix(text: string, start: number, inAssignment = false): { part: WordPart; end: number } | undefined {
  if (text[start] !== '~') return undefined;
  let end = start + 1;
  while (end < text.length && /[A-Za-z0-9._-]/.test(text[end]!)) end++;
  if (end < text.length && text[end] !== '/' && !isBreak(text[end]!) && !(inAssignment && text[end] === ':')) return undefined;
  const login = text.slice(start + 1, end);
  if (login === '') return { part: { kind: 'param', name: 'HOME', quoted: true }, end };
  return login === 'root' ? { part: { kind: 'lit', text: '/root' }, end } : undefined;
}

/** Where an unquoted `[…]` bracket expression closes (a `]` right after `[` or `[!` belongs to it); -1 if it does not. */
function bracketEnd(text: string, open: number): number {
  let j = open + 1;
  if (text[j] === '!' || text[j] === '^') j++;
  if (text[j] === ']') j++;
  for (; j < text.length && !isBreak(text[j]!) && !`'"\\$\``.includes(text[j]!); j++) {
    if (text[j] === '[' && text[j + 1] === ':') {
      // A character class ([:alpha:]) inside the brackets.
      const close = text.indexOf(':]', j + 2);
      if (close > 0) j = close + 1;
      continue;
    }
    if (text[j] === ']') return j;
  }
  return -1;
}
