/**
 * What dockerd checks before it allocates anything: the network's IPAM config (moby
 * api/types/network/ipam.go ValidateIPAM, Engine 26) and a container's requested address
 * (daemon/network.go validateEndpointSettings). Texts as the recorded Engine 26.1.5 prints them.
 */
import { formatIpv4, networkOf } from '../net/ipv4';
import type { DockerNetwork } from './types';

export interface Ipv4Prefix {
  addr: number;
  len: number;
}

/** Go's netip.ParseAddr for IPv4: four decimal octets, no leading zeros. */
export function parseNetipAddr(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return undefined;
    value = value * 256 + Number(p);
  }
  return value >>> 0;
}

/** Go's netip.ParsePrefix for IPv4: ADDR/BITS, BITS 0-32 without leading zeros. */
export function parseNetipPrefix(text: string): Ipv4Prefix | undefined {
  const slash = text.lastIndexOf('/');
  if (slash < 0) return undefined;
  const addr = parseNetipAddr(text.slice(0, slash));
  const bits = text.slice(slash + 1);
  if (addr === undefined || !/^(0|[1-9]\d?)$/.test(bits) || Number(bits) > 32) return undefined;
  return { addr, len: Number(bits) };
}

export function formatPrefix(p: Ipv4Prefix): string {
  return `${formatIpv4(p.addr)}/${p.len}`;
}

function contains(net: Ipv4Prefix, addr: number): boolean {
  return networkOf(addr, net.len) === networkOf(net.addr, net.len);
}

/** Go's errors.Join as moby's joinError prints it: one error bare, several as "* " lines. */
export function joinErrors(errs: string[]): string {
  return errs.length === 1 ? errs[0]!.trim() : '* ' + errs.map((e) => e.replace(/\n/g, '\n\t')).join('\n* ');
}

export interface IpamRequest {
  subnet: string;
  ipRange?: string;
  gateway?: string;
}

/** ValidateIPAM: every problem of every config, or null. IPv6 configs are the caller's concern. */
export function validateIpam(configs: IpamRequest[]): string | null {
  const errs: string[] = [];
  for (const cfg of configs) {
    const subnet = parseNetipPrefix(cfg.subnet);
    if (!subnet) {
      errs.push(`invalid subnet ${cfg.subnet}: invalid CIDR block notation`);
      continue;
    }
    const masked = { addr: networkOf(subnet.addr, subnet.len), len: subnet.len };
    if (masked.addr !== subnet.addr) errs.push(`invalid subnet ${formatPrefix(subnet)}: it should be ${formatPrefix(masked)}`);
    if (cfg.ipRange !== undefined && cfg.ipRange !== '') errs.push(...ipRangeErrors(cfg.ipRange, subnet));
    if (cfg.gateway !== undefined && cfg.gateway !== '') {
      const gw = parseNetipAddr(cfg.gateway);
      if (gw === undefined) errs.push(`invalid gateway ${cfg.gateway}: invalid address`);
      else if (!contains(subnet, gw)) errs.push(`invalid gateway ${cfg.gateway}: parent subnet ${formatPrefix(subnet)} doesn't contain this address`);
    }
  }
  return errs.length === 0 ? null : `invalid network config:\n${joinErrors(errs)}`;
}

function ipRangeErrors(text: string, subnet: Ipv4Prefix): string[] {
  const range = parseNetipPrefix(text);
  if (!range) return [`invalid ip-range ${text}: invalid CIDR block notation`];
  const errs: string[] = [];
  if (range.len < subnet.len) errs.push(`invalid ip-range ${text}: CIDR block is bigger than its parent subnet ${formatPrefix(subnet)}`);
  const masked = networkOf(range.addr, range.len);
  if (masked !== range.addr) errs.push(`invalid ip-range ${formatPrefix(range)}: it should be ${formatPrefix({ addr: masked, len: range.len })}`);
  const len = Math.min(range.len, subnet.len);
  if (networkOf(range.addr, len) !== networkOf(subnet.addr, len)) errs.push(`invalid ip-range ${text}: parent subnet ${formatPrefix(subnet)} doesn't contain ip-range`);
  return errs;
}

/** Go's net.ParseIP then To4(): the IPv4 address a --ip names, or undefined. */
export function parseGoIpv4(text: string): number | undefined {
  const mapped = /^::ffff:(.*)$/i.exec(text);
  const v4 = mapped ? mapped[1]! : text;
  return parseNetipAddr(v4);
}

/**
 * validateEndpointSettings for an IPv4 address asked with --ip: the networks Docker made
 * (bridge, host, none) and networks without a user subnet refuse it; otherwise it must be
 * a valid address inside the subnet. The text after "invalid endpoint settings:\n", or null.
 */
export function endpointIpError(net: DockerNetwork, requested: string): string | null {
  const errs: string[] = [];
  if (net.isDefault || net.driver !== 'bridge') errs.push('user specified IP address is supported on user defined networks only');
  const ip = parseGoIpv4(requested);
  if (ip === undefined || ip === 0) errs.push(`invalid IPv4 address: ${requested}`);
  if (!net.userSubnet) errs.push('user specified IP address is supported only when connecting to networks with user configured subnets');
  else if (ip === undefined || !contains({ addr: net.subnet, len: net.prefixLen }, ip)) errs.push(`no configured subnet or ip-range contain the IP address ${requested}`);
  return errs.length === 0 ? null : joinErrors(errs);
}
