/** How docker/cli shows nodes: the `node ls` table, `node inspect` JSON and its --pretty template. */
import type { World } from '../../engine/world';
import { utcParts } from '../../common/clock';
import { managerStatus, nodeUp } from '../../engine/swarm/quorum';
import type { Cluster, SwarmNode } from '../../engine/swarm/types';
import { apiTime } from './human';
import { tabwrite } from './table';
import { ENGINE } from '../../engine/docker/engine-info';

/** The engine every node runs (engine-info.ts: the recorded 26.1.5+dfsg1). */
export const ENGINE_VERSION = ENGINE.Version;
const NANO_CPUS = 2_000_000_000;
const MEMORY_BYTES = 2033086464;
const PLUGINS: Array<[string, string[]]> = [
  ['Log', ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog']],
  ['Network', ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay']],
  ['Volume', ['local']],
];

const title = (s: string) => (s === '' ? '' : s[0]!.toUpperCase() + s.slice(1).toLowerCase());

/** Sorted by hostname, the current node marked with `*` after its ID. */
export function nodeTable(world: World, cluster: Cluster, selfId: string, nodes: SwarmNode[]): string {
  const sorted = [...nodes].sort((a, b) => (a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : a.id < b.id ? -1 : 1));
  const rows = [['ID ', 'HOSTNAME', 'STATUS', 'AVAILABILITY', 'MANAGER STATUS', 'ENGINE VERSION']];
  for (const n of sorted) rows.push([`${n.id} ${n.id === selfId ? '*' : ' '}`, n.hostname, nodeUp(world, n) ? 'Ready' : 'Down', title(n.availability), managerStatus(world, cluster, n), ENGINE_VERSION]);
  return tabwrite(rows);
}

export function nodeJson(world: World, cluster: Cluster, n: SwarmNode) {
  const status = managerStatus(world, cluster, n);
  return {
    ID: n.id,
    Version: { Index: cluster.version },
    CreatedAt: apiTime(world.clock.epoch + n.createdAt),
    UpdatedAt: apiTime(world.clock.epoch + n.updatedAt),
    Spec: { Labels: { ...n.labels }, Role: n.role, Availability: n.availability },
    Description: {
      Hostname: n.hostname,
      Platform: { Architecture: 'x86_64', OS: 'linux' },
      Resources: { NanoCPUs: NANO_CPUS, MemoryBytes: MEMORY_BYTES },
      Engine: { EngineVersion: ENGINE_VERSION, Plugins: PLUGINS.flatMap(([type, names]) => names.map((name) => ({ Type: type, Name: name }))) },
    },
    Status: { State: nodeUp(world, n) ? 'ready' : 'down', Addr: n.addr },
    ...(n.role === 'manager' ? { ManagerStatus: { ...(status === 'Leader' ? { Leader: true } : {}), Reachability: status === 'Unreachable' ? 'unreachable' : 'reachable', Addr: `${n.addr}:2377` } } : {}),
  };
}

/** Go's time.Time String(), lower-cased by formatter.PrettyPrint: 2026-01-15 09:30:00.123 +0000 utc */
function prettyTime(ms: number): string {
  const iso = utcParts(ms).iso;
  const [date, rest] = iso.split('T') as [string, string];
  const [clock, frac] = rest.replace('Z', '').split('.') as [string, string | undefined];
  const fraction = frac && Number(frac) > 0 ? '.' + frac.replace(/0+$/, '') : '';
  return `${date} ${clock}${fraction} +0000 utc`;
}

/** units.BytesSize: %.4g in powers of 1024. */
function bytesSize(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${Number(n.toPrecision(4))}${units[i]}`;
}

/** nodeInspectPrettyTemplate (TLS Info left out: the simulation has no certificates). */
export function nodePretty(world: World, cluster: Cluster, n: SwarmNode): string {
  const lines = [`ID:\t\t\t${n.id}`];
  const labels = Object.keys(n.labels).sort();
  if (labels.length > 0) lines.push('Labels:', ...labels.map((k) => ` - ${k}${n.labels[k] ? '=' + n.labels[k] : ''}`));
  lines.push(`Hostname:              \t${n.hostname}`, `Joined at:             \t${prettyTime(world.clock.epoch + n.createdAt)}`, 'Status:', ` State:\t\t\t${nodeUp(world, n) ? 'Ready' : 'Down'}`, ` Availability:         \t${title(n.availability)}`, ` Address:\t\t${n.addr}`);
  if (n.role === 'manager') {
    const status = managerStatus(world, cluster, n);
    lines.push('Manager Status:', ` Address:\t\t${n.addr}:2377`, ` Raft Status:\t\t${status === 'Unreachable' ? 'Unreachable' : 'Reachable'}`, ` Leader:\t\t${status === 'Leader' ? 'Yes' : 'No'}`);
  }
  lines.push('Platform:', ' Operating System:\tlinux', ' Architecture:\t\tx86_64', 'Resources:', ` CPUs:\t\t\t${NANO_CPUS / 1e9}`, ` Memory:\t\t${bytesSize(MEMORY_BYTES)}`, 'Plugins:', ...PLUGINS.map(([t, names]) => ` ${t}:\t\t${names.join(', ')}`), `Engine Version:\t\t${ENGINE_VERSION}`);
  return lines.join('\n') + '\n';
}
