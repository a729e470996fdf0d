/** How docker/cli shows services and tasks: `service ls`, `service ps`, the convergence progress, --pretty. */
import type { World } from '../../engine/world';
import { findInCatalog, parseImageRef } from '../../engine/docker/catalog';
import { liveTasks } from '../../engine/swarm/orchestrator';
import { taskName } from '../../engine/swarm/tasks';
import type { Cluster, Service, Task } from '../../engine/swarm/types';
import { humanDuration } from './human';
import { tabwrite } from './table';

/** `nginx` -> `nginx:latest` (the tag the daemon resolved; the digest is not shown in tables). */
export function imageWithTag(image: string): string {
  const ref = parseImageRef(image);
  return ref ? `${ref.repo}:${ref.tag}` : image;
}

/** ContainerSpec.Image as the CLI pins it: `nginx:latest@sha256:…`. */
export function pinnedImage(image: string): string {
  const ref = parseImageRef(image);
  if (!ref) return image;
  const found = findInCatalog(ref);
  return found.kind === 'found' ? `${ref.repo}:${ref.tag}@${found.image.digest}` : `${ref.repo}:${ref.tag}`;
}

export function portsText(service: Service): string {
  return service.spec.ports.map((p) => `*:${p.published}->${p.target}/${p.protocol}`).join(', ');
}

/** REPLICAS: running / desired (global: running / nodes with a task). */
export function replicasText(cluster: Cluster, service: Service): string {
  const live = liveTasks(cluster, service);
  const running = live.filter((t) => t.state === 'running').length;
  return `${running}/${service.spec.mode === 'global' ? live.length : service.spec.replicas}`;
}

export function serviceTable(cluster: Cluster, services: Service[]): string {
  const rows = [['ID', 'NAME', 'MODE', 'REPLICAS', 'IMAGE', 'PORTS']];
  for (const s of [...services].sort((a, b) => (a.spec.name < b.spec.name ? -1 : 1))) rows.push([s.id.slice(0, 12), s.spec.name, s.spec.mode, replicasText(cluster, s), imageWithTag(s.spec.image), portsText(s)]);
  return tabwrite(rows);
}

const title = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** CURRENT STATE: "Running 5 seconds ago" (go-units, lower-cased as the CLI does). */
export function currentState(world: World, task: Task): string {
  return `${title(task.state)} ${humanDuration(world.clock.now() - task.since).toLowerCase()} ago`;
}

/** Tasks grouped by service and slot, newest first; older tasks of a slot show as ` \_ web.1`. */
export function taskTable(world: World, cluster: Cluster, tasks: Task[], noTrunc: boolean): string {
  const services = new Map(cluster.services.map((s) => [s.id, s]));
  const nodes = new Map(cluster.nodes.map((n) => [n.id, n]));
  const named = tasks.filter((t) => services.has(t.serviceId)).map((t) => ({ t, name: taskName(services.get(t.serviceId)!, t) }));
  named.sort((a, b) => {
    const sa = services.get(a.t.serviceId)!.spec.name;
    const sb = services.get(b.t.serviceId)!.spec.name;
    if (sa !== sb) return sa < sb ? -1 : 1;
    if (a.t.slot !== b.t.slot) return a.t.slot - b.t.slot;
    if (a.name !== b.name) return a.name < b.name ? -1 : 1;
    return b.t.createdAt - a.t.createdAt || (a.t.desired === 'running' ? -1 : 1);
  });
  const rows = [['ID', 'NAME', 'IMAGE', 'NODE', 'DESIRED STATE', 'CURRENT STATE', 'ERROR', 'PORTS']];
  let prev = '';
  for (const { t, name } of named) {
    const shown = name === prev ? ` \\_ ${name}` : name;
    prev = name;
    const error = t.error ? `"${noTrunc || t.error.length <= 30 ? t.error : t.error.slice(0, 29) + '…'}"` : '';
    rows.push([noTrunc ? t.id : t.id.slice(0, 12), shown, imageWithTag(t.image), nodes.get(t.nodeId)?.hostname ?? t.nodeId, title(t.desired), currentState(world, t), error, '']);
  }
  return tabwrite(rows);
}

const BAR = '[' + '='.repeat(50) + '>] ';

