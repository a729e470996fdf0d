import { strict as assert } from 'node:assert';
import type { Shell } from '../../src/shell/shell';
import { ok, run, shell } from './shell.helpers';

function withRegistry(preset: string, env = ''): Shell {
  const sh = shell(preset);
  ok(sh, `docker run -d -p 5000:5000 ${env} --name registry registry:2`);
  ok(sh, 'docker pull busybox');
  ok(sh, 'docker tag busybox localhost:5000/box');
  ok(sh, 'docker push localhost:5000/box');
  return sh;
}

describe('registry:2 lifecycle', () => {
  it('the HTTP API: /v2/, catalog, tags, manifests with their digest; distribution\'s errors', () => {
    const sh = withRegistry('docker');
    assert.equal(ok(sh, 'curl -s localhost:5000/v2/'), '{}');
    assert.equal(ok(sh, 'curl -s localhost:5000/v2/_catalog'), '{"repositories":["box"]}\n');
    assert.equal(ok(sh, 'curl -s localhost:5000/v2/box/tags/list'), '{"name":"box","tags":["latest"]}\n');
    const head = ok(sh, 'curl -s -I localhost:5000/v2/box/manifests/latest');
    assert.match(head, /^HTTP\/1\.1 200 OK\r\nContent-Type: application\/vnd\.docker\.distribution\.manifest\.v2\+json\r\nDocker-Distribution-Api-Version: registry\/2\.0\r\nDocker-Content-Digest: sha256:[0-9a-f]{64}\r\n/);
    assert.match(ok(sh, 'curl -s localhost:5000/v2/box/manifests/latest'), /^\{\n   "schemaVersion": 2,\n   "mediaType": "application\/vnd\.docker\.distribution\.manifest\.v2\+json",/);
    assert.equal(ok(sh, 'curl -s localhost:5000/v2/nope/tags/list'), '{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry","detail":{"name":"nope"}}]}\n');
    assert.equal(ok(sh, 'curl -s localhost:5000/v2/box/manifests/v9'), '{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"v9"}}]}\n');
    assert.equal(ok(sh, 'curl -s localhost:5000/nothing'), '404 page not found\n');
    assert.match(ok(sh, 'docker logs registry'), /"GET \/v2\/_catalog HTTP\/1\.1" 200 25 "" "curl\/7\.88\.1"/);
  });

  it('delete: refused by default (UNSUPPORTED), accepted with REGISTRY_STORAGE_DELETE_ENABLED=true; the tag disappears', () => {
    const off = withRegistry('docker');
    const digest = /Docker-Content-Digest: (sha256:[0-9a-f]{64})/.exec(ok(off, 'curl -s -I localhost:5000/v2/box/manifests/latest'))![1]!;
    assert.equal(ok(off, `curl -s -X DELETE localhost:5000/v2/box/manifests/${digest}`), '{"errors":[{"code":"UNSUPPORTED","message":"The operation is unsupported."}]}\n');
    const on = withRegistry('docker', '-e REGISTRY_STORAGE_DELETE_ENABLED=true');
    assert.match(ok(on, `curl -s -i -X DELETE localhost:5000/v2/box/manifests/${digest}`), /^HTTP\/1\.1 202 Accepted\r\n/);
    assert.equal(ok(on, 'curl -s localhost:5000/v2/box/tags/list'), '{"name":"box","tags":null}\n');
    assert.equal(ok(on, 'curl -s localhost:5000/v2/_catalog'), '{"repositories":["box"]}\n', 'the repository stays listed');
    ok(on, 'docker rmi localhost:5000/box');
    assert.equal(run(on, 'docker pull localhost:5000/box').stderr, 'Error response from daemon: manifest for localhost:5000/box:latest not found: manifest unknown: manifest unknown\n');
  });

  it('pull from another host: HTTPS to a plain-HTTP registry fails until daemon.json lists it in insecure-registries', () => {
    const sh = withRegistry('multi-host');
    assert.deepEqual(run(sh, 'ssh node2 docker pull 192.168.1.11:5000/box'), { stdout: 'Using default tag: latest\n', stderr: 'Error response from daemon: Get "https://192.168.1.11:5000/v2/": http: server gave HTTP response to HTTPS client\n', exitCode: 1 });
    ok(sh, `ssh node2 "echo '{\\"insecure-registries\\": [\\"192.168.1.11:5000\\"]}' > /etc/docker/daemon.json"`);
    assert.match(ok(sh, 'ssh node2 docker pull 192.168.1.11:5000/box'), /Status: Downloaded newer image for 192\.168\.1\.11:5000\/box:latest\n192\.168\.1\.11:5000\/box:latest\n$/);
    assert.equal(run(sh, 'ssh node3 docker pull 192.168.1.11:5001/box').stderr, 'Error response from daemon: Get "https://192.168.1.11:5001/v2/": dial tcp 192.168.1.11:5001: connect: connection refused\n');
    ok(sh, 'docker stop registry');
    assert.equal(run(sh, 'docker push localhost:5000/box').stderr, 'Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused\n');
  });
});
