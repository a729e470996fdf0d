/**
 * `$(( … ))`: bash's integer arithmetic for the operators scripts use (+ - * / % ** ( ), unary
 * + - !, comparisons, == != && ||), with variables read by name (unset or non-numeric is 0).
 * Errors carry bash's text, e.g. `1/0: division by 0 (error token is "0")`.
 */
export class ArithError {
  constructor(readonly message: string) {}
}

type Lookup = (name: string) => string | undefined;

const TOKEN = /\s*(\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*|<=|>=|==|!=|&&|\|\||[-+*/%()<>!])/y;

export function evaluate(expr: string, lookup: Lookup): bigint | ArithError {
  const tokens: { text: string; at: number }[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < expr.length) {
    if (/^\s*$/.test(expr.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(expr);
    if (!m) return new ArithError(`${expr.trim()}: syntax error: invalid arithmetic operator (error token is "${expr.slice(at).trim()}")`);
    tokens.push({ text: m[1]!, at: at + m[0].length - m[1]!.length });
    at = TOKEN.lastIndex;
  }
  const source = expr.trim();
  let i = 0;
  // bash names the rest of the expression from the failing token, or the last token at the end.
  const rest = () => (i < tokens.length ? expr.slice(tokens[i]!.at).trim() : (tokens[tokens.length - 1]?.text ?? ''));
  const fail = (): never => {
    throw new ArithError(`${source}: syntax error: operand expected (error token is "${rest()}")`);
  };
  const value = (name: string): bigint => {
    const raw = (lookup(name) ?? '').trim();
    return /^-?\d+$/.test(raw) ? BigInt(raw) : 0n;
  };
  const wrap = (n: bigint) => BigInt.asIntN(64, n);
  const primary = (): bigint => {
    const t = tokens[i];
    if (!t) return fail();
    if (t.text === '(') {
      i++;
      const v = or();
      if (tokens[i]?.text !== ')') throw new ArithError(`${source}: syntax error: \`)' expected (error token is "${rest()}")`);
      i++;
      return v;
    }
    if (t.text === '-' || t.text === '+' || t.text === '!') {
      i++;
      const v = primary();
      return t.text === '-' ? wrap(-v) : t.text === '!' ? (v === 0n ? 1n : 0n) : v;
    }
    if (/^\d+$/.test(t.text)) {
      i++;
      return wrap(BigInt(t.text));
    }
    if (/^[A-Za-z_]/.test(t.text)) {
      i++;
      return value(t.text);
    }
    return fail();
  };
  const power = (): bigint => {
    const base = primary();
    if (tokens[i]?.text !== '**') return base;
    i++;
    const exp = power();
    if (exp < 0n) throw new ArithError(`${source}: exponent less than 0 (error token is "${rest()}")`);
    return wrap(base ** (exp > 64n ? 64n : exp));
  };
  const product = (): bigint => {
    let v = power();
    while (['*', '/', '%'].includes(tokens[i]?.text ?? '')) {
      const op = tokens[i++]!.text;
      const errorToken = rest();
      const r = power();
      if (op !== '*' && r === 0n) throw new ArithError(`${source}: division by 0 (error token is "${errorToken}")`);
      v = wrap(op === '*' ? v * r : op === '/' ? v / r : v % r);
    }
    return v;
  };
  const sum = (): bigint => {
    let v = product();
    while (tokens[i]?.text === '+' || tokens[i]?.text === '-') {
      const op = tokens[i++]!.text;
      const r = product();
      v = wrap(op === '+' ? v + r : v - r);
    }
    return v;
  };
  const compare = (): bigint => {
    let v = sum();
    while (['<', '>', '<=', '>=', '==', '!='].includes(tokens[i]?.text ?? '')) {
      const op = tokens[i++]!.text;
      const r = sum();
      const b = op === '<' ? v < r : op === '>' ? v > r : op === '<=' ? v <= r : op === '>=' ? v >= r : op === '==' ? v === r : v !== r;
      v = b ? 1n : 0n;
    }
    return v;
  };
  const and = (): bigint => {
    let v = compare();
    while (tokens[i]?.text === '&&') {
      i++;
      const r = compare();
      v = v !== 0n && r !== 0n ? 1n : 0n;
    }
    return v;
  };
  const or = (): bigint => {
    let v = and();
    while (tokens[i]?.text === '||') {
      i++;
      const r = and();
      v = v !== 0n || r !== 0n ? 1n : 0n;
    }
    return v;
  };
  try {
    if (tokens.length === 0) return 0n;
    const v = or();
    if (i < tokens.length) throw new ArithError(`${source}: syntax error in expression (error token is "${rest()}")`);
    return v;
  } catch (e) {
    if (e instanceof ArithError) return e;
    throw e;
  }
}
