/** docker ps: the table, -a -q -l -n --no-trunc --format. */
import { healthAt, healthSuffix } from '../../engine/docker/health';
import type { Container } from '../../engine/docker/types';
import { formatIpv4 } from '../../engine/net/ipv4';
import { type CommandResult, success } from '../types';
import { usageError, type DockerCtx, errorResponse } from './context';
import { has, last, parseFlags, flagSpecs } from './flags';
import { createdAt, humanDuration } from './human';
import { epochNow } from './images';
import { ellipsis, tabwrite } from './table';
import { renderTemplate } from './template';
import { matchesPsFilters, parsePsFilters } from './ps-filter';

export function statusOf(c: Container, nowMs: number): string {
  if (c.restartAt !== undefined) return `Restarting (${c.exitCode}) ${humanDuration(nowMs - (c.finishedAt ?? nowMs))} ago`;
  if (c.state === 'created') return 'Created';
  if (c.state === 'exited') return `Exited (${c.exitCode}) ${humanDuration(nowMs - (c.finishedAt ?? nowMs))} ago`;
  const up = `Up ${humanDuration(nowMs - (c.startedAt ?? nowMs))}`;
  if (c.state === 'paused') return `${up} (Paused)`;
  // moby's State.String(): a health check adds its state ("Up 3 seconds (health: starting)").
  const health = healthAt(c, nowMs);
  return health ? `${up} ${healthSuffix(health)}` : up;
}

/** PORTS: "0.0.0.0:8080->80/tcp, [::]:8080->80/tcp" for published ports, "80/tcp" for exposed ones. */
export function portsOf(c: Container): string {
  if (c.state !== 'running' && c.state !== 'paused') return '';
  const parts: string[] = [];
  const published = new Set<string>();
  for (const p of c.ports) {
    published.add(`${p.containerPort}/${p.proto}`);
    const ip = p.hostIp || '0.0.0.0';
    parts.push(`${ip}:${p.hostPort}->${p.containerPort}/${p.proto}`);
    if (!p.hostIp) parts.push(`[::]:${p.hostPort}->${p.containerPort}/${p.proto}`);
  }
  for (const e of c.exposed) if (!published.has(e)) parts.push(e);
  return parts.join(', ');
}

function commandOf(c: Container, noTrunc: boolean): string {
  const cmd = [c.path, ...c.args].join(' ');
  return `"${noTrunc ? cmd : ellipsis(cmd, 20)}"`;
}

function row(c: Container, now: number, noTrunc: boolean): Record<string, string> {
  return {
    ID: noTrunc ? c.id : c.id.slice(0, 12),
    Image: c.image,
    Command: commandOf(c, noTrunc),
    CreatedAt: createdAt(c.created),
    RunningFor: `${humanDuration(now - c.created)} ago`,
    Status: statusOf(c, now),
    State: c.restartAt !== undefined ? 'restarting' : c.state,
    Ports: portsOf(c),
    Names: c.name,
    Networks: c.networkMode,
    Labels: Object.entries(c.labels ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(','),
    Mounts: '',
    Size: '0B',
    LocalVolumes: '0',
  };
}

const HEADERS: Record<string, string> = { ID: 'CONTAINER ID', Image: 'IMAGE', Command: 'COMMAND', CreatedAt: 'CREATED AT', RunningFor: 'CREATED', Status: 'STATUS', State: 'STATE', Ports: 'PORTS', Names: 'NAMES', Networks: 'NETWORKS', Labels: 'LABELS', Mounts: 'MOUNTS', Size: 'SIZE', LocalVolumes: 'LOCAL VOLUMES' };

export function dockerPs(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('a|all q|quiet l|latest n|last= no-trunc format= s|size f|filter='), true);
  if (!parsed.ok) return usageError('ps', parsed.error);
  const p = parsed.value;
  if (p.args.length > 0) return usageError('ps', `"docker ps" accepts no arguments.`);
  const now = d.sh.world.clock.now();
  const filters = parsePsFilters(p.flags['filter'] ?? []);
  if (typeof filters === 'string') return { stdout: '', stderr: errorResponse(`${filters}\n`), exitCode: 1 };
  let list = d.daemon.containers.slice().reverse().filter((c) => matchesPsFilters(d.daemon, c, filters));
  const n = has(p, 'latest') ? 1 : Number(last(p, 'last') ?? -1);
  if (!has(p, 'all') && n < 0 && !filters.has('status')) list = list.filter((c) => c.state === 'running' || c.state === 'paused' || c.restartAt !== undefined);
  if (n >= 0) list = list.slice(0, n);
  const noTrunc = has(p, 'no-trunc');
  if (has(p, 'quiet')) return success(list.map((c) => (noTrunc ? c.id : c.id.slice(0, 12)) + '\n').join(''));
  const format = last(p, 'format');
  const rows = list.map((c) => row(c, now, noTrunc));
  if (format === undefined || format === 'table') {
    const cols = ['ID', 'Image', 'Command', 'RunningFor', 'Status', 'Ports', 'Names'];
    return success(tabwrite([cols.map((k) => HEADERS[k]!), ...rows.map((r) => cols.map((k) => r[k]!))]));
  }
  const r = formatRows(format, rows, HEADERS);
  // docker/cli formats ps rows through formatter.ContainerContext: an unknown field says so.
  const missing = /^template: (.*) at <\.(\w+)>: map has no entry for key "\w+"$/.exec(r.stderr.trim());
  return missing ? { ...r, stderr: `failed to execute template: template: ${missing[1]} at <.${missing[2]}>: can't evaluate field ${missing[2]} in type *formatter.ContainerContext\n` } : r;
}

/** --format: "table ..." prints headers and aligns; otherwise one template per item. `\t` and `\n` are unescaped as docker/cli does. */
export function formatRows(format: string, rows: Array<Record<string, unknown>>, headers: Record<string, string>): CommandResult {
  if (format === 'json') return success(rows.map((r) => JSON.stringify(r) + '\n').join(''));
  const table = format.startsWith('table ');
  const body = (table ? format.slice(6) : format).replace(/\\t/g, '\t').replace(/\\n/g, '\n');
  const lines: string[] = [];
  if (table) {
    const head = renderTemplate(body, Object.fromEntries(Object.keys(headers).map((k) => [k, headers[k]])));
    if (!head.ok) return { stdout: '', stderr: head.error + '\n', exitCode: 1 };
    lines.push(head.value);
  }
  for (const r of rows) {
    const t = renderTemplate(body, r);
    if (!t.ok) return { stdout: '', stderr: t.error + '\n', exitCode: 1 };
    lines.push(t.value);
  }
  if (!table) return success(lines.map((l) => l + '\n').join(''));
  return success(tabwrite(lines.map((l) => l.split('\t'))));
}

export function ipOf(c: Container): string {
  return c.endpoints[0]?.ip ? formatIpv4(c.endpoints[0].ip) : '';
}

export { epochNow };
