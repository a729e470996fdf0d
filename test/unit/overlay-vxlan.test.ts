/** VXLAN encapsulation: the outer datagram, its source port, tcpdump's decode, and the device's drops. */
import { strict as assert } from 'node:assert';
import { encapsulate, flowSourcePort, VXLAN_OVERHEAD, VXLAN_PORT, type VxlanDevice } from '../../src/engine/packet/vxlan';
import { echoRequest } from '../../src/engine/packet/packet';
import { frameBytes, type Frame } from '../../src/engine/packet/frame';
import { parseIpv4 } from '../../src/engine/net/ipv4';
import { formatFrame } from '../../src/shell/nettools/tcpdump-print';
import { frameFromBytes, frameToBytes } from '../../src/engine/packet/capture-bytes';

const ip = (text: string) => parseIpv4(text)!;
const dev: VxlanDevice = { linkId: 1, vni: 4097, underlayNsId: 2, local: ip('192.168.1.11'), fdb: {} };

function icmpFrame(seq: number): Frame {
  return { src: '02:42:0a:00:01:03', dst: '02:42:0a:00:01:04', kind: 'ipv4', packet: echoRequest(ip('10.0.1.3'), ip('10.0.1.4'), { id: 7, seq, dataLen: 56, ttl: 64 }) };
}

describe('overlay: VXLAN encapsulation', () => {
  it('wraps the frame in UDP to port 4789 of the remote host: 50 bytes more than the inner IP packet', () => {
    const inner = icmpFrame(1);
    const outer = encapsulate(dev, inner, ip('192.168.1.12'), 64);
    assert.equal(outer.src, ip('192.168.1.11'));
    assert.equal(outer.dst, ip('192.168.1.12'));
    assert.equal(outer.proto, 'udp');
    assert.equal(outer.dport, VXLAN_PORT);
    assert.equal(outer.vxlan?.vni, 4097);
    assert.equal(outer.length, 84 + 50);
    assert.equal(outer.length, VXLAN_OVERHEAD + frameBytes(inner));
  });

  it('takes the source port from a hash of the inner flow, inside 32768-60999, the same for every packet of it', () => {
    const ports = new Set<number>();
    for (let seq = 1; seq <= 5; seq++) ports.add(flowSourcePort(icmpFrame(seq)));
    assert.equal(ports.size, 1);
    const port = [...ports][0]!;
    assert.ok(port >= 32768 && port <= 60999, String(port));
    const other: Frame = { src: '02:42:0a:00:01:03', dst: '02:42:0a:00:01:05', kind: 'ipv4', packet: echoRequest(ip('10.0.1.3'), ip('10.0.1.5'), { id: 7, seq: 1, dataLen: 56, ttl: 64 }) };
    assert.notEqual(flowSourcePort(other), port);
  });

  it('tcpdump prints print-vxlan.c\'s header line, then the inner frame on the next line', () => {
    const outer = encapsulate(dev, icmpFrame(1), ip('192.168.1.12'), 64);
    const sport = outer.sport!;
    const frame: Frame = { src: '52:54:00:12:34:11', dst: '52:54:00:12:34:12', kind: 'ipv4', packet: outer };
    assert.equal(formatFrame(frame, { link: false }), `IP 192.168.1.11.${sport} > 192.168.1.12.4789: VXLAN, flags [I] (0x08), vni 4097\nIP 10.0.1.3 > 10.0.1.4: ICMP echo request, id 7, seq 1, length 64`);
    assert.equal(
      formatFrame(frame, { link: true }),
      `52:54:00:12:34:11 > 52:54:00:12:34:12, ethertype IPv4 (0x0800), length 148: 192.168.1.11.${sport} > 192.168.1.12.4789: VXLAN, flags [I] (0x08), vni 4097\n02:42:0a:00:01:03 > 02:42:0a:00:01:04, ethertype IPv4 (0x0800), length 98: 10.0.1.3 > 10.0.1.4: ICMP echo request, id 7, seq 1, length 64`,
    );
  });

  it('a plain UDP datagram to another port still prints as UDP', () => {
    const frame: Frame = { src: '52:54:00:12:34:11', dst: '52:54:00:12:34:12', kind: 'ipv4', packet: { src: ip('192.168.1.11'), dst: ip('192.168.1.12'), proto: 'udp', ttl: 64, length: 40, sport: 5000, dport: 4789 } };
    assert.equal(formatFrame(frame, { link: false }), 'IP 192.168.1.11.5000 > 192.168.1.12.4789: UDP, length 12');
  });

  it('on the wire (tcpdump -w / -r): UDP header, the 8-byte VXLAN header (flags 0x08, the VNI), then the inner frame', () => {
    const outer = encapsulate(dev, icmpFrame(3), ip('192.168.1.12'), 64);
    const frame: Frame = { src: '52:54:00:12:34:11', dst: '52:54:00:12:34:12', kind: 'ipv4', packet: outer };
    const bytes = frameToBytes(frame);
    assert.equal(bytes.length, 14 + outer.length);
    assert.deepEqual(bytes.slice(14 + 20 + 8, 14 + 20 + 16), [0x08, 0, 0, 0, 0x00, 0x10, 0x01, 0]);
    assert.deepEqual(bytes.slice(14 + 20 + 16, 14 + 20 + 16 + 6), [0x02, 0x42, 0x0a, 0x00, 0x01, 0x04]);
    const back = frameFromBytes(bytes);
    assert.ok(back?.kind === 'ipv4');
    assert.equal(formatFrame(back, { link: false }), formatFrame(frame, { link: false }));
  });
});
