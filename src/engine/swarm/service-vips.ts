/**
 * Service VIPs as Docker programs them: every task container on an overlay network gets, in its
 * own namespace, an IPVS virtual service for the VIP of each service on that network, balancing
 * round robin over the service's running tasks there. Tasks are added in the order they started,
 * as libnetwork adds each task's binding when it learns of it.
 */
import type { World } from '../world';
import { configure } from '../host';
import { delAddr4 } from '../net/addr';
import { formatIpv4 } from '../net/ipv4';
import { linkByName } from '../net/links';
import type { Netns } from '../net/types';
import { destKey, pruneVirtualServices, setVirtualService, virtualServices } from '../packet/ipvs';
import type { Cluster, OverlayNetwork, Service } from './types';
import type { OverlayEndpoint } from './vxlan-overlay';

/** `--endpoint-mode dnsrr` services have no VIP: their name resolves to the tasks themselves. */
export function usesVip(service: Service): boolean {
  return service.spec.endpointMode !== 'dnsrr';
}

/** Programs each task container's IPVS table for the services of its overlay networks. */
export function refreshServiceVips(world: World, cluster: Cluster, endpoints: OverlayEndpoint[]): void {
  const byNs = new Map<number, OverlayEndpoint[]>();
  const realsOf = new Map<string, Array<{ ip: number; port: null }>>();
  const keysOf = new Map<string, Set<number>>();
  for (const ep of endpoints) {
    (byNs.get(ep.nsId) ?? byNs.set(ep.nsId, []).get(ep.nsId)!).push(ep);
    const key = `${ep.net.id}/${ep.serviceId}`;
    (realsOf.get(key) ?? realsOf.set(key, []).get(key)!).push({ ip: ep.ip, port: null });
  }
  for (const [nsId, mine] of byNs) {
    const wanted = new Set<number>();
    for (const ep of mine) {
      for (const service of cluster.services) {
        const vip = service.vips[ep.net.id];
        if (vip === undefined || !usesVip(service)) continue;
        const key = `${ep.net.id}/${service.id}`;
        const reals = realsOf.get(key) ?? [];
        const keys = keysOf.get(key) ?? keysOf.set(key, new Set(reals.map(destKey))).get(key)!;
        setVirtualService(world, nsId, { vip, proto: null, port: null, label: `service ${service.spec.name}` }, reals, keys);
        wanted.add(vip);
      }
    }
    if (virtualServices(world, nsId).some((s) => !wanted.has(s.vip))) pruneVirtualServices(world, nsId, (s) => wanted.has(s.vip));
  }
}

/**
 * ICMP to a VIP. IPVS balances only TCP and UDP, so a ping to a service name in VIP mode is not
 * balanced: since Engine 18.06 (libnetwork's load-balancer sandbox, service_linux.go addLBBackend)
 * the VIP is a /32 alias on the node's load-balancer endpoint for the network, and that node-local
 * namespace answers the echo itself, from the VIP, whether or not a task is up (before 17.x the
 * VIP answered nothing: moby#24201). Here the node's network sandbox holds the alias, on br0.
 * `--endpoint-mode dnsrr` has no VIP: the name is the tasks' addresses, and a task answers.
 */
export function refreshVipAliases(world: World, cluster: Cluster, net: OverlayNetwork, sandbox: Netns): void {
  const br0 = linkByName(world, sandbox.id, 'br0');
  if (!br0 || net.ingress) return;
  const wanted = new Set<number>();
  for (const service of cluster.services) {
    const vip = service.vips[net.id];
    if (vip !== undefined && usesVip(service)) wanted.add(vip);
  }
  for (const a of [...sandbox.addrs]) {
    if (a.family !== 4 || a.linkId !== br0.id || a.prefixLen !== 32) continue;
    if (wanted.has(a.local)) wanted.delete(a.local);
    else delAddr4(world, sandbox, br0, a);
  }
  for (const vip of wanted) configure(world, sandbox, br0, `${formatIpv4(vip)}/32`, { broadcast: false });
}
