/** Per-namespace sysctls under net.* (the ones a namespace owns, with kernel defaults). */
export const DEFAULT_NET_SYSCTL: Record<string, string> = {
  'net.ipv4.ip_forward': '0',
  'net.ipv4.conf.all.forwarding': '0',
  'net.ipv4.conf.all.rp_filter': '0',
  'net.ipv4.conf.default.rp_filter': '0',
  'net.ipv4.conf.all.proxy_arp': '0',
  'net.ipv4.conf.all.route_localnet': '0',
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

/** ip_forward and conf.all.forwarding are one switch seen through two names. */
export const SYSCTL_ALIASES: Record<string, string[]> = {
  'net.ipv4.ip_forward': ['net.ipv4.conf.all.forwarding'],
  'net.ipv4.conf.all.forwarding': ['net.ipv4.ip_forward'],
};

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

/** Per-interface keys appear when a link exists: net.ipv4.conf.<if>.forwarding etc. */
export function interfaceSysctlKeys(name: string): string[] {
  return [`net.ipv4.conf.${name}.forwarding`, `net.ipv4.conf.${name}.rp_filter`, `net.ipv4.conf.${name}.proxy_arp`];
}
