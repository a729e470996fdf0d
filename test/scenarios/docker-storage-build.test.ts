import { strict as assert } from 'node:assert';
import { dockerShell, ok, run } from './docker-storage.helpers';

const DOCKERFILE = ['FROM alpine', 'RUN echo hello > /greeting && echo built', 'COPY app.txt /app/', 'WORKDIR /app', 'ENV MODE=prod', 'EXPOSE 8080', 'CMD ["cat", "/greeting"]'];

function withFiles(lines: string[] = DOCKERFILE) {
  const sh = dockerShell();
  ok(sh, `echo '${lines[0]}' > Dockerfile`);
  for (const l of lines.slice(1)) ok(sh, `echo '${l}' >> Dockerfile`);
  ok(sh, 'echo app v1 > app.txt');
  return sh;
}

describe('docker build', () => {
  it('prints BuildKit plain progress on stderr: one vertex per FROM/RUN/COPY/WORKDIR, RUN output stamped, the image named', () => {
    const sh = withFiles();
    const r = run(sh, 'docker build -t myapp .');
    assert.equal(r.exitCode, 0, r.stderr);
    assert.equal(r.stdout, '');
    const id = ok(sh, `docker image inspect -f '{{.Id}}' myapp`).trim().replace('sha256:', '');
    assert.match(r.stderr, /^#0 building with "default" instance using docker driver\n\n#1 \[internal\] load build definition from Dockerfile\n#1 transferring dockerfile: \d+B done\n#1 DONE 0\.0s\n\n#2 \[internal\] load metadata for docker\.io\/library\/alpine:latest\n#2 DONE 0\.5s\n\n#3 \[internal\] load \.dockerignore\n#3 transferring context: 2B done\n#3 DONE 0\.0s\n\n#4 \[1\/4\] FROM docker\.io\/library\/alpine:latest@sha256:[0-9a-f]{64}\n#4 DONE 0\.0s\n\n#5 \[internal\] load build context\n#5 transferring context: 41B done\n#5 DONE 0\.0s\n\n#6 \[2\/4\] RUN echo hello > \/greeting && echo built\n#6 1\.200 built\n#6 DONE 1\.3s\n\n#7 \[3\/4\] COPY app\.txt \/app\/\n#7 DONE 0\.0s\n\n#8 \[4\/4\] WORKDIR \/app\n#8 DONE 0\.0s\n\n#9 exporting to image\n#9 exporting layers 0\.0s done\n/);
    assert.ok(r.stderr.endsWith(`#9 writing image sha256:${id} done\n#9 naming to docker.io/library/myapp done\n#9 DONE 0.1s\n`), r.stderr);
  });

  it('the image runs its CMD, has the COPY\'d file, the WORKDIR and the ENV', () => {
    const sh = withFiles();
    ok(sh, 'docker build -t myapp .');
    assert.equal(ok(sh, 'docker run --rm myapp'), 'hello\n');
    assert.equal(ok(sh, 'docker run --rm myapp cat /app/app.txt'), 'app v1\n');
    assert.equal(ok(sh, `docker run --rm myapp sh -c 'echo $MODE; pwd'`), 'prod\n/app\n');
    assert.equal(ok(sh, `docker image inspect -f '{{json .Config.ExposedPorts}}' myapp`), '{"8080/tcp":{}}\n');
    ok(sh, 'docker run -d --name once myapp');
    assert.equal(ok(sh, 'docker logs once'), 'hello\n', 'detached, its output is in the logs');
    assert.match(ok(sh, 'docker ps -a --format "{{.Status}}" --filter name=once'), /^Exited \(0\)/);
  });

  it('a rebuild hits the cache (CACHED), keeps the image id; a changed file rebuilds from that step', () => {
    const sh = withFiles();
    ok(sh, 'docker build -t myapp .');
    const first = ok(sh, 'docker images -q myapp');
    const again = run(sh, 'docker build -t myapp .');
    assert.match(again.stderr, /#5 \[internal\] load build context\n#5 transferring context: 28B done\n/, 'an unchanged file is not sent again');
    // Recorded (Engine 26.1): a whole cache hit reports the steps last-but-one first, then the last.
    assert.match(again.stderr, /#6 \[3\/4\] COPY app\.txt \/app\/\n#6 CACHED\n\n#7 \[2\/4\] RUN echo hello > \/greeting && echo built\n#7 CACHED\n\n#8 \[4\/4\] WORKDIR \/app\n#8 CACHED\n/);
    assert.match(again.stderr, /#9 exporting layers done\n/);
    assert.match(again.stderr, /#4 \[1\/4\] FROM docker\.io\/library\/alpine:latest@sha256:[0-9a-f]{64}\n#4 DONE 0\.0s\n/, 'a build that exports shows its FROM done');
    assert.equal(ok(sh, 'docker images -q myapp'), first);
    ok(sh, 'echo app v2 > app.txt');
    const changed = run(sh, 'docker build -t myapp .');
    assert.match(changed.stderr, /#6 CACHED\n/);
    assert.match(changed.stderr, /#7 \[3\/4\] COPY app\.txt \/app\/\n#7 DONE 0\.0s\n/);
    assert.notEqual(ok(sh, 'docker images -q myapp'), first);
    assert.match(ok(sh, 'docker images'), new RegExp(`<none>\\s+<none>\\s+${first.trim()}`), 'the old image is dangling');
    const nocache = run(sh, 'docker build --no-cache -q -t myapp .');
    assert.match(nocache.stdout, /^sha256:[0-9a-f]{64}\n$/);
    assert.equal(nocache.stderr, '');
  });

  it('a failing RUN prints the step error, the box with its output, the Dockerfile excerpt, exit 1, and tags nothing', () => {
    const sh = withFiles(['FROM busybox', 'RUN echo before; cat /nope', 'CMD ["true"]']);
    const r = run(sh, 'docker build -t broken .');
    assert.equal(r.exitCode, 1);
    assert.ok(r.stderr.endsWith(`#5 [2/2] RUN echo before; cat /nope
#5 1.200 before
#5 1.201 cat: can't open '/nope': No such file or directory
#5 ERROR: process "/bin/sh -c echo before; cat /nope" did not complete successfully: exit code: 1
------
 > [2/2] RUN echo before; cat /nope:
1.200 before
1.201 cat: can't open '/nope': No such file or directory
------
Dockerfile:2
--------------------
   1 |     FROM busybox
   2 | >>> RUN echo before; cat /nope
   3 |     CMD ["true"]
   4 |     
--------------------
ERROR: failed to solve: process "/bin/sh -c echo before; cat /nope" did not complete successfully: exit code: 1
`), r.stderr);
    assert.equal(ok(sh, 'docker images -q broken'), '');
  });

  it('parse errors carry the line; a missing COPY source, a missing base image, a missing Dockerfile or context', () => {
    const sh = withFiles(['FROM alpine', 'RUN true', 'FOO bar']);
    const bad = run(sh, 'docker build .');
    assert.equal(bad.exitCode, 1);
    assert.ok(bad.stderr.endsWith(`Dockerfile:3
--------------------
   1 |     FROM alpine
   2 |     RUN true
   3 | >>> FOO bar
   4 |     
--------------------
ERROR: failed to solve: dockerfile parse error on line 3: unknown instruction: FOO (did you mean FROM?)
`), bad.stderr);
    ok(sh, `echo 'FROM alpine' > Dockerfile`);
    ok(sh, `echo 'COPY missing.txt /' >> Dockerfile`);
    assert.match(run(sh, 'docker build .').stderr, /ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}::[a-z0-9]{25}: "\/missing\.txt": not found\n$/);
    ok(sh, `echo 'FROM nosuchimage' > Dockerfile`);
    assert.match(run(sh, 'docker build .').stderr, /#2 ERROR: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed\n[\s\S]*ERROR: failed to solve: nosuchimage: failed to resolve source metadata for docker\.io\/library\/nosuchimage:latest: pull access denied/);
    assert.match(run(sh, 'docker build -f Nope.dockerfile .').stderr, /ERROR: failed to solve: failed to read dockerfile: open Nope.dockerfile: no such file or directory\n$/);
    assert.deepEqual(run(sh, 'docker build nowhere'), { stdout: '', stderr: 'ERROR: unable to prepare context: path "nowhere" not found\n', exitCode: 1 });
    assert.equal(run(sh, 'docker build').stderr.split('\n')[0], 'ERROR: "docker buildx build" requires exactly 1 argument.');
    assert.equal(run(sh, 'docker build -t Bad .').stderr, 'ERROR: invalid tag "Bad": repository name must be lowercase\n');
  });

  it('ARG with --build-arg, LABEL, USER, ENTRYPOINT, -f, apt-get in RUN installs a program into the image; shell-form CMD gives no warning (BuildKit 0.13)', () => {
    const sh = withFiles(['ARG BASE=ubuntu', 'FROM $BASE', 'ARG GREETING=hi', 'LABEL team=net', 'RUN apt-get update && apt-get install -y iputils-ping', 'RUN echo $GREETING > /g', 'USER nobody', 'CMD cat /g']);
    const r = run(sh, 'docker build --build-arg GREETING=hello -t tools .');
    assert.equal(r.exitCode, 0, r.stderr);
    assert.match(r.stderr, /FROM docker\.io\/library\/ubuntu:latest@sha256/);
    assert.ok(r.stderr.endsWith('naming to docker.io/library/tools done\n#7 DONE 0.1s\n'), r.stderr);
    assert.equal(ok(sh, 'docker run --rm tools'), 'hello\n');
    assert.equal(ok(sh, `docker image inspect -f '{{.Config.User}} {{json .Config.Labels}}' tools`), 'nobody {"team":"net"}\n');
    assert.equal(run(sh, 'docker run --rm tools ping -c 1 127.0.0.1').exitCode, 0, 'ping installed by the RUN step');
    assert.equal(run(sh, 'docker run --rm ubuntu ping -c 1 127.0.0.1').exitCode, 127, 'the base image still lacks ping');
    ok(sh, `echo 'FROM alpine' > Other.dockerfile`);
    ok(sh, `echo 'ENTRYPOINT ["echo", "from"]' >> Other.dockerfile`);
    ok(sh, `echo 'CMD ["other"]' >> Other.dockerfile`);
    const other = run(sh, 'docker build -f Other.dockerfile -t other .');
    assert.match(other.stderr, /#1 \[internal\] load build definition from Other\.dockerfile\n/);
    assert.equal(ok(sh, 'docker run --rm other'), 'from other\n');
  });
});
