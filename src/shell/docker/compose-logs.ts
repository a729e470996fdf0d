/** compose logs: each container's output behind a `service-N  | ` prefix (docker/compose logConsumer: width = longest name + 1). */
import { readLogs } from '../../engine/docker/containers';
import type { CommandResult } from '../types';
import type { ProjectContainer } from './compose-containers';

export interface LogOptions {
  prefix: boolean;
  tail?: number;
}

export function projectLogs(containers: ProjectContainer[], project: string, o: LogOptions): CommandResult {
  const names = containers.map((x) => x.c.name.startsWith(`${project}-`) ? x.c.name.slice(project.length + 1) : x.c.name);
  const width = Math.max(0, ...names.map((n) => n.length)) + 1;
  let stdout = '';
  let stderr = '';
  containers.forEach((x, i) => {
    let lines = readLogs(x.c);
    if (o.tail !== undefined) lines = o.tail === 0 ? [] : lines.slice(-o.tail);
    const prefix = o.prefix ? `${names[i]!.padEnd(width)} | ` : '';
    for (const l of lines) {
      // compose copies both streams of each container to its own stdout
      stdout += `${prefix}${l.text}\n`;
    }
  });
  return { stdout, stderr, exitCode: 0 };
}
