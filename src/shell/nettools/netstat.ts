/** net-tools netstat, the parts about routes and interfaces: -r (like `route -e`) and -i. */
import { linksIn } from '../../engine/net/links';
import type { Link } from '../../engine/net/types';
import { type CommandFn, type ShellContext, success } from '../types';
import { interfaceFlags, nstrcmp } from './ifconfig-print';
import { show as showRoutes } from './route';
import { socketTable } from './netstat-sockets';

export const netstat: CommandFn = (argv, ctx) => {
  let routes = false;
  let interfaces = false;
  let numeric = false;
  let all = false;
  const sockets = { tcp: false, udp: false, listening: false, programs: false };
  for (const a of argv.slice(1)) {
    if (a === '--tcp') sockets.tcp = true;
    else if (a === '--udp') sockets.udp = true;
    else if (a === '--listening') sockets.listening = true;
    else if (a === '--program') sockets.programs = true;
    else if (a === '--route') routes = true;
    else if (a === '--interfaces') interfaces = true;
    else if (a === '--numeric') numeric = true;
    else if (a === '--all') all = true;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const f of a.slice(1)) {
        if (f === 'r') routes = true;
        else if (f === 'i') interfaces = true;
        else if (f === 'n') numeric = true;
        else if (f === 'a') all = true;
        else if (f === 't') sockets.tcp = true;
        else if (f === 'u') sockets.udp = true;
        else if (f === 'l') sockets.listening = true;
        else if (f === 'p') sockets.programs = true;
        else if (f === 'e' || f === 'v') continue;
        else return { stdout: '', stderr: `netstat: invalid option -- '${f}'\n`, exitCode: 1 };
      }
    } else return { stdout: '', stderr: `netstat: unsupported argument ${a}\n`, exitCode: 1 };
  }
  if (routes) {
    const r = showRoutes(ctx, numeric, true);
    return { ...r, exitCode: 0 };
  }
  if (interfaces) return success(interfaceTable(ctx, all));
  // -t/-u: only those protocols (no UNIX sockets); -l: listening ones (see netstat-sockets.ts).
  if (sockets.tcp || sockets.udp) {
    const both = !sockets.tcp && !sockets.udp;
    return success(socketTable(ctx, { ...sockets, tcp: sockets.tcp || both, udp: sockets.udp || both, all }));
  }
  return success('Active Internet connections (w/o servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State      \nActive UNIX domain sockets (w/o servers)\nProto RefCnt Flags       Type       State         I-Node   Path\n');
};

/** Flag letters in the order net-tools prints them. */
function flagLetters(flags: number): string {
  const order: [number, string][] = [
    [0x200, 'A'],
    [0x2, 'B'],
    [0x4, 'D'],
    [0x8, 'L'],
    [0x1000, 'M'],
    [0x100, 'P'],
    [0x20, 'N'],
    [0x80, 'O'],
    [0x10, 'P'],
    [0x800, 's'],
    [0x400, 'm'],
    [0x40, 'R'],
    [0x1, 'U'],
  ];
  return order.filter(([bit]) => flags & bit).map(([, l]) => l).join('');
}

function interfaceTable(ctx: ShellContext, all: boolean): string {
  const links = linksIn(ctx.world, ctx.ns.id).sort((a, b) => nstrcmp(a.name, b.name));
  let out = 'Kernel Interface table\nIface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n';
  for (const link of links) {
    const flags = interfaceFlags(ctx.world, link);
    if (!all && !(flags & 0x1)) continue;
    out += row(link, flags);
  }
  return out;
}

function row(link: Link, flags: number): string {
  const s = link.stats;
  const n = (v: number, w: number) => String(v).padStart(w);
  return `${link.name.slice(0, 15).padEnd(15)} ${n(link.mtu, 5)} ${n(s.rxPackets, 8)} ${n(s.rxErrors, 6)} ${n(s.rxDropped, 6)} ${'0'.padEnd(6)} ${n(s.txPackets, 8)} ${n(s.txErrors, 6)} ${n(s.txDropped, 6)} ${n(0, 6)} ${flagLetters(flags)}\n`;
}
