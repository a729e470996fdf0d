/**
 * bash's shell arithmetic (manual 6.5) for `$((…))`, `((…))`, `for ((…))` and `let`: 64-bit
 * integers that wrap; every operator with bash's precedence (post/pre ++ --, unary - + ! ~, **,
 * * / %, + -, << >>, comparisons, & ^ |, && ||, ?:, = and the compound assignments, the comma);
 * constants in decimal, 0x hex, 0 octal and BASE#DIGITS; a variable whose value is an expression is
 * evaluated in turn. Untaken branches of && || ?: change nothing. Errors carry bash's text, e.g.
 * `1/0: division by 0 (error token is "0")`.
 */
export class ArithError {
  constructor(readonly message: string) {}
}

type Lookup = (name: string) => string | undefined;
type Assign = (name: string, value: string) => void;

const OPERATORS = ['<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '*=', '/=', '%=', '+=', '-=', '&=', '^=', '|=', '+', '-', '*', '/', '%', '(', ')', '<', '>', '!', '~', '&', '^', '|', '?', ':', '=', ','];
const ASSIGN_OPS = new Set(['=', '*=', '/=', '%=', '+=', '-=', '<<=', '>>=', '&=', '^=', '|=']);
/** Variables whose values name other variables are followed this deep (bash: 1024; here the JS stack is the bound). */
const MAX_DEPTH = 200;

interface Tok {
  text: string;
  at: number;
  kind: 'num' | 'name' | 'op';
}

const wrap = (n: bigint) => BigInt.asIntN(64, n);

export function evaluate(expr: string, lookup: Lookup, assign: Assign = () => undefined): bigint | ArithError {
  try {
    return new Evaluator(lookup, assign).run(expr, 0);
  } catch (e) {
    if (e instanceof ArithError) return e;
    throw e;
  }
}

function tokenize(expr: string, source: string): Tok[] {
  const tokens: Tok[] = [];
  let at = 0;
  while (at < expr.length) {
    const c = expr[at]!;
    if (/\s/.test(c)) {
      at++;
      continue;
    }
    const number = /^[0-9][0-9A-Za-z@_#]*/.exec(expr.slice(at));
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expr.slice(at));
    const word = number ?? name;
    if (word) {
      tokens.push({ text: word[0], at, kind: number ? 'num' : 'name' });
      at += word[0].length;
      continue;
    }
    let op = OPERATORS.find((o) => expr.startsWith(o, at));
    if (!op) throw new ArithError(`${source}: syntax error: invalid arithmetic operator (error token is "${expr.slice(at)}")`);
    // `++`/`--` only next to a variable (i++, ++i); elsewhere they are two signs (1++ is 1 + +).
    if (op === '++' || op === '--') {
      const after = /^\s*[A-Za-z_]/.test(expr.slice(at + 2));
      if (tokens[tokens.length - 1]?.kind !== 'name' && !after) op = op[0]!;
    }
    tokens.push({ text: op, at, kind: 'op' });
    at += op.length;
  }
  return tokens;
}

/** A constant: decimal, 0x hex, 0 octal or BASE#DIGITS (bases 2-64: 0-9 a-z A-Z @ _). */
function constant(text: string): bigint {
  // bash names the constant alone, not the whole expression ("08: value too great for base").
  const fail = (what: string) => new ArithError(`${text}: ${what} (error token is "${text}")`);
  let base = 10;
  let digits = text;
  const hash = text.indexOf('#');
  if (hash >= 0) {
    base = Number(text.slice(0, hash));
    digits = text.slice(hash + 1);
    if (!/^\d+$/.test(text.slice(0, hash)) || base < 2 || base > 64) throw fail('invalid arithmetic base');
    if (digits === '') throw fail('invalid integer constant');
  } else if (/^0[xX]/.test(text)) {
    base = 16;
    digits = text.slice(2);
  } else if (text.length > 1 && text.startsWith('0')) {
    base = 8;
    digits = text.slice(1);
  }
  let value = 0n;
  for (const ch of digits) {
    const d = digitValue(ch, base);
    if (d < 0 || d >= base) throw fail('value too great for base');
    value = wrap(value * BigInt(base) + BigInt(d));
  }
  return value;
}

function digitValue(ch: string, base: number): number {
  if (/[0-9]/.test(ch)) return Number(ch);
  if (/[a-z]/.test(ch)) return ch.charCodeAt(0) - 87;
  if (/[A-Z]/.test(ch)) return base <= 36 ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 29;
  if (ch === '@') return 62;
  if (ch === '_') return 63;
  return -1;
}

class Evaluator {
  private tokens: Tok[] = [];
  private i = 0;
  private expr = '';
  private source = '';
  /** Inside an untaken branch: nothing is assigned, nothing fails on division. */
  private noeval = 0;
  private depth = 0;

  constructor(
    private readonly lookup: Lookup,
    private readonly assign: Assign,
  ) {}

  run(expr: string, depth: number): bigint {
    const saved = { tokens: this.tokens, i: this.i, expr: this.expr, source: this.source, depth: this.depth };
    this.expr = expr;
    // bash prints the expression without its leading blanks, its trailing ones kept ("1 + : …").
    this.source = expr.replace(/^\s+/, '');
    this.depth = depth;
    this.tokens = tokenize(expr, this.source);
    this.i = 0;
    try {
      if (this.tokens.length === 0) return 0n;
      const v = this.comma();
      if (this.i < this.tokens.length) throw this.error('syntax error in expression');
      return v;
    } finally {
      Object.assign(this, saved);
    }
  }

  /** bash names the rest of the expression from the failing token, or the last token at the end. */
  private rest(): string {
    const t = this.tokens[this.i] ?? this.tokens[this.tokens.length - 1];
    return t ? this.expr.slice(t.at) : '';
  }

  private error(what: string, token = this.rest()): ArithError {
    return new ArithError(`${this.source}: ${what} (error token is "${token}")`);
  }

  private accept(...ops: string[]): string | undefined {
    const t = this.tokens[this.i];
    if (t?.kind === 'op' && ops.includes(t.text)) {
      this.i++;
      return t.text;
    }
    return undefined;
  }

  private variable(name: string): bigint {
    const raw = (this.lookup(name) ?? '').trim();
    if (raw === '') return 0n;
    if (/^[-+]?\d+$/.test(raw)) return wrap(BigInt(raw));
    if (this.noeval) return 0n;
    if (this.depth + 1 >= MAX_DEPTH) throw new ArithError(`${raw}: expression recursion level exceeded (error token is "${raw}")`);
    return this.run(raw, this.depth + 1);
  }

  private store(name: string, value: bigint): bigint {
    if (!this.noeval) this.assign(name, String(value));
    return value;
  }

  private comma(): bigint {
    let v = this.assignment();
    while (this.accept(',')) v = this.assignment();
    return v;
  }

  private assignment(): bigint {
    const t = this.tokens[this.i];
    const next = this.tokens[this.i + 1];
    if (next?.kind === 'op' && ASSIGN_OPS.has(next.text)) {
      if (t?.kind !== 'name') {
        this.i++;
        throw this.error('attempted assignment to non-variable');
      }
      this.i += 2;
      const right = this.assignment();
      const op = next.text;
      if (op === '=') return this.store(t.text, right);
      const left = this.variable(t.text);
      return this.store(t.text, this.binary(op.slice(0, -1), left, right, this.expr.slice(next.at + op.length).trim()));
    }
    return this.conditional();
  }

  private conditional(): bigint {
    const test = this.logicalOr();
    if (!this.accept('?')) return test;
    const yes = this.branch(test === 0n, () => this.comma());
    if (!this.accept(':')) throw this.error("`:' expected for conditional expression");
    const no = this.branch(test !== 0n, () => this.conditional());
    return test !== 0n ? yes : no;
  }

  /** Evaluates a branch; an untaken one only parses. */
  private branch(skip: boolean, parse: () => bigint): bigint {
    if (skip) this.noeval++;
    try {
      return parse();
    } finally {
      if (skip) this.noeval--;
    }
  }

  private logicalOr(): bigint {
    let v = this.logicalAnd();
    while (this.accept('||')) {
      const r = this.branch(v !== 0n, () => this.logicalAnd());
      v = v !== 0n || r !== 0n ? 1n : 0n;
    }
    return v;
  }

  private logicalAnd(): bigint {
    let v = this.level(0);
    while (this.accept('&&')) {
      const r = this.branch(v === 0n, () => this.level(0));
      v = v !== 0n && r !== 0n ? 1n : 0n;
    }
    return v;
  }

  /** The left-associative binary levels, loosest first. */
  private static readonly LEVELS = [['|'], ['^'], ['&'], ['==', '!='], ['<=', '>=', '<', '>'], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];

  private level(k: number): bigint {
    if (k === Evaluator.LEVELS.length) return this.power();
    let v = this.level(k + 1);
    for (let op = this.accept(...Evaluator.LEVELS[k]!); op; op = this.accept(...Evaluator.LEVELS[k]!)) {
      const errorToken = this.rest();
      v = this.binary(op, v, this.level(k + 1), errorToken);
    }
    return v;
  }

  private binary(op: string, a: bigint, b: bigint, errorToken: string): bigint {
    switch (op) {
      case '+':
        return wrap(a + b);
      case '-':
        return wrap(a - b);
      case '*':
        return wrap(a * b);
      case '/':
      case '%':
        if (b === 0n) {
          if (this.noeval) return 0n;
          throw this.error('division by 0', errorToken);
        }
        return wrap(op === '/' ? a / b : a % b);
      case '<<':
        return wrap(a << (b & 63n));
      case '>>':
        return wrap(a >> (b & 63n));
      case '&':
        return a & b;
      case '|':
        return a | b;
      case '^':
        return a ^ b;
      case '**':
        if (b < 0n) throw this.error('exponent less than 0', errorToken);
        return power(a, b);
      default:
        return (op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : op === '>=' ? a >= b : op === '==' ? a === b : a !== b) ? 1n : 0n;
    }
  }

  /** `**` binds tighter than * and is right-associative; unary minus binds tighter still (-2**2 is 4). */
  private power(): bigint {
    const base = this.unary();
    if (!this.accept('**')) return base;
    const exponent = this.power();
    // bash names what follows the exponent (or the exponent's last token at the end).
    return this.binary('**', base, exponent, this.rest());
  }

  private unary(): bigint {
    const op = this.accept('-', '+', '!', '~', '++', '--');
    if (!op) return this.postfix();
    if (op === '++' || op === '--') {
      const t = this.tokens[this.i]!;
      this.i++;
      return this.store(t.text, wrap(this.variable(t.text) + (op === '++' ? 1n : -1n)));
    }
    const v = this.unary();
    return op === '-' ? wrap(-v) : op === '!' ? (v === 0n ? 1n : 0n) : op === '~' ? ~v : v;
  }

  private postfix(): bigint {
    const t = this.tokens[this.i];
    if (!t) throw this.error('syntax error: operand expected');
    if (this.accept('(')) {
      const v = this.comma();
      if (!this.accept(')')) throw this.error("syntax error: `)' expected");
      return v;
    }
    if (t.kind === 'num') {
      this.i++;
      return constant(t.text);
    }
    if (t.kind !== 'name') throw this.error('syntax error: operand expected');
    this.i++;
    const value = this.variable(t.text);
    const post = this.accept('++', '--');
    if (post) this.store(t.text, wrap(value + (post === '++' ? 1n : -1n)));
    return value;
  }
}

function power(base: bigint, exp: bigint): bigint {
  let result = 1n;
  let b = base;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = wrap(result * b);
    b = wrap(b * b);
  }
  return result;
}
