/**
 * nginx's sockets in its container's namespace and docker-proxy's on the host. The nginx rows
 * were recorded from nginx 1.22.1 (Debian 12) run with the official image's nginx.conf and
 * default.conf in an unshare sandbox (PIDs 8050 master, 8052/8053 workers there):
 *   LISTEN 0      511          0.0.0.0:80        0.0.0.0:*    users:(("nginx",pid=8053,fd=5),("nginx",pid=8052,fd=5),("nginx",pid=8050,fd=5))
 *   LISTEN 0      511             [::]:80           [::]:*    users:(("nginx",pid=8053,fd=6),("nginx",pid=8052,fd=6),("nginx",pid=8050,fd=6))
 *   tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      8050/nginx: master
 * docker-proxy's rows are in the Docker oracle (test/golden/docker/sockets.txt).
 */
import { strict as assert } from 'node:assert';
import { ok, shell } from '../scenarios/shell.helpers';

describe('ss/netstat: servers inside containers, docker-proxy on the host', () => {
  it('nsenter into an nginx container: 0.0.0.0:80 and [::]:80, workers then master, as recorded', () => {
    const sh = shell('docker');
    ok(sh, 'docker run -d --name web -p 8080:80 nginx');
    const pids = ok(sh, "docker top web -o pid").trim().split('\n').slice(1).map(Number);
    const [master, w1, w2] = [pids[0]!, pids[1]!, pids[2]!];
    const users = (fd: number) => `users:(("nginx",pid=${w2},fd=${fd}),("nginx",pid=${w1},fd=${fd}),("nginx",pid=${master},fd=${fd}))`;
    const ss = ok(sh, `nsenter -t ${master} -n ss -tlnp`).split('\n');
    assert.equal(ss[1], `LISTEN 0      511          0.0.0.0:80        0.0.0.0:*    ${users(5)}`);
    assert.equal(ss[2], `LISTEN 0      511             [::]:80           [::]:*    ${users(6)}`);
    assert.match(ok(sh, `nsenter -t ${master} -n netstat -tlnp`), new RegExp(`\\ntcp        0      0 0\\.0\\.0\\.0:80              0\\.0\\.0\\.0:\\*               LISTEN      ${master}/nginx: master  \\ntcp6 `));
    assert.doesNotMatch(ok(sh, 'ss -tln'), /:80 /, 'the host namespace has only docker-proxy on 8080');
    const proxies = [...ok(sh, 'ss -tlnp').matchAll(/docker-proxy",pid=(\d+)/g)].map((m) => Number(m[1]));
    assert.equal(proxies.length, 2);
    assert.ok(proxies.every((p) => p < master && !pids.includes(p)), 'the proxies have PIDs of their own, below the container\'s');
  });

  it('a stopped container listens nowhere', () => {
    const sh = shell('docker');
    ok(sh, 'docker run -d --name web -p 8080:80 nginx');
    const pid = ok(sh, "docker inspect -f '{{.State.Pid}}' web").trim();
    ok(sh, 'docker stop web');
    assert.equal(ok(sh, 'ss -tln'), 'State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n');
    assert.notEqual(pid, '0');
  });
});
