/**
 * Splits a command line into words and operators with bash's quoting rules:
 * '...' is literal, "..." expands $VAR and honours \" \\ \$ \`, a backslash escapes one
 * character, # starts a comment at the beginning of a word.
 */
import type { Word, WordPart } from './ast';

export type Token =
  | { kind: 'word'; word: Word; raw: string }
  | { kind: 'op'; op: string }
  | { kind: 'redir'; fd: number | null; op: string };

export class SyntaxError {
  constructor(readonly message: string) {}
}

const OPERATORS = ['&&', '||', ';;', ';', '&', '|', '(', ')'];
const REDIRS = ['>>', '>&', '<&', '&>', '>', '<'];

export function lex(line: string): Token[] | SyntaxError {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      i++;
      continue;
    }
    if (c === '#') break;
    const op = OPERATORS.find((o) => line.startsWith(o, i));
    const fdMatch = /^(\d+)(?=[<>])/.exec(line.slice(i));
    const redirAt = fdMatch ? i + fdMatch[1]!.length : i;
    const redir = REDIRS.find((r) => line.startsWith(r, redirAt));
    if (redir) {
      tokens.push({ kind: 'redir', fd: fdMatch ? Number(fdMatch[1]) : null, op: redir });
      i = redirAt + redir.length;
      continue;
    }
    if (op) {
      tokens.push({ kind: 'op', op });
      i += op.length;
      continue;
    }
    const word = lexWord(line, i);
    if (word instanceof SyntaxError) return word;
    tokens.push({ kind: 'word', word: word.word, raw: line.slice(i, word.end) });
    i = word.end;
  }
  return tokens;
}

function isBreak(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '<' || c === '>';
}

function lexWord(line: string, start: number): { word: Word; end: number } | SyntaxError {
  const parts: WordPart[] = [];
  let lit = '';
  const flush = () => {
    if (lit) parts.push({ kind: 'lit', text: lit });
    lit = '';
  };
  const param = (at: number): number => {
    const rest = line.slice(at + 1);
    const braced = /^\{([A-Za-z_][A-Za-z0-9_]*|[?$!#0-9])\}/.exec(rest);
    const plain = /^([A-Za-z_][A-Za-z0-9_]*|[?$!#0-9])/.exec(rest);
    const m = braced ?? plain;
    if (!m) {
      lit += '$';
      return at + 1;
    }
    flush();
    parts.push({ kind: 'param', name: m[1]! });
    return at + 1 + m[0].length;
  };
  let i = start;
  let quoted = false;
  while (i < line.length && !isBreak(line[i]!)) {
    const c = line[i]!;
    if (c === '\\') {
      if (i + 1 < line.length) lit += line[i + 1];
      i += 2;
    } else if (c === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) return new SyntaxError("unexpected EOF while looking for matching `''");
      lit += line.slice(i + 1, close);
      quoted = true;
      i = close + 1;
    } else if (c === '"') {
      quoted = true;
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) {
          lit += line[i + 1];
          i += 2;
        } else if (line[i] === '$') {
          i = param(i);
        } else {
          lit += line[i];
          i++;
        }
      }
      if (i >= line.length) return new SyntaxError('unexpected EOF while looking for matching `"\'');
      i++;
    } else if (c === '$') {
      i = param(i);
    } else {
      lit += c;
      i++;
    }
  }
  flush();
  if (parts.length === 0 && quoted) parts.push({ kind: 'lit', text: '' });
  return { word: { parts }, end: i };
}
