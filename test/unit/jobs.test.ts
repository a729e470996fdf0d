/** Job control on simulated time: background jobs, wait, kill, timeout, and the scheduler's order. */
import assert from 'node:assert/strict';
import { bareShell } from './helpers';

describe('jobs: shell job control on simulated time', () => {
  const cases: { name: string; lines: string[]; stdout: string; exitCode?: number; clock?: number }[] = [
    { name: 'a background sleep and wait', lines: ['sleep 0.2 & wait; echo $?'], stdout: '0\n', clock: 200 },
    { name: 'output in time order across jobs', lines: ['(sleep 0.2; echo b) & (sleep 0.1; echo a) & echo c; wait'], stdout: 'c\na\nb\n' },
    { name: 'wait $! gives the job status', lines: ['(sleep 0.2; exit 3) & wait $!; echo "status $?"'], stdout: 'status 3\n' },
    { name: 'wait %N', lines: ['false & wait %1'], stdout: '', exitCode: 1 },
    { name: 'timeout kills sleep: 124', lines: ['timeout 1 sleep 5; echo $?'], stdout: '124\n', clock: 1000 },
    { name: 'timeout lets a short command finish', lines: ['timeout 5 sleep 0.1; echo $?'], stdout: '0\n', clock: 100 },
    { name: 'a background job outlives its line', lines: ['sleep 5 &', 'sleep 2', 'wait; echo $?'], stdout: '0\n', clock: 5000 },
    { name: 'kill %1 stops a background job', lines: ['sleep 100 &', 'kill %1; wait %1; echo $?'], stdout: '143\n', clock: 0 },
    { name: 'subshell commands after a killed sleep do not run', lines: ['(sleep 100; echo never) &', 'kill %1; wait'], stdout: '' },
    { name: 'sh -c in the background', lines: ["sh -c 'sleep 0.2; echo child' & wait"], stdout: 'child\n' },
    { name: 'loops start jobs', lines: ['for i in 3 1 2; do (sleep 0.$i; echo $i) & done; wait'], stdout: '1\n2\n3\n' },
    { name: 'exit ends a subshell', lines: ['(exit 4; echo no); echo $?'], stdout: '4\n' },
    { name: 'a background cd does not change the shell', lines: ['cd /tmp & wait; pwd'], stdout: '/root\n' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const shell = bareShell();
      const start = shell.world.clock.now();
      let last = { stdout: '', exitCode: 0 };
      let stdout = '';
      for (const line of c.lines) {
        last = shell.run(line);
        stdout += last.stdout;
      }
      assert.equal(stdout, c.stdout);
      if (c.exitCode !== undefined) assert.equal(last.exitCode, c.exitCode);
      if (c.clock !== undefined) assert.equal(shell.world.clock.now() - start, c.clock);
    });
  }

  it('timeout kills ping: the replies so far, no statistics, 124', () => {
    const r = bareShell().run('timeout 2 ping 192.168.1.3');
    assert.equal(r.exitCode, 124);
    assert.equal(r.stdout.split('\n').filter((l) => l.includes('bytes from')).length, 2);
    assert.doesNotMatch(r.stdout, /statistics/);
  });

  it('a foreground wait for a job that never ends is interrupted like Ctrl-C (130)', () => {
    const shell = bareShell();
    shell.run('tcpdump -i eth0 -n icmp >/dev/null 2>&1 &');
    const r = shell.run('wait; echo after');
    assert.equal(r.exitCode, 130);
    assert.equal(r.stdout, '');
  });

  it('a background capture sees the traffic of later lines and prints it when killed', () => {
    const shell = bareShell();
    shell.run('tcpdump -i eth0 -n icmp > /tmp/cap.txt 2>/dev/null &');
    shell.run('ping -c 1 192.168.1.3');
    shell.run('kill %1; wait');
    const cap = shell.run('cat /tmp/cap.txt').stdout;
    assert.match(cap, /IP 192\.168\.1\.2 > 192\.168\.1\.3: ICMP echo request, id \d+, seq 1, length 64\n/);
    assert.match(cap, /IP 192\.168\.1\.3 > 192\.168\.1\.2: ICMP echo reply/);
  });

  it('$! is empty before any job and the pid of the last one after', () => {
    const shell = bareShell();
    assert.equal(shell.run('echo "[$!]"').stdout, '[]\n');
    const pid = shell.run('sleep 1 & echo $!').stdout.trim();
    assert.match(pid, /^\d+$/);
    assert.equal(shell.run('wait $!; echo $?').stdout, '0\n');
  });

  it('bash messages for unknown jobs', () => {
    const shell = bareShell();
    assert.deepEqual(
      ['wait %3', 'wait 99999', 'kill %1', 'kill 99999'].map((l) => shell.run(l)).map((r) => [r.stderr, r.exitCode]),
      [
        ['bash: wait: %3: no such job\n', 127],
        ['bash: wait: pid 99999 is not a child of this shell\n', 127],
        ['bash: kill: %1: no such job\n', 1],
        ['bash: kill: (99999) - No such process\n', 1],
      ],
    );
  });

  it('is deterministic: the same lines give the same transcript and clock', () => {
    const lines = ['(sleep 0.5; ping -c 2 192.168.1.3 >/dev/null) & timeout 3 tcpdump -i eth0 -n -c 4 icmp; wait', 'sleep 0.3 & ping -c 1 192.168.1.1; wait'];
    const run = () => {
      const shell = bareShell();
      return [lines.map((l) => JSON.stringify(shell.run(l))).join('\n'), shell.world.clock.now()];
    };
    assert.deepEqual(run(), run());
  });
});

describe('jobs builtin and the interactive shell\'s job notices (bash 5.2)', () => {
  it('jobs lists running jobs with + and -, -l adds the PID, -p only PIDs; a script forgets ended jobs silently', () => {
    const sh = bareShell();
    sh.run('sleep 1 & sleep 2 &');
    assert.equal(sh.run('jobs').stdout, '[1]-  Running                 sleep 1 &\n[2]+  Running                 sleep 2 &\n');
    assert.equal(sh.run('jobs -l').stdout, '[1]-  4243 Running                 sleep 1 &\n[2]+  4244 Running                 sleep 2 &\n');
    assert.equal(sh.run('jobs -p').stdout, '4243\n4244\n');
    assert.deepEqual([sh.run('wait; jobs').stdout, sh.run('jobs').stderr], ['', '']);
    assert.deepEqual([sh.run('jobs %9').stderr, sh.run('jobs %9').exitCode], ['bash: jobs: %9: no such job\n', 1]);
    assert.equal(sh.run('jobs -Q').stderr, 'bash: jobs: -Q: invalid option\njobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n');
  });

  it('an interactive shell prints [N] PID when a job starts and [N]+  Done/Exit N/Terminated after the line during which it ended', () => {
    const sh = bareShell();
    sh.interactive = true;
    assert.equal(sh.run('sleep 1 &').stderr, '[1] 4243\n');
    assert.equal(sh.run('sleep 2').stderr, '[1]+  Done                    sleep 1\n');
    assert.equal(sh.run('(exit 3) &').stderr, '[1] 4244\n');
    assert.equal(sh.run('true').stderr, '[1]+  Exit 3                  (exit 3)\n');
    assert.equal(sh.run('sleep 5 & kill %1').stderr, '[1] 4245\n');
    assert.equal(sh.run('true').stderr, '[1]+  Terminated              sleep 5\n');
    assert.equal(sh.run('true').stderr, '');
  });
});
