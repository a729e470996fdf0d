/**
 * ss (iproute2 6.1): sockets of the namespace. Vethlab's sockets are the listeners of simulated
 * programs (`nc -l`), so -l (or -a) lists them; established connections are not kept.
 * Columns are as wide as their widest cell, as ss computes them.
 */
import { formatIpv4 } from '../../engine/net/ipv4';
import { Output, type CommandFn } from '../types';
import { dhcpSockets } from './dhcp-sockets';
import { containerServerSockets } from './container-server-sockets';
import { dockerProxySockets } from './docker-proxy-sockets';
import { dockerdSockets } from './dockerd-sockets';
import { listenersOf, type Listener } from './listeners';

type Socket = Omit<Listener, 'accepted' | 'received'>;

/** ss dumps UDP before TCP, each IPv4 then IPv6; ports in ascending order. */
function ssOrder(a: Socket, b: Socket): number {
  if (a.proto !== b.proto) return a.proto === 'udp' ? -1 : 1;
  if (!!a.v6 !== !!b.v6) return a.v6 ? 1 : -1;
  return a.port - b.port;
}

export const ss: CommandFn = (argv, ctx) => {
  const out = new Output();
  let tcp = false;
  let udp = false;
  let listening = false;
  let all = false;
  let processes = false;
  for (const a of argv.slice(1)) {
    if (a === '--tcp') tcp = true;
    else if (a === '--udp') udp = true;
    else if (a === '--listening') listening = true;
    else if (a === '--all') all = true;
    else if (a === '--processes') processes = true;
    else if (a === '--numeric') continue;
    else if (/^-[tulanp4eoime]+$/.test(a)) {
      tcp ||= a.includes('t');
      udp ||= a.includes('u');
      listening ||= a.includes('l');
      all ||= a.includes('a');
      processes ||= a.includes('p');
    } else return out.err(`ss: bad option "${a}"`).done(1);
  }
  if (!tcp && !udp) tcp = true;
  const netid = tcp && udp;
  const rows = [...listenersOf(ctx.world), ...dhcpSockets(ctx.ns), ...dockerProxySockets(ctx.world, ctx.ns), ...dockerdSockets(ctx.world, ctx.ns), ...containerServerSockets(ctx.world, ctx.ns)]
    .filter((l) => l.nsId === ctx.ns.id && ((l.proto === 'tcp' && tcp) || (l.proto === 'udp' && udp)) && (listening || all))
    .sort(ssOrder);
  out.out(table(rows, netid, processes));
  return out.done(0);
};

function table(rows: Socket[], netid: boolean, processes: boolean): string {
  const cells = rows.map((l) => ({
    netid: l.proto,
    state: l.proto === 'tcp' ? 'LISTEN' : 'UNCONN',
    recv: '0',
    send: l.proto === 'tcp' ? String(l.backlog ?? 1) : '0',
    laddr: l.dualStack ? '*' : l.v6 ? '[::]' : l.addr === 0 ? '0.0.0.0' : formatIpv4(l.addr),
    lport: String(l.port),
    paddr: l.dualStack ? '*' : l.v6 ? '[::]' : '0.0.0.0',
    pport: '*',
    process: processes ? `users:(${(l.holders ?? [l]).map((h) => `("${h.program}",pid=${h.pid},fd=${h.fd})`).join(',')})` : '',
  }));
  const w = (header: string, values: string[]) => Math.max(header.length, ...values.map((v) => v.length));
  const nw = w('Netid', cells.map((c) => c.netid));
  const sw = w('State', cells.map((c) => c.state));
  const law = w('Local Address', cells.map((c) => c.laddr));
  const lpw = w('Port', cells.map((c) => c.lport));
  const paw = w('Peer Address', cells.map((c) => c.paddr));
  const ppw = w('Port', cells.map((c) => c.pport));
  const head = `${netid ? 'Netid'.padEnd(nw) + ' ' : ''}${'State'.padEnd(sw)} Recv-Q Send-Q ${'Local Address'.padStart(law)}:${'Port'.padEnd(lpw)} ${'Peer Address'.padStart(paw)}:${'Port'.padEnd(ppw)}Process\n`;
  const lines = cells.map(
    (c) =>
      `${netid ? c.netid.padEnd(nw) + ' ' : ''}${c.state.padEnd(sw)} ${c.recv.padEnd(6)} ${c.send.padEnd(6)} ${c.laddr.padStart(law)}:${c.lport.padEnd(lpw)} ${c.paddr.padStart(paw)}:${c.pport.padEnd(ppw)}${c.process ? ' ' + c.process : ' '.repeat(7)}\n`,
  );
  // With a Process column over several rows, ss pads the header to the longest line (recorded).
  const width = Math.max(...lines.map((l) => l.length - 1));
  return (processes && lines.length > 1 ? head.slice(0, -1).padEnd(width) + '\n' : head) + lines.join('');
}
