/**
 * redis, httpd and postgres containers' listening sockets as ss and netstat list them in the
 * container's namespace. Recorded with test/oracle/docker/record-server-sockets.sh (each server
 * as PID 1 of its own namespaces, the images' listening settings; PIDs replaced by their role):
 *   redis-server 7.0.15
 *     LISTEN 0      511          0.0.0.0:6379      0.0.0.0:*    users:(("redis-server",pid=MAIN,fd=6))
 *     LISTEN 0      511             [::]:6379         [::]:*    users:(("redis-server",pid=MAIN,fd=7))
 *     tcp        0      0 0.0.0.0:6379            0.0.0.0:*               LISTEN      MAIN/redis-server *
 *   Apache 2.4 (Debian's binary is apache2; the httpd image's is httpd)
 *     LISTEN 0      511                *:80              *:*    users:(("apache2",pid=CHILD3,fd=3),("apache2",pid=CHILD2,fd=3),("apache2",pid=CHILD1,fd=3),("apache2",pid=MAIN,fd=3))
 *     tcp6       0      0 :::80                   :::*                    LISTEN      MAIN/apache2
 *   postgres 15.18
 *     LISTEN 0      244          0.0.0.0:5432      0.0.0.0:*    users:(("postgres",pid=MAIN,fd=6))
 *     LISTEN 0      244             [::]:5432         [::]:*    users:(("postgres",pid=MAIN,fd=5))
 *   curl to redis's and postgres's port: (52) Empty reply from server; to Apache's: a page.
 */
import { strict as assert } from 'node:assert';
import { ok, run, shell } from '../scenarios/shell.helpers';

function inNs(sh: ReturnType<typeof shell>, name: string, cmd: string): string[] {
  return ok(sh, `nsenter -t $(docker inspect -f '{{.State.Pid}}' ${name}) -n ${cmd}`).split('\n').filter(Boolean);
}

const pids = (sh: ReturnType<typeof shell>, name: string) => ok(sh, `docker top ${name} -o pid`).trim().split('\n').slice(1).map(Number);

describe("ss/netstat in a server container's namespace", () => {
  it('redis: 0.0.0.0:6379 fd 6 and [::]:6379 fd 7, backlog 511, netstat names its title', () => {
    const sh = shell();
    ok(sh, 'docker run -d --name r1 redis');
    const [main] = pids(sh, 'r1');
    assert.deepEqual(inNs(sh, 'r1', 'ss -tlnp'), [
      'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess                                ',
      `LISTEN 0      511          0.0.0.0:6379      0.0.0.0:*    users:(("redis-server",pid=${main},fd=6))`,
      `LISTEN 0      511             [::]:6379         [::]:*    users:(("redis-server",pid=${main},fd=7))`,
    ]);
    const netstat = inNs(sh, 'r1', 'netstat -tlnp');
    assert.equal(netstat[2], `tcp        0      0 0.0.0.0:6379            0.0.0.0:*               LISTEN      ${`${main}/redis-server *:6379`.slice(0, 19).padEnd(20)}`);
    assert.match(netstat[3]!, /^tcp6       0      0 :::6379 /);
  });

  it('httpd: one dual-stack *:80, fd 3, held by the children (newest first) and the parent', () => {
    const sh = shell();
    ok(sh, 'docker run -d --name h1 httpd');
    const [main, ...children] = pids(sh, 'h1');
    const users = [...children.sort((a, b) => b - a), main].map((p) => `("httpd",pid=${p},fd=3)`).join(',');
    assert.deepEqual(inNs(sh, 'h1', 'ss -tlnp'), ['State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess', `LISTEN 0      511                *:80              *:*    users:(${users})`]);
    assert.equal(inNs(sh, 'h1', 'netstat -tlnp')[2], `tcp6       0      0 :::80                   :::*                    LISTEN      ${`${main}/httpd`.padEnd(20)}`);
  });

  it('postgres: 0.0.0.0:5432 fd 6 and [::]:5432 fd 5, backlog 244, the postmaster only', () => {
    const sh = shell();
    ok(sh, 'docker run -d --name p1 -e POSTGRES_PASSWORD=x postgres');
    const [main] = pids(sh, 'p1');
    const ss = inNs(sh, 'p1', 'ss -tlnp');
    assert.deepEqual(ss.slice(1), [
      `LISTEN 0      244          0.0.0.0:5432      0.0.0.0:*    users:(("postgres",pid=${main},fd=6))`,
      `LISTEN 0      244             [::]:5432         [::]:*    users:(("postgres",pid=${main},fd=5))`,
    ]);
    assert.equal(inNs(sh, 'p1', 'netstat -tln').length, 4);
  });

  it('curl: redis and postgres close without a reply (52), httpd answers', () => {
    const sh = shell();
    ok(sh, 'docker run -d --name r1 redis');
    ok(sh, 'docker run -d --name p1 -e POSTGRES_PASSWORD=x postgres');
    ok(sh, 'docker run -d --name h1 httpd');
    const ip = (n: string) => ok(sh, `docker inspect -f '{{.NetworkSettings.IPAddress}}' ${n}`).trim();
    assert.equal(run(sh, `curl -sS http://${ip('r1')}:6379/`).stderr, 'curl: (52) Empty reply from server\n');
    assert.equal(run(sh, `curl -sS http://${ip('p1')}:5432/`).exitCode, 52);
    assert.equal(ok(sh, `curl -s http://${ip('h1')}/`), '<html><body><h1>It works!</h1></body></html>\n');
  });

  it('a container running another command, or stopped, listens nowhere; --network host lists them on the host', () => {
    const sh = shell();
    ok(sh, 'docker run -d --name r2 redis sleep 100');
    assert.deepEqual(inNs(sh, 'r2', 'ss -tln'), ['State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess']);
    ok(sh, 'docker run -d --name rh --network host redis');
    assert.match(ok(sh, 'ss -tln'), /0\.0\.0\.0:6379 /);
    ok(sh, 'docker stop rh');
    assert.doesNotMatch(ok(sh, 'ss -tln'), /6379/);
  });
});
