/** IPVS round robin as ip_vs_rr schedules it, and the NAT of a balanced connection both ways. */
import { strict as assert } from 'node:assert';
import { World } from '../../src/engine/world';
import { createHost, rootNs } from '../../src/engine/host';
import { parseIpv4, formatIpv4 } from '../../src/engine/net/ipv4';
import { ipvsForward, ipvsReply, scheduleRoundRobin, setVirtualService, virtualServices, type VirtualService } from '../../src/engine/packet/ipvs';
import { newWalk } from '../../src/engine/packet/walk-context';
import { defaultHooks } from '../../src/engine/packet/hooks';
import type { Packet } from '../../src/engine/packet/packet';

const ip = (text: string) => parseIpv4(text)!;
const VIP = ip('10.0.1.2');

function setup() {
  const world = new World({ seed: 1 });
  const host = createHost(world, 'node1');
  const ns = rootNs(world, host);
  const program = (reals: string[]) => setVirtualService(world, ns.id, { vip: VIP, proto: null, port: null, label: 'service web' }, reals.map((r) => ({ ip: ip(r), port: null })));
  const service = (): VirtualService => virtualServices(world, ns.id)[0]!;
  return { world, ns, program, service };
}

function picks(svc: VirtualService, n: number): string[] {
  return Array.from({ length: n }, () => formatIpv4(scheduleRoundRobin(svc)!.ip));
}

describe('overlay: IPVS round robin (ip_vs_rr)', () => {
  it('servers added 1, 2, 3 are chosen 3, 2, 1, 3, 2, 1 (each new server goes to the head of the list)', () => {
    const { program, service } = setup();
    program(['10.0.1.3', '10.0.1.4', '10.0.1.5']);
    assert.deepEqual(picks(service(), 6), ['10.0.1.5', '10.0.1.4', '10.0.1.3', '10.0.1.5', '10.0.1.4', '10.0.1.3']);
  });

  it('a server added later is at the head: chosen once the cursor wraps past the end', () => {
    const { program, service } = setup();
    program(['10.0.1.3', '10.0.1.4']);
    assert.deepEqual(picks(service(), 1), ['10.0.1.4']);
    program(['10.0.1.3', '10.0.1.4', '10.0.1.5']);
    assert.deepEqual(picks(service(), 4), ['10.0.1.3', '10.0.1.5', '10.0.1.4', '10.0.1.3']);
  });

  it('deleting the server chosen last moves the cursor back (ip_vs_rr_del_dest): the next one is the same as before', () => {
    const { program, service } = setup();
    program(['10.0.1.3', '10.0.1.4', '10.0.1.5']);
    assert.deepEqual(picks(service(), 2), ['10.0.1.5', '10.0.1.4']);
    program(['10.0.1.3', '10.0.1.5']);
    assert.deepEqual(picks(service(), 3), ['10.0.1.3', '10.0.1.5', '10.0.1.3']);
  });

  it('no server: nothing is scheduled', () => {
    const { program, service } = setup();
    program([]);
    assert.equal(scheduleRoundRobin(service()), undefined);
  });
});

describe('overlay: IPVS NAT of a balanced connection', () => {
  const syn = (sport: number): Packet => ({ src: ip('10.0.1.7'), dst: VIP, proto: 'tcp', ttl: 64, length: 60, sport, dport: 80, tcpFlags: 'SYN' });

  it('rewrites a SYN to the VIP to the next real server, keeps the port (firewall-mark service), and says so in the trace', () => {
    const { world, ns, program } = setup();
    program(['10.0.1.3', '10.0.1.4']);
    const walk = newWalk(world, defaultHooks, 0);
    const out = ipvsForward(walk, ns, syn(40001));
    assert.equal(formatIpv4(out.dst), '10.0.1.4');
    assert.equal(out.dport, 80);
    assert.match(walk.trace.hops[0]!.detail, /^IPVS: service web 10\.0\.1\.2:80 -> 10\.0\.1\.4:80 \(round robin, 2 servers\)$/);
  });

  it('later segments of the connection go to the same server; a new SYN is scheduled again', () => {
    const { world, ns, program } = setup();
    program(['10.0.1.3', '10.0.1.4']);
    const walk = newWalk(world, defaultHooks, 0);
    assert.equal(formatIpv4(ipvsForward(walk, ns, syn(40001)).dst), '10.0.1.4');
    assert.equal(formatIpv4(ipvsForward(walk, ns, { ...syn(40001), tcpFlags: 'ACK' }).dst), '10.0.1.4');
    assert.equal(formatIpv4(ipvsForward(walk, ns, syn(40002)).dst), '10.0.1.3');
  });

  it("the real server's reply leaves with the VIP as its source; unrelated packets are untouched", () => {
    const { world, ns, program } = setup();
    program(['10.0.1.3']);
    const walk = newWalk(world, defaultHooks, 0);
    ipvsForward(walk, ns, syn(40001));
    const reply: Packet = { src: ip('10.0.1.3'), dst: ip('10.0.1.7'), proto: 'tcp', ttl: 64, length: 60, sport: 80, dport: 40001, tcpFlags: 'SYN,ACK' };
    const back = ipvsReply(walk, ns, reply);
    assert.equal(formatIpv4(back.src), '10.0.1.2');
    assert.equal(back.sport, 80);
    const stranger = { ...reply, dport: 40999 };
    assert.equal(ipvsReply(walk, ns, stranger), stranger);
  });

  it('ICMP to a VIP is not balanced (IPVS only handles TCP and UDP)', () => {
    const { world, ns, program } = setup();
    program(['10.0.1.3']);
    const walk = newWalk(world, defaultHooks, 0);
    const ping: Packet = { src: ip('10.0.1.7'), dst: VIP, proto: 'icmp', ttl: 64, length: 84, icmp: { type: 'echo-request', id: 1, seq: 1 } };
    assert.equal(ipvsForward(walk, ns, ping), ping);
  });
});
