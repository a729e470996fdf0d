/** `docker service inspect` JSON: the swarm.Service fields the simulation keeps. */
import { formatIpv4 } from '../../engine/net/ipv4';
import type { Cluster, Service, ServiceSpec } from '../../engine/swarm/types';
import { apiTime } from './human';
import { pinnedImage } from './service-format';

function specJson(spec: ServiceSpec) {
  const ports = spec.ports.map((p) => ({ Protocol: p.protocol, TargetPort: p.target, PublishedPort: p.published, PublishMode: p.mode }));
  return {
    Name: spec.name,
    Labels: { ...spec.labels },
    TaskTemplate: {
      ContainerSpec: { Image: pinnedImage(spec.image), ...(spec.args.length > 0 ? { Args: spec.args } : {}), ...(spec.env.length > 0 ? { Env: spec.env } : {}), StopGracePeriod: 10000000000, DNSConfig: {}, Isolation: 'default' },
      Resources: { Limits: {}, Reservations: {} },
      RestartPolicy: { Condition: 'any', Delay: 5000000000, MaxAttempts: 0 },
      Placement: { ...(spec.constraints.length > 0 ? { Constraints: spec.constraints } : {}), Platforms: [{ Architecture: 'amd64', OS: 'linux' }] },
      ...(spec.networks.length > 0 ? { Networks: spec.networks.map((Target) => ({ Target })) } : {}),
      ForceUpdate: 0,
      Runtime: 'container',
    },
    Mode: spec.mode === 'global' ? { Global: {} } : { Replicated: { Replicas: spec.replicas } },
    UpdateConfig: { Parallelism: spec.updateParallelism, ...(spec.updateDelay > 0 ? { Delay: spec.updateDelay * 1e6 } : {}), FailureAction: 'pause', Monitor: 5000000000, MaxFailureRatio: 0, Order: 'stop-first' },
    RollbackConfig: { Parallelism: 1, FailureAction: 'pause', Monitor: 5000000000, MaxFailureRatio: 0, Order: 'stop-first' },
    EndpointSpec: { Mode: spec.endpointMode ?? 'vip', ...(ports.length > 0 ? { Ports: ports } : {}) },
  };
}

/** `epoch`: the simulated clock's epoch (times are kept as simulated instants). */
export function serviceJson(cluster: Cluster, s: Service, epoch: number) {
  const spec = specJson(s.spec);
  const vips = Object.entries(s.vips).map(([id, ip]) => ({ NetworkID: id, Addr: `${formatIpv4(ip)}/${cluster.networks.find((n) => n.id === id)?.prefixLen ?? 24}` }));
  return {
    ID: s.id,
    Version: { Index: s.version },
    CreatedAt: apiTime(epoch + s.createdAt),
    UpdatedAt: apiTime(epoch + s.updatedAt),
    Spec: spec,
    ...(s.previousSpec ? { PreviousSpec: specJson(s.previousSpec) } : {}),
    Endpoint: { Spec: spec.EndpointSpec, ...(s.spec.ports.length > 0 ? { Ports: spec.EndpointSpec.Ports } : {}), ...(vips.length > 0 ? { VirtualIPs: vips } : {}) },
    ...(s.updateState ? { UpdateStatus: { State: s.updateState, StartedAt: apiTime(epoch + (s.updateStartedAt ?? s.updatedAt)), CompletedAt: apiTime(epoch + (s.updateCompletedAt ?? s.updatedAt)), Message: s.updateState === 'completed' ? 'update completed' : 'rollback completed' } } : {}),
  };
}
