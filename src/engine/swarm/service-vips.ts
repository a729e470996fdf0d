/**
 * Service VIPs as Docker programs them: every task container on an overlay network gets, in its
 * own namespace, an IPVS virtual service for the VIP of each service on that network, balancing
 * round robin over the service's running tasks there. Tasks are added in the order they started,
 * as libnetwork adds each task's binding when it learns of it.
 */
import type { World } from '../world';
import { destKey, pruneVirtualServices, setVirtualService, virtualServices } from '../packet/ipvs';
import type { Cluster, Service } from './types';
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
