/**
 * nginx's master respawns a worker killed with SIGKILL. The log lines were recorded from nginx
 * 1.22.1 as PID 1 of a PID namespace (test/oracle/docker/record-nginx-workers.sh):
 *   [notice] 1#1: signal 17 (SIGCHLD) received from 2
 *   [alert] 1#1: worker process 2 exited on signal 9
 *   [notice] 1#1: start worker process 4
 *   [notice] 1#1: signal 29 (SIGIO) received
 * and, stopped with SIGQUIT (docker stop) after that, the respawned worker first (it has the dead
 * one's slot), each worker's lines together here (they interleave run to run):
 *   [notice] 1#1: signal 3 (SIGQUIT) received, shutting down
 *   [notice] 4#4: gracefully shutting down / exiting / exit, then 3#3 the same
 *   [notice] 1#1: signal 17 (SIGCHLD) received from 4 / worker process 4 exited with code 0 /
 *   signal 29 (SIGIO) received / … from 3 / worker process 3 exited with code 0 / exit
 */
import { strict as assert } from 'node:assert';
import { ok, run, shell } from '../scenarios/shell.helpers';

function web() {
  const sh = shell();
  ok(sh, 'docker pull -q nginx');
  ok(sh, 'docker run -d --name web -p 8080:80 nginx');
  return sh;
}

const workers = (sh: ReturnType<typeof shell>) => ok(sh, 'docker top web -o pid,cmd').split('\n').filter((l) => l.endsWith('worker process')).map((l) => Number(l.split(/\s+/)[0]));

