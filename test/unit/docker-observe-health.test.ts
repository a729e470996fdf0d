import { strict as assert } from 'node:assert';
import { parseGoDuration } from '../../src/shell/docker/run-health';
import { ok, run, shell } from '../scenarios/shell.helpers';

function withBusybox() {
  const sh = shell();
  ok(sh, 'docker pull -q busybox');
  return sh;
}

describe('docker run --health-cmd: health checks on simulated time', () => {
  it('starting until the first probe one interval (30 s) after the start, then healthy; ps and inspect say so', () => {
    const sh = withBusybox();
    ok(sh, 'docker run -d --name hc --health-cmd true busybox sleep 300');
    assert.equal(ok(sh, `docker ps --format '{{.Names}} {{.Status}}'`), 'hc Up Less than a second (health: starting)\n');
    assert.equal(ok(sh, `docker inspect -f '{{json .State.Health}} {{json .Config.Healthcheck}}' hc`), '{"Status":"starting","FailingStreak":0,"Log":[]} {"Test":["CMD-SHELL","true"]}\n');
    ok(sh, 'sleep 29');
    assert.match(ok(sh, `docker ps --format '{{.Status}}'`), /\(health: starting\)/);
    ok(sh, 'sleep 2');
    assert.equal(ok(sh, `docker ps --format '{{.Status}}'`), 'Up 31 seconds (healthy)\n');
    assert.equal(ok(sh, `docker inspect -f '{{range .State.Health.Log}}{{.ExitCode}} {{.Start}}{{end}}' hc`), '0 2026-01-15T09:30:30.000000000Z\n');
  });

  it('failures in a row reach --health-retries: unhealthy, with the probe output in the log (five entries kept)', () => {
    const sh = withBusybox();
    ok(sh, `docker run -d --name bad --health-cmd 'echo no; exit 1' --health-interval 2s --health-retries 2 busybox sleep 300`);
    ok(sh, 'sleep 3');
    assert.equal(ok(sh, `docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}}' bad`), 'starting 1\n');
    ok(sh, 'sleep 2');
    assert.equal(ok(sh, `docker ps --format '{{.Status}}'`), 'Up 5 seconds (unhealthy)\n');
    ok(sh, 'sleep 60');
    assert.equal(ok(sh, `docker inspect -f '{{.State.Health.FailingStreak}} {{len .State.Health.Log}} {{(index .State.Health.Log 0).Output}}' bad`), '32 5 no\n\n');
  });

  it('failures inside --health-start-period do not count; a missing program is sh\'s exit 127', () => {
    const sh = withBusybox();
    ok(sh, `docker run -d --name slow --health-cmd 'curlx localhost' --health-start-period 20s busybox sleep 300`);
    ok(sh, 'sleep 16');
    assert.equal(ok(sh, `docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}}' slow`), 'starting 0 3\n', 'probes every 5 s (start interval), none counted');
    assert.equal(ok(sh, `docker inspect -f '{{(index .State.Health.Log 0).ExitCode}} {{(index .State.Health.Log 0).Output}}' slow`), '127 /bin/sh: curlx: not found\n\n');
  });

  it("the client's and the daemon's errors (docker/cli 28 opts.go, dockerd's MinimumDuration)", () => {
    const sh = withBusybox();
    assert.deepEqual(run(sh, 'docker run -d --no-healthcheck --health-cmd true busybox true'), { stdout: '', stderr: "docker: --no-healthcheck conflicts with --health-* options\n\nRun 'docker run --help' for more information\n", exitCode: 125 });
    assert.equal(run(sh, 'docker run -d --health-retries -1 busybox true').stderr, "docker: --health-retries cannot be negative\n\nRun 'docker run --help' for more information\n");
    assert.equal(run(sh, 'docker run -d --health-interval 1x busybox true').stderr.split('\n')[0], 'invalid argument "1x" for "--health-interval" flag: time: invalid duration "1x"');
    assert.equal(run(sh, 'docker run -d --health-cmd true --health-interval 10us busybox true').stderr.split('\n')[0], 'docker: Error response from daemon: Interval in Healthcheck cannot be less than 1ms');
    assert.equal(ok(sh, `docker ps -a --format '{{.Names}}'`), '', 'nothing was created');
  });

  it("Go's time.ParseDuration", () => {
    const cases: Array<[string, number | undefined]> = [['30s', 30_000], ['1m30s', 90_000], ['1.5h', 5_400_000], ['500ms', 500], ['-1s', -1000], ['0', 0], ['1', undefined], ['', undefined], ['1x', undefined], ['.5s', 500]];
    for (const [text, ms] of cases) assert.equal(parseGoDuration(text), ms, text);
  });
});

describe('health checks over long simulated times', () => {
  it('an hour of 1 ms probes inside a long start period, then after it, is computed at once', () => {
    const sh = withBusybox();
    ok(sh, `docker run -d --name long --health-cmd false --health-start-period 30m --health-start-interval 1ms --health-interval 1ms --health-retries 1 busybox sleep infinity`);
    ok(sh, 'sleep 1799');
    const t0 = Date.now();
    assert.equal(ok(sh, `docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}}' long`), 'starting 0 5\n');
    ok(sh, 'sleep 1800');
    assert.equal(ok(sh, `docker inspect -f '{{.State.Health.Status}}' long`), 'unhealthy\n');
    assert.ok(Date.now() - t0 < 2000, `took ${Date.now() - t0} ms`);
  });
});
