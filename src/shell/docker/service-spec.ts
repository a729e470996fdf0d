/** `docker service create/update` flags -> a ServiceSpec (docker/cli's option parsing and messages). */
import type { PublishedPort, ServiceSpec } from '../../engine/swarm/types';
import { flagSpecs, type FlagSpec } from './flags';

export const CREATE_FLAGS: FlagSpec[] = flagSpecs(`
  name= replicas= p|publish= network= constraint= mode= e|env= secret= config= d|detach q|quiet
  update-parallelism= update-delay= l|label= endpoint-mode=
`);

export const UPDATE_FLAGS: FlagSpec[] = flagSpecs(`
  image= replicas= update-parallelism= update-delay= env-add= env-rm= publish-add= publish-rm=
  constraint-add= constraint-rm= network-add= network-rm= args= force rollback d|detach q|quiet
`);

/** `8080:80`, `8080:80/udp`, `published=8080,target=80,protocol=tcp,mode=ingress`. */
export function parsePort(text: string): PublishedPort | string {
  if (text.includes('=')) {
    const fields = Object.fromEntries(text.split(',').map((kv) => kv.split('=') as [string, string]));
    const target = Number(fields['target']);
    if (!Number.isInteger(target) || target <= 0) return `invalid argument "${text}" for "-p, --publish" flag: missing mandatory field "target"`;
    const published = fields['published'] === undefined ? 0 : Number(fields['published']);
    const protocol = fields['protocol'] === 'udp' ? 'udp' : 'tcp';
    return { published, target, protocol, mode: fields['mode'] === 'host' ? 'host' : 'ingress' };
  }
  const m = /^(?:(\d+):)?(\d+)(?:\/(tcp|udp))?$/.exec(text);
  if (!m) return `invalid argument "${text}" for "-p, --publish" flag: invalid containerPort: ${text}`;
  return { published: m[1] === undefined ? 0 : Number(m[1]), target: Number(m[2]), protocol: (m[3] as 'tcp' | 'udp' | undefined) ?? 'tcp', mode: 'ingress' };
}

/** Go durations as the flags take them: 10s, 1m30s, 500ms. */
export function parseDuration(text: string): number | undefined {
  if (/^\d+$/.test(text)) return text === '0' ? 0 : undefined;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * { ms: 1, s: 1000, m: 60000, h: 3600000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
    consumed += m[0].length;
  }
  return consumed === text.length && consumed > 0 ? total : undefined;
}

/** Published port 0: the next free port of the ingress range 30000-32767. */
export function assignPublished(ports: PublishedPort[], taken: Set<number>): void {
  let next = 30000;
  for (const p of ports) {
    if (p.published !== 0) continue;
    while (taken.has(next)) next++;
    p.published = next;
    taken.add(next);
  }
}

export function emptySpec(name: string, image: string): ServiceSpec {
  return { name, image, args: [], mode: 'replicated', replicas: 1, env: [], ports: [], networks: [], constraints: [], labels: {}, updateParallelism: 1, updateDelay: 0, secrets: [], configs: [] };
}
