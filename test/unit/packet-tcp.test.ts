import { strict as assert } from 'node:assert';
import { setIpForward } from '../../src/engine/net/forwarding';
import type { Packet } from '../../src/engine/packet/packet';
import { sendPacket, type Sockets } from '../../src/engine/packet/walk';
import type { Shell } from '../../src/shell/shell';
import { bridged, ip, mustRun, ns } from './packet-fixtures';

/** The seed's port forwarding: host:80 -> blue 192.168.15.2:80, seen from the LAN machine. */
function portForward(): Shell {
  const sh = bridged();
  mustRun(sh, ['ip netns exec blue ip route add default via 192.168.15.5', 'iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 192.168.15.2:80']);
  setIpForward(ns(sh, null), true);
  return sh;
}

function syn(src: string, dst: string, dport: number): Packet {
  return { src: ip(src), dst: ip(dst), proto: 'tcp', ttl: 64, length: 60, sport: 40000, dport, tcpFlags: 'SYN' };
}

function lanhost(sh: Shell) {
  const host = sh.world.hostByName('lanhost')!;
  return sh.world.netns(host.rootNsId);
}

const web: Sockets = (ns, p) => (p.dport === 80 && ns.name === 'blue' ? { kind: 'reply', packet: { src: p.dst, dst: p.src, proto: 'tcp', ttl: 64, length: 60, sport: 80, dport: p.sport ?? 0, tcpFlags: 'SYN,ACK' } } : { kind: 'refused' });

describe('packet walker: TCP', () => {
  it('a published port: DNAT to blue, the SYN-ACK comes back from the host address', () => {
    const sh = portForward();
    const lan = lanhost(sh);
    const result = sendPacket(sh.world, lan, syn('192.168.1.3', '192.168.1.2', 80), { sockets: web });
    const back = result.deliveries.find((d) => d.nsId === lan.id);
    assert.equal(back?.packet.tcpFlags, 'SYN,ACK');
    assert.equal(back?.packet.src, ip('192.168.1.2'));
    assert.equal(back?.packet.sport, 80);
    assert.ok(result.deliveries.some((d) => d.nsId === ns(sh, 'blue').id && d.packet.dport === 80), 'blue received the SYN');
  });

  it('nothing listening: the kernel answers RST, and the trace says why', () => {
    const sh = portForward();
    const lan = lanhost(sh);
    const result = sendPacket(sh.world, lan, syn('192.168.1.3', '192.168.1.2', 80));
    const back = result.deliveries.find((d) => d.nsId === lan.id);
    assert.equal(back?.packet.tcpFlags, 'RST,ACK');
    assert.equal(back?.packet.src, ip('192.168.1.2'));
    assert.equal(result.trace.drops[0]?.reason, 'nothing listens on TCP port 80 at 192.168.15.2 in netns blue');
  });

  it('UDP to a closed port: ICMP port unreachable', () => {
    const sh = bridged();
    const red = ns(sh, 'red');
    const result = sendPacket(sh.world, red, { src: 0, dst: ip('192.168.15.2'), proto: 'udp', ttl: 64, length: 40, sport: 5000, dport: 53 });
    const err = result.deliveries.find((d) => d.nsId === red.id);
    assert.equal(err?.packet.icmp?.type, 'dest-unreachable');
    assert.equal(err?.packet.icmp?.code, 3);
  });
});
