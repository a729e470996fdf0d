/**
 * The shell's tokenizer and parser against bash's rules, on generated input: quoting
 * (single, double, backslash) gives back any text, `\`-newline continues a line anywhere,
 * `&&`/`||`/`;`/`!` follow bash's status rules (a model computes the expected `$?`), pipes into
 * grep/head/wc and redirections count like coreutils, here-documents give back their body, and
 * any soup of shell tokens parses or fails with bash's syntax error (status 2), never throwing
 * or leaking JavaScript internals.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse, SyntaxError } from '../../src/shell/parse/parser';
import { bareShell, LEAKS } from './helpers';

/** Printable text without newlines or NUL: what a learner can type on one line. */
const text = fc.string({ unit: fc.oneof(fc.constantFrom(...`'"\\$\`;|&<>()#*?[]{}~!= \t-%^,.:/@+`.split('')), fc.constantFrom('a', 'Z', '0', 'é', '✓', '字')), maxLength: 24 });

const single = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const double = (s: string) => `"${s.replace(/[\\"$`]/g, (c) => '\\' + c)}"`;
const backslashed = (s: string) => s.replace(/./gu, (c) => '\\' + c);

describe('shell: tokenizer and parser properties', function () {
  this.timeout(120000);
  const sh = bareShell();

  it('single quotes, double quotes and backslashes give back any text', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(single, double, backslashed), (s, quote) => {
        const line = `echo x${quote(s)}`;
        const r = sh.run(line);
        assert.deepEqual([r.stdout, r.stderr, r.exitCode], [`x${s}\n`, '', 0], line);
      }),
      { numRuns: 1500, seed: 31 },
    );
  });

  it('a backslash-newline between any two characters outside quotes changes nothing', () => {
    const word = fc.stringMatching(/^[a-z0-9./=-]{1,8}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.nat(), (words, at) => {
        const line = `echo ${words.join(' ')}`;
        const cut = 5 + (at % (line.length - 4));
        const continued = line.slice(0, cut) + '\\\n' + line.slice(cut);
        assert.deepEqual(sh.run(continued).stdout, sh.run(line).stdout, JSON.stringify(continued));
      }),
      { numRuns: 800, seed: 32 },
    );
  });

  it('&&, ||, ;, ! and pipelines set $? as bash does', () => {
    const simple = fc.oneof(fc.constantFrom('true', 'false', '! true', '! false', 'true | false', 'false | true'), fc.integer({ min: 0, max: 255 }).map((n) => `(exit ${n})`));
    const andOr = fc.tuple(simple, fc.array(fc.tuple(fc.constantFrom('&&', '||'), simple), { maxLength: 4 }));
    const list = fc.array(andOr, { minLength: 1, maxLength: 3 });
    const status = (cmd: string): number => {
      if (cmd.startsWith('! ')) return status(cmd.slice(2)) === 0 ? 1 : 0;
      if (cmd.includes(' | ')) return status(cmd.split(' | ').pop()!);
      if (cmd.startsWith('(exit ')) return Number(cmd.slice(6, -1));
      return cmd === 'true' ? 0 : 1;
    };
    fc.assert(
      fc.property(list, (items) => {
        let expected = 0;
        for (const [first, rest] of items) {
          expected = status(first);
          for (const [op, cmd] of rest) if ((op === '&&') === (expected === 0)) expected = status(cmd);
        }
        const line = items.map(([first, rest]) => [first, ...rest.flat()].join(' ')).join('; ') + '; echo $?';
        assert.equal(sh.run(line).stdout, `${expected}\n`, line);
      }),
      { numRuns: 1500, seed: 33 },
    );
  });

  it('redirections and pipes into grep, head and wc count like coreutils', () => {
    const line = fc.stringMatching(/^[a-c ]{0,6}$/);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 10 }), fc.constantFrom('a', 'b', 'ab'), (lines, n, pattern) => {
        const shell = bareShell();
        const write = lines.map((l, i) => `echo ${single(l)} ${i === 0 ? '>' : '>>'} f.txt`).join('; ');
        assert.equal(shell.run(write).exitCode, 0, write);
        const file = lines.map((l) => l + '\n').join('');
        const count = lines.filter((l) => l.includes(pattern)).length;
        assert.equal(shell.run('cat f.txt').stdout, file);
        assert.equal(shell.run(`cat f.txt | head -n ${n}`).stdout, lines.slice(0, n).map((l) => l + '\n').join(''));
        assert.equal(shell.run('cat < f.txt | wc -l').stdout, `${lines.length}\n`);
        assert.equal(shell.run(`grep -c ${pattern} f.txt`).stdout, `${count}\n`);
        assert.equal(shell.run(`cat f.txt | grep ${pattern} | wc -l`).stdout, `${count}\n`);
        const r = shell.run(`grep -q ${pattern} f.txt; echo $?`);
        assert.equal(r.stdout, count > 0 ? '0\n' : '1\n');
        assert.equal(shell.run('nosuchcmd 2>&1 | wc -l').stdout, '1\n');
        assert.equal(shell.run('nosuchcmd 2>/dev/null; echo $?').stdout, '127\n');
      }),
      { numRuns: 200, seed: 34 },
    );
  });

  /** Recorded from GNU coreutils 9.1 (bash -c, stdin not a terminal) on Debian 12: stdout, stderr, status. */
  const RECORDED: [string, string, string, number][] = [
    ["echo hi | wc", "      1       1       3\n", "", 0],
    ["echo hi | wc -l", "1\n", "", 0],
    ["echo hi | wc -lc", "      1       3\n", "", 0],
    ["wc g", "1 1 2 g\n", "", 0],
    ["wc -c g", "2 g\n", "", 0],
    ["wc -l g h", "1 g\n2 h\n3 total\n", "", 0],
    ["wc g h", "1 1 2 g\n2 3 6 h\n3 4 8 total\n", "", 0],
    ["wc -lw h nofile", "2 3 h\n2 3 total\n", "wc: nofile: No such file or directory\n", 1],
    ["echo x | wc - g", "      1       1       2 -\n      1       1       2 g\n      2       2       4 total\n", "", 0],
    ["printf '10\\n9\\n9\\n100\\n-3\\nx\\n' | sort -n", "-3\nx\n9\n9\n10\n100\n", "", 0],
    ["printf '10\\n9\\n9\\n100\\n' | sort -rn", "100\n10\n9\n9\n", "", 0],
    ["printf 'b 2\\na 1\\nc  1\\n' | sort -k 2", "c  1\na 1\nb 2\n", "", 0],
    ["printf 'b 2\\na 1\\nc 1\\n' | sort -k2,2 -u", "a 1\nb 2\n", "", 0],
    ["printf 'b\\na\\nb\\nB\\n' | sort -u", "B\na\nb\n", "", 0],
    ["sort s2 s1", "a\nb\nc\n", "", 0],
    ["sort -r s1 s2", "c\nb\na\n", "", 0],
    ["sort nofile", "", "sort: cannot read: nofile: No such file or directory\n", 2],
    ["printf 'a\\nb\\nc\\nd\\n' | tail -n +2", "b\nc\nd\n", "", 0],
    ["printf 'a\\nb\\nc\\nd\\n' | tail -c 3", "\nd\n", "", 0],
    ["printf 'a\\nb\\nc\\nd\\n' | tail -c +3", "b\nc\nd\n", "", 0],
    ["printf 'a\\nb\\nc\\nd\\n' | head -c 3", "a\nb", "", 0],
    ["printf 'a\\nb\\n' | head -n x", "", "head: invalid number of lines: ‘x’\n", 1],
  ];
  it('wc, sort, head and tail print what GNU coreutils 9.1 printed (recorded)', () => {
    const shell = bareShell();
    shell.run("printf '0\\n' > g; printf 'a b\\nc\\n' > h; printf 'b\\na\\n' > s1; printf 'c\\n' > s2");
    for (const [line, stdout, stderr, status] of RECORDED) {
      const r = shell.run(line);
      assert.deepEqual([r.stdout, r.stderr, r.exitCode], [stdout, stderr, status], line);
    }
  });

  it('a here-document gives back its body (expanded unless the delimiter is quoted)', () => {
    const bodyLine = fc.stringMatching(/^[a-z0-9 .,:'"-]{0,12}$/);
    fc.assert(
      fc.property(fc.array(bodyLine, { maxLength: 5 }), fc.constantFrom('EOF', "'EOF'", '"EOF"', 'END'), (body, delimiter) => {
        const word = delimiter.replace(/['"]/g, '');
        const line = `cat <<${delimiter}\n${body.map((l) => l + '\n').join('')}${word}`;
        const r = sh.run(line);
        assert.deepEqual([r.stdout, r.stderr, r.exitCode], [body.map((l) => l + '\n').join(''), '', 0], JSON.stringify(line));
        const piped = sh.run(`cat <<${delimiter} | wc -l\n${body.map((l) => l + '\n').join('')}${word}`);
        assert.equal(piped.stdout, `${body.length}\n`);
      }),
      { numRuns: 500, seed: 35 },
    );
    assert.equal(sh.run('X=hi; cat <<EOF\n$X $((1+2))\nEOF').stdout, 'hi 3\n');
    assert.equal(sh.run("X=hi; cat <<'EOF'\n$X\nEOF").stdout, '$X\n');
  });

  it('any soup of shell tokens parses or fails with a bash syntax error; running it never throws or leaks', () => {
    const shell = bareShell();
    const token = fc.constantFrom(
      'echo', ' ', 'a', '"', "'", '\\', '\\\n', '|', '||', '&', '&&', ';', ';;', '(', ')', '{', '}', '>', '>>', '<', '<<', '<<-', '<<<', '2>&1', '>&', '$', '$?', '${', '$(', '$((', '`',
      '#', '!', 'ip', 'for', 'while', 'until', 'if', 'then', 'else', 'fi', 'do', 'done', 'in', 'case', 'esac', 'EOF', '\n', '*', '=', 'x=1', 'break', 'continue', 'exit', '9999999999', '-1',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 16 }), (parts) => {
        const line = parts.join('');
        const parsed = parse(line);
        const r = shell.run(line);
        if (parsed instanceof SyntaxError) {
          assert.match(parsed.message, /syntax error|unexpected EOF|here-document/, line);
          assert.equal(r.exitCode, 2, line);
        }
        assert.doesNotMatch(r.stdout + r.stderr, LEAKS, JSON.stringify(line));
        assert.doesNotMatch(r.stderr, /internal error/, JSON.stringify(line));
        assert.ok(Number.isInteger(r.exitCode) && r.exitCode >= 0 && r.exitCode <= 255, `${JSON.stringify(line)}: exit ${r.exitCode}`);
        if (shell.exited) shell.exited = false;
      }),
      { numRuns: 4000, seed: 36 },
    );
  });
});
