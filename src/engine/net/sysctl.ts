/**
 * Per-namespace sysctls under net.*: the kernel's defaults, per-interface keys
 * (net.ipv4.conf.<if>.*), and the coupling between ip_forward, conf.all.forwarding,
 * conf.default.forwarding and every interface's forwarding flag (devinet_sysctl_forward).
 */
import type { World } from '../world';
import { linksIn } from './links';
import type { Netns } from './types';

export const DEFAULT_NET_SYSCTL: Record<string, string> = {
  'net.ipv4.ip_forward': '0',
  'net.ipv4.ip_forward_update_priority': '1',
  'net.ipv4.ip_forward_use_pmtu': '0',
  'net.ipv4.conf.all.forwarding': '0',
  'net.ipv4.conf.default.forwarding': '0',
  'net.ipv4.conf.all.rp_filter': '0',
  'net.ipv4.conf.default.rp_filter': '0',
  'net.ipv4.conf.all.proxy_arp': '0',
  'net.ipv4.conf.default.proxy_arp': '0',
  'net.ipv4.conf.all.route_localnet': '0',
  'net.ipv4.conf.default.route_localnet': '0',
  'net.ipv4.ip_default_ttl': '64',
  'net.ipv4.icmp_echo_ignore_all': '0',
  'net.ipv4.icmp_echo_ignore_broadcasts': '1',
  'net.ipv4.ping_group_range': '0\t2147483647',
  'net.ipv4.ip_local_port_range': '32768\t60999',
  'net.ipv4.neigh.default.base_reachable_time_ms': '30000',
  'net.ipv4.neigh.default.gc_stale_time': '60',
  'net.ipv6.conf.all.disable_ipv6': '0',
  'net.ipv6.conf.all.forwarding': '0',
  'net.ipv6.conf.default.disable_ipv6': '0',
  'net.core.somaxconn': '4096',
};

const PER_INTERFACE = ['forwarding', 'rp_filter', 'proxy_arp', 'route_localnet'];
const FORWARD_SWITCHES = new Set(['net.ipv4.ip_forward', 'net.ipv4.conf.all.forwarding']);

export function defaultSysctl(inheritFrom?: Record<string, string>): Record<string, string> {
  const values = { ...DEFAULT_NET_SYSCTL };
  // IPv4 devconf of a new netns is copied from init_net (net.core.devconf_inherit_init_net=0).
  if (inheritFrom) {
    for (const key of Object.keys(values)) {
      if (key.startsWith('net.ipv4.') && inheritFrom[key] !== undefined) values[key] = inheritFrom[key]!;
    }
  }
  return values;
}

/** net.ipv4.conf.<if>.<name> for an existing interface: [ifname, name]. */
function interfaceKey(world: World, ns: Netns, key: string): [string, string] | undefined {
  const m = /^net\.ipv4\.conf\.([^.]+)\.([a-z_]+)$/.exec(key);
  if (!m || m[1] === 'all' || m[1] === 'default' || !PER_INTERFACE.includes(m[2]!)) return undefined;
  return linksIn(world, ns.id).some((l) => l.name === m[1]) ? [m[1]!, m[2]!] : undefined;
}

export function readSysctl(world: World, ns: Netns, key: string): string | undefined {
  const iface = interfaceKey(world, ns, key);
  if (iface) return ns.sysctl[key] ?? ns.sysctl[`net.ipv4.conf.default.${iface[1]}`] ?? '0';
  return ns.sysctl[key];
}

export function sysctlKeys(world: World, ns: Netns): string[] {
  const keys = new Set(Object.keys(ns.sysctl).filter((k) => !/^net\.ipv4\.conf\.(?!all\.|default\.)/.test(k)));
  for (const link of linksIn(world, ns.id)) for (const name of PER_INTERFACE) keys.add(`net.ipv4.conf.${link.name}.${name}`);
  return [...keys].sort();
}

export type SysctlError = 'ENOENT' | 'EINVAL';

/** Writes like /proc/sys: integers only; the forwarding switches fan out to every interface. */
export function writeSysctl(world: World, ns: Netns, key: string, data: string): SysctlError | null {
  const iface = interfaceKey(world, ns, key);
  if (!iface && ns.sysctl[key] === undefined) return 'ENOENT';
  const value = data.trim();
  if (!/^-?\d+$/.test(value.split(/\s+/)[0] ?? '')) return 'EINVAL';
  // devinet_sysctl_forward fans out only when the value actually changes.
  if (FORWARD_SWITCHES.has(key) && ns.sysctl[key] !== value) {
    for (const k of [...FORWARD_SWITCHES, 'net.ipv4.conf.default.forwarding']) ns.sysctl[k] = value;
    for (const k of Object.keys(ns.sysctl)) if (/^net\.ipv4\.conf\.[^.]+\.forwarding$/.test(k) && interfaceKey(world, ns, k)) delete ns.sysctl[k];
  } else {
    ns.sysctl[key] = value;
  }
  world.changed();
  return null;
}
