/** kill on the host by a container process's host PID (the seed's `kill -SIGSTOP $(pgrep nginx)`), and docker kill -s STOP/CONT (issue 4). */
import { strict as assert } from 'node:assert';
import { ok, run, shell } from '../scenarios/shell.helpers';

const stats = (sh: ReturnType<typeof shell>, pattern: string) =>
  ok(sh, 'ps aux').split('\n').filter((l) => l.includes(pattern)).map((l) => l.split(/\s+/)[7]);

describe('docker processes signalled from the host', () => {
  it('kill -SIGSTOP $(pgrep nginx) stops master and workers (STAT T) while Docker still says running; SIGCONT resumes them', () => {
    const sh = shell();
    ok(sh, 'docker run -d --name web nginx');
    assert.equal(ok(sh, 'pgrep nginx').split('\n').length, 4);
    assert.deepEqual(stats(sh, 'nginx:'), ['Ss', 'Ss', 'Ss']);
    assert.deepEqual(run(sh, 'kill -SIGSTOP $(pgrep nginx)'), { stdout: '', stderr: '', exitCode: 0 });
    assert.deepEqual(stats(sh, 'nginx:'), ['Ts', 'Ts', 'Ts']);
    assert.equal(ok(sh, "docker inspect -f '{{.State.Status}}' web"), 'running\n');
    assert.match(ok(sh, "docker ps --format '{{.Names}} {{.Status}}'"), /^web Up /);
    ok(sh, 'kill -CONT $(pgrep nginx)');
    assert.deepEqual(stats(sh, 'nginx:'), ['Ss', 'Ss', 'Ss']);
  });

  it('SIGKILL of PID 1 ends the container with 137 and its restart policy applies; SIGTERM is ignored by a sleep, honoured by nginx', () => {
    const sh = shell();
    ok(sh, 'docker run -d --name s1 --restart always busybox sleep 300');
    const pid = ok(sh, "docker inspect -f '{{.State.Pid}}' s1").trim();
    ok(sh, `kill ${pid}`);
    assert.equal(ok(sh, "docker inspect -f '{{.State.Status}} {{.RestartCount}}' s1"), 'running 0\n');
    ok(sh, `kill -9 ${pid}`);
    assert.equal(ok(sh, "docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' s1"), 'restarting 137\n');
    ok(sh, 'sleep 1');
    assert.equal(ok(sh, "docker inspect -f '{{.State.Status}} {{.RestartCount}}' s1"), 'running 1\n');
    ok(sh, 'docker run -d --name web nginx');
    ok(sh, `kill -s TERM ${ok(sh, "docker inspect -f '{{.State.Pid}}' web").trim()}`);
    assert.match(ok(sh, "docker ps -a -f name=web --format '{{.Status}}'"), /^Exited \(0\) /);
    ok(sh, 'docker run -d --name plain busybox sleep 300');
    ok(sh, `kill -KILL ${ok(sh, "docker inspect -f '{{.State.Pid}}' plain").trim()}`);
    assert.match(ok(sh, "docker ps -a -f name=plain --format '{{.Status}}'"), /^Exited \(137\) /);
  });

  it('under --init the command is tini\'s child: killing it ends the container with 128+N', () => {
    const sh = shell();
    ok(sh, 'docker run -d --init --name i1 busybox sleep 300');
    const child = ok(sh, 'docker top i1').split('\n')[2]!.split(/\s+/)[1];
    ok(sh, `kill ${child}`);
    assert.equal(ok(sh, "docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' i1"), 'exited 143\n');
  });

  it('a stopped PID 1 keeps SIGTERM pending: docker stop waits and kills (137); docker kill -s STOP stops it too', () => {
    const sh = shell();
    ok(sh, 'docker run -d --name web nginx');
    assert.equal(ok(sh, 'docker kill -s STOP web'), 'web\n');
    assert.deepEqual(stats(sh, 'nginx: master'), ['Ts']);
    ok(sh, 'docker stop -t 1 web');
    assert.equal(ok(sh, "docker inspect -f '{{.State.ExitCode}}' web"), '137\n');
    assert.deepEqual(stats(sh, 'nginx:'), []);
  });

  it('bash kill errors: bad signal, missing argument, no such process; init ignores even SIGKILL', () => {
    const sh = shell();
    assert.deepEqual(run(sh, 'kill -BOGUS 1'), { stdout: '', stderr: 'bash: kill: BOGUS: invalid signal specification\n', exitCode: 1 });
    assert.deepEqual(run(sh, 'kill -s'), { stdout: '', stderr: 'bash: kill: -s: option requires an argument\n', exitCode: 1 });
    assert.deepEqual(run(sh, 'kill 99999'), { stdout: '', stderr: 'bash: kill: (99999) - No such process\n', exitCode: 1 });
    assert.deepEqual(run(sh, 'kill -9 1'), { stdout: '', stderr: '', exitCode: 0 });
    ok(sh, 'docker run -d --name s1 busybox sleep 300');
    assert.deepEqual(run(sh, `kill -0 ${ok(sh, "docker inspect -f '{{.State.Pid}}' s1").trim()}`), { stdout: '', stderr: '', exitCode: 0 });
    assert.deepEqual(run(sh, 'kill -s 0 99999'), { stdout: '', stderr: 'bash: kill: (99999) - No such process\n', exitCode: 1 });
    assert.equal(ok(sh, "docker inspect -f '{{.State.Status}}' s1"), 'running\n');
  });
});
