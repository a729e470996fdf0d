/**
 * Issue 4's published-port scenarios on the docker world (host eth0 192.168.1.2): a second
 * `-p 8080:80` fails as Engine 26 records it and leaves the container created; a container on a
 * user-defined network reaches <host IP>:8080 through docker-proxy (Docker's nat DOCKER chain
 * RETURNs what comes in on its bridges); static addresses with --ip.
 */
import { strict as assert } from 'node:assert';
import { ok, run, shell } from './shell.helpers';

describe('docker: published ports and user networks', () => {
  it('a second -p 8080:80 is created but not started: port is already allocated, State.Error, exit code 128', () => {
    const sh = shell();
    ok(sh, 'docker run -d --name web -p 8080:80 nginx');
    const iptablesBefore = ok(sh, 'iptables-save -t nat');
    const second = run(sh, 'docker run -d --name web2 -p 8080:80 nginx');
    assert.equal(second.exitCode, 125);
    assert.match(second.stdout, /^[0-9a-f]{64}\n$/);
    assert.match(second.stderr, /^docker: Error response from daemon: driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\n\nRun 'docker run --help' for more information\n$/);
    assert.equal(ok(sh, "docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' web2"), 'created 128\n');
    assert.match(ok(sh, "docker inspect -f '{{.State.Error}}' web2"), /: Bind for 0\.0\.0\.0:8080 failed: port is already allocated\n$/);
    assert.equal(ok(sh, 'iptables-save -t nat'), iptablesBefore, 'the failed start added no rules');
    const again = run(sh, 'docker start web2');
    assert.equal(again.exitCode, 1);
    assert.match(again.stderr, /port is already allocated\nError: failed to start containers: web2\n$/);
    ok(sh, 'docker rm -f web');
    assert.equal(ok(sh, 'docker start web2'), 'web2\n');
    assert.equal(ok(sh, "docker inspect -f '{{.State.Status}} {{.State.ExitCode}} [{{.State.Error}}]' web2"), 'running 0 []\n');
  });

  it('127.0.0.1:8080 next to 0.0.0.0:8080 (either order) is docker-proxy failing to listen', () => {
    const sh = shell();
    ok(sh, 'docker run -d --name any -p 8080:80 nginx');
    const local = run(sh, 'docker run -d --name local -p 127.0.0.1:8080:80 nginx');
    assert.equal(local.exitCode, 125);
    assert.match(local.stderr, /: Error starting userland proxy: listen tcp4 127\.0\.0\.1:8080: bind: address already in use\n/);
    // Another protocol on the same port is another socket.
    ok(sh, 'docker run -d --name dns -p 8080:80/udp nginx');
    // The other order (recorded too): the allocator is happy, the wildcard listen is not.
    const other = shell();
    ok(other, 'docker run -d --name local -p 127.0.0.1:8090:80 nginx');
    assert.match(run(other, 'docker run -d --name any -p 8090:80 nginx').stderr, /: Error starting userland proxy: listen tcp4 0\.0\.0\.0:8090: bind: address already in use\n/);
  });

  it('a container on a user network reaches <host IP>:8080 and docker0 172.17.0.1:8080 through docker-proxy', () => {
    const sh = shell();
    ok(sh, 'docker run -d --name web -p 8080:80 nginx');
    ok(sh, 'docker network create app');
    ok(sh, 'docker run -d --name client --network app busybox sleep 300');
    // The nat DOCKER chain returns what arrives on app's bridge: no DNAT, the host's own socket takes it.
    assert.match(ok(sh, 'iptables -t nat -S DOCKER'), /^-A DOCKER -i br-[0-9a-f]{12} -j RETURN$/m);
    for (const url of ['http://192.168.1.2:8080/', 'http://172.17.0.1:8080/']) {
      assert.match(ok(sh, `docker exec client wget -q -O - ${url}`), /<title>Welcome to nginx!<\/title>/, url);
    }
    // The proxy connects from the host: nginx sees docker0's address, not the client's.
    const access = ok(sh, 'docker logs web 2>/dev/null').split('\n').filter((l) => l.includes('"GET / HTTP/1.1"'));
    assert.deepEqual(access.map((l) => l.split(' ')[0]), ['172.17.0.1', '172.17.0.1']);
    // Nothing published on 8081: the host's kernel refuses.
    const refused = run(sh, 'docker exec client wget -q -O - http://192.168.1.2:8081/');
    assert.equal(refused.stderr, "wget: can't connect to remote host (192.168.1.2): Connection refused\n");
    // Once the publisher is gone, so is its proxy.
    ok(sh, 'docker stop web');
    assert.equal(run(sh, 'docker exec client wget -q -O - http://192.168.1.2:8080/').exitCode, 1);
  });

  it('--ip: a fixed address on a --subnet network, taken at start; refused elsewhere', () => {
    const sh = shell();
    ok(sh, 'docker network create --subnet 10.60.0.0/16 --gateway 10.60.0.254 --ip-range 10.60.1.0/24 e1');
    ok(sh, 'docker run -d --name s1 --network e1 busybox sleep 300');
    assert.equal(ok(sh, "docker inspect -f '{{.NetworkSettings.Networks.e1.IPAddress}}' s1"), '10.60.1.0\n');
    ok(sh, 'docker run -d --name s3 --network e1 --ip 10.60.2.7 busybox sleep 300');
    assert.equal(ok(sh, "docker inspect -f '{{.NetworkSettings.Networks.e1.IPAddress}} {{json .NetworkSettings.Networks.e1.IPAMConfig}}' s3"), '10.60.2.7 {"IPv4Address":"10.60.2.7"}\n');
    assert.match(ok(sh, 'docker exec s1 ping -c 1 10.60.2.7'), /1 packets received/);
    for (const [line, stderr] of [
      ['docker run -d --name s4 --network e1 --ip 10.60.2.7 busybox sleep 300', 'docker: Error response from daemon: Address already in use\n'],
      ['docker run -d --name s2 --network e1 --ip 10.60.0.254 busybox sleep 300', 'docker: Error response from daemon: Address already in use\n'],
    ] as const) {
      const r = run(sh, line);
      assert.equal(r.exitCode, 125, line);
      assert.ok(r.stderr.startsWith(stderr), r.stderr);
    }
    const outside = run(sh, 'docker run -d --name s6 --network e1 --ip 10.99.0.1 busybox sleep 300');
    assert.equal(outside.stdout, '', 'not even created');
    assert.ok(outside.stderr.startsWith('docker: Error response from daemon: invalid config for network e1: invalid endpoint settings:\nno configured subnet or ip-range contain the IP address 10.99.0.1\n'));
    const connect = run(sh, 'docker network connect --ip 10.10.5.5 e1 s1');
    assert.equal(connect.stderr, 'Error response from daemon: invalid endpoint settings:\nno configured subnet or ip-range contain the IP address 10.10.5.5\n');
    assert.equal(ok(sh, "docker ps -a --format '{{.Names}} {{.State}}'"), 's2 created\ns4 created\ns3 running\ns1 running\n');
  });
});