describe("nginx's master respawns a killed worker", () => {
  it('starts two workers, PIDs 29 and 30 in the container', () => {
    const sh = web();
    const logs = run(sh, 'docker logs web').stderr.split('\n');
    assert.deepEqual(logs.filter((l) => / start worker process \d+$/.test(l)).map((l) => l.slice(20)), ['[notice] 1#1: start worker process 29', '[notice] 1#1: start worker process 30']);
    assert.equal(workers(sh).length, 2);
  });

  it('kill -9 of a worker from the host: a new worker PID in docker top, the master logs it as nginx does', () => {
    const sh = web();
    const [w1, w2] = workers(sh);
    ok(sh, 'sleep 5');
    ok(sh, `kill -9 ${w1}`);
    const now = workers(sh);
    assert.equal(now.length, 2);
    assert.ok(now.includes(w2!) && !now.includes(w1!), 'the killed worker is gone, the other stays');
    const born = now.find((p) => p !== w2)!;
    assert.ok(born > w2!, 'a new host PID');
    assert.deepEqual(run(sh, 'docker logs web').stderr.split('\n').filter(Boolean).slice(-4), [
      '2026/01/15 09:30:05 [notice] 1#1: signal 17 (SIGCHLD) received from 29',
      '2026/01/15 09:30:05 [alert] 1#1: worker process 29 exited on signal 9',
      '2026/01/15 09:30:05 [notice] 1#1: start worker process 31',
      '2026/01/15 09:30:05 [notice] 1#1: signal 29 (SIGIO) received',
    ]);
    assert.match(ok(sh, 'ps -ef'), new RegExp(`^101\\s+${born}\\s+1000 .* nginx: worker process$`, 'm'));
    assert.equal(ok(sh, "docker ps --format '{{.Status}}'"), 'Up 5 seconds\n', 'the container runs on');
  });

  it('kill -9 by its PID in the container (docker exec … sh -c); each respawn takes the next PID', () => {
    const sh = web();
    ok(sh, "docker exec web sh -c 'kill -9 30'");
    ok(sh, "docker exec web sh -c 'kill -9 31'");
    const logs = run(sh, 'docker logs web').stderr;
    assert.match(logs, /\[alert\] 1#1: worker process 30 exited on signal 9\n.*start worker process 31\n/);
    assert.match(logs, /\[alert\] 1#1: worker process 31 exited on signal 9\n.*start worker process 32\n/);
    assert.equal(new Set(workers(sh)).size, 2);
  });

  it('the new worker holds the listening sockets; nginx still answers', () => {
    const sh = web();
    const [w1] = workers(sh);
    ok(sh, `kill -9 ${w1}`);
    const [a, b] = workers(sh);
    const ss = ok(sh, `nsenter -t $(docker inspect -f '{{.State.Pid}}' web) -n ss -tlnp`);
    assert.match(ss, new RegExp(`users:\\(\\("nginx",pid=${Math.max(a!, b!)},fd=5\\),\\("nginx",pid=${Math.min(a!, b!)},fd=5\\),\\("nginx",pid=1000,fd=5\\)\\)`));
    assert.equal(ok(sh, "curl -s -o /dev/null -w '%{http_code}' localhost:8080"), '200');
  });

  it("PID 1 ignores SIGKILL from inside its own namespace; a restart starts the image's workers again", () => {
    const sh = web();
    ok(sh, "docker exec web sh -c 'kill -9 1'");
    assert.match(ok(sh, "docker ps --format '{{.Status}}'"), /^Up /);
    ok(sh, `kill -9 ${workers(sh)[0]}`);
    ok(sh, 'docker restart web');
    const logs = run(sh, 'docker logs web').stderr.split('\n').filter(Boolean);
    assert.deepEqual(logs.slice(-2).map((l) => l.slice(20)), ['[notice] 1#1: start worker process 29', '[notice] 1#1: start worker process 30']);
  });

  it('an unknown PID in the container is no process; nothing changes', () => {
    const sh = web();
    const before = workers(sh);
    assert.equal(run(sh, "docker exec web sh -c 'kill -9 77'").exitCode, 1);
    assert.deepEqual(workers(sh), before);
  });
});

describe('nginx stopped by a signal logs its shutdown', () => {
  const tail = (sh: ReturnType<typeof shell>, n: number) => run(sh, 'docker logs web').stderr.split('\n').filter(Boolean).slice(-n).map((l) => l.slice(20));

  it('docker stop (SIGQUIT, the image\'s STOPSIGNAL): graceful, slot by slot, exit 0', () => {
    const sh = web();
    ok(sh, `kill -9 ${workers(sh)[0]}`);
    ok(sh, 'docker stop web');
    assert.deepEqual(tail(sh, 13), [
      '[notice] 1#1: signal 3 (SIGQUIT) received, shutting down',
      '[notice] 31#31: gracefully shutting down',
      '[notice] 31#31: exiting',
      '[notice] 31#31: exit',
      '[notice] 30#30: gracefully shutting down',
      '[notice] 30#30: exiting',
      '[notice] 30#30: exit',
      '[notice] 1#1: signal 17 (SIGCHLD) received from 31',
      '[notice] 1#1: worker process 31 exited with code 0',
      '[notice] 1#1: signal 29 (SIGIO) received',
      '[notice] 1#1: signal 17 (SIGCHLD) received from 30',
      '[notice] 1#1: worker process 30 exited with code 0',
      '[notice] 1#1: exit',
    ]);
    assert.equal(ok(sh, "docker inspect -f '{{.State.ExitCode}}' web"), '0\n');
  });

  it('docker kill -s TERM and kill -INT from the host: exiting at once', () => {
    const sh = web();
    ok(sh, 'docker kill -s TERM web');
    assert.deepEqual(tail(sh, 11).slice(0, 5), ['[notice] 1#1: signal 15 (SIGTERM) received, exiting', '[notice] 29#29: exiting', '[notice] 29#29: exit', '[notice] 30#30: exiting', '[notice] 30#30: exit']);
    ok(sh, 'docker start web');
    ok(sh, `kill -INT $(docker inspect -f '{{.State.Pid}}' web)`);
    assert.equal(tail(sh, 11)[0], '[notice] 1#1: signal 2 (SIGINT) received, exiting');
    assert.equal(tail(sh, 1)[0], '[notice] 1#1: exit');
  });

  it('SIGKILL of the master logs nothing (137); nginx run with another command logs no nginx lines', () => {
    const sh = web();
    const before = run(sh, 'docker logs web').stderr;
    ok(sh, 'docker kill web');
    assert.equal(run(sh, 'docker logs web').stderr, before);
    ok(sh, 'docker run -d --name other nginx sleep 100');
    ok(sh, 'docker stop -t 1 other');
    assert.equal(run(sh, 'docker logs other').stderr, '');
  });
});

