/**
 * docker-proxy's listening sockets on a Docker host, as ss and netstat list them (recorded with
 * Engine 26.1, test/golden/docker/sockets.txt): one proxy process per published port and address
 * family, bound to 0.0.0.0 and [::] for a port published on every address and to the given address
 * otherwise; backlog 4096, fd 4. Derived from the running containers, so snapshots carry them.
 */
import type { World } from '../../engine/world';
import type { Netns } from '../../engine/net/types';
import { parseIpv4 } from '../../engine/net/ipv4';
import { allDaemons } from '../../engine/docker/daemon';
import type { Listener } from './listeners';

type Socket = Omit<Listener, 'accepted' | 'received'>;

export function dockerProxySockets(world: World, ns: Netns): Socket[] {
  const out: Socket[] = [];
  for (const daemon of allDaemons(world)) {
    if (world.host(daemon.hostId).rootNsId !== ns.id) continue;
    for (const c of daemon.containers) {
      if (c.state !== 'running' && c.state !== 'paused') continue;
      // The proxies start while the container's network is set up (libnetwork's prestart hook):
      // after its containerd shim (c.pid - 21), before its first process (c.pid).
      const count = c.ports.reduce((n, p) => n + (p.hostIp === '' || p.hostIp === '0.0.0.0' ? 2 : 1), 0);
      let pid = c.pid - 10 - 2 * count;
      for (const p of c.ports) {
        const wildcard = p.hostIp === '' || p.hostIp === '0.0.0.0';
        const addr = wildcard ? 0 : parseIpv4(p.hostIp);
        if (addr === null) continue;
        const own = { nsId: ns.id, proto: p.proto, port: p.hostPort, program: 'docker-proxy', fd: 4, ...(p.proto === 'tcp' ? { backlog: 4096 } : {}) };
        out.push({ ...own, addr, pid: (pid += 2) });
        if (wildcard) out.push({ ...own, addr: 0, v6: true, pid: (pid += 2) });
      }
    }
  }
  return out;
}
