import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ok, run, shell } from '../scenarios/shell.helpers';
import { LIMITS } from '../../src/engine/limits';
import { loopPlan } from '../../src/engine/docker/procs-loop';

const TICKER = `docker run -d --name ticker busybox sh -c 'while true; do date; sleep 1; done'`;

function lines(text: string): string[] {
  return text.split('\n').filter(Boolean);
}

function ticking() {
  const sh = shell();
  ok(sh, 'docker pull -q busybox');
  ok(sh, TICKER);
  return sh;
}

describe('a detached shell loop runs on simulated time', () => {
  it('sleep 3; docker logs: one date per second, from the start (busybox date, UTC)', () => {
    const sh = ticking();
    assert.deepEqual(lines(ok(sh, 'sleep 3; docker logs ticker')), ['Thu Jan 15 09:30:00 UTC 2026', 'Thu Jan 15 09:30:01 UTC 2026', 'Thu Jan 15 09:30:02 UTC 2026', 'Thu Jan 15 09:30:03 UTC 2026']);
    assert.equal(lines(ok(sh, 'sleep 2; docker logs --tail 1 ticker'))[0], 'Thu Jan 15 09:30:05 UTC 2026');
  });

  it('docker logs -t stamps each line at the second it was written', () => {
    const sh = ticking();
    ok(sh, 'sleep 2');
    assert.deepEqual(lines(ok(sh, 'docker logs -t ticker')).map((l) => l.slice(11, 19)), ['09:30:00', '09:30:01', '09:30:02']);
  });

  it('docker stop: sh as PID 1 ignores SIGTERM, SIGKILL after 10 s (137), the loop writes until then', () => {
    const sh = ticking();
    ok(sh, 'sleep 3');
    assert.equal(ok(sh, 'docker stop ticker'), 'ticker\n');
    assert.equal(sh.world.clock.now(), 13_000);
    assert.equal(ok(sh, "docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' ticker"), 'exited 137\n');
    const logged = lines(ok(sh, 'docker logs ticker'));
    assert.equal(logged.length, 14);
    assert.equal(logged[13], 'Thu Jan 15 09:30:13 UTC 2026');
    ok(sh, 'sleep 5');
    assert.equal(lines(ok(sh, 'docker logs ticker')).length, 14, 'nothing after the kill');
    assert.match(ok(sh, 'docker ps -a'), /Exited \(137\) 5 seconds ago/);
  });

  it("Docker's logs example: a counter and $(date) in one echo", () => {
    const sh = shell();
    ok(sh, 'docker pull -q busybox');
    ok(sh, `docker run -d --name counter busybox sh -c 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done'`);
    ok(sh, 'sleep 2');
    assert.deepEqual(lines(ok(sh, 'docker logs counter')), ['0: Thu Jan 15 09:30:00 UTC 2026', '1: Thu Jan 15 09:30:01 UTC 2026', '2: Thu Jan 15 09:30:02 UTC 2026']);
  });

  it('a far jump writes only the last LIMITS.containerLoopLinesPerCatchUp lines, with the right counter', () => {
    const sh = shell();
    ok(sh, 'docker pull -q busybox');
    ok(sh, `docker run -d --name counter busybox sh -c 'n=5; while :; do echo tick $n >&2; n=$((n + 2)); sleep 0.5; done'`);
    ok(sh, 'sleep 3000');
    const r = run(sh, 'docker logs counter');
    const logged = lines(r.stderr);
    assert.equal(r.stdout, '');
    // Round 0 at once (the run's own catch-up), then 6,000 rounds due: the last 1,000 written.
    assert.equal(logged.length, 1 + LIMITS.containerLoopLinesPerCatchUp);
    assert.equal(logged[0], 'tick 5');
    assert.equal(logged[logged.length - 1], `tick ${5 + 6000 * 2}`);
    assert.equal(logged[1], `tick ${5 + (6001 - LIMITS.containerLoopLinesPerCatchUp) * 2}`);
  });

  it('docker pause freezes the loop; at unpause the line that fell due meanwhile is written at once', () => {
    const sh = ticking();
    ok(sh, 'sleep 1.5; docker pause ticker; sleep 10');
    assert.equal(lines(ok(sh, 'docker logs ticker')).length, 2, 'nothing while frozen');
    ok(sh, 'docker unpause ticker');
    assert.deepEqual(lines(ok(sh, 'docker logs ticker')).slice(2), ['Thu Jan 15 09:30:11 UTC 2026']);
    ok(sh, 'sleep 1');
    assert.deepEqual(lines(ok(sh, 'docker logs ticker')).slice(2), ['Thu Jan 15 09:30:11 UTC 2026', 'Thu Jan 15 09:30:12 UTC 2026']);
  });

  it('a pause shorter than the sleep it falls in changes nothing', () => {
    const sh = ticking();
    ok(sh, 'sleep 1.2; docker pause ticker; sleep 0.5; docker unpause ticker; sleep 1');
    assert.equal(lines(ok(sh, 'docker logs ticker'))[2], 'Thu Jan 15 09:30:02 UTC 2026');
  });

  it('docker restart starts the loop again from its first round', () => {
    const sh = ticking();
    ok(sh, 'sleep 1; docker restart -t 0 ticker');
    assert.deepEqual(lines(ok(sh, 'docker logs ticker')), ['Thu Jan 15 09:30:00 UTC 2026', 'Thu Jan 15 09:30:01 UTC 2026', 'Thu Jan 15 09:30:01 UTC 2026']);
  });

  it('docker logs -f prints the lines as they are written (timeout ends it: 124)', () => {
    const sh = ticking();
    const r = run(sh, 'timeout 2.5 docker logs -f ticker; echo $?');
    assert.deepEqual(lines(r.stdout), ['Thu Jan 15 09:30:00 UTC 2026', 'Thu Jan 15 09:30:01 UTC 2026', 'Thu Jan 15 09:30:02 UTC 2026', '124']);
  });

  it('a body it does not read leaves the container running silently, as before', () => {
    const sh = shell();
    ok(sh, 'docker pull -q busybox');
    ok(sh, `docker run -d --name other busybox sh -c 'while true; do wget -q -O- http://x; sleep 1; done'`);
    ok(sh, 'sleep 3');
    assert.equal(ok(sh, 'docker logs other'), '');
    assert.equal(ok(sh, "docker inspect -f '{{.State.Status}}' other"), 'running\n');
  });
});

