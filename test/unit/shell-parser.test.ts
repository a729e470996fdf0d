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
    ['echo a &&', '', "bash: syntax error near unexpected token `newline'\n", 2],
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
