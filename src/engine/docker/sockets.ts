/**
 * Who answers TCP in a world with containers: a running container whose main process listens
 * on the port (nginx on 80, redis on 6379, ...) takes the SYN and sends the SYN-ACK. `onAccept`
 * learns which container took it and the source address it saw (after NAT).
 */
import type { World } from '../world';
import type { Sockets } from '../packet/sockets';
import { imageOf } from './containers';
import { listeningPorts, runsDefault } from './services';
import type { Container, DaemonState } from './types';

export function containerSockets(world: World, daemon: DaemonState, onAccept: (c: Container, src: number) => void): Sockets {
  return (ns, p) => {
    if (p.proto !== 'tcp' || p.tcpFlags !== 'SYN') return { kind: 'refused' };
    const c = daemon.containers.find((x) => x.nsId === ns.id && x.state === 'running');
    const image = c ? imageOf(daemon, c) : undefined;
    if (!c || !image || !runsDefault(c, image) || !listeningPorts(image).includes(p.dport ?? -1)) return { kind: 'refused' };
    onAccept(c, p.src);
    void world;
    return { kind: 'reply', packet: { src: p.dst, dst: p.src, proto: 'tcp', ttl: 64, length: 60, sport: p.dport ?? 0, dport: p.sport ?? 0, tcpFlags: 'SYN,ACK' } };
  };
}
