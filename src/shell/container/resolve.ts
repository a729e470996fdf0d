/** Name resolution for the HTTP and DNS tools: numbers, /etc/hosts, then Docker's embedded DNS inside containers (swarm services too). */
import { daemonOf } from '../../engine/docker/daemon';
import { containerInNs, embeddedDnsLookup } from '../../engine/docker/dns';
import { parseIpv4 } from '../../engine/net/ipv4';
import { serviceDnsAnswers } from '../../engine/swarm/service-dns';
import type { ShellContext } from '../types';

export function hostsLookup(ctx: ShellContext, name: string): number | undefined {
  const file = ctx.fs.read('/etc/hosts', ctx.ns);
  if (!file.ok) return undefined;
  for (const line of file.data.split('\n')) {
    const [addr, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (addr && names.includes(name)) {
      const ip = parseIpv4(addr);
      if (ip !== null) return ip;
    }
  }
  return undefined;
}

export function dnsLookup(ctx: ShellContext, name: string): number | undefined {
  return dnsAnswers(ctx, name)?.[0];
}

/** Every address the container's DNS server gives for `name` (swarm's `tasks.NAME` has several). */
export function dnsAnswers(ctx: ShellContext, name: string): number[] | undefined {
  const daemon = daemonOf(ctx.world, ctx.host);
  const c = daemon ? containerInNs(daemon, ctx.ns.id) : undefined;
  const local = daemon && c ? embeddedDnsLookup(daemon, c, name) : undefined;
  if (local !== undefined) return [local];
  return c ? serviceDnsAnswers(ctx.world, ctx.host, ctx.ns.id, name) : undefined;
}

export function resolveName(ctx: ShellContext, name: string): number | undefined {
  const numeric = parseIpv4(name);
  if (numeric !== null) return numeric;
  if (name === 'localhost') return 0x7f000001;
  return hostsLookup(ctx, name) ?? dnsLookup(ctx, name);
}
