/**
 * docker-proxy's listening sockets on a Docker host, as ss and netstat list them (recorded with
 * Engine 26.1, test/golden/docker/sockets.txt): one proxy process per published port and address
 * family, bound to 0.0.0.0 and [::] for a port published on every address and to the given address
 * otherwise; backlog 4096, fd 4. Derived from the running containers, so snapshots carry them;
 * the host's ps lists the same processes (coreutils/ps.ts).
 */
import type { World } from '../../engine/world';
import type { Netns } from '../../engine/net/types';
import { formatIpv4, parseIpv4 } from '../../engine/net/ipv4';
import type { Container } from '../../engine/docker/types';
import { allDaemons } from '../../engine/docker/daemon';
import type { Listener } from './listeners';

type Socket = Omit<Listener, 'accepted' | 'received'>;

/** One docker-proxy process: what it listens on and where it forwards. */
export interface DockerProxy {
  pid: number;
  proto: 'tcp' | 'udp';
  /** 0 with v6: [::]. */
  addr: number;
  v6: boolean;
  hostPort: number;
  containerIp: number;
  containerPort: number;
}

/**
 * The proxies of a running container, in the order dockerd starts them. They start while its
 * network is set up (libnetwork's prestart hook): after its containerd shim (c.pid - 21), before
 * its first process (c.pid).
 */
export function containerProxies(c: Container): DockerProxy[] {
  if (c.state !== 'running' && c.state !== 'paused') return [];
  const out: DockerProxy[] = [];
  const count = c.ports.reduce((n, p) => n + (p.hostIp === '' || p.hostIp === '0.0.0.0' ? 2 : 1), 0);
  let pid = c.pid - 10 - 2 * count;
  const containerIp = c.endpoints[0]?.ip ?? 0;
  for (const p of c.ports) {
    const wildcard = p.hostIp === '' || p.hostIp === '0.0.0.0';
    const addr = wildcard ? 0 : parseIpv4(p.hostIp);
    if (addr === null) continue;
    const own = { proto: p.proto, hostPort: p.hostPort, containerIp, containerPort: p.containerPort };
    out.push({ ...own, addr, v6: false, pid: (pid += 2) });
    if (wildcard) out.push({ ...own, addr: 0, v6: true, pid: (pid += 2) });
  }
  return out;
}

/**
 * The proxy's command line as dockerd starts it (libnetwork/portmapper, recorded with Engine 26.1:
 * test/golden/docker/proxy-ps.txt); docker-ce installs the program in /usr/bin.
 */
export function proxyCommandLine(p: DockerProxy): string {
  const hostIp = p.v6 ? '::' : formatIpv4(p.addr);
  return `/usr/bin/docker-proxy -proto ${p.proto} -host-ip ${hostIp} -host-port ${p.hostPort} -container-ip ${formatIpv4(p.containerIp)} -container-port ${p.containerPort}`;
}

export function dockerProxySockets(world: World, ns: Netns): Socket[] {
  const out: Socket[] = [];
  for (const daemon of allDaemons(world)) {
    if (world.host(daemon.hostId).rootNsId !== ns.id) continue;
    for (const c of daemon.containers) {
      for (const p of containerProxies(c)) {
        out.push({ nsId: ns.id, proto: p.proto, port: p.hostPort, program: 'docker-proxy', fd: 4, ...(p.proto === 'tcp' ? { backlog: 4096 } : {}), addr: p.addr, ...(p.v6 ? { v6: true } : {}), pid: p.pid });
      }
    }
  }
  return out;
}
