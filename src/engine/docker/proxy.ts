/**
 * docker-proxy, the userland proxy (Engine 26's default): for every published TCP port it listens
 * on the host, on HostIp or on every address. Docker's DNAT catches most traffic before it gets
 * there; what reaches the host's own sockets is traffic the nat DOCKER chain RETURNs (it came in
 * on a Docker bridge: `-A DOCKER -i br-… -j RETURN`, a container asking for <host>:PORT) and
 * loopback (`OUTPUT ! -d 127.0.0.0/8`). The proxy accepts it and opens its own connection to
 * the container's port.
 */
import type { World } from '../world';
import type { Sockets } from '../packet/sockets';
import type { DaemonState } from './types';
import { formatIpv4 } from '../net/ipv4';

/** Where the proxy forwards: the published container's address and port. */
export interface ProxyTarget {
  ip: number;
  port: number;
}

/** The proxy listening for `dst:port` on the daemon's host, if a running container publishes it. */
export function proxyTarget(daemon: DaemonState, dst: number, port: number): ProxyTarget | undefined {
  const addr = formatIpv4(dst);
  for (const c of daemon.containers) {
    if (c.state !== 'running' || !c.endpoints[0]) continue;
    const p = c.ports.find((x) => x.hostPort === port && x.proto === 'tcp' && (x.hostIp === '' || x.hostIp === '0.0.0.0' || x.hostIp === addr));
    if (p) return { ip: c.endpoints[0].ip, port: p.containerPort };
  }
  return undefined;
}

/** The proxies' sockets in each daemon's host namespace; `onAccept` learns where the accepted one forwards, from which namespace. */
export function proxySockets(world: World, daemons: DaemonState[], onAccept: (target: ProxyTarget, nsId: number) => void): Sockets {
  return (ns, p) => {
    if (p.proto !== 'tcp' || p.tcpFlags !== 'SYN') return { kind: 'refused' };
    const daemon = daemons.find((d) => world.host(d.hostId).rootNsId === ns.id);
    const target = daemon ? proxyTarget(daemon, p.dst, p.dport ?? -1) : undefined;
    if (!target) return { kind: 'refused' };
    onAccept(target, ns.id);
    return { kind: 'reply', packet: { src: p.dst, dst: p.src, proto: 'tcp', ttl: 64, length: 60, sport: p.dport ?? 0, dport: p.sport ?? 0, tcpFlags: 'SYN,ACK' } };
  };
}
