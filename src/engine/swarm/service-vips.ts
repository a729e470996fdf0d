/**
 * Service VIPs as Docker programs them: every task container on an overlay network gets, in its
 * own namespace, an IPVS virtual service for the VIP of each service on that network, balancing
 * round robin over the service's running tasks there. Tasks are added in the order they started,
 * as libnetwork adds each task's binding when it learns of it.
 */
import type { World } from '../world';
import { pruneVirtualServices, setVirtualService, virtualServices } from '../packet/ipvs';
import type { Cluster, Service } from './types';
import type { OverlayEndpoint } from './vxlan-overlay';

/** `--endpoint-mode dnsrr` services have no VIP: their name resolves to the tasks themselves. */
export function usesVip(service: Service): boolean {
  return service.spec.endpointMode !== 'dnsrr';
}

/** Programs each task container's IPVS table for the services of its overlay networks. */
export function refreshServiceVips(world: World, cluster: Cluster, endpoints: OverlayEndpoint[]): void {
  const byNs = new Map<number, OverlayEndpoint[]>();
  for (const ep of endpoints) (byNs.get(ep.nsId) ?? byNs.set(ep.nsId, []).get(ep.nsId)!).push(ep);
  for (const [nsId, mine] of byNs) {
    const wanted = new Set<number>();
    for (const ep of mine) {
      for (const service of cluster.services) {
        const vip = service.vips[ep.net.id];
        if (vip === undefined || !usesVip(service)) continue;
        const reals = endpoints.filter((e) => e.net.id === ep.net.id && e.task.serviceId === service.id).map((e) => ({ ip: e.ip, port: null }));
        setVirtualService(world, nsId, { vip, proto: null, port: null, label: `service ${service.spec.name}` }, reals);
        wanted.add(vip);
      }
    }
    if (virtualServices(world, nsId).some((s) => !wanted.has(s.vip))) pruneVirtualServices(world, nsId, (s) => wanted.has(s.vip));
  }
}
