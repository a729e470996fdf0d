/**
 * The new grammar (`${…}`, brace expansion, case, functions, `[[ ]]`) together with what the shell
 * already did: pipelines, redirections, job control, scripts split into commands, `sh -c` in a
 * network namespace and in a container. Expected outputs are bash 5.2's for the same lines.
 */
import { strict as assert } from 'node:assert';
import { createDockerWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';
import { scriptLines } from '../../src/shell/script';
import { isIncomplete } from '../../src/shell/parse/parser';
import { bareShell } from './helpers';

describe('shell: new grammar with pipes, jobs, scripts and containers', () => {
  it('brace expansion and case in a pipeline feeding a while-read loop', () => {
    const r = bareShell().run('for i in {1..3}; do echo $i; done | while read n; do case $n in 2) echo two;; *) echo $n;; esac; done');
    assert.deepEqual([r.stdout, r.exitCode], ['1\ntwo\n3\n', 0]);
  });

  it('a function runs as a background job and wait waits for it', () => {
    const r = bareShell().run('f() { sleep 1; echo "bg ${1:-none}"; }; f x & wait; echo after');
    assert.deepEqual([r.stdout, r.exitCode], ['bg x\nafter\n', 0]);
  });

  it("a function's output goes through its call's redirections, into a file and a pipe", () => {
    const sh = bareShell();
    const r = sh.run('f() { echo out; echo err >&2; }; f > /tmp/f.out 2>/dev/null; cat /tmp/f.out; f 2>&1 | wc -l');
    assert.deepEqual([r.stdout, r.stderr], ['out\n2\n', '']);
  });

  it('a function defined on one line is there on the next; a subshell\'s definitions are not', () => {
    const sh = bareShell();
    sh.run('mkns() { for n in "$@"; do ip netns add $n; done; }');
    sh.run('(gone() { :; })');
    assert.equal(sh.run('mkns ns{1..3}; ip netns list').stdout, 'ns3\nns2\nns1\n');
    assert.deepEqual([sh.run('gone').stderr, sh.lastStatus], ['bash: gone: command not found\n', 127]);
  });

  it('scripts keep a multi-line function and case whole, and run them as bash does', () => {
    const text = ['up() {', '  local dev=$1', '  case $dev in', '    eth*) echo "nic ${dev#eth}";;', '    *) echo "other $dev";;', '  esac', '}', 'up eth0', 'up lo'].join('\n');
    const lines = scriptLines(text);
    assert.equal(lines.length, 3);
    const sh = bareShell();
    assert.equal(lines.map((l) => sh.run(l).stdout).join(''), 'nic 0\nother lo\n');
    assert.ok(isIncomplete('case x in'));
    assert.ok(isIncomplete('f() {'));
    assert.ok(isIncomplete('[[ -n x &&'));
    assert.ok(isIncomplete('echo ${x'));
    // The terminal prompts `> ` after a trailing backslash; `bash -c 'echo a\'` prints the backslash.
    assert.ok(isIncomplete('ip link \\'));
    assert.ok(!isIncomplete('echo a\\\\') && !isIncomplete("echo 'a\\'"));
    assert.equal(bareShell().run('echo a\\').stdout, 'a\\\n');
  });

  it('ip netns exec NS bash -c runs the grammar in the namespace', () => {
    const sh = bareShell();
    sh.run('ip netns add red');
    const r = sh.run(`ip netns exec red bash -c 'for n in veth{0..1}; do echo \${n^^}; done; [[ $(ip -br link | head -1) == lo* ]] && echo lo first'`);
    assert.deepEqual([r.stdout, r.exitCode], ['VETH0\nVETH1\nlo first\n', 0]);
  });

  it('bash -c in a container runs braces, functions, case and ${…}', () => {
    const { world, host } = createDockerWorld();
    const sh = new Shell(world, host);
    const r = sh.run(`docker run --rm ubuntu bash -c 'for i in {1..3}; do echo \${i}x; done; f() { echo "f $1"; }; f a; x=/etc/hostname; echo \${x##*/}'`);
    assert.deepEqual([r.stdout, r.exitCode], ['1x\n2x\n3x\nf a\nhostname\n', 0]);
  });

  it('${x:?} stops the line at once, even inside a function or a loop, and the next line runs', () => {
    const sh = bareShell();
    const r = sh.run('f() { echo in; echo ${missing:?not set here}; echo never; }; for i in 1 2; do f; done; echo never');
    assert.deepEqual([r.stdout, r.stderr, r.exitCode], ['in\n', 'bash: missing: not set here\n', 1]);
    assert.equal(sh.run('echo next').stdout, 'next\n');
  });

  it('a failing expansion leaves the variables it would have set unchanged', () => {
    const sh = bareShell();
    sh.run('y=kept');
    sh.run('y=${x:?}');
    sh.run('echo ${z:=new} ${q:?}');
    assert.equal(sh.run('echo $y ${z-unset}').stdout, 'kept new\n');
  });

  it('${x#p} and friends on a 100,000-character value answer at once, as bash 5.2 prints them', () => {
    const sh = bareShell();
    const started = performance.now();
    const r = sh.run(`x=$(printf 'a/%.0s' {1..50000})end; echo \${#x} \${x##*/}; y=\${x#*Z}; echo \${#y}; z=\${x%%/*}; w=\${x%/*}; echo $z \${#w}; v=\${x#*/}; echo \${#v}`);
    assert.deepEqual([r.stdout, r.stderr], ['100003 end\n100003\na 99999\n100001\n', '']);
    assert.ok(performance.now() - started < 5000, `${performance.now() - started} ms`);
  });

  it('$RANDOM is 0-32767 from the shell\'s own seeded sequence (RANDOM=N seeds it, the world\'s MACs stay the same); $SECONDS follows simulated time', () => {
    const first = bareShell();
    const values = first.run('echo $RANDOM $RANDOM $RANDOM').stdout.trim().split(' ').map(Number);
    assert.ok(values.length === 3 && values.every((v) => Number.isInteger(v) && v >= 0 && v <= 32767), String(values));
    assert.deepEqual(bareShell().run('echo $RANDOM $RANDOM $RANDOM').stdout.trim().split(' ').map(Number), values);
    assert.equal(first.run('RANDOM=7; echo $RANDOM $RANDOM').stdout, first.run('RANDOM=7; echo $RANDOM $RANDOM').stdout);
    const mac = (sh: ReturnType<typeof bareShell>) => sh.run('ip link add d0 type dummy; ip -br link show d0').stdout;
    assert.equal(mac(first), mac(bareShell()));
    assert.equal(first.run('sleep 2.5; echo $SECONDS').stdout, '2\n');
  });
});
