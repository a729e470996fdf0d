/**
 * The expression of `[[ … ]]` (bash manual 3.2.5.2, 6.4):
 *   or := and ('||' and)*;  and := not ('&&' not)*;  not := '!' not | primary
 *   primary := '(' or ')' | UNARY word | word BINARY word | word
 * `<` and `>` are string comparisons there, not redirections; the right side of `=~` is read as
 * written up to `]]`, `&&` or `||` (its parentheses and `|` belong to the regular expression).
 */
import type { CondExpr, Word } from './ast';
import { lexInnerWord, type Token } from './lexer';
import { SyntaxError } from './syntax-error';

const UNARY = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-p', '-r', '-s', '-t', '-u', '-w', '-x', '-G', '-L', '-N', '-O', '-S', '-n', '-z', '-v', '-o', '-R']);
const BINARY = new Set(['==', '=', '!=', '=~', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

/** Parses from `start` (just after `[[`) through the closing `]]`; returns the index after it. */
export function parseCond(tokens: Token[], start: number, source: string): { expr: CondExpr; next: number } {
  const reader = new CondReader(tokens, start, source);
  const expr = reader.or();
  reader.skipNewlines();
  if (!reader.isWord(']]')) throw reader.expected();
  return { expr, next: reader.i + 1 };
}

class CondReader {
  constructor(
    private readonly tokens: Token[],
    public i: number,
    private readonly source: string,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  isWord(raw: string): boolean {
    const t = this.peek();
    return t?.kind === 'word' && t.raw === raw;
  }

  private isOp(op: string): boolean {
    const t = this.peek();
    return t?.kind === 'op' && t.op === op;
  }

  skipNewlines(): void {
    while (this.isOp('\n')) this.i++;
  }

  private describe(t: Token | undefined): string {
    if (!t) return 'newline';
    if (t.kind === 'word') return t.raw;
    if (t.kind === 'arith') return '((';
    return t.kind === 'op' ? (t.op === '\n' ? 'newline' : t.op) : t.op;
  }

  /** A word where an operator should be: bash names the token. */
  expected(): SyntaxError {
    const t = this.peek();
    if (!t) return new SyntaxError("unexpected EOF while looking for `]]'", true);
    return new SyntaxError(`syntax error in conditional expression: unexpected token \`${this.describe(t)}'`);
  }

  or(): CondExpr {
    let left = this.and();
    while (this.isOp('||')) {
      this.i++;
      this.skipNewlines();
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): CondExpr {
    let left = this.not();
    while (this.isOp('&&')) {
      this.i++;
      this.skipNewlines();
      left = { kind: 'and', left, right: this.not() };
    }
    return left;
  }

  private not(): CondExpr {
    this.skipNewlines();
    if (this.isWord('!')) {
      this.i++;
      return { kind: 'not', expr: this.not() };
    }
    return this.primary();
  }

  private operand(): Word | undefined {
    const t = this.peek();
    return t?.kind === 'word' && t.raw !== ']]' ? t.word : undefined;
  }

  private primary(): CondExpr {
    const t = this.peek();
    if (!t) throw new SyntaxError("unexpected EOF while looking for `]]'", true);
    if (this.isOp('(')) {
      this.i++;
      const inner = this.or();
      this.skipNewlines();
      if (!this.isOp(')')) throw new SyntaxError(`unexpected token \`${this.describe(this.peek())}', expected \`)'`, !this.peek());
      this.i++;
      return inner;
    }
    if (t.kind !== 'word' || t.raw === ']]') throw new SyntaxError(`unexpected token \`${this.describe(t)}' in conditional command`, false);
    this.i++;
    const op = this.binaryOp();
    if (op) {
      this.i++;
      if (op === '=~') return { kind: 'binary', op, left: t.word, right: this.regex() };
      const right = this.operand();
      if (!right) throw new SyntaxError(`unexpected argument \`${this.describe(this.peek())}' to conditional binary operator`, !this.peek());
      this.i++;
      return { kind: 'binary', op, left: t.word, right };
    }
    if (UNARY.has(t.raw)) {
      const word = this.operand();
      if (!word) throw new SyntaxError(`unexpected argument \`${this.describe(this.peek())}' to conditional unary operator`, !this.peek());
      this.i++;
      return { kind: 'unary', op: t.raw, word };
    }
    const next = this.peek();
    if (!next || this.isWord(']]') || this.isOp('&&') || this.isOp('||') || this.isOp(')') || this.isOp('\n')) return { kind: 'word', word: t.word };
    throw new SyntaxError(next ? 'conditional binary operator expected' : `unexpected token \`newline', conditional binary operator expected`, !next);
  }

  /** The binary operator at the cursor, if any (`<` and `>` come from the lexer as redirections). */
  private binaryOp(): string | undefined {
    const t = this.peek();
    if (t?.kind === 'word' && BINARY.has(t.raw)) return t.raw;
    if (t?.kind === 'redir' && t.fd === null && (t.op === '<' || t.op === '>')) return t.op;
    return undefined;
  }

  /** The right side of `=~`: its source text up to `]]`, `&&` or `||` outside parentheses. */
  private regex(): Word {
    const first = this.peek();
    let depth = 0;
    let last: Token | undefined;
    for (let t = this.peek(); t; t = this.peek()) {
      if (depth === 0 && (this.isWord(']]') || this.isOp('&&') || this.isOp('||') || this.isOp('\n'))) break;
      if (t.kind === 'op' && t.op === '(') depth++;
      if (t.kind === 'op' && t.op === ')') depth--;
      if (depth < 0) break;
      last = t;
      this.i++;
    }
    if (!first || !last || first.at === undefined || last.end === undefined) {
      throw new SyntaxError(`unexpected argument \`${this.describe(this.peek())}' to conditional binary operator`, !this.peek());
    }
    const word = lexInnerWord(this.source, first.at, last.end, false);
    if (word instanceof SyntaxError) throw word;
    return word;
  }
}
