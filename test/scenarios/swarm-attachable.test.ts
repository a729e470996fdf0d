/**
 * Standalone containers on an attachable overlay (Docker's "overlay networking for standalone
 * containers" walkthrough): a manager creates `--attachable` NET, a container on one worker and a
 * `docker run --rm` on another reach each other by name through VXLAN; a network made without
 * --attachable (and ingress) refuses the container with swarmkit's PermissionDenied. Then what
 * ICMP to a service name does in VIP and DNSRR modes.
 */
import { strict as assert } from 'node:assert';
import type { Shell } from '../../src/shell/shell';
import { membershipOf } from '../../src/engine/swarm/state';
import { lastTrace } from '../../src/engine/view/last-trace';
import { ok, run, shell } from './shell.helpers';

function swarm(): Shell {
  const sh = shell('multi-host');
  ok(sh, 'docker swarm init --advertise-addr 192.168.1.11');
  ok(sh, 'ssh node2 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377');
  ok(sh, 'ssh node3 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377');
  return sh;
}

/** NET attachable, c1 on the worker node2. */
function withC1(): Shell {
  const sh = swarm();
  ok(sh, 'docker network create -d overlay --attachable NET');
  ok(sh, 'ssh node2 docker run -d --name c1 --network NET alpine sleep 1d');
  return sh;
}

const REFUSED = (net: string) => `docker: Error response from daemon: Could not attach to network ${net}: rpc error: code = PermissionDenied desc = network ${net} not manually attachable\n\nRun 'docker run --help' for more information\n`;

