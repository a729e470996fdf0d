/**
 * net-tools 2.10 `netstat -tulnp`: the listening sockets of simulated servers (`nc -l`), in the
 * columns netstat prints (as recorded in test/golden/netstat-listen.txt): "%-5s %6d %6d
 * %-23s %-23s %-11s", then " %-20s" PID/Program name with -p.
 */
import { formatIpv4 } from '../../engine/net/ipv4';
import type { ShellContext } from '../types';
import { dhcpSockets } from './dhcp-sockets';
import { containerServerSockets } from './container-server-sockets';
import { dockerProxySockets } from './docker-proxy-sockets';
import { dockerdSockets } from './dockerd-sockets';
import { listenersOf, type Listener } from './listeners';

type Socket = Omit<Listener, 'accepted' | 'received'>;

/** netstat reads /proc/net/tcp, tcp6, udp, udp6 in that order; ports ascending within each. */
function netstatOrder(a: Socket, b: Socket): number {
  if (a.proto !== b.proto) return a.proto === 'tcp' ? -1 : 1;
  if (!!a.v6 !== !!b.v6) return a.v6 ? 1 : -1;
  return a.port - b.port;
}

export interface SocketTableOptions {
  tcp: boolean;
  udp: boolean;
  listening: boolean;
  all: boolean;
  programs: boolean;
}

export function socketTable(ctx: ShellContext, o: SocketTableOptions): string {
  const title = o.all ? 'servers and established' : o.listening ? 'only servers' : 'w/o servers';
  let out = `Active Internet connections (${title})\nProto Recv-Q Send-Q Local Address           Foreign Address         State      `;
  out += o.programs ? ' PID/Program name    \n' : '\n';
  if (!o.listening && !o.all) return out;
  const rows = [...listenersOf(ctx.world), ...dhcpSockets(ctx.ns), ...dockerProxySockets(ctx.world, ctx.ns), ...dockerdSockets(ctx.world, ctx.ns), ...containerServerSockets(ctx.world, ctx.ns)]
    .filter((l) => l.nsId === ctx.ns.id && ((l.proto === 'tcp' && o.tcp) || (l.proto === 'udp' && o.udp)))
    .sort(netstatOrder);
  for (const l of rows) {
    const state = l.proto === 'tcp' ? 'LISTEN' : '';
    const local = l.v6 ? `:::${l.port}` : `${formatIpv4(l.addr)}:${l.port}`;
    let line = `${(l.proto + (l.v6 ? '6' : '')).padEnd(5)} ${'0'.padStart(6)} ${'0'.padStart(6)} ${local.padEnd(23)} ${(l.v6 ? ':::*' : '0.0.0.0:*').padEnd(23)} ${state.padEnd(11)}`;
    // net-tools keeps "PID/NAME" in a 20-byte buffer: 19 characters at most.
    if (o.programs) line += ` ${`${l.pid}/${l.cmdline ?? l.program}`.slice(0, 19).padEnd(20)}`;
    out += line + '\n';
  }
  return out;
}
