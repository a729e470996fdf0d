/**
 * fg, bg and %N against bash 5.2.15 recorded on a terminal (`script -c 'bash --norc -i'`), and the
 * non-interactive bash of scripts and lab cells (test/golden/jobs-fg.txt).
 */
import { strict as assert } from 'node:assert';
import { createBareWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';

function terminal(): Shell {
  const { world, host } = createBareWorld();
  const sh = new Shell(world, host);
  sh.interactive = true;
  return sh;
}

const run = (sh: Shell, line: string) => {
  const r = sh.run(line);
  return [r.stdout, r.stderr, r.exitCode];
};

describe('fg and bg (bash 5.2 job control)', () => {
  it('with no job: "current: no such job", and a spec that names none', () => {
    const sh = terminal();
    assert.deepEqual(run(sh, 'fg'), ['', 'bash: fg: current: no such job\n', 1]);
    assert.deepEqual(run(sh, 'bg'), ['', 'bash: bg: current: no such job\n', 1]);
    assert.deepEqual(run(sh, 'fg %3'), ['', 'bash: fg: %3: no such job\n', 1]);
    assert.deepEqual(run(sh, 'bg %3'), ['', 'bash: bg: %3: no such job\n', 1]);
    assert.deepEqual(run(sh, 'fg %+'), ['', 'bash: fg: %+: no such job\n', 1]);
    assert.deepEqual(run(sh, 'fg 1234'), ['', 'bash: fg: 1234: no such job\n', 1]);
    assert.deepEqual(run(sh, 'fg a b'), ['', 'bash: fg: a: no such job\n', 1]);
  });

  it('fg prints the command, waits for it on simulated time and returns its status', () => {
    const sh = terminal();
    run(sh, '(sleep 0.2; exit 3) &');
    const before = sh.world.clock.now();
    assert.deepEqual(run(sh, 'fg'), ['(sleep 0.2; exit 3)\n', '', 3]);
    assert.equal(sh.world.clock.now() - before, 200);
    assert.deepEqual(run(sh, 'jobs'), ['', '', 0]);
  });

  it('picks jobs by %N, N, %-, %%, %TEXT and %?TEXT; an ambiguous prefix is an error', () => {
    const sh = terminal();
    run(sh, 'sleep 0.3 & sleep 0.4 &');
    assert.deepEqual(run(sh, 'fg %sle'), ['', 'bash: fg: sle: ambiguous job spec\n', 1]);
    assert.deepEqual(run(sh, 'fg %-'), ['sleep 0.3\n', '', 0]);
    assert.deepEqual(run(sh, 'fg %?0.4'), ['sleep 0.4\n', '', 0]);
    run(sh, 'sleep 0.2 | cat &');
    assert.deepEqual(run(sh, 'fg %%'), ['sleep 0.2 | cat\n', '', 0]);
    run(sh, 'sleep 0.2 &');
    assert.deepEqual(run(sh, '%1'), ['sleep 0.2\n', '', 0]);
    run(sh, 'sleep 0.2 &');
    assert.deepEqual(run(sh, 'fg 1 2'), ['sleep 0.2\n', '', 0]);
  });

  it('a job killed before fg: the command, then "Terminated", status 143', () => {
    const sh = terminal();
    assert.deepEqual(run(sh, 'sleep 0.2 & kill %1'), ['', '[1] 4243\n', 0]);
    assert.deepEqual(run(sh, 'fg %1'), ['sleep 0.2\n', 'Terminated\n', 143]);
    assert.deepEqual(run(sh, 'true'), ['', '', 0]);
  });

  it('bg: every job here is already running', () => {
    const sh = terminal();
    run(sh, 'sleep 0.2 & sleep 5 &');
    assert.deepEqual(run(sh, 'bg'), ['', 'bash: bg: job 2 already in background\n', 0]);
    assert.deepEqual(run(sh, 'bg %1 %3'), ['', 'bash: bg: job 1 already in background\nbash: bg: %3: no such job\n', 1]);
  });

  it('bad options print the usage, exit 2', () => {
    const sh = terminal();
    assert.deepEqual(run(sh, 'fg -x'), ['', 'bash: fg: -x: invalid option\nfg: usage: fg [job_spec]\n', 2]);
    assert.deepEqual(run(sh, 'bg -x'), ['', 'bash: bg: -x: invalid option\nbg: usage: bg [job_spec ...]\n', 2]);
  });

  it('a script or lab cell has no job control', () => {
    const { world, host } = createBareWorld();
    const sh = new Shell(world, host);
    assert.deepEqual(run(sh, 'sleep 0.2 & fg'), ['', 'bash: fg: no job control\n', 1]);
    assert.deepEqual(run(sh, 'bg %1'), ['', 'bash: bg: no job control\n', 1]);
  });

  it('Ctrl-C during fg stops the job, not only fg', () => {
    const sh = terminal();
    run(sh, 'ping 192.168.1.3 > /dev/null &');
    const r = sh.run('fg');
    assert.equal(r.stdout, 'ping 192.168.1.3 > /dev/null\n');
    assert.deepEqual(run(sh, 'jobs'), ['', '', 0]);
  });
});
