/**
 * The sockets the DHCP daemons of a namespace hold, as ss and netstat list them (recorded in
 * test/golden/dhcp-renew.txt): dnsmasq 2.90 binds 0.0.0.0:67 (fd 4) for DHCP and, unless
 * --port=0, its DNS port on the wildcards: UDP 0.0.0.0 (fd 6), TCP 0.0.0.0 (fd 7, backlog 32),
 * UDP [::] (fd 8), TCP [::] (fd 9). A running dhclient holds its fallback socket 0.0.0.0:68
 * (fd 6). Derived from the namespace's DHCP state, so snapshots carry them.
 */
import type { Netns } from '../../engine/net/types';
import type { Listener } from './listeners';

type Socket = Omit<Listener, 'accepted' | 'received'>;

export function dhcpSockets(ns: Netns): Socket[] {
  const out: Socket[] = [];
  for (const server of ns.dhcp?.servers ?? []) {
    const own = { nsId: ns.id, addr: 0, program: server.program, pid: server.pid };
    out.push({ ...own, proto: 'udp', port: 67, fd: 4 });
    const dns = server.dnsPort ?? 53;
    if (dns === 0) continue;
    out.push(
      { ...own, proto: 'udp', port: dns, fd: 6 },
      { ...own, proto: 'tcp', port: dns, fd: 7, backlog: 32 },
      { ...own, proto: 'udp', port: dns, fd: 8, v6: true },
      { ...own, proto: 'tcp', port: dns, fd: 9, v6: true, backlog: 32 },
    );
  }
  for (const client of ns.dhcp?.clients ?? []) {
    if (client.program === 'dhclient' && client.running) out.push({ nsId: ns.id, addr: 0, program: 'dhclient', pid: client.pid ?? 0, proto: 'udp', port: 68, fd: 6 });
  }
  return out;
}
