/** net.ipv4.ip_forward: the switch that turns a namespace into a router. */
import type { Netns } from './types';

export function ipForward(ns: Netns): boolean {
  return (ns.sysctl['net.ipv4.ip_forward'] ?? '0') !== '0';
}

export function setIpForward(ns: Netns, on: boolean): void {
  for (const key of ['net.ipv4.ip_forward', 'net.ipv4.conf.all.forwarding', 'net.ipv4.conf.default.forwarding']) ns.sysctl[key] = on ? '1' : '0';
}
