/**
 * Seed 002's network and service lifecycles on a three-node swarm, with the overlay data path:
 * task containers on different nodes reach each other through VXLAN (visible on the LAN with
 * tcpdump), service names resolve through the embedded DNS, VIPs balance round robin, the
 * ingress routing mesh answers on every node, and the topology view draws the tunnels.
 */
import { strict as assert } from 'node:assert';
import type { Shell } from '../../src/shell/shell';
import { buildViewModel } from '../../src/engine/view/build';
import { lastTrace } from '../../src/engine/view/last-trace';
import { membershipOf } from '../../src/engine/swarm/state';
import { overlaySandbox } from '../../src/engine/swarm/vxlan-overlay';
import { ingressSbox } from '../../src/engine/swarm/vxlan-ingress';
import { formatIpv4 } from '../../src/engine/net/ipv4';
import { ok, run, shell } from './shell.helpers';

function swarm(): Shell {
  const sh = shell('multi-host');
  ok(sh, 'docker swarm init --advertise-addr 192.168.1.11');
  ok(sh, 'ssh node2 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377');
  ok(sh, 'ssh node3 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377');
  return sh;
}

/** Three nginx tasks (one per node) and an alpine client on node1, on the overlay `mynet`. */
function withServices(): Shell {
  const sh = swarm();
  ok(sh, 'docker network create -d overlay mynet');
  ok(sh, 'docker service create -d --name web --network mynet --replicas 3 nginx');
  ok(sh, 'docker service create -d --name client --network mynet --constraint node.hostname==node1 alpine sleep 1d');
  return sh;
}

const CLIENT = 'docker exec $(docker ps -q -f name=client)';

/** The address on mynet of the running `web` task on `node` (from the cluster's task list). */
function taskAddress(sh: Shell, node: string): string {
  const host = Object.values(sh.world.state.hosts).find((h) => h.name === 'node1')!;
  const { cluster } = membershipOf(sh.world, host)!;
  const web = cluster.services.find((s) => s.spec.name === 'web')!;
  const mynet = cluster.networks.find((n) => n.name === 'mynet')!;
  const nodeId = cluster.nodes.find((n) => n.hostname === node)!.id;
  const task = cluster.tasks.find((t) => t.serviceId === web.id && t.nodeId === nodeId && t.desired === 'running')!;
  return formatIpv4(task.addrs[mynet.id]!);
}