describe('swarm: standalone containers on attachable overlay networks', () => {
  it('a container on node3 pings c1 on node2 by name (the embedded DNS answers across hosts)', () => {
    const sh = withC1();
    const out = ok(sh, 'ssh node3 docker run --rm --network NET alpine ping -c 2 c1');
    assert.match(out, /^PING c1 \(10\.0\.1\.2\): 56 data bytes\n64 bytes from 10\.0\.1\.2: seq=0 ttl=64 time=[\d.]+ ms\n64 bytes from 10\.0\.1\.2: seq=1 ttl=64 time=[\d.]+ ms\n\n--- c1 ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\n/);
    // --rm: the container and its attachment are gone; the next one gets the same address.
    assert.equal(ok(sh, 'ssh node3 docker ps -aq'), '');
    assert.match(ok(sh, 'ssh node3 docker run --rm --network NET alpine ip -4 addr show eth0'), /inet 10\.0\.1\.3\/24 /);
  });

  it('c1 has eth0 on the overlay (MTU 1450, MAC from its address) and eth1 on docker_gwbridge, its default route', () => {
    const sh = withC1();
    const addr = ok(sh, 'ssh node2 docker exec c1 ip addr');
    assert.match(addr, /\d+: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UP group default \n    link\/ether 02:42:0a:00:01:02 brd ff:ff:ff:ff:ff:ff link-netnsid \d\n    inet 10\.0\.1\.2\/24 brd 10\.0\.1\.255 scope global eth0\n/);
    assert.match(addr, /\d+: eth1@if\d+: .* mtu 1500 .*\n.*\n    inet 172\.18\.0\.\d+\/16 brd 172\.18\.255\.255 scope global eth1\n/);
    assert.match(ok(sh, 'ssh node2 docker exec c1 ip route'), /^default via 172\.18\.0\.1 dev eth1 \n10\.0\.1\.0\/24 dev eth0 proto kernel scope link src 10\.0\.1\.2 \n/);
    assert.match(ok(sh, `ssh node2 'docker ps --format "{{.Names}} {{.Networks}}"'`), /^c1 NET\n$/);
  });

  it('the echo crosses the LAN inside VXLAN (UDP 4789, the network\'s VNI) between node3 and node2', () => {
    const sh = withC1();
    ok(sh, 'ssh node3 docker run -d --name c2 --network NET alpine sleep 1d');
    const out = ok(sh, `ssh node3 '(sleep 0.5; docker exec c2 ping -c 1 c1 >/dev/null) & timeout 3 tcpdump -i eth0 -n -c 2 udp port 4789; wait'`);
    const lines = out.split('\n');
    assert.match(lines[0]!, /^\d\d:\d\d:\d\d\.\d{6} IP 192\.168\.1\.13\.\d+ > 192\.168\.1\.12\.4789: VXLAN, flags \[I\] \(0x08\), vni 4097$/);
    assert.match(lines[1]!, /^IP 10\.0\.1\.3 > 10\.0\.1\.2: ICMP echo request, id \d+, seq \d+, length 64$/);
    assert.match(lines[2]!, /^\d\d:\d\d:\d\d\.\d{6} IP 192\.168\.1\.12\.\d+ > 192\.168\.1\.13\.4789: VXLAN, flags \[I\] \(0x08\), vni 4097$/);
    assert.match(lines[3]!, /^IP 10\.0\.1\.2 > 10\.0\.1\.3: ICMP echo reply/);
  });

  it('the packet trace shows the echo encapsulated on node3 and decapsulated on node2', () => {
    const sh = withC1();
    ok(sh, 'ssh node3 docker run --rm --network NET alpine ping -c 1 c1');
    const steps = lastTrace(sh.world)!.trace.hops.map((h) => h.detail).join('\n');
    assert.match(steps, /vxlan0 encapsulates .* in VXLAN \(VNI 4097\): UDP 192\.168\.1\.13:\d+ -> 192\.168\.1\.12:4789/);
    assert.match(steps, /node2 decapsulates VXLAN \(VNI 4097\) from 192\.168\.1\.13/);
  });

  it('network inspect lists c1 under Containers on its node only; a worker lists NET once a container of its own uses it', () => {
    const sh = withC1();
    const id = ok(sh, 'ssh node2 docker ps -q --no-trunc').trim();
    const inspect = JSON.parse(ok(sh, 'ssh node2 docker network inspect NET'))[0];
    assert.deepEqual(Object.keys(inspect.Containers), [id]);
    assert.equal(inspect.Containers[id].Name, 'c1');
    assert.equal(inspect.Containers[id].IPv4Address, '10.0.1.2/24');
    assert.equal(inspect.Containers[id].MacAddress, '02:42:0a:00:01:02');
    assert.equal(inspect.Attachable, true);
    assert.equal(JSON.parse(ok(sh, 'docker network inspect NET'))[0].Containers, null);
    assert.doesNotMatch(ok(sh, 'ssh node3 docker network ls'), / NET /);
    ok(sh, 'ssh node3 docker run -d --name c2 --network NET alpine sleep 1d');
    assert.match(ok(sh, 'ssh node3 docker network ls'), / NET +overlay +swarm\n/);
    // Docker's standalone-overlay tutorial: once its container stops, the worker no longer lists the network.
    ok(sh, 'ssh node3 docker stop c2');
    assert.doesNotMatch(ok(sh, 'ssh node3 docker network ls'), / NET /);
  });

  it('a stopped container gives its address back; started again it rejoins the overlay', () => {
    const sh = withC1();
    ok(sh, 'ssh node2 docker stop c1');
    const { cluster } = membershipOf(sh.world, Object.values(sh.world.state.hosts).find((h) => h.name === 'node1')!)!;
    assert.equal((cluster.attachments ?? []).length, 0);
    ok(sh, 'ssh node2 docker start c1');
    assert.equal(cluster.attachments!.length, 1);
    assert.match(ok(sh, 'ssh node3 docker run --rm --network NET alpine ping -c 1 c1'), /1 packets transmitted, 1 packets received/);
    // docker restart: a new namespace within one command, the same attachment: plugged in again.
    ok(sh, 'ssh node2 docker restart c1');
    assert.match(ok(sh, 'ssh node2 docker exec c1 ip -4 addr show eth0'), /inet 10\.0\.1\.2\/24 /);
    assert.match(ok(sh, 'ssh node3 docker run --rm --network NET alpine ping -c 1 c1'), /1 packets transmitted, 1 packets received/);
  });

  it('network rm is refused while a standalone container is attached (swarmkit: in use by its attachment task), then succeeds', () => {
    const sh = withC1();
    const id = ok(sh, 'docker network ls -q --no-trunc -f name=NET').trim();
    const r = run(sh, 'docker network rm NET');
    assert.equal(r.exitCode, 1);
    assert.match(r.stderr, new RegExp(`^Error response from daemon: rpc error: code = FailedPrecondition desc = network ${id} is in use by task [0-9a-z]{25}\nexit status 1\n$`));
    ok(sh, 'ssh node2 docker rm -f c1');
    assert.equal(ok(sh, 'docker network rm NET'), 'NET\n');
  });

  it('a network made without --attachable refuses the container: exit 125, the id printed first with -d, the container left Created', () => {
    const sh = swarm();
    ok(sh, 'docker network create -d overlay plain');
    const r = run(sh, 'ssh node2 docker run -d --name c1 --network plain alpine sleep 1d');
    assert.equal(r.exitCode, 125);
    assert.match(r.stdout, /^[0-9a-f]{64}\n$/);
    assert.ok(r.stderr.endsWith(REFUSED('plain')), r.stderr);
    assert.match(ok(sh, `ssh node2 'docker ps -a --format "{{.Names}} {{.Status}}"'`), /^c1 Created\n$/);
    assert.equal(ok(sh, `ssh node2 'docker inspect -f "{{.State.ExitCode}} {{.State.Error}}" c1'`), `128 ${REFUSED('plain').slice('docker: Error response from daemon: '.length).split('\n')[0]}\n`);
    // The manager's own daemon refuses it the same way; so does ingress.
    assert.ok(run(sh, 'docker run --rm --network plain alpine true').stderr.endsWith(REFUSED('plain')));
    const ingress = run(sh, 'ssh node3 docker run --rm --network ingress alpine true');
    assert.equal(ingress.exitCode, 125);
    assert.ok(ingress.stderr.endsWith(REFUSED('ingress')), ingress.stderr);
    assert.equal(ok(sh, 'ssh node3 docker ps -aq'), '', '--rm removed the refused container');
  });

  it('a node removed from the swarm gives its attachments back (the next container gets c1\'s address)', () => {
    const sh = withC1();
    ok(sh, 'ssh node2 docker swarm leave');
    assert.match(ok(sh, 'ssh node3 docker run --rm --network NET alpine ip -4 addr show eth0'), /inet 10\.0\.1\.3\/24 /, 'a node that is only Down keeps them');
    ok(sh, 'docker node rm node2');
    assert.match(ok(sh, 'ssh node3 docker run --rm --network NET alpine ip -4 addr show eth0'), /inet 10\.0\.1\.2\/24 /);
  });

  it('docker network connect: a container on docker0 joins NET as eth1 (its default route stays on eth0) until disconnected', () => {
    const sh = withC1();
    ok(sh, 'ssh node3 docker run -d --name b1 alpine sleep 1d');
    assert.equal(ok(sh, 'ssh node3 docker network connect NET b1'), '');
    assert.match(ok(sh, 'ssh node3 docker exec b1 ip route'), /^default via 172\.17\.0\.1 dev eth0 \n10\.0\.1\.0\/24 dev eth1 proto kernel scope link src 10\.0\.1\.3 \n/);
    assert.match(ok(sh, 'ssh node3 docker exec b1 ping -c 1 c1'), /1 packets received/);
    assert.match(ok(sh, 'ssh node2 docker exec c1 ping -c 1 b1'), /^PING b1 \(10\.0\.1\.3\)/);
    const again = run(sh, 'ssh node3 docker network connect NET b1');
    assert.deepEqual([again.exitCode, again.stderr], [1, 'Error response from daemon: endpoint with name b1 already exists in network NET\n']);
    // Stopped, it keeps NET in its configuration and joins it again when it starts.
    ok(sh, 'ssh node3 docker stop b1');
    ok(sh, 'ssh node3 docker start b1');
    assert.match(ok(sh, 'ssh node3 docker exec b1 ip -4 addr show eth1'), /inet 10\.0\.1\.\d+\/24 /);
    assert.equal(ok(sh, 'ssh node3 docker network disconnect NET b1'), '');
    assert.doesNotMatch(ok(sh, 'ssh node3 docker exec b1 ip -4 addr'), /10\.0\.1\./);
    const twice = run(sh, 'ssh node3 docker network disconnect NET b1');
    assert.equal(twice.exitCode, 1);
    assert.match(twice.stderr, /^Error response from daemon: container [0-9a-f]{64} is not connected to network NET\n$/);
    const refused = run(sh, 'docker network create -d overlay plain && ssh node3 docker network connect plain b1');
    assert.deepEqual([refused.exitCode, refused.stderr], [1, 'Error response from daemon: Could not attach to network plain: rpc error: code = PermissionDenied desc = network plain not manually attachable\n']);
  });

  it('a host outside the swarm does not know the overlay (the daemon\'s "network not found")', () => {
    const sh = withC1();
    ok(sh, 'ssh node3 docker swarm leave');
    const r = run(sh, 'ssh node3 docker run --rm --network NET alpine true');
    assert.equal(r.exitCode, 125);
    assert.ok(r.stderr.endsWith("docker: Error response from daemon: network NET not found\n\nRun 'docker run --help' for more information\n"), r.stderr);
  });
});

