/**
 * ss (iproute2 6.1): sockets of the namespace. Vethlab's sockets are the listeners of simulated
 * programs (`nc -l`), so -l (or -a) lists them; established connections are not kept.
 * Columns are as wide as their widest cell, as ss computes them.
 */
import { formatIpv4 } from '../../engine/net/ipv4';
import { Output, type CommandFn } from '../types';
import { listenersOf, type Listener } from './listeners';

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
  const rows = listenersOf(ctx.world)
    .filter((l) => l.nsId === ctx.ns.id && ((l.proto === 'tcp' && tcp) || (l.proto === 'udp' && udp)) && (listening || all))
    .sort((a, b) => (a.proto === b.proto ? a.port - b.port : a.proto === 'tcp' ? -1 : 1));
  out.out(table(rows, netid, processes));
  return out.done(0);
};

function table(rows: Listener[], netid: boolean, processes: boolean): string {
  const cells = rows.map((l) => ({
    netid: l.proto,
    state: l.proto === 'tcp' ? 'LISTEN' : 'UNCONN',
    recv: '0',
    send: l.proto === 'tcp' ? '1' : '0',
    laddr: l.addr === 0 ? '0.0.0.0' : formatIpv4(l.addr),
    lport: String(l.port),
    paddr: '0.0.0.0',
    pport: '*',
    process: processes ? `users:(("${l.program}",pid=${l.pid},fd=${l.fd}))` : '',
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
  return head + lines.join('');
}
