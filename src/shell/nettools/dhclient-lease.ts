/**
 * ISC dhclient's lease file (/var/lib/dhcp/dhclient.leases), one `lease { … }` block appended
 * per ACK, as recorded (test/golden/dhcp.txt, dhcp-renew.txt). dnsmasq orders the options of an
 * answer to a DISCOVER-started exchange with configured options ('discover') differently from
 * the others (INIT-REBOOT, renewals, its default options: 'reboot'); both orders are kept.
 */
import { utcParts, two } from '../../common/clock';
import { broadcastOf, formatIpv4 } from '../../engine/net/ipv4';
import { prefixLenOf, type Bound } from './dhclient-script';

export const DHCLIENT_LEASES = '/var/lib/dhcp/dhclient.leases';

function when(epochMs: number): string {
  const p = utcParts(epochMs);
  return `${p.weekday} ${p.year}/${two(p.month + 1)}/${two(p.day)} ${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}

export interface LeaseRecord extends Bound {
  ifname: string;
  serverId: number;
  hostname: string | null;
  via: 'discover' | 'reboot';
  /** Wall-clock ms (Clock.epoch + now). */
  boundAt: number;
  renewalSecs: number;
  /** The server's T1 and T2 when it sent them fuzzed (a renewal's ACK). */
  t1?: number;
  t2?: number;
}

export function leaseBlock(l: LeaseRecord): string {
  const t1 = l.t1 ?? Math.floor(l.leaseSecs / 2);
  const t2 = l.t2 ?? Math.floor((l.leaseSecs * 7) / 8);
  const mask = `  option subnet-mask ${formatIpv4(l.mask)};`;
  const routers = l.router === null ? [] : [`  option routers ${formatIpv4(l.router)};`];
  const leaseTime = `  option dhcp-lease-time ${l.leaseSecs};`;
  const type = '  option dhcp-message-type 5;';
  const server = `  option dhcp-server-identifier ${formatIpv4(l.serverId)};`;
  const dns = l.dns === null ? [] : [`  option domain-name-servers ${formatIpv4(l.dns)};`];
  const renewal = `  option dhcp-renewal-time ${t1};`;
  const rebinding = `  option dhcp-rebinding-time ${t2};`;
  const broadcast = `  option broadcast-address ${formatIpv4(broadcastOf(l.ip, prefixLenOf(l.mask)))};`;
  const host = l.hostname === null ? [] : [`  option host-name "${l.hostname}";`];
  const options =
    l.via === 'discover'
      ? [mask, leaseTime, ...routers, type, server, ...dns, renewal, rebinding, broadcast, ...host]
      : [mask, ...routers, leaseTime, type, ...dns, server, renewal, broadcast, rebinding, ...host];
  return [
    'lease {',
    `  interface "${l.ifname}";`,
    `  fixed-address ${formatIpv4(l.ip)};`,
    ...options,
    `  renew ${when(l.boundAt + l.renewalSecs * 1000)};`,
    `  rebind ${when(l.boundAt + t2 * 1000)};`,
    `  expire ${when(l.boundAt + l.leaseSecs * 1000)};`,
    '}',
    '',
  ].join('\n');
}
