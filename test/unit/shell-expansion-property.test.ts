/**
 * The new grammar on generated input: `${…}` forms against a model of bash's rules (literal
 * patterns, slices), brace expansion against a model of its products and sequences, `case` and
 * function arguments against models, and soups of `${ } { } , .. case in esac ;; [[ ]] ( )`
 * that parse or fail with a bash syntax error and never throw or leak JavaScript internals.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse, SyntaxError } from '../../src/shell/parse/parser';
import { expandBraces } from '../../src/shell/parse/brace';
import { ArithError, evaluate } from '../../src/shell/parse/arith';
import { bareShell, LEAKS } from './helpers';

const single = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const value = fc.stringMatching(/^[ab./]{0,8}$/);
const literal = fc.stringMatching(/^[ab./]{1,3}$/);

describe('shell: expansion properties', function () {
  this.timeout(120000);
  const sh = bareShell();
  const out = (line: string) => {
    const r = sh.run(line);
    assert.equal(r.stderr, '', line);
    return r.stdout;
  };

  it('${x#p} ${x%p} ${x/p/r} ${x//p/r} with a literal pattern match a model', () => {
    fc.assert(
      fc.property(value, literal, fc.stringMatching(/^[xy]{0,2}$/), (v, p, r) => {
        const line = `x=${single(v)}; printf '%s|' "\${x#${single(p)}}" "\${x##${single(p)}}" "\${x%${single(p)}}" "\${x%%${single(p)}}" "\${x/${single(p)}/${r}}" "\${x//${single(p)}/${r}}"`;
        const prefix = v.startsWith(p) ? v.slice(p.length) : v;
        const suffix = v.endsWith(p) ? v.slice(0, v.length - p.length) : v;
        const expected = [prefix, prefix, suffix, suffix, v.replace(p, r), v.split(p).join(r)].map((s) => s + '|').join('');
        assert.equal(out(line), expected, line);
      }),
      { numRuns: 400, seed: 61 },
    );
  });

  it('${x:off:len}, ${#x}, ${x:-w} and ${x:+w} match a model', () => {
    fc.assert(
      fc.property(value, fc.nat(10), fc.nat(10), fc.boolean(), (v, off, len, set) => {
        const assign = set ? `x=${single(v)}` : 'unset x';
        const line = `${assign}; printf '%s|' "\${x:${off}:${len}}" "\${#x}" "\${x:-dflt}" "\${x:+alt}" "\${x-unset}"`;
        const x = set ? v : '';
        const expected = [off > x.length ? '' : x.slice(off, off + len), String(x.length), x === '' ? 'dflt' : x, x === '' ? '' : 'alt', set ? v : 'unset'].map((s) => s + '|').join('');
        assert.equal(out(line), expected, line);
      }),
      { numRuns: 300, seed: 62 },
    );
  });

  it('brace alternatives give the product of their words, in order', () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,3}$/);
    fc.assert(
      fc.property(word, fc.array(word, { minLength: 2, maxLength: 4 }), fc.array(word, { minLength: 2, maxLength: 3 }), word, (pre, first, second, post) => {
        const line = `echo ${pre}{${first.join(',')}}${post}{${second.join(',')}}`;
        const expected = first.flatMap((a) => second.map((b) => `${pre}${a}${post}${b}`)).join(' ') + '\n';
        assert.equal(out(line), expected, line);
      }),
      { numRuns: 300, seed: 63 },
    );
  });

  it('{N..M[..S]} counts from N towards M by |S| (zero-padded when an end is)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30, max: 30 }), fc.integer({ min: -30, max: 30 }), fc.integer({ min: -4, max: 4 }), fc.boolean(), (n, m, s, zero) => {
        const text = (k: number) => (zero && k >= 0 && k < 10 ? `0${k}` : String(k));
        const line = `echo {${text(n)}..${text(m)}..${s}}`;
        const step = Math.abs(s) || 1;
        const values: number[] = [];
        for (let k = n; n <= m ? k <= m : k >= m; k += n <= m ? step : -step) values.push(k);
        const padded = (n >= 0 && n < 10 && zero) || (m >= 0 && m < 10 && zero);
        const width = padded ? Math.max(text(n).length, text(m).length) : 0;
        const show = (k: number) => (k < 0 ? '-' + String(-k).padStart(width - 1, '0') : String(k).padStart(width, '0'));
        assert.equal(out(line), values.map(show).join(' ') + '\n', line);
      }),
      { numRuns: 300, seed: 64 },
    );
  });

  it('a word without brace syntax is itself, and quoted braces are never expanded', () => {
    const soup = fc.string({ unit: fc.constantFrom(...'ab,.{}$\'"\\ 12'.split('')), maxLength: 16 });
    fc.assert(
      fc.property(soup, (s) => {
        assert.deepEqual(expandBraces(s.replace(/[{]/g, '')), [s.replace(/[{]/g, '')]);
        const quoted = single(s);
        assert.deepEqual(expandBraces(quoted), [quoted]);
      }),
      { numRuns: 600, seed: 65 },
    );
  });

  it('case runs the first item whose literal pattern equals the word', () => {
    const word = fc.stringMatching(/^[abc]{1,3}$/);
    fc.assert(
      fc.property(word, fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), (subject, items) => {
        const body = items.map((patterns, k) => `${patterns.join('|')}) echo ${k};;`).join(' ');
        const line = `case ${subject} in ${body} *) echo none;; esac`;
        const hit = items.findIndex((patterns) => patterns.includes(subject));
        assert.equal(out(line), `${hit < 0 ? 'none' : hit}\n`, line);
      }),
      { numRuns: 300, seed: 66 },
    );
  });

  it('a function sees its arguments as $# and "$@", and the caller keeps its own', () => {
    const arg = fc.stringMatching(/^[a-z *]{0,4}$/);
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 5 }), (args) => {
        const line = `f() { echo $#; printf '<%s>' "$@"; echo; }; f ${args.map(single).join(' ')}; echo $#`;
        assert.equal(out(line), `${args.length}\n${args.map((a) => `<${a}>`).join('')}${args.length === 0 ? '<>' : ''}\n0\n`, line);
      }),
      { numRuns: 200, seed: 67 },
    );
  });

  it('fully parenthesised arithmetic matches a 64-bit model; any soup of operators is a value or an error, never a throw', () => {
    type Expr = { text: string; value: bigint | null };
    const wrap = (n: bigint) => BigInt.asIntN(64, n);
    const leaf = fc.integer({ min: -20, max: 20 }).map((n): Expr => ({ text: n < 0 ? `(${n})` : String(n), value: BigInt(n) }));
    const ops: Record<string, (a: bigint, b: bigint) => bigint | null> = {
      '+': (a, b) => wrap(a + b),
      '-': (a, b) => wrap(a - b),
      '*': (a, b) => wrap(a * b),
      '/': (a, b) => (b === 0n ? null : wrap(a / b)),
      '%': (a, b) => (b === 0n ? null : wrap(a % b)),
      '<<': (a, b) => wrap(a << (b & 63n)),
      '>>': (a, b) => wrap(a >> (b & 63n)),
      '&': (a, b) => a & b,
      '|': (a, b) => a | b,
      '^': (a, b) => a ^ b,
      '<': (a, b) => (a < b ? 1n : 0n),
      '>=': (a, b) => (a >= b ? 1n : 0n),
      '==': (a, b) => (a === b ? 1n : 0n),
      '!=': (a, b) => (a !== b ? 1n : 0n),
    };
    const { expr } = fc.letrec((tie) => ({
      expr: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('node') as fc.Arbitrary<Expr>),
      node: fc.tuple(tie('expr') as fc.Arbitrary<Expr>, fc.constantFrom(...Object.keys(ops)), tie('expr') as fc.Arbitrary<Expr>).map(([a, op, b]): Expr => ({
        text: `(${a.text} ${op} ${b.text})`,
        value: a.value === null || b.value === null ? null : ops[op]!(a.value, b.value),
      })),
    }));
    fc.assert(
      fc.property(expr, (e) => {
        const v = evaluate(e.text, () => undefined);
        if (e.value === null) assert.ok(v instanceof ArithError && /division by 0/.test(v.message), e.text);
        else assert.equal(v, e.value, e.text);
      }),
      { numRuns: 800, seed: 69 },
    );
    const soup = fc.string({ unit: fc.constantFrom(...'0123456789xab#@_+-*/%<>=!~&|^?:,() '.split('')), maxLength: 20 });
    fc.assert(
      fc.property(soup, (text) => {
        const v = evaluate(text, (name) => (name === 'a' ? 'b' : name === 'b' ? '3' : undefined), () => undefined);
        assert.ok(typeof v === 'bigint' || v instanceof ArithError, text);
        if (v instanceof ArithError) assert.doesNotMatch(v.message, LEAKS, text);
      }),
      { numRuns: 3000, seed: 70 },
    );
  });

  it('soups of the new syntax parse or fail with a bash syntax error, and never throw or leak', () => {
    const piece = fc.constantFrom('${', '}', '{', ',', '..', 'x', '1', ':-', ':', '#', '%', '/', '//', '^', '!', 'case', 'in', 'esac', ';;', ';&', ')', '(', '[[', ']]', '==', '=~', 'f()', 'function', 'local', 'return', '$@', '$#', '"', "'", ' ', ' ', ';', '\n', '*', '&&', '||', '((', '))', 'for', 'let', '$((', '++', '<<', '?', 'alias');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const line = pieces.join('');
        const parsed = parse(line);
        assert.ok(parsed instanceof SyntaxError || Array.isArray(parsed.items), line);
        const r = bareShell().run(line);
        assert.ok(r.exitCode >= 0 && r.exitCode <= 255, line);
        assert.doesNotMatch(r.stdout + r.stderr, LEAKS, line);
        assert.doesNotMatch(r.stderr, /internal error/, line);
        if (parsed instanceof SyntaxError) assert.equal(r.exitCode, 2, line);
      }),
      { numRuns: 1500, seed: 68 },
    );
  });
});
