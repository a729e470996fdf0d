/** Every tool that sends packets records a trace the topology view can animate, and each failure says why it died. */
import assert from 'node:assert/strict';
import { buildViewModel, lastTrace, toViewTrace } from '../../src/engine/view';
import type { ViewTrace } from '../../src/protocol/view-model';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';
import { bareShell, RED_ON_HOST } from './helpers';

const RED_VIA_HOST = [...RED_ON_HOST, 'ip -n red link set lo up', 'ip -n red route add default via 10.0.0.1'];

function traceAfter(shell: Shell, lines: string[]): ViewTrace {
  for (const l of lines) shell.run(l);
  const recorded = lastTrace(shell.world);
  assert.ok(recorded, `no trace after ${lines[lines.length - 1]}`);
  const trace = toViewTrace(shell.world, recorded);
  const ids = new Set(buildViewModel(shell.world).nodes.map((n) => n.id));
  for (const s of trace.steps) assert.ok(ids.has(s.nodeId), `step ${s.kind} at ${s.nodeId} (${s.detail}) is not drawn`);
  return trace;
}

function dockerShell(): Shell {
  const { world, host } = createWorld('docker')!;
  return new Shell(world, host);
}

const details = (t: ViewTrace) => t.steps.map((s) => `${s.kind}: ${s.detail}`);

describe('traces of the tools that send packets', () => {
  it('nc to a closed port: dies at the host where nothing listens, and the RST comes back (connection refused)', () => {
    const trace = traceAfter(bareShell(), [...RED_ON_HOST, 'ip netns exec red nc -zv 10.0.0.1 22']);
    assert.equal(trace.drop && trace.drop.reason, 'nothing listens on TCP port 22 at 10.0.0.1 in the host');
    assert.ok(trace.steps.slice(trace.drop!.step).some((s) => s.kind === 'deliver' && s.where === 'red'), details(trace).join('\n'));
  });

  it('nc to a listener: a whole trace without a drop, labelled with the destination', () => {
    const shell = bareShell();
    const trace = traceAfter(shell, [...RED_ON_HOST, 'nc -l 5000 &', 'ip netns exec red nc -z 10.0.0.1 5000']);
    assert.equal(lastTrace(shell.world)!.label, 'nc 10.0.0.1 5000');
    assert.equal(trace.drop, null);
  });

  it('nc without a route: the trace stops in the sender with "no route"', () => {
    const trace = traceAfter(bareShell(), [...RED_ON_HOST, 'ip netns exec red nc -z 10.9.0.1 22']);
    assert.equal(trace.drop!.reason, 'no route to 10.9.0.1 in netns red');
    assert.equal(trace.steps.length, 1);
  });

  it('traceroute: the TTL runs out at the router (a ttl step, not a drop), then the destination answers and traceroute arrives', () => {
    const shell = bareShell();
    const trace = traceAfter(shell, ['traceroute -n 8.8.8.8']);
    assert.equal(lastTrace(shell.world)!.label, 'traceroute 8.8.8.8');
    const ttl = trace.steps.filter((s) => s.kind === 'ttl');
    assert.deepEqual(
      ttl.map((s) => s.where),
      ['router'],
    );
    assert.equal(trace.drop, null);
    assert.ok(trace.steps.some((s) => s.kind === 'deliver' && /tells traceroute it arrived/.test(s.detail)), details(trace).join('\n'));
  });

  it('traceroute through a host with ip_forward=0 stops there with the reason', () => {
    const trace = traceAfter(bareShell(), [...RED_VIA_HOST, 'ip netns exec red traceroute -n -m 3 -q 1 -w 1 192.168.1.3']);
    assert.match(trace.drop!.reason, /^ip_forward=0 in the host/);
  });

  it('curl to a published port through DNAT and back: the NAT rewrite hops are in the trace', () => {
    const shell = dockerShell();
    const trace = traceAfter(shell, ['docker run -d --name web -p 8080:80 nginx', ...RED_VIA_HOST, 'ip netns exec red curl -s -o /dev/null 10.0.0.1:8080']);
    assert.equal(lastTrace(shell.world)!.label, 'curl 10.0.0.1:8080/');
    assert.equal(trace.drop, null);
    const nat = trace.steps.filter((s) => s.kind === 'netfilter').map((s) => s.detail);
    assert.ok(nat.includes('nat/PREROUTING: DNAT 10.0.0.1:8080 -> 172.17.0.2:80'), nat.join('\n'));
    assert.ok(nat.some((d) => /reply of DNAT 172\.17\.0\.2:80 -> 10\.0\.0\.1:8080/.test(d)), nat.join('\n'));
    assert.ok(trace.steps.some((s) => s.where === 'container web' && s.kind === 'deliver'));
  });

  it("curl from the host to its own address: DNAT in OUTPUT (Docker's rule skips only 127.0.0.0/8); localhost goes through docker-proxy", () => {
    const shell = dockerShell();
    const trace = traceAfter(shell, ['docker run -d --name web -p 8080:80 nginx', 'curl -s -o /dev/null 192.168.1.2:8080']);
    const nat = trace.steps.filter((s) => s.kind === 'netfilter').map((s) => s.detail);
    assert.ok(nat.includes('nat/OUTPUT: DNAT 192.168.1.2:8080 -> 172.17.0.2:80'), nat.join('\n'));
    assert.equal(trace.drop, null);
    const viaProxy = traceAfter(shell, ['curl -s -o /dev/null localhost:8080']);
    assert.deepEqual(viaProxy.steps.filter((s) => s.kind === 'netfilter' && /DNAT/.test(s.detail)), []);
    assert.equal(lastTrace(shell.world)!.label, 'curl localhost:8080/');
    const logs = shell.run('docker logs web').stdout.split('\n').filter((l) => l.includes('curl/'));
    assert.deepEqual(logs.map((l) => l.split(' ')[0]), ['192.168.1.2', '172.17.0.1']);
  });

  it('a `docker run --rm` client is gone when the view draws its trace: its steps sit on its host', () => {
    const shell = dockerShell();
    const trace = traceAfter(shell, ['docker run -d --name web nginx', 'docker run --rm busybox wget -q -O /dev/null 172.17.0.2']);
    const hostNode = buildViewModel(shell.world).nodes.find((n) => n.kind === 'host' && n.label === 'host')!;
    assert.ok(trace.steps.some((s) => s.nodeId === hostNode.id && s.where === 'a namespace removed since'));
    assert.equal(trace.drop, null);
  });

  it('wget in a container records its trace too', () => {
    const shell = dockerShell();
    traceAfter(shell, ['docker run -d --name web nginx', 'docker run -d --name box busybox sleep 1000', 'docker exec box wget -q -O /dev/null 172.17.0.2']);
    assert.equal(lastTrace(shell.world)!.label, 'wget 172.17.0.2:80/');
  });
});