describe('loopPlan: what a loop body writes, and when', () => {
  const table: Array<[string, string | undefined]> = [
    ['while true; do date; sleep 1; done', '[0:date] 1000'],
    ['while true\ndo\n  date\n  sleep 2\ndone', '[0:date] 2000'],
    ['while :; do sleep 1; hostname; echo "up  x"; done', '[1000:host] [1000:up  x] 1000'],
    ["while [ 1 ]; do echo 'a;b' $x; sleep 1; done", undefined],
    ['while true; do echo hi; done', undefined],
    ['while true; do date; sleep 1; done; echo after', undefined],
    ['for i in 1 2; do date; sleep 1; done', undefined],
    ['while true; do echo -n x; sleep 1; done', undefined],
    ["while true; do echo 'a;b'   c; sleep 1; done", '[0:a;b c] 1000'],
    ['while sleep 1; do date; done', '[1000:date] 1000'],
    ['while sleep 2\ndo\n  echo hi\ndone', '[2000:hi] 2000'],
    ['while true; do echo hello world; sleep 1; done', '[0:hello world] 1000'],
  ];
  for (const [script, want] of table) {
    it(JSON.stringify(script), () => {
      const plan = loopPlan(script);
      const text = plan && `${plan.lines.map((l) => `[${l.at}:${l.parts.map((p) => ('text' in p ? p.text : 'date' in p ? 'date' : 'hostname' in p ? 'host' : '$')).join('')}]`).join(' ')} ${plan.roundMs}`;
      assert.equal(text, want);
    });
  }
});

describe('docker attach to a container running a shell loop', () => {
  it('prints the lines written from now on until interrupted (timeout: 124)', () => {
    const sh = ticking();
    ok(sh, 'sleep 1.5');
    const r = run(sh, 'timeout 2 docker attach ticker; echo $?');
    assert.deepEqual(lines(r.stdout), ['Thu Jan 15 09:30:02 UTC 2026', 'Thu Jan 15 09:30:03 UTC 2026', '124']);
  });

  it('ends with the container when another job stops it: SIGKILL after 10 s, 137', () => {
    const sh = ticking();
    const r = run(sh, '(sleep 2.5; docker stop ticker >/dev/null) & docker attach ticker; echo $?; wait');
    const out = lines(r.stdout);
    assert.equal(out[out.length - 1], '137');
    assert.equal(out[0], 'Thu Jan 15 09:30:01 UTC 2026');
  });
});

describe('loopPlan never throws (fast-check)', () => {
  it('on scripts made of loop words, quotes and expansions: a plan has a round > 0 and lines inside it', () => {
    const word = fc.constantFrom('while', 'true', ':', 'do', 'done', ';', '\n', 'date', 'hostname', 'echo', 'sleep', '1', '0.5', 'i=0', 'i=$((i+1))', ': $((i++))', '"$i"', "'a;b'", '$(date)', '`date`', '$x', '>&2', '"', "'", '(', ')', ' ', 'x');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), (words) => {
        const plan = loopPlan(words.join(' '));
        if (!plan) return;
        assert.ok(plan.roundMs > 0);
        for (const l of plan.lines) assert.ok(l.at >= 0 && l.at <= plan.roundMs);
      }),
      { seed: 4, numRuns: 3000 },
    );
  });
});

describe('a container log full of loop lines', () => {
  it('stops growing at LIMITS.containerLogLines; the loop runs on', () => {
    const sh = shell();
    ok(sh, 'docker pull -q busybox');
    ok(sh, `docker run -d --name fast busybox sh -c 'while true; do echo x; sleep 0.01; done'`);
    // 1,000 lines per catch-up: each `sleep 10` (1,000 rounds) writes them all.
    for (let i = 0; i < LIMITS.containerLogLines / 1000 + 3; i++) ok(sh, 'sleep 10; docker ps -q >/dev/null');
    const daemon = Object.values((sh.world.state as unknown as { docker: Record<number, { containers: Array<{ name: string; logs: string[]; state: string }> }> }).docker)[0]!;
    const c = daemon.containers.find((x) => x.name === 'fast')!;
    assert.equal(c.logs.length, LIMITS.containerLogLines);
    assert.equal(c.state, 'running');
  });
});
