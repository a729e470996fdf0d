/** `docker stack deploy`: a compose project as swarm objects named STACK_key, labelled with the stack. */
import type { ComposeProject, ComposeService } from '../compose';
import type { Cluster, ServiceSpec } from './types';

export const STACK_LABEL = 'com.docker.stack.namespace';

export function stackServiceName(stack: string, service: string): string {
  return `${stack}_${service}`;
}

/** The overlay networks the stack needs: each service's networks, `default` when it names none. */
export function stackNetworks(project: ComposeProject): Array<{ key: string; name: string; external: boolean; attachable: boolean }> {
  const used = new Set<string>();
  for (const s of project.services) {
    if (s.networkMode) continue;
    if (s.networks.length === 0) used.add('default');
    for (const n of s.networks) used.add(n.name);
  }
  return [...used].sort().map((key) => {
    const declared = project.networks.find((n) => n.key === key);
    return { key, name: declared?.name ?? `${project.name}_${key}`, external: declared?.external ?? false, attachable: declared?.attachable ?? false };
  });
}

/** A compose service as a service spec (image required: stacks do not build). */
export function serviceSpecOf(project: ComposeProject, s: ComposeService, networkIds: Map<string, string>, env: Record<string, string>): ServiceSpec {
  const keys = s.networks.length > 0 ? s.networks.map((n) => n.name) : s.networkMode ? [] : ['default'];
  return {
    name: stackServiceName(project.name, s.name),
    image: s.image ?? '',
    args: s.command ?? [],
    mode: 'replicated',
    replicas: s.replicas,
    env: s.environment.map(([k, v]) => `${k}=${v ?? env[k] ?? ''}`),
    ports: s.ports.map((p) => ({ published: p.published === '' ? 0 : Number(p.published.split('-')[0]), target: p.target, protocol: p.protocol, mode: p.mode })),
    networks: keys.map((k) => networkIds.get(k)).filter((id): id is string => id !== undefined),
    constraints: [],
    labels: { [STACK_LABEL]: project.name },
    updateParallelism: 1,
    updateDelay: 0,
    secrets: s.secrets.map((x) => x.source),
    configs: s.configs.map((x) => x.source),
    stack: project.name,
  };
}

export function stackNames(cluster: Cluster): string[] {
  const names = new Set<string>();
  for (const s of cluster.services) if (s.spec.stack) names.add(s.spec.stack);
  for (const n of cluster.networks) if (n.stack) names.add(n.stack);
  return [...names].sort();
}