describe('drop reasons in the view', () => {
  it('no NAT for the reply: a private source leaves the host unmasqueraded and its answer is lost far away', () => {
    const trace = traceAfter(bareShell(), [...RED_VIA_HOST, 'sysctl -w net.ipv4.ip_forward=1', 'ip netns exec red ping -c 1 -W 1 8.8.8.8']);
    assert.match(trace.drop!.reason, /^no NAT for the reply: 10\.0\.0\.2 left host without MASQUERADE\/SNAT/);
  });

  it('with MASQUERADE on the host the same ping goes through', () => {
    const trace = traceAfter(bareShell(), [...RED_VIA_HOST, 'sysctl -w net.ipv4.ip_forward=1', 'iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE', 'ip netns exec red ping -c 1 -W 1 8.8.8.8']);
    assert.equal(trace.drop, null);
  });

  it('chain policy DROP', () => {
    const trace = traceAfter(bareShell(), [...RED_VIA_HOST, 'sysctl -w net.ipv4.ip_forward=1', 'iptables -P FORWARD DROP', 'ip netns exec red ping -c 1 -W 1 8.8.8.8']);
    assert.equal(trace.drop!.reason, 'filter/FORWARD policy DROP');
  });

  it('link down', () => {
    const trace = traceAfter(bareShell(), [...RED_ON_HOST, 'ip link set veth-host down', 'ip netns exec red ping -c 1 -W 1 10.0.0.1']);
    assert.equal(trace.drop!.reason, 'link veth-red has no carrier: its peer veth-host is down');
  });

  it('ARP unanswered', () => {
    const trace = traceAfter(bareShell(), [...RED_ON_HOST, 'ip netns exec red ping -c 1 -W 1 10.0.0.9']);
    assert.equal(trace.drop!.reason, 'ARP for 10.0.0.9 on veth-red unanswered');
  });
});
