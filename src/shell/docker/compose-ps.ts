/** compose ps (docker ps columns plus SERVICE) and compose ls (formatter.PrintPrettySection: minwidth 20, padding 3). */
import { composeStateOf } from '../../engine/compose/ownership';
import { type CommandResult, success } from '../types';
import type { DockerCtx } from './context';
import { projectContainers, pruneLabels, isUp } from './compose-containers';
import { humanDuration } from './human';
import { portsOf, statusOf } from './ps';
import { ellipsis, tabwrite } from './table';

export interface PsOptions {
  all: boolean;
  quiet: boolean;
  services: boolean;
}

export function composePs(d: DockerCtx, project: string, order: string[], o: PsOptions): CommandResult {
  pruneLabels(d);
  const now = d.sh.world.clock.now();
  const list = projectContainers(d, project, order).filter((x) => o.all || isUp(x.c)).sort((a, b) => (a.c.name < b.c.name ? -1 : a.c.name > b.c.name ? 1 : 0));
  if (o.quiet) return success(list.map((x) => x.c.id + '\n').join(''));
  if (o.services) return success([...new Set(list.map((x) => x.labels.service))].map((s) => s + '\n').join(''));
  const rows = list.map(({ c, labels }) => [c.name, c.image, `"${ellipsis([c.path, ...c.args].join(' '), 20)}"`, labels.service, `${humanDuration(now - c.created)} ago`, statusOf(c, now), portsOf(c)]);
  return success(tabwrite([['NAME', 'IMAGE', 'COMMAND', 'SERVICE', 'CREATED', 'STATUS', 'PORTS'], ...rows]));
}

/** Go's text/tabwriter with minwidth 20, padding 3 (compose's pretty sections). */
function prettySection(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.slice(0, -1).forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 20, [...cell].length + 3)));
  return rows.map((row) => row.map((cell, i) => (i < row.length - 1 ? cell + ' '.repeat(widths[i]! - [...cell].length) : cell)).join('') + '\n').join('');
}

/** STATUS as compose ls prints it: running(2), or several states sorted: exited(1), running(1). */
function combinedStatus(states: string[]): string {
  const counts = new Map<string, number>();
  for (const s of states) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts.keys()].sort().map((k) => `${k}(${counts.get(k)})`).join(', ');
}

export function composeLs(d: DockerCtx, all: boolean, quiet: boolean): CommandResult {
  pruneLabels(d);
  const state = composeStateOf(d.sh.world, d.sh.host);
  const rows: string[][] = [];
  for (const name of Object.keys(state.projects).sort()) {
    const containers = projectContainers(d, name);
    if (containers.length === 0) continue;
    if (!all && !containers.some((x) => x.c.state === 'running')) continue;
    rows.push([name, combinedStatus(containers.map((x) => x.c.state)), state.projects[name]!.configFiles.join(',')]);
  }
  if (quiet) return success(rows.map((r) => r[0] + '\n').join(''));
  return success(prettySection([['NAME', 'STATUS', 'CONFIG FILES'], ...rows]));
}
