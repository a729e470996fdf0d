import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse, SyntaxError } from '../../src/shell/parse/parser';
import { bareShell, LEAKS } from './helpers';

describe('shell: parsing and execution like bash', () => {
  const cases: [string, string, string, number][] = [
    ['echo "a  b" \'c $HOME\' $HOME', 'a  b c $HOME /root\n', '', 0],
    ['echo one; echo two', 'one\ntwo\n', '', 0],
    ['false && echo no || echo yes', 'yes\n', '', 0],
    ['true || echo no; echo $?', '0\n', '', 0],
    ['foo', '', 'bash: foo: command not found\n', 127],
    ['echo hi | grep -c h', '1\n', '', 0],
    ['echo x > /dev/null; echo $?', '0\n', '', 0],
    ['foo 2>/dev/null; echo $?', '127\n', '', 0],
    ['foo 2>&1 | wc -l', '1\n', '', 0],
    ['for ns in a b; do echo $ns; done', 'a\nb\n', '', 0],
    ['(echo in; false); echo $?', 'in\n1\n', '', 0],
    ['echo "unterminated', '', "bash: unexpected EOF while looking for matching `\"'\n", 2],
    ['echo a &&', '', 'bash: syntax error: unexpected end of file\n', 2],
    ['ls >', '', "bash: syntax error near unexpected token `newline'\n", 2],
    // Recorded from bash 5.2 (`bash -c`), whose `line N:` prefix the oracle's normaliser drops.
    ['cat > /tmp/D <<EOF\nFROM alpine\nENV H=$HOME\nEOF\ncat /tmp/D', 'FROM alpine\nENV H=/root\n', '', 0],
    ["cat <<'EOF'\n$HOME `x`\nEOF", '$HOME `x`\n', '', 0],
    ['cat <<-EOF\n\t\tindented\n\tEOF', 'indented\n', '', 0],
    ['cat <<EOF\nabc', 'abc\n', "bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n", 0],
    ['cat <<< "hi $HOME"', 'hi /root\n', '', 0],
    ['echo "$(printf "a  b")" $(printf "c  d")', 'a  b c d\n', '', 0],
    ['echo `echo x` $(echo $(echo nested))', 'x nested\n', '', 0],
    ['x=$(false); echo $?', '1\n', '', 0],
    ['echo $(echo a', '', "bash: unexpected EOF while looking for matching `)'\n", 2],
    ['echo $(( 2 * (3 + 4) )) $((x+1))', '14 1\n', '', 0],
    ['echo $((1/0)); echo $?', '', 'bash: 1/0: division by 0 (error token is "0")\n', 1],
    ['echo $((1+))', '', 'bash: 1+: syntax error: operand expected (error token is "+")\n', 1],
    ['echo $((2+*3))', '', 'bash: 2+*3: syntax error: operand expected (error token is "*3")\n', 1],
    ['if false; then echo a; elif true; then echo b; else echo c; fi', 'b\n', '', 0],
    ['if then fi', '', "bash: syntax error near unexpected token `then'\n", 2],
    ['fi', '', "bash: syntax error near unexpected token `fi'\n", 2],
    ['if true; then echo x', '', 'bash: syntax error: unexpected end of file\n', 2],
    ['i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done', '0\n1\n2\n', '', 0],
    ['while false; do echo; done; echo $?', '0\n', '', 0],
    ['until false; do echo once; break; done', 'once\n', '', 0],
    ['for i in 1 2; do for j in a b; do echo $i$j; continue 2; done; done', '1a\n2a\n', '', 0],
    ['break; echo $?', '0\n', "bash: break: only meaningful in a `for', `while', or `until' loop\n", 0],
    ['{ echo a; echo b; } | wc -l', '2\n', '', 0],
    ['x="a b"; for w in $x; do echo "<$w>"; done', '<a>\n<b>\n', '', 0],
    ['[ a = a ] && test -z "" && [ 2 -gt 1 ]; echo $?', '0\n', '', 0],
    ['[ 1 -lt ]', '', 'bash: [: 1: unary operator expected\n', 2],
    ['printf "%5s|%-4s|%03d|%x\\n" ab c 7 255', '   ab|c   |007|ff\n', '', 0],
    ['printf', '', 'printf: usage: printf [-v var] format [arguments]\n', 2],
    ['[ 1 -lt 2', '', "bash: [: missing `]'\n", 2],
    ['[ abc -lt 2 ]', '', 'bash: [: abc: integer expression expected\n', 2],
    ['| echo', '', "bash: syntax error near unexpected token `|'\n", 2],
    ['sh -c "echo nested; exit_status_unknown"', 'nested\n', 'bash: exit_status_unknown: command not found\n', 127],
    ['echo 1 > /proc/sys/net/ipv4/ip_forward; cat /proc/sys/net/ipv4/ip_forward', '1\n', '', 0],
    ['echo junk > /proc/sys/net/ipv4/ip_forward', '', 'bash: echo: write error: Invalid argument\n', 1],
    ['timeout 1 sleep 5; echo $?', '124\n', '', 0],
  ];
  for (const [line, stdout, stderr, code] of cases) {
    it(line, () => {
      const r = bareShell().run(line);
      assert.deepEqual([r.stdout, r.stderr, r.exitCode], [stdout, stderr, code]);
    });
  }

  it('any input parses or fails with a bash syntax error, and running it never throws or leaks', () => {
    const shell = bareShell();
    const alphabet = fc.constantFrom('echo', ' ', 'a', '"', "'", '\\', '|', '&', ';', '(', ')', '>', '<', '2>&1', '$', '$?', '#', 'ip', 'for', 'do', 'done', 'in', '\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 14 }), (parts) => {
        const line = parts.join('');
        const parsed = parse(line);
        if (parsed instanceof SyntaxError) assert.match(parsed.message, /syntax error|unexpected EOF/);
        const r = shell.run(line);
        assert.doesNotMatch(r.stdout + r.stderr, LEAKS, line);
        assert.doesNotMatch(r.stderr, /internal error/, line);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});

describe('shell: scripts split into commands', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { scriptLines } = require('../../src/shell/script') as typeof import('../../src/shell/script');
  it('keeps here-documents, compound commands and open quotes whole, one entry per command', () => {
    const text = ['# a comment', 'cat > Dockerfile <<EOF', 'FROM alpine', '# not a comment here', 'EOF', 'for i in 1 2', 'do', '  echo $i', 'done', 'echo "two', 'lines"', 'ip link \\', '  show', ''].join('\n');
    assert.deepEqual(scriptLines(text), ['cat > Dockerfile <<EOF\nFROM alpine\n# not a comment here\nEOF', 'for i in 1 2\ndo\n  echo $i\ndone', 'echo "two\nlines"', 'ip link   show']);
  });
  it('runs a multi-line entry like bash', () => {
    const shell = bareShell();
    const [loop] = scriptLines('for i in 1 2\ndo\n  echo n$i\ndone');
    assert.equal(shell.run(loop!).stdout, 'n1\nn2\n');
  });
});
