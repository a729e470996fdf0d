import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';
import { LEAKS } from '../unit/helpers';

function dockerShell(): Shell {
  const { world, host } = createWorld('docker')!;
  return new Shell(world, host);
}

function run(sh: Shell, line: string) {
  const r = sh.run(line);
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

function ok(sh: Shell, line: string): string {
  const r = run(sh, line);
  assert.equal(r.exitCode, 0, `${line}: ${r.stderr}`);
  return r.stdout;
}

const FILTER_FRESH = `-P INPUT ACCEPT
-P FORWARD DROP
-P OUTPUT ACCEPT
-N DOCKER
-N DOCKER-ISOLATION-STAGE-1
-N DOCKER-ISOLATION-STAGE-2
-N DOCKER-USER
-A FORWARD -j DOCKER-USER
-A FORWARD -j DOCKER-ISOLATION-STAGE-1
-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A FORWARD -o docker0 -j DOCKER
-A FORWARD -i docker0 ! -o docker0 -j ACCEPT
-A FORWARD -i docker0 -o docker0 -j ACCEPT
-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
-A DOCKER-ISOLATION-STAGE-1 -j RETURN
-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
-A DOCKER-ISOLATION-STAGE-2 -j RETURN
-A DOCKER-USER -j RETURN
`;

const NAT_FRESH = `-P PREROUTING ACCEPT
-P INPUT ACCEPT
-P OUTPUT ACCEPT
-P POSTROUTING ACCEPT
-N DOCKER
-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
-A DOCKER -i docker0 -j RETURN
`;

describe('docker world', () => {
  it('a fresh daemon: docker0 172.17.0.1/16 without carrier, ip_forward=1, Docker 27 chains', () => {
    const sh = dockerShell();
    assert.equal(ok(sh, 'iptables -S'), FILTER_FRESH);
    assert.equal(ok(sh, 'iptables -t nat -S'), NAT_FRESH);
    assert.equal(ok(sh, 'sysctl net.ipv4.ip_forward'), 'net.ipv4.ip_forward = 1\n');
    const docker0 = ok(sh, 'ip addr show docker0');
    assert.match(docker0, /^3: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default/);
    assert.match(docker0, /inet 172\.17\.0\.1\/16 brd 172\.17\.255\.255 scope global docker0/);
    assert.equal(ok(sh, 'docker ps'), 'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
    assert.equal(ok(sh, 'docker images'), 'REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n');
  });

  it('the bare world has no daemon', () => {
    const { world, host } = createWorld('bare')!;
    const r = new Shell(world, host).run('docker ps');
    assert.equal(r.exitCode, 1);
    assert.match(r.stderr, /Cannot connect to the Docker daemon at unix:\/\/\/var\/run\/docker.sock/);
  });
});

describe('docker: seed 002 walkthrough (run -d -p 80:80 --name my-nginx nginx)', () => {
  it('pull, run, ps, the container namespace, published port rules, curl through DNAT and the access log', () => {
    const sh = dockerShell();
    const pull = run(sh, 'docker pull nginx');
    assert.match(pull.stdout, /^Using default tag: latest\nlatest: Pulling from library\/nginx\n([0-9a-f]{12}: Pull complete\n){7}Digest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for nginx:latest\ndocker\.io\/library\/nginx:latest\n$/);
    assert.match(ok(sh, 'docker pull nginx'), /Status: Image is up to date for nginx:latest/);
    assert.match(ok(sh, 'docker images'), /^REPOSITORY   TAG       IMAGE ID       CREATED       SIZE\nnginx        latest    [0-9a-f]{12}   \d+ weeks ago   192MB\n$/);
    const id = ok(sh, 'docker run -d -p 80:80 --name my-nginx nginx').trim();
    assert.match(id, /^[0-9a-f]{64}$/);
    sh.world.clock.advance(3000);
    const ps = ok(sh, 'docker ps');
    assert.equal(ps, `CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS         PORTS                                 NAMES\n${id.slice(0, 12)}   nginx     "/docker-entrypoint.…"   3 seconds ago   Up 3 seconds   0.0.0.0:80->80/tcp, [::]:80->80/tcp   my-nginx\n`);
    assert.match(ok(sh, 'iptables -S DOCKER'), /-A DOCKER -d 172\.17\.0\.2\/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT\n/);
    assert.match(ok(sh, 'iptables -t nat -S'), /-A POSTROUTING -s 172\.17\.0\.2\/32 -d 172\.17\.0\.2\/32 -p tcp -m tcp --dport 80 -j MASQUERADE\n-A DOCKER -i docker0 -j RETURN\n-A DOCKER ! -i docker0 -p tcp -m tcp --dport 80 -j DNAT --to-destination 172\.17\.0\.2:80\n$/);
    const hosts = ok(sh, `docker exec ${id.slice(0, 12)} cat /etc/hosts`);
    assert.equal(hosts, `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n172.17.0.2\t${id.slice(0, 12)}\n`);
    assert.equal(ok(sh, 'docker exec -it my-nginx hostname'), id.slice(0, 12) + '\n');
    assert.match(ok(sh, 'ip link show master docker0'), /veth[0-9a-f]{7}@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP/);
    assert.match(ok(sh, 'curl localhost'), /<title>Welcome to nginx!<\/title>/);
    assert.match(ok(sh, 'curl -I 192.168.1.2'), /^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.27\.3\r\n/);
    const logs = run(sh, 'docker logs my-nginx');
    assert.match(logs.stdout, /172\.17\.0\.1 - - \[15\/Jan\/2026:09:30:03 \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/7\.88\.1" "-"\n/);
    assert.match(logs.stderr, /\[notice\] 1#1: start worker processes/);
    assert.equal(ok(sh, 'docker port my-nginx'), '80/tcp -> 0.0.0.0:80\n80/tcp -> [::]:80\n');
    assert.equal(ok(sh, "docker inspect -f '{{.NetworkSettings.IPAddress}} {{.State.Status}} {{.Name}}' my-nginx"), '172.17.0.2 running /my-nginx\n');
  });

  it('the LAN machine reaches the published port through DNAT in PREROUTING', () => {
    const sh = dockerShell();
    ok(sh, 'docker run -d -p 8080:80 --name web nginx');
    const lan = sh.world.hostByName('lanhost')!;
    const other = new Shell(sh.world, lan);
    assert.match(ok(other, 'curl 192.168.1.2:8080'), /Welcome to nginx!/);
    assert.match(ok(sh, 'docker logs web 2>/dev/null'), /^192\.168\.1\.3 - - /m);
    assert.match(ok(sh, 'iptables -t nat -L DOCKER -n -v'), /DNAT/);
  });

  it('container to container on the default bridge, and --link writes /etc/hosts', () => {
    const sh = dockerShell();
    ok(sh, 'docker run -d --name my-nginx1 nginx');
    ok(sh, 'docker run -d --name client --link my-nginx1:web alpine sleep 600');
    assert.match(ok(sh, 'docker exec client cat /etc/hosts'), /172\.17\.0\.2\tweb [0-9a-f]{12} my-nginx1\n172\.17\.0\.3\t[0-9a-f]{12}\n$/);
    assert.match(ok(sh, 'docker exec client wget -qO- web'), /Welcome to nginx!/);
    assert.match(ok(sh, 'docker exec client ping -c 1 172.17.0.2'), /^PING 172\.17\.0\.2 \(172\.17\.0\.2\): 56 data bytes\n64 bytes from 172\.17\.0\.2: seq=0 ttl=64 time=\d+\.\d{3} ms\n\n--- 172\.17\.0\.2 ping statistics ---\n1 packets transmitted, 1 packets received, 0% packet loss\nround-trip min\/avg\/max = /);
    const dns = run(sh, 'docker exec client nslookup my-nginx1');
    assert.equal(dns.exitCode, 1, 'no embedded DNS on the default bridge');
  });
});

describe('docker: user-defined networks', () => {
  it('IPAM from the default pools, br-<id> bridges, embedded DNS with aliases, isolation from docker0', () => {
    const sh = dockerShell();
    const id = ok(sh, 'docker network create mynet').trim();
    ok(sh, 'docker network create other');
    assert.match(ok(sh, 'docker network ls'), new RegExp(`^NETWORK ID     NAME      DRIVER    SCOPE\n[0-9a-f]{12}   bridge    bridge    local\n[0-9a-f]{12}   host      host      local\n${id.slice(0, 12)}   mynet     bridge    local\n`));
    assert.match(ok(sh, `ip -br addr show br-${id.slice(0, 12)}`), /172\.18\.0\.1\/16/);
    assert.match(ok(sh, "docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' other"), /^172\.19\.0\.0\/16\n$/);
    ok(sh, 'docker run -d --name customfirst --network mynet alpine sleep 600');
    ok(sh, 'docker run -d --name customsecond --network mynet --network-alias db nginx');
    assert.match(ok(sh, 'docker exec customfirst cat /etc/resolv.conf'), /nameserver 127\.0\.0\.11\noptions ndots:0\n/);
    assert.match(ok(sh, 'docker exec customfirst nslookup customsecond'), /Name:\tcustomsecond\nAddress: 172\.18\.0\.3\n/);
    assert.equal(ok(sh, 'docker exec customfirst getent hosts db'), '172.18.0.3      db\n');
    assert.match(ok(sh, 'docker exec customfirst wget -qO- http://db/'), /Welcome to nginx!/);
    ok(sh, 'docker run -d --name outsider alpine sleep 600');
    assert.match(run(sh, 'docker exec outsider ping -c 1 -W 1 172.18.0.3').stdout, /1 packets transmitted, 0 packets received, 100% packet loss/);
    assert.match(ok(sh, 'docker exec -it customfirst ping -c 1 customsecond'), /^PING customsecond \(172\.18\.0\.3\): 56 data bytes\n64 bytes from 172\.18\.0\.3: seq=0/);
    assert.match(ok(sh, 'docker exec customfirst ping -c 1 db'), /1 packets received/);
    assert.equal(run(sh, 'docker exec customfirst ping -c 1 nothere').stderr, "ping: bad address 'nothere'\n");
    assert.equal(run(sh, 'docker exec outsider ping -c 1 customsecond').exitCode, 1, 'no embedded DNS on the default bridge');
    assert.match(ok(sh, 'iptables -S DOCKER-ISOLATION-STAGE-2'), new RegExp(`-A DOCKER-ISOLATION-STAGE-2 -o br-${id.slice(0, 12)} -j DROP`));
    const rm = run(sh, 'docker network rm mynet');
    assert.equal(rm.exitCode, 1);
    assert.equal(rm.stderr, `Error response from daemon: error while removing network: network mynet id ${id} has active endpoints\nexit status 1\n`);
  });
});

describe('docker: errors and exit codes', () => {
  const cases: Array<{ setup: string[]; line: string; stderr: string | RegExp; code: number }> = [
    { setup: [], line: 'docker rm nope', stderr: 'Error response from daemon: No such container: nope\n', code: 1 },
    { setup: [], line: 'docker stop nope', stderr: 'Error response from daemon: No such container: nope\n', code: 1 },
    { setup: [], line: 'docker frobnicate', stderr: "docker: 'frobnicate' is not a docker command.\nSee 'docker --help'\n", code: 1 },
    { setup: [], line: 'docker run nosuchimage', stderr: "Unable to find image 'nosuchimage:latest' locally\ndocker: Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n\nRun 'docker run --help' for more information\n", code: 125 },
    { setup: [], line: 'docker pull nginx:nope', stderr: 'Error response from daemon: manifest for nginx:nope not found: manifest unknown: manifest unknown\n', code: 1 },
    { setup: ['docker run -d --name web nginx'], line: 'docker run -d --name web nginx', stderr: /^docker: Error response from daemon: Conflict\. The container name "\/web" is already in use by container "[0-9a-f]{64}"\. You have to remove \(or rename\) that container to be able to reuse that name\.\n\nRun 'docker run --help' for more information\n$/, code: 125 },
    { setup: ['docker run -d --name web nginx'], line: 'docker rm web', stderr: 'Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove\n', code: 1 },
    { setup: ['docker run -d -p 8080:80 --name web nginx'], line: 'docker run -d -p 8080:80 --name web2 nginx', stderr: /docker: Error response from daemon: driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated\n\nRun 'docker run --help' for more information\n$/, code: 125 },
    { setup: ['docker run -d --name web nginx'], line: 'docker exec web ping -c 1 172.17.0.1', stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "ping": executable file not found in $PATH: unknown\n', code: 127 },
    { setup: ['docker create --name idle nginx'], line: 'docker exec idle ls', stderr: /^Error response from daemon: container [0-9a-f]{64} is not running\n$/, code: 1 },
    { setup: [], line: 'docker run --bogus nginx', stderr: "unknown flag: --bogus\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n", code: 125 },
    { setup: [], line: 'docker network rm nonet', stderr: 'Error response from daemon: network nonet not found\nexit status 1\n', code: 1 },
    { setup: ['docker network create dup'], line: 'docker network create dup', stderr: 'Error response from daemon: network with name dup already exists\n', code: 1 },
    { setup: [], line: 'docker network rm bridge', stderr: 'Error response from daemon: bridge is a pre-defined network and cannot be removed\nexit status 1\n', code: 1 },
    { setup: [], line: 'docker run ubuntu nosuchcmd', stderr: /exec: "nosuchcmd": executable file not found in \$PATH: unknown\n\nRun 'docker run --help' for more information\n$/, code: 127 },
  ];
  for (const c of cases) {
    it(`${c.line} -> exit ${c.code}`, () => {
      const sh = dockerShell();
      for (const s of c.setup) ok(sh, s);
      const r = run(sh, c.line);
      assert.equal(r.exitCode, c.code, r.stderr);
      if (typeof c.stderr === 'string') assert.equal(r.stderr, c.stderr);
      else assert.match(r.stderr, c.stderr);
    });
  }

  it('a failing run leaves iptables and links as they were', () => {
    const sh = dockerShell();
    ok(sh, 'docker run -d -p 8080:80 --name web nginx');
    const before = ok(sh, 'iptables-save') + ok(sh, 'ip link');
    run(sh, 'docker run -d -p 8080:80 --name web2 nginx');
    assert.equal(ok(sh, 'iptables-save') + ok(sh, 'ip link'), before);
  });
});

describe('docker: lifecycle', () => {
  it('stop, Exited status on the simulated clock, start again, rm -f tears the sandbox down', () => {
    const sh = dockerShell();
    ok(sh, 'docker run -d --name web -p 8080:80 nginx');
    ok(sh, 'docker run -d --name sleeper busybox sleep 30');
    ok(sh, 'docker stop web');
    sh.world.clock.advance(120_000);
    const ps = ok(sh, 'docker ps -a');
    assert.match(ps, /Exited \(0\) 2 minutes ago/);
    assert.match(ps, /busybox   "sleep 30"/);
    assert.match(ps, /Exited \(0\) About a minute ago .*sleeper/);
    assert.doesNotMatch(ok(sh, 'iptables -t nat -S'), /DNAT/);
    assert.equal(ok(sh, 'docker start web'), 'web\n');
    assert.match(ok(sh, 'iptables -t nat -S'), /DNAT --to-destination 172\.17\.0\.2:80/);
    assert.equal(ok(sh, 'docker ps -q').split('\n').length, 2);
    assert.equal(ok(sh, 'docker rm -f web'), 'web\n');
    assert.doesNotMatch(ok(sh, 'ip link'), /veth/);
    assert.equal(ok(sh, 'docker run --rm ubuntu echo hello'), 'hello\n');
    assert.equal(ok(sh, 'docker ps -aq').trim().split('\n').length, 1);
    const kill = run(sh, 'docker run -d --name kk alpine sleep 900');
    assert.equal(kill.exitCode, 1 - 1);
    assert.equal(ok(sh, 'docker kill kk'), 'kk\n');
    assert.match(ok(sh, "docker ps -a --format '{{.Names}}: {{.Status}}'"), /k: Exited \(137\) Less than a second ago/);
  });

  it('apt-get installs ping into a Debian image', () => {
    const sh = dockerShell();
    ok(sh, 'docker run -dit --name deb ubuntu');
    assert.equal(run(sh, 'docker exec deb ping -c 1 172.17.0.1').exitCode, 127);
    assert.equal(run(sh, 'docker exec deb apt-get install -y iputils-ping').exitCode, 100);
    ok(sh, 'docker exec deb apt-get update');
    assert.match(ok(sh, 'docker exec deb apt-get install -y iputils-ping'), /Setting up iputils-ping/);
    assert.match(ok(sh, 'docker exec deb ping -c 1 172.17.0.1'), /1 received/);
  });
});

describe('docker: seed 002 commands', () => {
  it('pause/unpause, image inspect -f, tag, network connect/disconnect, /etc/lsb-release, kill --signal=9', () => {
    const sh = dockerShell();
    ok(sh, 'docker run -d --name web nginx');
    assert.equal(ok(sh, 'docker pause web'), 'web\n');
    assert.match(ok(sh, 'docker ps'), /Up Less than a second \(Paused\)/);
    assert.match(run(sh, 'docker exec web ls').stderr, /^Error response from daemon: Container web is paused, unpause the container before exec\n$/);
    assert.equal(ok(sh, 'docker unpause web'), 'web\n');
    assert.equal(ok(sh, "docker image inspect httpd -f '{{.Architecture}} {{.Os}}'".replace('httpd', 'nginx')), 'amd64 linux\n');
    ok(sh, 'docker tag nginx:latest nginx:test1');
    assert.match(ok(sh, 'docker images'), /nginx        test1     [0-9a-f]{12}/);
    ok(sh, 'docker network create net1');
    ok(sh, 'docker network connect net1 web');
    assert.match(ok(sh, "docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}' web"), /^bridge=172\.17\.0\.2 net1=172\.18\.0\.2 \n$/);
    ok(sh, 'docker network disconnect net1 web');
    assert.match(run(sh, 'docker network disconnect net1 web').stderr, /is not connected to network net1/);
    ok(sh, 'docker container run -itd --name=casefour --restart=unless-stopped ubuntu:14.04');
    assert.match(ok(sh, 'docker exec -it casefour cat /etc/lsb-release'), /DISTRIB_RELEASE=14\.04\nDISTRIB_CODENAME=trusty/);
    assert.equal(ok(sh, 'docker container kill --signal=9 casefour'), 'casefour\n');
    assert.match(ok(sh, 'docker container ls -a'), /Exited \(137\)/);
  });
});

describe('docker: property', () => {
  const words = ['run', 'create', 'start', 'stop', 'rm', '-f', 'ps', '-a', '-q', 'logs', 'exec', 'inspect', '-f', '{{.Name}}', '{{json .State}}', '{{range .X}}', 'port', 'network', 'create', 'ls', 'connect', 'nginx', 'alpine', 'busybox', 'ubuntu:14.04', 'web', 'net1', '-d', '-p', '8080:80', '80', '--name', '--network', '--rm', 'sleep', '10', 'ip', 'addr', 'kill', 'restart', 'rename', 'wait', 'images', 'pull', 'rmi', '--format', 'table {{.ID}}\\t{{.Names}}', '', '-', '--', ':', 'x:y:z'];
  it('random docker argument vectors never throw or leak internals', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...words), { maxLength: 7 }), { minLength: 1, maxLength: 6 }), (lines) => {
        const sh = dockerShell();
        for (const argv of lines) {
          const line = 'docker ' + argv.map((a) => `'${a}'`).join(' ');
          const r = sh.run(line);
          assert.doesNotMatch(r.stdout + r.stderr, LEAKS, line);
          assert.doesNotMatch(r.stderr, /internal error/, line);
        }
      }),
      { numRuns: 150 },
    );
  });
});