describe('swarm: ping to a service name', () => {
  function services(): Shell {
    const sh = withC1();
    ok(sh, 'docker service create -d --name web --network NET --replicas 2 nginx');
    ok(sh, 'docker service create -d --name rr --endpoint-mode dnsrr --network NET --replicas 2 nginx');
    return sh;
  }

  it('VIP mode: the echo is answered from the VIP by the node itself (IPVS balances only TCP and UDP)', () => {
    const sh = services();
    const vip = ok(sh, `docker service inspect -f '{{(index .Endpoint.VirtualIPs 0).Addr}}' web`).trim().replace(/\/24$/, '');
    const out = ok(sh, 'ssh node2 docker exec c1 ping -c 2 web');
    assert.match(out, new RegExp(`^PING web \\(${vip.replace(/\./g, '\\.')}\\): 56 data bytes\\n64 bytes from ${vip.replace(/\./g, '\\.')}: seq=0 ttl=64 `));
    assert.match(out, /2 packets transmitted, 2 packets received, 0% packet loss/);
    // Scaled to 0 the VIP still answers (nothing is balanced); TCP to it finds no task.
    ok(sh, 'docker service scale -d web=0');
    assert.match(ok(sh, 'ssh node2 docker exec c1 ping -c 1 web'), /1 packets received/);
    // Removed, the name and the alias go.
    ok(sh, 'docker service rm web');
    const gone = run(sh, `ssh node2 docker exec c1 ping -c 1 -W 1 ${vip}`);
    assert.match(gone.stdout, /0 packets received, 100% packet loss/);
  });

  it('DNSRR mode: the name is a task\'s address and that task answers', () => {
    const sh = services();
    const tasks = ok(sh, 'ssh node2 docker exec c1 nslookup tasks.rr').match(/Address: 10\.0\.1\.\d+/g)!.map((a) => a.slice('Address: '.length));
    const out = ok(sh, 'ssh node2 docker exec c1 ping -c 1 rr');
    const answered = /^PING rr \((10\.0\.1\.\d+)\)/.exec(out)![1]!;
    assert.ok(tasks.includes(answered), `${answered} is one of ${tasks.join(', ')}`);
    assert.match(out, new RegExp(`64 bytes from ${answered.replace(/\./g, '\\.')}: seq=0 ttl=64 `));
  });
});