/** The final screen of the CLI's convergence progress (stdout is a terminal in labs and the terminal). */
export function convergenceProgress(cluster: Cluster, service: Service, rollback = false): string {
  const live = liveTasks(cluster, service);
  const running = live.filter((t) => t.state === 'running').length;
  const total = service.spec.mode === 'global' ? live.length : service.spec.replicas;
  const lines: string[] = [];
  if (rollback) lines.push('rollback: manually requested rollback ');
  lines.push(`overall progress: ${rollback ? 'rolling back update: ' : ''}${running} out of ${total} tasks `);
  const failedIn = (slot: number) => cluster.tasks.filter((t) => t.serviceId === service.id && t.slot === slot && t.error).sort((a, b) => b.createdAt - a.createdAt)[0];
  if (total <= 20) {
    if (service.spec.mode === 'global') for (const t of live) lines.push(`${t.nodeId.slice(0, 12)}: running   ${BAR}`);
    else
      for (let i = 1; i <= total; i++) {
        const t = live.find((x) => x.slot === i);
        lines.push(t?.state === 'running' ? `${i}/${total}: running   ${BAR}` : `${i}/${total}: ${failedIn(i)?.error ?? 'pending'} `);
      }
  }
  if (running < total) {
    // Never converges: the CLI would wait until interrupted, then say so.
    lines.push('Operation continuing in background.', `Use \`docker service ps ${service.id}\` to check progress.`);
    return lines.join('\n') + '\n';
  }
  lines.push('verify: Service converged ');
  if (rollback) lines.push('rollback: rollback completed ');
  return lines.join('\n') + '\n';
}

function goDuration(ms: number): string {
  if (ms % 60000 === 0 && ms >= 60000) return `${ms / 60000}m0s`;
  return `${ms / 1000}s`;
}

/** serviceInspectPrettyTemplate for the fields the simulation has. */
export function servicePretty(world: World, cluster: Cluster, s: Service): string {
  const lines = ['', `ID:\t\t${s.id}`, `Name:\t\t${s.spec.name}`];
  const labels = Object.keys(s.spec.labels).sort();
  if (labels.length > 0) lines.push('Labels:', ...labels.map((k) => ` ${k}${s.spec.labels[k] ? '=' + s.spec.labels[k] : ''}`));
  if (s.spec.mode === 'global') lines.push('Service Mode:\tGlobal');
  else lines.push('Service Mode:\tReplicated', ` Replicas:\t${s.spec.replicas}`);
  if (s.updateState) {
    const ago = (t: number | undefined) => `${humanDuration(world.clock.now() - (t ?? s.updatedAt))} ago`;
    lines.push('UpdateStatus:', ` State:\t\t${s.updateState}`, ` Started:\t${ago(s.updateStartedAt)}`);
    if (s.updateState === 'completed') lines.push(` Completed:\t${ago(s.updateCompletedAt)}`);
    lines.push(` Message:\t${s.updateState === 'completed' ? 'update completed' : 'rollback completed'}`);
  }
  lines.push('Placement:');
  if (s.spec.constraints.length > 0) lines.push(` Constraints:\t[${s.spec.constraints.join(' ')}]`);
  lines.push('UpdateConfig:', ` Parallelism:\t${s.spec.updateParallelism}`);
  if (s.spec.updateDelay > 0) lines.push(` Delay:\t\t${goDuration(s.spec.updateDelay)}`);
  lines.push(' On failure:\tpause', ' Monitoring Period: 5s', ' Max failure ratio: 0', ' Update order:      stop-first');
  lines.push('RollbackConfig:', ' Parallelism:\t1', ' On failure:\tpause', ' Monitoring Period: 5s', ' Max failure ratio: 0', ' Rollback order:    stop-first');
  lines.push('ContainerSpec:', ` Image:\t\t${pinnedImage(s.spec.image)}`);
  if (s.spec.args.length > 0) lines.push(` Args:\t\t${s.spec.args.map((a) => a + ' ').join('')}`);
  if (s.spec.env.length > 0) lines.push(` Env:\t\t${s.spec.env.map((e) => e + ' ').join('')}`);
  lines.push('Resources:');
  if (s.spec.networks.length > 0) lines.push(`Networks:${s.spec.networks.map((id) => ' ' + (cluster.networks.find((n) => n.id === id)?.name ?? id)).join('')} `);
  lines.push('Endpoint Mode:\tvip');
  if (s.spec.ports.length > 0) {
    lines.push('Ports:');
    s.spec.ports.forEach((p, i) => lines.push(` PublishedPort = ${p.published}`, `  Protocol = ${p.protocol}`, `  TargetPort = ${p.target}`, `  PublishMode = ${p.mode}${i === s.spec.ports.length - 1 ? ' ' : ''}`));
  }
  return lines.join('\n') + '\n';
}
