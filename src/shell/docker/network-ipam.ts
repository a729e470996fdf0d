/**
 * docker/cli 28's consolidateIpam (cli/command/network/create.go): the client pairs --subnet,
 * --ip-range and --gateway before it asks the daemon, and refuses what cannot be paired with
 * its own errors (no "Error response from daemon:", exit 1).
 */
import { parseNetipAddr, parseNetipPrefix, type IpamRequest } from '../../engine/docker/ipam';
import { networkOf } from '../../engine/net/ipv4';

/** Go's net.ParseCIDR (IPv4), keeping the host bits as the address. */
function parseCidr(text: string): { addr: number; len: number } | undefined {
  return parseNetipPrefix(text);
}

/** subnetMatches: is DATA (an address or a CIDR's address) inside SUBNET? An error text when SUBNET is not a CIDR. */
function subnetMatches(subnet: string, data: string): boolean | string {
  const s = parseCidr(subnet);
  if (!s) return `invalid subnet: invalid CIDR address: ${subnet}`;
  let ip: number | undefined;
  if (data.includes('/')) {
    const d = parseCidr(data);
    if (!d) return `invalid CIDR address: ${data}`;
    ip = d.addr;
  } else ip = parseNetipAddr(data);
  return ip !== undefined && networkOf(ip, s.len) === networkOf(s.addr, s.len);
}

/** The IPAM configs the client sends, one per subnet, or the client's error. */
export function consolidateIpam(subnets: string[], ranges: string[], gateways: string[]): IpamRequest[] | string {
  if (subnets.length < ranges.length || subnets.length < gateways.length) return 'every ip-range or gateway must have a corresponding subnet';
  const data = new Map<string, IpamRequest>();
  for (const s of subnets) {
    for (const k of data.keys()) {
      const ok1 = subnetMatches(s, k);
      if (typeof ok1 === 'string') return ok1;
      const ok2 = subnetMatches(k, s);
      if (typeof ok2 === 'string') return ok2;
      if (ok1 || ok2) return 'multiple overlapping subnet configuration is not supported';
    }
    data.set(s, { subnet: s });
  }
  const pair = (values: string[], key: 'ipRange' | 'gateway', what: string, multiple: (v: string, old: string, s: string) => string): string | null => {
    for (const v of values) {
      let match = false;
      for (const s of subnets) {
        const ok = subnetMatches(s, v);
        if (typeof ok === 'string') return ok;
        if (!ok) continue;
        const cfg = data.get(s)!;
        if (cfg[key] !== undefined) return multiple(v, cfg[key]!, s);
        cfg[key] = v;
        match = true;
      }
      if (!match) return `no matching subnet for ${what} ${v}`;
    }
    return null;
  };
  const rangeError = pair(ranges, 'ipRange', 'range', (v, old, s) => `cannot configure multiple ranges (${v}, ${old}) on the same subnet (${s})`);
  if (rangeError) return rangeError;
  const gatewayError = pair(gateways, 'gateway', 'gateway', (v, old, s) => `cannot configure multiple gateways (${v}, ${old}) for the same subnet (${s})`);
  if (gatewayError) return gatewayError;
  return [...data.values()];
}
