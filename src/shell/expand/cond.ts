/**
 * Evaluates a `[[ … ]]` expression: words expand without splitting or globbing; `==`/`=`/`!=`
 * match the right side as a pattern (its quoted parts literally), `=~` as a POSIX extended
 * regular expression (BASH_REMATCH gets the match), `-eq`… compare arithmetic values, `<`/`>`
 * compare strings, file tests ask `test` (the simulated files).
 */
import type { CondExpr, Word } from '../parse/ast';
import type { GlobToken } from '../glob';
import { matches } from './pattern';

export interface CondScope {
  text(word: Word): string;
  pattern(word: Word): GlobToken[];
  /** The regular expression a word gives: quoted parts stand for themselves. */
  regex(word: Word): string;
  arith(expr: string): bigint;
  /** `-f FILE` and the other unary tests of `test`. */
  unary(op: string, operand: string): boolean;
  /** `-nt`, `-ot`, `-ef`. */
  files(op: string, left: string, right: string): boolean;
  isSet(name: string): boolean;
  /** `set -x`: a primary's expanded words. */
  trace(words: string[]): void;
  /** `=~` matched (the groups) or not (undefined). */
  rematch(groups: string[] | undefined): void;
}

/** The exit status: 0 true, 1 false, 2 for a bad regular expression. */
export function condStatus(expr: CondExpr, scope: CondScope): number {
  try {
    return evaluate(expr, scope) ? 0 : 1;
  } catch (e) {
    if (e instanceof BadRegex) return 2;
    throw e;
  }
}

class BadRegex {}

function evaluate(expr: CondExpr, scope: CondScope): boolean {
  switch (expr.kind) {
    case 'and':
      return evaluate(expr.left, scope) && evaluate(expr.right, scope);
    case 'or':
      return evaluate(expr.left, scope) || evaluate(expr.right, scope);
    case 'not':
      return !evaluate(expr.expr, scope);
    case 'word': {
      const word = scope.text(expr.word);
      scope.trace([word]);
      return word !== '';
    }
    case 'unary': {
      const operand = scope.text(expr.word);
      scope.trace([expr.op, operand]);
      if (expr.op === '-z') return operand === '';
      if (expr.op === '-n') return operand !== '';
      if (expr.op === '-v') return scope.isSet(operand);
      if (expr.op === '-o') return false;
      return scope.unary(expr.op === '-a' ? '-e' : expr.op, operand);
    }
    case 'binary':
      return binary(expr.op, expr.left, expr.right, scope);
  }
}

const INT: Record<string, (a: bigint, b: bigint) => boolean> = {
  '-eq': (a, b) => a === b,
  '-ne': (a, b) => a !== b,
  '-lt': (a, b) => a < b,
  '-le': (a, b) => a <= b,
  '-gt': (a, b) => a > b,
  '-ge': (a, b) => a >= b,
};

function binary(op: string, leftWord: Word, rightWord: Word, scope: CondScope): boolean {
  const left = scope.text(leftWord);
  scope.trace([left, op, op === '=~' ? scope.regex(rightWord) : scope.text(rightWord)]);
  const int = INT[op];
  if (int) return int(scope.arith(left), scope.arith(scope.text(rightWord)));
  if (op === '==' || op === '=') return matches(scope.pattern(rightWord), left);
  if (op === '!=') return !matches(scope.pattern(rightWord), left);
  if (op === '<') return left < scope.text(rightWord);
  if (op === '>') return left > scope.text(rightWord);
  if (op === '=~') return regexMatch(left, scope.regex(rightWord), scope);
  return scope.files(op, left, scope.text(rightWord));
}

const CLASSES: Record<string, string> = { alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v', blank: ' \\t', xdigit: '0-9A-Fa-f', punct: '!-\\/:-@\\[-`{-~' };

function regexMatch(text: string, source: string, scope: CondScope): boolean {
  let re: RegExp;
  try {
    re = new RegExp(source.replace(/\[:(\w+):\]/g, (m, name: string) => CLASSES[name] ?? m), 'u');
  } catch {
    throw new BadRegex();
  }
  const m = re.exec(text);
  scope.rematch(m ? [...m].map((g) => g ?? '') : undefined);
  return m !== null;
}
