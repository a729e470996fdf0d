import { strict as assert } from 'node:assert';
import { normalizeDockerTranscript } from '../oracle/docker/normalize-docker';
import { ok, run, shell } from '../scenarios/shell.helpers';

/** The time part of `docker logs -t` lines ("2026-…Z text" -> "HH:MM:SS text"). */
function clock(lines: string): string[] {
  return lines.split('\n').filter(Boolean).map((l) => l.replace(/^\d{4}-\d\d-\d\dT(\d\d:\d\d:\d\d)\.\d{9}Z /, '$1 '));
}

describe('docker logs -t: each line at the time it was written', () => {
  it('a script that sleeps between its lines stamps each line when it printed it', () => {
    const sh = shell();
    ok(sh, 'docker pull -q busybox');
    ok(sh, 'sleep 7');
    ok(sh, `docker run -d --name s1 busybox sh -c 'echo a; sleep 2; echo b >&2; sleep 1; echo c'`);
    ok(sh, 'sleep 5');
    const r = run(sh, 'docker logs -t s1');
    assert.deepEqual(clock(r.stdout), ['09:30:07 a', '09:30:10 c']);
    assert.deepEqual(clock(r.stderr), ['09:30:09 b']);
  });

  it("nginx's access log line carries the time of the request, not the container's start", () => {
    const sh = shell();
    ok(sh, 'docker pull -q nginx');
    ok(sh, 'docker run -d --name web -p 8080:80 nginx');
    ok(sh, 'sleep 42');
    ok(sh, 'curl -s -o /dev/null localhost:8080/');
    const lines = clock(ok(sh, 'docker logs -t web'));
    assert.match(lines[0]!, /^09:30:00 /, 'the startup lines: when it started');
    assert.match(lines[lines.length - 1]!, /^09:30:42 172\.17\.0\.1 - - \[15\/Jan\/2026:09:30:42 \+0000\] "GET \/ HTTP\/1\.1" 200 /);
  });
});

describe('docker stats --no-stream: the columns from the model', () => {
  it('NET I/O counts the bytes that crossed eth0 (3 pings of 98 bytes and an ARP exchange of 42)', () => {
    const sh = shell();
    ok(sh, 'docker pull -q busybox');
    ok(sh, 'docker run -d --name a1 busybox sleep 300');
    ok(sh, 'docker run -d --name a2 busybox sleep 300');
    assert.equal(ok(sh, `docker stats --no-stream --format '{{.Name}} {{.NetIO}}'`), 'a2 0B / 0B\na1 0B / 0B\n');
    ok(sh, 'docker exec a1 ping -c 3 172.17.0.3');
    assert.equal(ok(sh, `docker stats --no-stream --format '{{.NetIO}}' a1`), '336B / 336B\n');
    ok(sh, 'docker exec a1 ping -c 20 -s 1000 172.17.0.3');
    // 20 requests of 1042 bytes and 336 before: 21.2 kB each way (units.HumanSizeWithPrecision, 3 digits).
    assert.equal(ok(sh, `docker stats --no-stream --format '{{.NetIO}}' a2`), '21.2kB / 21.2kB\n');
  });

  it("BLOCK I/O: what the container wrote into its layer, in 4 KiB pages; MEM of busybox's sleep as recorded", () => {
    const sh = shell();
    ok(sh, 'docker pull -q busybox');
    ok(sh, 'docker run -d --name b1 busybox sleep 300');
    assert.equal(ok(sh, `docker stats --no-stream --format '{{.BlockIO}} {{.MemUsage}}' b1`), '0B / 0B 328KiB / 23.54GiB\n');
    ok(sh, `docker exec b1 sh -c 'echo hello > /tmp/x'`);
    assert.equal(ok(sh, `docker stats --no-stream --format '{{.BlockIO}}' b1`), '0B / 4.1kB\n');
  });

  it('the table widens NET I/O to its longest value (tabwriter, 3 spaces of padding)', () => {
    const sh = shell();
    ok(sh, 'docker pull -q busybox');
    ok(sh, 'docker run -d --name c1 busybox sleep 300');
    ok(sh, 'docker run -d --name c2 busybox sleep 300');
    ok(sh, 'docker exec c1 ping -c 3 172.17.0.3');
    assert.equal(ok(sh, 'docker stats --no-stream c1 | head -1'), 'CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT   MEM %     NET I/O       BLOCK I/O   PIDS\n');
  });
});

describe('docker oracle normaliser: what belongs to the recording machine', () => {
  const block = (cmd: string, body: string) => `$ ${cmd}\n${body}[exit 0]\n\n`;

  it('docker top: host PIDs, C and STIME become tokens of the same width; the layout is still compared', () => {
    const real = block('docker top s1', 'UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD\nroot                13037               13014               5                   06:38               ?                   00:00:00            sleep 300\n');
    const sim = block('docker top s1', 'UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD\nroot                1000                979                 0                   09:30               ?                   00:00:00            sleep 300\n');
    assert.equal(normalizeDockerTranscript(sim), normalizeDockerTranscript(real));
    const narrower = sim.replace('1000                979 ', '1000               979  ');
    assert.notEqual(normalizeDockerTranscript(narrower), normalizeDockerTranscript(real), 'a misaligned column still differs');
  });

  it('BuildKit durations and log stamps are dropped, step names and statuses are not', () => {
    const real = block('docker build .', '#0 building with "default" instance using docker driver\n\n#1 [internal] load build definition from Dockerfile\n#1 transferring dockerfile: 169B 0.0s done\n#1 DONE 0.0s\n\n#6 [2/4] RUN echo hi\n#6 1.720 hi\n#6 DONE 1.9s\n');
    const sim = block('docker build .', '#0 building with "default" instance using docker driver\n\n#1 [internal] load build definition from Dockerfile\n#1 transferring dockerfile: 169B done\n#1 DONE 0.0s\n\n#6 [2/4] RUN echo hi\n#6 1.200 hi\n#6 DONE 1.3s\n');
    assert.equal(normalizeDockerTranscript(sim), normalizeDockerTranscript(real));
    assert.notEqual(normalizeDockerTranscript(sim.replace('169B', '170B')), normalizeDockerTranscript(real));
    assert.notEqual(normalizeDockerTranscript(sim.replace('#6 DONE 1.3s', '#6 CACHED')), normalizeDockerTranscript(real));
  });
});
