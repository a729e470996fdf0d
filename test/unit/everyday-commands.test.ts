/**
 * Everyday host commands and bash builtins against the real tools: each row's stdout, stderr and
 * exit status were recorded from bash 5.2 / coreutils 9.1 / debianutils 5.7 on Debian 12 (bash -c,
 * so bash's own messages there carry "line 1:", which an interactive bash, like this shell, leaves
 * out). Host-specific values (host name, kernel release, the date) are the simulated host's; their
 * layout is the recorded one.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { bareShell, LEAKS } from './helpers';
import { KERNEL_VERSION } from '../../src/engine/docker/engine-info';

type Row = [line: string, stdout: string, stderr: string, status: number];

const UNIQ_INPUT = "printf 'a\\na\\nb\\nc\\nc\\nc\\na\\n' > /tmp/u.txt";

const RECORDED: Row[] = [
  ['uniq /tmp/u.txt', 'a\nb\nc\na\n', '', 0],
  ['uniq -c /tmp/u.txt', '      2 a\n      1 b\n      3 c\n      1 a\n', '', 0],
  ['uniq -d /tmp/u.txt', 'a\nc\n', '', 0],
  ['uniq -cd /tmp/u.txt', '      2 a\n      3 c\n', '', 0],
  ['uniq -c -d /tmp/u.txt', '      2 a\n      3 c\n', '', 0],
  ['uniq -x', '', "uniq: invalid option -- 'x'\nTry 'uniq --help' for more information.\n", 1],
  ['uniq a b c', '', "uniq: extra operand 'c'\nTry 'uniq --help' for more information.\n", 1],
  ['uniq nofile', '', 'uniq: nofile: No such file or directory\n', 1],
  ['echo hello | tr a-z A-Z', 'HELLO\n', '', 0],
  ['echo hello | tr -d l', 'heo\n', '', 0],
  ["echo 'aaa  bbb' | tr -s ' a'", 'a bbb\n', '', 0],
  ['echo hello | tr -s l', 'helo\n', '', 0],
  ["echo 'a:b:c' | tr ':' '\\n'", 'a\nb\nc\n', '', 0],
  ['echo abc | tr abc x', 'xxx\n', '', 0],
  ['echo hello | tr -ds l o', 'heo\n', '', 0],
  ["echo 'Hello World' | tr '[:upper:]' '[:lower:]'", 'hello world\n', '', 0],
  ["echo 'a1b2' | tr -d '[:digit:]'", 'ab\n', '', 0],
  ['echo abcdef | tr a-c z', 'zzzdef\n', '', 0],
  ["echo abc | tr a ''", '', 'tr: when not truncating set1, string2 must be non-empty\n', 1],
  ['echo abc | tr z-a x', '', "tr: range-endpoints of 'z-a' are in reverse collating sequence order\n", 1],
  ['tr', '', "tr: missing operand\nTry 'tr --help' for more information.\n", 1],
  ['tr a', '', "tr: missing operand after 'a'\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n", 1],
  ['tr -d a b', '', "tr: extra operand 'b'\nOnly one string may be given when deleting without squeezing repeats.\nTry 'tr --help' for more information.\n", 1],
  ['tr -ds l', '', "tr: missing operand after 'l'\nTwo strings must be given when both deleting and squeezing repeats.\nTry 'tr --help' for more information.\n", 1],
  ['tr a b c', '', "tr: extra operand 'c'\nTry 'tr --help' for more information.\n", 1],
  ['tr -s a b c', '', "tr: extra operand 'c'\nTry 'tr --help' for more information.\n", 1],
  ['tr -x', '', "tr: invalid option -- 'x'\nTry 'tr --help' for more information.\n", 1],
  ['seq 3', '1\n2\n3\n', '', 0],
  ['seq 2 4', '2\n3\n4\n', '', 0],
  ['seq 1 3 10', '1\n4\n7\n10\n', '', 0],
  ['seq 5 1', '', '', 0],
  ['seq 5 -2 1', '5\n3\n1\n', '', 0],
  ['seq 10 -3 0', '10\n7\n4\n1\n', '', 0],
  ['seq 0.5 1 3', '0.5\n1.5\n2.5\n', '', 0],
  ['seq 1.0 3', '1.0\n2.0\n3.0\n', '', 0],
  ['seq 1 0.5 2', '1.0\n1.5\n2.0\n', '', 0],
  ['seq 0.1 0.1 0.3', '0.1\n0.2\n0.3\n', '', 0],
  ['seq 1 0.1 1.3', '1.0\n1.1\n1.2\n1.3\n', '', 0],
  ['seq -- -2 0', '-2\n-1\n0\n', '', 0],
  ['seq 0x10 0x11', '16\n17\n', '', 0],
  ['seq', '', "seq: missing operand\nTry 'seq --help' for more information.\n", 1],
  ['seq a', '', "seq: invalid floating point argument: 'a'\nTry 'seq --help' for more information.\n", 1],
  ["seq 1 ''", '', "seq: invalid floating point argument: ''\nTry 'seq --help' for more information.\n", 1],
  ['seq 1 0 3', '', "seq: invalid Zero increment value: '0'\nTry 'seq --help' for more information.\n", 1],
  ['seq 1 2 3 4', '', "seq: extra operand '4'\nTry 'seq --help' for more information.\n", 1],
  ['seq -x', '', "seq: invalid option -- 'x'\nTry 'seq --help' for more information.\n", 1],
  ['whoami', 'root\n', '', 0],
  ['whoami x', '', "whoami: extra operand 'x'\nTry 'whoami --help' for more information.\n", 1],
  ['whoami -x', '', "whoami: invalid option -- 'x'\nTry 'whoami --help' for more information.\n", 1],
  ['id', 'uid=0(root) gid=0(root) groups=0(root)\n', '', 0],
  ['id root', 'uid=0(root) gid=0(root) groups=0(root)\n', '', 0],
  ['id -un', 'root\n', '', 0],
  ['id -n', '', 'id: cannot print only names or real IDs in default format\n', 1],
  ['id -ug', '', 'id: cannot print "only" of more than one choice\n', 1],
  ['id nobody1', '', "id: 'nobody1': no such user\n", 1],
  ['id -x', '', "id: invalid option -- 'x'\nTry 'id --help' for more information.\n", 1],
  ['uname', 'Linux\n', '', 0],
  ['uname -s', 'Linux\n', '', 0],
  ['uname -m', 'x86_64\n', '', 0],
  ['uname -x', '', "uname: invalid option -- 'x'\nTry 'uname --help' for more information.\n", 1],
  ['uname x', '', "uname: extra operand 'x'\nTry 'uname --help' for more information.\n", 1],
  ['date -x', '', "date: invalid option -- 'x'\nTry 'date --help' for more information.\n", 1],
  ['date a', '', "date: invalid date 'a'\n", 1],
  ['date +%Q', '%Q\n', '', 0],
  ['date +', '\n', '', 0],
  ['env -i A=1 B=2 env', 'A=1\nB=2\n', '', 0],
  ['env -i B=2 A=1 env', 'B=2\nA=1\n', '', 0],
  ['env -i A=1 env -u A', '', '', 0],
  ['env -i A=1 env -i B=2', 'B=2\n', '', 0],
  ['env -i env =x', '=x\n', '', 0],
  ['env -i env -- A=1', 'A=1\n', '', 0],
  ['env -i env -0 A=1 B=2', 'A=1\0B=2\0', '', 0],
  ["env -i X=1 sh -c 'echo $X'", '1\n', '', 0],
  ['env nope', '', "env: 'nope': No such file or directory\n", 127],
  ['env -i A=1 env -- nope', '', "env: 'nope': No such file or directory\n", 127],
  ['env -x', '', "env: invalid option -- 'x'\nTry 'env --help' for more information.\n", 125],
  ['env -u', '', "env: option requires an argument -- 'u'\nTry 'env --help' for more information.\n", 125],
  ['env -i env -u A=b', '', "env: cannot unset 'A=b': Invalid argument\n", 125],
  ['env -i env -0 ls', '', "env: cannot specify --null (-0) with command\nTry 'env --help' for more information.\n", 125],
  ['which ip ls nope cd', '/usr/sbin/ip\n/usr/bin/ls\n', '', 1],
  ['which', '', '', 1],
  ['type ip cd echo ls nope', 'ip is /usr/sbin/ip\ncd is a shell builtin\necho is a shell builtin\nls is /usr/bin/ls\n', 'bash: type: nope: not found\n', 1],
  ['type nope cd', 'cd is a shell builtin\n', 'bash: type: nope: not found\n', 1],
  ['type if', 'if is a shell keyword\n', '', 0],
  ['type', '', '', 0],
  ['type -t cd if ls nope', 'builtin\nkeyword\nfile\n', '', 1],
  ['type -p ls cd', '/usr/bin/ls\n', '', 0],
  ['type -P cd ls', '/usr/bin/ls\n', '', 1],
  ['type -x ls', '', 'bash: type: -x: invalid option\ntype: usage: type [-afptP] name [name ...]\n', 2],
  ['command -v ip cd ls nope', '/usr/sbin/ip\ncd\n/usr/bin/ls\n', '', 0],
  ['command -v nope ls', '/usr/bin/ls\n', '', 0],
  ['command -v nope', '', '', 1],
  ['command -v', '', '', 0],
  ['command -V cd if', 'cd is a shell builtin\nif is a shell keyword\n', '', 0],
  ['command -V nope', '', 'bash: command: nope: not found\n', 1],
  ['command', '', '', 0],
  ['command -x', '', 'bash: command: -x: invalid option\ncommand: usage: command [-pVv] command [arg ...]\n', 2],
  ['command nope', '', 'bash: nope: command not found\n', 127],
  ['command ls /nonexist', '', "ls: cannot access '/nonexist': No such file or directory\n", 2],
  ['echo hi | while read l; do echo $l; done', 'hi\n', '', 0],
  ['read x <<< hi; echo $x', 'hi\n', '', 0],
  ["read a b <<< 'one two three'; echo $a/$b", 'one/two three\n', '', 0],
  ["read x y <<< 'one'; echo \"[$x][$y]\"", '[one][]\n', '', 0],
  ["printf 'x' | { read y; echo $?:$y; }", '1:x\n', '', 0],
  ["read <<< 'z'; echo $REPLY", 'z\n', '', 0],
  ["read x <<< '  sp  ab  '; echo \"[$x]\"", '[sp  ab]\n', '', 0],
  ["read -r x <<< 'a\\b'; echo $x", 'a\\b\n', '', 0],
  ["read x <<< 'a\\b'; echo $x", 'ab\n', '', 0],
  ["echo 'a:b' | { IFS=: read x y; echo $y; }", 'b\n', '', 0],
  ['read', '', '', 1],
  ['read 1x <<< a', '', "bash: read: `1x': not a valid identifier\n", 1],
  ['read -x', '', 'bash: read: -x: invalid option\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n', 2],
  ["printf 'echo one\\nx=5\\n' > /tmp/s.sh; . /tmp/s.sh; echo $x", 'one\n5\n', '', 0],
  ["printf 'exit 3\\necho no\\n' > /tmp/e.sh; . /tmp/e.sh; echo after", '', '', 3],
  ['source', '', 'bash: source: filename argument required\nsource: usage: source filename [arguments]\n', 2],
  ['source /nope', '', 'bash: /nope: No such file or directory\n', 1],
  ['. /nope', '', 'bash: /nope: No such file or directory\n', 1],
  ['source /tmp', '', 'bash: source: /tmp: is a directory\n', 1],
];

describe('everyday commands and builtins (recorded from bash 5.2 / coreutils 9.1 on Debian 12)', () => {
  for (const [line, stdout, stderr, status] of RECORDED) {
    it(line, () => {
      const sh = bareShell();
      sh.run(UNIQ_INPUT);
      const r = sh.run(line);
      assert.deepEqual({ stdout: r.stdout, stderr: r.stderr, status: r.exitCode }, { stdout, stderr, status });
    });
  }

  it('uname -a / -rs / -nm: the recorded field order, with the release docker info reports (KERNEL_VERSION)', () => {
    const sh = bareShell();
    const host = sh.run('hostname').stdout.trim();
    assert.equal(sh.run('uname -a').stdout, `Linux ${host} ${KERNEL_VERSION} #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22) x86_64 GNU/Linux\n`);
    assert.equal(sh.run('uname -rs').stdout, `Linux ${KERNEL_VERSION}\n`);
    assert.equal(sh.run('uname -nm').stdout, `${host} x86_64\n`);
  });

  it('date prints the simulated clock in the recorded layouts, and moves with sleep', () => {
    const sh = bareShell();
    // The bare world starts at 2026-01-15 09:30:00 UTC (a Thursday).
    assert.equal(sh.run('date').stdout, 'Thu Jan 15 09:30:00 UTC 2026\n');
    assert.equal(sh.run('date -u').stdout, 'Thu Jan 15 09:30:00 UTC 2026\n');
    assert.equal(sh.run('date -R').stdout, 'Thu, 15 Jan 2026 09:30:00 +0000\n');
    assert.equal(sh.run('date -I').stdout, '2026-01-15\n');
    assert.equal(sh.run('date +%s').stdout, '1768469400\n');
    // Recorded on Wed Dec 2 2026 10:18:00: "2026-12-02 10:18:00 Wed Dec  2 336 UTC +0000 Wednesday December 02 26 10:18:00 12/02/26 2026-12-02 10:18 % AM 10 3 3 10 10 Dec 20 2026 49 48"
    assert.equal(
      sh.run("date '+%Y-%m-%d %H:%M:%S %a %b %e %j %Z %z %A %B %d %y %T %D %F %R %% %p %I %u %w %k %l %h %C %G %V %U'").stdout,
      '2026-01-15 09:30:00 Thu Jan 15 015 UTC +0000 Thursday January 15 26 09:30:00 01/15/26 2026-01-15 09:30 % AM 09 4 4  9  9 Jan 20 2026 03 02\n',
    );
    assert.equal(sh.run('date +%-d/%5Y').stdout, '15/02026\n');
    sh.run('sleep 90');
    assert.equal(sh.run('date +%T').stdout, '09:31:30\n');
  });

  it('env lists the shell\'s variables in the order they were set; a reader in a loop leaves the input to read', () => {
    const sh = bareShell();
    sh.run('export GREETING=hi');
    assert.match(sh.run('env').stdout, /^HOME=\/root\n(.*\n)*GREETING=hi\n$/);
    assert.equal(sh.run("printf '1\\n2\\n' | while read n; do ping -c 1 127.0.0.1 >/dev/null; echo n=$n; done").stdout, 'n=1\nn=2\n');
    assert.equal(sh.run("printf 'a\\nb\\nc\\n' | while read l; do cat; done").stdout, 'b\nc\n');
    assert.equal(sh.run("printf 'a\\nb\\n' > /tmp/in.txt; while read l; do echo got $l; done < /tmp/in.txt").stdout, 'got a\ngot b\n');
    assert.equal(sh.run("echo hi | sh -c 'read x; echo $x'").stdout, 'hi\n');
    // The loop's input is gone once the loop ends: the next line reads nothing.
    assert.equal(sh.run('read x; echo $?').stdout, '1\n');
  });

  it('random arguments never throw nor leak JavaScript into the output', () => {
    const sh = bareShell();
    const word = fc.oneof(fc.constantFrom('-c', '-d', '-s', '-i', '-u', '-0', '-r', '-a', '-n', '-t', '-v', '-V', '-p', '--', '+%s', '+%-d%5Y%Q', '[:upper:]', 'a-z', 'z-a', '\\n', '\\', '1', '-1', '0', '0.5', '1e3', '0x1f', 'A=1', '=', 'ip', 'cd', 'nope', '/tmp', '/tmp/u.txt', ''), fc.string({ maxLength: 6 }));
    const program = fc.constantFrom('uniq', 'tr', 'seq', 'env', 'whoami', 'id', 'uname', 'date', 'which', 'type', 'command', 'read', 'source', '.');
    fc.assert(
      fc.property(program, fc.array(word, { maxLength: 4 }), fc.string({ maxLength: 12 }), (name, args, input) => {
        const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
        const r = sh.run(`printf '%s' '${input.replace(/'/g, `'\\''`)}' | ${name} ${quoted}`);
        assert.ok(Number.isInteger(r.exitCode) && r.exitCode >= 0 && r.exitCode <= 255, `${name} ${quoted}: ${r.exitCode}`);
        assert.doesNotMatch(r.stdout + r.stderr, LEAKS, `${name} ${quoted}`);
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });
});
