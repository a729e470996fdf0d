/** ifconfig's long listing (net-tools 2.10 lib/interface.c ife_print_long). */
import type { World } from '../../engine/world';
import { formatIpv4, prefixMask } from '../../engine/net/ipv4';
import { operState } from '../../engine/net/links';
import type { Addr4, Addr6, Link, Netns } from '../../engine/net/types';

const IFF: [number, string][] = [
  [0x1, 'UP'],
  [0x2, 'BROADCAST'],
  [0x4, 'DEBUG'],
  [0x8, 'LOOPBACK'],
  [0x10, 'POINTOPOINT'],
  [0x20, 'NOTRAILERS'],
  [0x40, 'RUNNING'],
  [0x80, 'NOARP'],
  [0x100, 'PROMISC'],
  [0x200, 'ALLMULTI'],
  [0x800, 'SLAVE'],
  [0x400, 'MASTER'],
  [0x1000, 'MULTICAST'],
];

/** dev_get_flags: the IFF_* bits userspace sees. */
export function interfaceFlags(world: World, link: Link): number {
  let flags = 0;
  if (link.adminUp) flags |= 0x1;
  if (link.kind === 'loopback') flags |= 0x8;
  else if (link.kind === 'dummy') flags |= 0x2 | 0x80;
  else flags |= 0x2 | 0x1000;
  const oper = operState(world, link);
  // A bridge port is promiscuous inside the kernel, but SIOCGIFFLAGS shows only what a user set.
  if (link.adminUp && (oper === 'UP' || oper === 'UNKNOWN')) flags |= 0x40;
  return flags;
}

/** net-tools prints byte counts with a binary-unit hint: "1118 (1.0 KiB)". */
export function humanBytes(bytes: number): string {
  const units: [number, string][] = [
    [1125899906842624, 'PiB'],
    [1099511627776, 'TiB'],
    [1073741824, 'GiB'],
    [1048576, 'MiB'],
    [1024, 'KiB'],
  ];
  let short = bytes * 10;
  let unit = 'B';
  for (const [size, name] of units) {
    if (bytes > size) {
      short = Math.trunc(short / size);
      unit = name;
      break;
    }
  }
  return `${Math.trunc(short / 10)}.${short % 10} ${unit}`;
}

function scopeId(a: Addr6): string {
  if (a.scope === 'link') return '0x20<link>';
  if (a.scope === 'host') return '0x10<host>';
  return '0x0<global>';
}

export function primaryOf(ns: Netns, link: Link): Addr4 | undefined {
  // An alias label (eth0:1) is a separate interface to ifconfig.
  return ns.addrs.find((a): a is Addr4 => a.family === 4 && a.linkId === link.id && !a.secondary && !a.label.includes(':'));
}

function flagsLine(world: World, link: Link, name: string): string {
  const flags = interfaceFlags(world, link);
  const names = IFF.filter(([bit]) => flags & bit).map(([, n]) => n);
  return `${name}: flags=${flags}<${names.join(',')}>  mtu ${link.mtu}\n`;
}

function inetLine(world: World, link: Link, a: Addr4): string {
  let out = `        inet ${formatIpv4(a.local)}  netmask ${formatIpv4(prefixMask(a.prefixLen))}`;
  if (interfaceFlags(world, link) & 0x2) out += `  broadcast ${formatIpv4(a.broadcast ?? 0)}`;
  return out + '\n';
}

function hwLine(link: Link): string {
  if (link.kind === 'loopback') return `        loop  txqueuelen ${link.txqlen}  (Local Loopback)\n`;
  return `        ether ${link.mac}  txqueuelen ${link.txqlen}  (Ethernet)\n`;
}

/** Address labels "eth0:1" are interfaces of their own to ifconfig (no IPv6, no counters). */
export function aliasesOf(ns: Netns, link: Link): Addr4[] {
  return ns.addrs.filter((a): a is Addr4 => a.family === 4 && a.linkId === link.id && a.label.startsWith(`${link.name}:`)).sort((a, b) => nstrcmp(a.label, b.label));
}

export function formatAlias(world: World, ns: Netns, link: Link, label: string): string {
  const a = aliasesOf(ns, link).find((x) => x.label === label);
  return flagsLine(world, link, label) + (a ? inetLine(world, link, a) : '') + hwLine(link) + '\n';
}

export function formatInterface(world: World, ns: Netns, link: Link): string {
  let out = flagsLine(world, link, link.name);
  const v4 = primaryOf(ns, link);
  if (v4) out += inetLine(world, link, v4);
  for (const a of ns.addrs) {
    if (a.family !== 6 || a.linkId !== link.id) continue;
    out += `        inet6 ${a.local}  prefixlen ${a.prefixLen}  scopeid ${scopeId(a)}\n`;
  }
  out += hwLine(link);
  const s = link.stats;
  out += `        RX packets ${s.rxPackets}  bytes ${s.rxBytes} (${humanBytes(s.rxBytes)})\n`;
  out += `        RX errors ${s.rxErrors}  dropped ${s.rxDropped}  overruns 0  frame 0\n`;
  out += `        TX packets ${s.txPackets}  bytes ${s.txBytes} (${humanBytes(s.txBytes)})\n`;
  out += `        TX errors ${s.txErrors}  dropped ${s.txDropped} overruns 0  carrier 0  collisions 0\n`;
  return out + '\n';
}

/** nstrcmp: interface names compare with their numbers as numbers (eth2 < eth10). */
export function nstrcmp(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) return Number(x) - Number(y) || x.localeCompare(y);
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}