describe('overlay data path: seed 002 network and service lifecycles across hosts', () => {
  it('Network Creation, Service Creation: a task container on node1 pings a task on node2 through VXLAN', () => {
    const sh = withServices();
    const addr = ok(sh, `${CLIENT} ip addr`);
    assert.match(addr, /2: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 .*\n    link\/ether 02:42:0a:00:01:07 /);
    assert.match(addr, /inet 10\.0\.1\.7\/24 brd 10\.0\.1\.255 scope global eth0/);
    assert.match(addr, /inet 172\.18\.0\.\d+\/16 brd 172\.18\.255\.255 scope global eth1/);
    assert.match(ok(sh, `${CLIENT} ip route`), /^default via 172\.18\.0\.1 dev eth1 \n10\.0\.1\.0\/24 dev eth0 proto kernel scope link src 10\.0\.1\.7 \n/);
    const target = taskAddress(sh, 'node2');
    assert.match(ok(sh, `${CLIENT} ping -c 2 ${target}`), /2 packets transmitted, 2 packets received, 0% packet loss/);
  });

  it('tcpdump on the LAN shows the echo inside UDP 4789 between the nodes, VNI 4097, both ways', () => {
    const sh = withServices();
    const target = taskAddress(sh, 'node2');
    const out = ok(sh, `(sleep 0.5; ${CLIENT} ping -c 1 ${target} >/dev/null) & timeout 3 tcpdump -i eth0 -n -c 2 udp port 4789; wait`);
    const lines = out.split('\n');
    assert.match(lines[0]!, /^\d\d:\d\d:\d\d\.\d{6} IP 192\.168\.1\.11\.(\d+) > 192\.168\.1\.12\.4789: VXLAN, flags \[I\] \(0x08\), vni 4097$/);
    assert.match(lines[1]!, new RegExp(`^IP 10\\.0\\.1\\.7 > ${target.replace(/\./g, '\\.')}: ICMP echo request, id \\d+, seq \\d+, length 64$`));
    assert.match(lines[2]!, /^\d\d:\d\d:\d\d\.\d{6} IP 192\.168\.1\.12\.\d+ > 192\.168\.1\.11\.4789: VXLAN, flags \[I\] \(0x08\), vni 4097$/);
    assert.match(lines[3]!, new RegExp(`^IP ${target.replace(/\./g, '\\.')} > 10\\.0\\.1\\.7: ICMP echo reply`));
  });

  it('the embedded DNS answers the service name with its VIP and tasks.NAME with every task, rotating', () => {
    const sh = withServices();
    assert.match(ok(sh, `${CLIENT} nslookup web`), /^Server:\t\t127\.0\.0\.11\nAddress:\t127\.0\.0\.11:53\n\nNon-authoritative answer:\nName:\tweb\nAddress: 10\.0\.1\.2\n\n$/);
    const first = ok(sh, `${CLIENT} nslookup tasks.web`);
    assert.match(first, /Name:\ttasks\.web\nAddress: 10\.0\.1\.3\nName:\ttasks\.web\nAddress: 10\.0\.1\.4\nName:\ttasks\.web\nAddress: 10\.0\.1\.5\n/);
    assert.match(ok(sh, `${CLIENT} nslookup tasks.web`), /Address: 10\.0\.1\.4\nName:\ttasks\.web\nAddress: 10\.0\.1\.5\nName:\ttasks\.web\nAddress: 10\.0\.1\.3\n/);
    const missing = run(sh, `${CLIENT} nslookup nosuch`);
    assert.equal(missing.exitCode, 1);
    assert.match(missing.stderr, /\*\* server can't find nosuch: NXDOMAIN/);
  });

  it('the VIP balances three connections over the three tasks on three nodes, one each (IPVS round robin)', () => {
    const sh = withServices();
    for (let i = 0; i < 3; i++) ok(sh, `${CLIENT} wget -qO /dev/null web`);
    const logs = ok(sh, 'docker service logs web').split('\n').filter((l) => l.includes('"GET / HTTP/1.1"'));
    assert.equal(logs.length, 3);
    for (const node of ['node1', 'node2', 'node3']) assert.equal(logs.filter((l) => l.includes(`@${node} `)).length, 1, node);
    const trace = lastTrace(sh.world);
    assert.ok(trace, 'wget records its trace');
  });

  it('Service Stop (scale to 0) takes the overlay sandboxes of the nodes with no task away; Service Delete too', () => {
    const sh = withServices();
    const { world } = sh;
    const node2 = Object.values(world.state.hosts).find((h) => h.name === 'node2')!;
    const member = membershipOf(world, node2)!;
    const mynet = member.cluster.networks.find((n) => n.name === 'mynet')!;
    assert.ok(overlaySandbox(world, node2, mynet), 'node2 runs web.2: it has the sandbox');
    const target = taskAddress(sh, 'node2');
    ok(sh, 'docker service scale web=0');
    assert.equal(overlaySandbox(world, node2, mynet), undefined);
    assert.match(run(sh, `${CLIENT} ping -c 1 -W 1 ${target}`).stdout, /1 packets transmitted, 0 packets received, 100% packet loss/);
    ok(sh, 'docker service scale web=3');
    assert.ok(overlaySandbox(world, node2, mynet));
    ok(sh, 'docker service rm web client');
    assert.equal(overlaySandbox(world, node2, mynet), undefined);
    assert.equal(ok(sh, 'docker network rm mynet'), 'mynet\n');
  });

  it('--endpoint-mode dnsrr: no VIP, the name gives the tasks; with an ingress port it is refused and nothing changes', () => {
    const sh = withServices();
    ok(sh, 'docker service create -d --name db --endpoint-mode dnsrr --network mynet --replicas 2 redis');
    assert.equal(ok(sh, "docker service inspect db -f '{{json .Endpoint}}'"), '{"Spec":{"Mode":"dnsrr"}}\n');
    assert.match(ok(sh, `${CLIENT} nslookup db`), /Name:\tdb\nAddress: 10\.0\.1\.\d+\nName:\tdb\nAddress: 10\.0\.1\.\d+\n\n$/);
    assert.match(ok(sh, `${CLIENT} ping -c 1 db`), /1 packets received/);
    const before = ok(sh, 'docker service ls');
    const refused = run(sh, 'docker service create -d --name bad --endpoint-mode dnsrr -p 80:80 nginx');
    assert.equal(refused.stderr, "Error response from daemon: rpc error: code = InvalidArgument desc = EndpointSpec: port published with ingress mode can't be used with dnsrr mode\n");
    assert.equal(refused.exitCode, 1);
    assert.equal(ok(sh, 'docker service ls'), before);
  });
});

describe('overlay data path: the ingress routing mesh', () => {
  it('curl to any node reaches the only task (on node3) through the ingress_sbox, IPVS and VXLAN', () => {
    const sh = swarm();
    ok(sh, 'docker service create -d --name web -p 8080:80 --constraint node.hostname==node3 nginx');
    assert.match(ok(sh, 'curl -s http://192.168.1.11:8080/'), /<title>Welcome to nginx!<\/title>/);
    const steps = lastTrace(sh.world)!.trace.hops.map((h) => h.detail).join('\n');
    assert.match(steps, /nat\/OUTPUT: DNAT 192\.168\.1\.11:8080 -> 172\.18\.0\.2:8080/);
    assert.match(steps, /IPVS: ingress port 8080 of service web 172\.18\.0\.2:8080 -> 10\.0\.0\.\d+:8080/);
    assert.match(steps, /vxlan0 encapsulates .* in VXLAN \(VNI 4096\): UDP 192\.168\.1\.11:\d+ -> 192\.168\.1\.13:4789/);
    assert.match(steps, /node3 decapsulates VXLAN \(VNI 4096\) from 192\.168\.1\.11/);
    assert.match(steps, /nat\/PREROUTING: REDIRECT 10\.0\.0\.\d+:8080 -> 10\.0\.0\.\d+:80/);
    assert.match(ok(sh, 'curl -s http://localhost:8080/'), /Welcome to nginx!/);
    assert.match(ok(sh, `docker network inspect ingress -f '{{json .Containers}}'`), /^\{"ingress-sbox":\{"Name":"ingress-endpoint","EndpointID":"[0-9a-f]{64}","MacAddress":"02:42:0a:00:00:02","IPv4Address":"10\.0\.0\.2\/24","IPv6Address":""\}\}\n$/);
    assert.match(ok(sh, 'ssh node2 curl -s http://192.168.1.12:8080/'), /Welcome to nginx!/);
    const logs = ok(sh, 'docker service logs web').split('\n').filter((l) => l.includes('"GET / HTTP/1.1"'));
    // nginx sees each node's ingress_sbox: node1's is 10.0.0.2, node2's 10.0.0.3.
    assert.deepEqual(logs.map((l) => / (10\.0\.0\.\d+) - - /.exec(l)?.[1]), ['10.0.0.2', '10.0.0.2', '10.0.0.3']);
  });

  it('with a task on each node, node1 hands connections out round robin: newest task first', () => {
    const sh = swarm();
    ok(sh, 'docker service create -d --name web -p 8080:80 --replicas 3 nginx');
    for (let i = 0; i < 3; i++) ok(sh, 'curl -s -o /dev/null http://192.168.1.11:8080/');
    const steps = () => lastTrace(sh.world)!.trace.hops.map((h) => h.detail).find((d) => d.startsWith('IPVS: ingress'))!;
    ok(sh, 'curl -s -o /dev/null http://192.168.1.11:8080/');
    const fourth = steps();
    const logs = ok(sh, 'docker service logs web').split('\n').filter((l) => l.includes('"GET / HTTP/1.1"'));
    for (const node of ['node1', 'node2', 'node3']) assert.ok(logs.filter((l) => l.includes(`@${node} `)).length >= 1, node);
    // Tasks joined in order web.1 (10.0.0.6), web.2, web.3: the list is web.3, web.2, web.1, so the 4th goes to web.3 again.
    assert.match(fourth, /-> 10\.0\.0\.8:8080/);
  });
});

describe('overlay data path: nodes leaving and joining', () => {
  it('a node that leaves loses its ingress_sbox; when it joins again it gets a new one and the mesh answers there', () => {
    const sh = swarm();
    ok(sh, 'docker service create -d --name web -p 8080:80 --replicas 2 --constraint node.hostname!=node3 nginx');
    const node2 = Object.values(sh.world.state.hosts).find((h) => h.name === 'node2')!;
    assert.ok(ingressSbox(sh.world, node2));
    ok(sh, 'ssh node2 docker swarm leave');
    assert.equal(ingressSbox(sh.world, node2), undefined);
    ok(sh, 'ssh node2 docker swarm join --token $(docker swarm join-token -q worker) 192.168.1.11:2377');
    const sbox = ingressSbox(sh.world, node2);
    assert.ok(sbox);
    assert.match(ok(sh, 'curl -s http://192.168.1.12:8080/'), /Welcome to nginx!/);
    assert.match(lastTrace(sh.world)!.trace.hops.map((h) => h.detail).join('\n'), /node2 decapsulates|node1 decapsulates/);
  });
});

describe('overlay data path: topology view and determinism', () => {
  it('draws a vxlan edge between the vxlan0 devices of one VNI on different nodes, gone with the service', () => {
    const sh = withServices();
    const tunnels = () => buildViewModel(sh.world).edges.filter((e) => e.kind === 'vxlan');
    // mynet on three nodes: 3 tunnels; ingress sandboxes on three nodes: 3 more.
    assert.equal(tunnels().length, 6);
    assert.ok(tunnels().every((e) => e.state === 'up' && /^vxlan:\d+-\d+$/.test(e.id)));
    const vx = buildViewModel(sh.world).nodes.find((n) => n.label === 'vxlan0' && n.details.some(([k, v]) => k === 'vxlan' && v.startsWith('id 4097')));
    assert.ok(vx);
    ok(sh, 'docker service rm web client');
    assert.equal(tunnels().length, 3);
  });

  it('the same script prints the same transcript (addresses, MACs, VXLAN source ports) every time', () => {
    const transcript = () => {
      const sh = withServices();
      const lines = [`${CLIENT} ip addr`, `${CLIENT} nslookup tasks.web`, `(sleep 0.5; ${CLIENT} ping -c 1 10.0.1.4 >/dev/null) & timeout 3 tcpdump -i eth0 -n -e -c 2 udp port 4789; wait`];
      return lines.map((l) => JSON.stringify(run(sh, l))).join('\n');
    };
    assert.equal(transcript(), transcript());
  });
});
