import { strict as assert } from 'node:assert';
import { dockerShell, ok, pulled, run } from './docker-storage.helpers';
import { LEAKS } from '../unit/helpers';

describe('docker container layer and image commands', () => {
  it('diff lists the layer sorted by path, A for new paths and C for the image\'s directories; volumes stay out', () => {
    const sh = pulled(dockerShell(), 'nginx');
    ok(sh, 'docker run -d --name web -v data:/data nginx');
    assert.equal(ok(sh, 'docker diff web'), 'A /data\n', 'the mount point the daemon made');
    ok(sh, `docker exec web sh -c 'echo hi > /tmp/x; echo page > /usr/share/nginx/html/extra.html; echo v > /data/in-volume; mkdirless=1; echo n > /app.conf'`);
    assert.equal(ok(sh, 'docker diff web'), 'A /app.conf\nC /tmp\nA /tmp/x\nC /usr\nC /usr/share\nC /usr/share/nginx\nC /usr/share/nginx/html\nA /usr/share/nginx/html/extra.html\nA /data\n');
    assert.deepEqual(run(sh, 'docker diff nope'), { stdout: '', stderr: 'Error response from daemon: No such container: nope\n', exitCode: 1 });
  });

  it('cp copies files both ways (also into a stopped container) and says nothing without a terminal; errors', () => {
    const sh = pulled(dockerShell(), 'nginx');
    ok(sh, 'docker run -d --name web nginx');
    assert.equal(ok(sh, 'docker cp /etc/hosts web:/tmp/hosts'), '');
    assert.equal(ok(sh, 'docker exec web cat /tmp/hosts'), ok(sh, 'cat /etc/hosts'));
    ok(sh, 'docker exec web sh -c "echo inside > /tmp/made"');
    ok(sh, 'docker cp web:/tmp/made /tmp/from-container');
    assert.equal(ok(sh, 'cat /tmp/from-container'), 'inside\n');
    ok(sh, 'docker stop web');
    ok(sh, 'docker cp /tmp/from-container web:/root/');
    ok(sh, 'docker start web');
    assert.equal(ok(sh, 'docker exec web cat /root/from-container'), 'inside\n');
    assert.deepEqual(run(sh, 'docker cp web:/nope /tmp/'), { stdout: '', stderr: 'Error response from daemon: Could not find the file /nope in container web\n', exitCode: 1 });
    assert.deepEqual(run(sh, 'docker cp /root/nope web:/tmp/'), { stdout: '', stderr: 'lstat /root/nope: no such file or directory\n', exitCode: 1 });
    assert.equal(run(sh, 'docker cp web:/a other:/b').stderr, 'copying between containers is not supported\n');
    assert.equal(run(sh, 'docker cp /a /b').stderr, 'must specify at least one container source\n');
    assert.equal(run(sh, 'docker cp ghost:/a /b').stderr, 'Error response from daemon: No such container: ghost\n');
  });

  it('commit makes an image with the layer; history shows the parent id and the message; the new image runs with the file', () => {
    const sh = pulled(dockerShell(), 'busybox');
    ok(sh, 'docker run -d --name box busybox sleep 1000');
    ok(sh, `docker exec box sh -c 'echo saved > /note'`);
    const id = ok(sh, 'docker commit -m "add note" -c "CMD [\\"cat\\", \\"/note\\"]" box box:noted').trim();
    assert.match(id, /^sha256:[0-9a-f]{64}$/);
    assert.equal(ok(sh, 'docker run --rm box:noted'), 'saved\n');
    const hist = ok(sh, 'docker history box:noted').split('\n');
    assert.match(hist[0]!, /^IMAGE\s+CREATED\s+CREATED BY\s+SIZE\s+COMMENT$/);
    assert.match(hist[1]!, new RegExp(`^${id.slice(7, 19)}\\s+Less than a second ago\\s+sleep 1000\\s+6B\\s+add note$`));
    const baseId = ok(sh, 'docker images -q busybox').trim();
    assert.match(hist[2]!, new RegExp(`^${baseId}\\s`), 'the base image keeps its id below the new layer');
    assert.equal(ok(sh, 'docker history -q box:noted').split('\n')[0], id.slice(7, 19));
    assert.match(ok(sh, 'docker history --no-trunc box:noted').split('\n')[1]!, new RegExp(`^${id}`));
    assert.deepEqual(run(sh, 'docker commit ghost'), { stdout: '', stderr: 'Error response from daemon: No such container: ghost\n', exitCode: 1 });
    assert.equal(run(sh, 'docker history ghost').stderr, 'Error response from daemon: No such image: ghost:latest\n');
  });

  it('export and import a container\'s filesystem through a tar file; save and load images', () => {
    const sh = pulled(dockerShell(), 'busybox');
    ok(sh, `docker run --name src busybox sh -c 'echo exported > /data.txt'`);
    ok(sh, 'docker export src -o /tmp/src.tar');
    assert.match(ok(sh, 'head -c 100 /tmp/src.tar | cat'), /^usr\/bin\/|^data\.txt/);
    const imported = ok(sh, 'docker import /tmp/src.tar flat:1').trim();
    assert.match(imported, /^sha256:[0-9a-f]{64}$/);
    assert.equal(ok(sh, 'docker run --rm flat:1 cat /data.txt'), 'exported\n');
    assert.match(ok(sh, 'docker history flat:1'), /Imported from -\n$/);
    const nocmd = run(sh, 'docker run flat:1');
    assert.equal(nocmd.stderr.split('\n')[0], 'docker: Error response from daemon: no command specified', 'an imported image has no CMD');
    assert.equal(nocmd.exitCode, 125);
    ok(sh, 'docker export src > /tmp/again.tar');
    assert.equal(ok(sh, 'cat /tmp/again.tar | wc -c'), ok(sh, 'cat /tmp/src.tar | wc -c'));
    ok(sh, 'docker image save busybox:latest -o /tmp/bb.tar');
    const before = ok(sh, 'docker images -q busybox');
    ok(sh, 'docker rm src');
    ok(sh, 'docker rmi busybox');
    assert.equal(ok(sh, 'docker image load -i /tmp/bb.tar'), 'Loaded image: busybox:latest\n');
    assert.equal(ok(sh, 'docker images -q busybox'), before, 'the same image id comes back');
    assert.deepEqual(run(sh, 'docker load -i /tmp/none.tar'), { stdout: '', stderr: 'open /tmp/none.tar: no such file or directory\n', exitCode: 1 });
    assert.deepEqual(run(sh, 'docker save nosuch'), { stdout: '', stderr: 'Error response from daemon: No such image: nosuch\n', exitCode: 1 });
    ok(sh, 'echo not a tar > /tmp/bad.tar');
    assert.equal(run(sh, 'docker load -i /tmp/bad.tar').stderr, 'Error response from daemon: unexpected EOF\n');
  });

  it('push to a registry:2 container on localhost:5000, again (layers exist), pull back; Docker Hub denies; nothing listening refuses', () => {
    const sh = pulled(dockerShell(), 'alpine', 'registry:2');
    assert.deepEqual(run(sh, 'docker push localhost:5000/alpine'), { stdout: 'Using default tag: latest\nThe push refers to repository [localhost:5000/alpine]\n', stderr: 'An image does not exist locally with the tag: localhost:5000/alpine\n', exitCode: 1 });
    ok(sh, 'docker tag alpine localhost:5000/alpine');
    const refused = run(sh, 'docker push localhost:5000/alpine');
    assert.deepEqual(refused, { stdout: 'Using default tag: latest\nThe push refers to repository [localhost:5000/alpine]\n', stderr: 'Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused\n', exitCode: 1 });
    ok(sh, 'docker run -d -p 5000:5000 --name registry registry:2');
    const layer = ok(sh, `docker image inspect -f '{{index .RootFS.Layers 0}}' alpine`).trim().slice(7, 19);
    const pushed = ok(sh, 'docker push localhost:5000/alpine');
    assert.match(pushed, new RegExp(`^Using default tag: latest\\nThe push refers to repository \\[localhost:5000/alpine\\]\\n${layer}: Preparing\\n${layer}: Pushed\\nlatest: digest: sha256:[0-9a-f]{64} size: \\d+\\n$`));
    assert.match(ok(sh, 'docker push localhost:5000/alpine'), new RegExp(`${layer}: Layer already exists\\n`));
    assert.equal(ok(sh, 'curl -s localhost:5000/v2/_catalog'), '{"repositories":["alpine"]}\n');
    ok(sh, 'docker rmi localhost:5000/alpine');
    assert.match(ok(sh, 'docker pull localhost:5000/alpine'), /^Using default tag: latest\nlatest: Pulling from alpine\n[\s\S]*Status: Downloaded newer image for localhost:5000\/alpine:latest\nlocalhost:5000\/alpine:latest\n$/);
    ok(sh, 'docker tag alpine tuhinal/my-app:latest');
    const hub = run(sh, 'docker push tuhinal/my-app:latest');
    assert.equal(hub.stdout, `The push refers to repository [docker.io/tuhinal/my-app]\n${layer}: Preparing\n`);
    assert.equal(hub.stderr, 'denied: requested access to the resource is denied\n');
    assert.equal(hub.exitCode, 1);
  });

  it('image prune removes dangling images (-a: every unused one); images --filter dangling=true; system df counts them', () => {
    const sh = pulled(dockerShell(), 'alpine', 'busybox');
    ok(sh, `echo 'FROM alpine' > Dockerfile`);
    ok(sh, `echo 'RUN echo one > /v' >> Dockerfile`);
    ok(sh, 'docker build -q -t app .');
    ok(sh, `echo 'RUN echo two > /w' >> Dockerfile`);
    ok(sh, 'docker build -q -t app .');
    const dangling = ok(sh, 'docker images -q --filter dangling=true').trim();
    const app = ok(sh, 'docker images -q app').trim();
    assert.equal(ok(sh, 'docker images -q --filter since=alpine --filter dangling=false'), `${app}\n`, 'built after alpine');
    assert.doesNotMatch(ok(sh, 'docker images -q --filter before=app'), new RegExp(app));
    assert.equal(run(sh, 'docker images --filter before=ghost').stderr, 'Error response from daemon: No such image: ghost\n');
    assert.match(dangling, /^[0-9a-f]{12}$/);
    assert.match(ok(sh, 'docker system df'), /^TYPE {12}TOTAL {5}ACTIVE {4}SIZE {6}RECLAIMABLE\nImages {10}4 {9}0 {9}\S+ {3,}\S+ \(100%\)\nContainers {6}0 {9}0 {9}0B {8}0B\nLocal Volumes {3}0 {9}0 {9}0B {8}0B\nBuild Cache {5}\d+ {9}0 {9}\S+ +\S+\n$/);
    assert.equal(run(sh, 'docker image prune').stdout, 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ');
    const pruned = ok(sh, 'docker image prune -f');
    // Its layers are the new image's lower layers: only the image itself goes, nothing is reclaimed.
    assert.match(pruned, new RegExp(`^Deleted Images:\\ndeleted: sha256:${dangling}[0-9a-f]{52}\\n\\nTotal reclaimed space: 0B\\n$`));
    assert.equal(ok(sh, 'docker images -q --filter dangling=true'), '');
    ok(sh, 'docker run -d --name keep busybox sleep 100');
    const all = ok(sh, 'docker image prune -af');
    assert.match(all, /untagged: alpine:latest\nuntagged: alpine@sha256:[0-9a-f]{64}\ndeleted: sha256:/);
    assert.match(all, /untagged: app:latest\n/);
    assert.doesNotMatch(all, /busybox/, 'an image a container uses stays');
    assert.equal(ok(sh, `docker images --format '{{.Repository}}'`).includes('busybox') || ok(sh, 'docker images').includes('busybox'), true);
  });

  it('never leaks internals on bad input', () => {
    const sh = dockerShell();
    for (const line of ['docker diff', 'docker cp', 'docker cp a', 'docker commit', 'docker history', 'docker push', 'docker save', 'docker load', 'docker load -i', 'docker export', 'docker import', 'docker import /nope', 'docker image prune --bogus', 'docker system df --bogus', 'docker system frob', 'docker images --filter nope=1', 'docker build --bogus .']) {
      const r = run(sh, line);
      assert.notEqual(r.exitCode, 0, line);
      assert.doesNotMatch(r.stdout + r.stderr, LEAKS, line);
    }
  });
});
