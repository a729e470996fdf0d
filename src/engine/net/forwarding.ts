/** net.ipv4.ip_forward: the switch that turns a namespace into a router. */
import type { Netns } from './types';

export function ipForward(ns: Netns): boolean {
  return ns.sysctl['net.ipv4.ip_forward'] === '1';
}

export function setIpForward(ns: Netns, on: boolean): void {
  ns.sysctl['net.ipv4.ip_forward'] = on ? '1' : '0';
  ns.sysctl['net.ipv4.conf.all.forwarding'] = on ? '1' : '0';
}
