/** The containers a compose project owns on this daemon, as compose finds them by label. */
import { composeStateOf, type ComposeContainerLabels } from '../../engine/compose/ownership';
import type { Container } from '../../engine/docker/types';
import type { DockerCtx } from './context';

export interface ProjectContainer {
  c: Container;
  labels: ComposeContainerLabels;
}

/**
 * Existing containers of the project, by service (in `order` when given) then replica number.
 * `docker compose run` containers count only with `oneOff` (stop and down include them, as compose does).
 */
export function projectContainers(d: DockerCtx, project: string, order: string[] = [], oneOff = false): ProjectContainer[] {
  const state = composeStateOf(d.sh.world, d.sh.host);
  const out: ProjectContainer[] = [];
  for (const c of d.daemon.containers) {
    const labels = state.containers[c.id];
    if (labels && labels.project === project && (oneOff || !labels.oneoff)) out.push({ c, labels });
  }
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
  return out.sort((a, b) => rank(a.labels.service) - rank(b.labels.service) || a.labels.service.localeCompare(b.labels.service) || a.labels.number - b.labels.number);
}

/** Forgets labels of containers that no longer exist (removed with docker rm). */
export function pruneLabels(d: DockerCtx): void {
  const state = composeStateOf(d.sh.world, d.sh.host);
  for (const id of Object.keys(state.containers)) if (!d.daemon.containers.some((c) => c.id === id)) delete state.containers[id];
}

export const isUp = (c: Container): boolean => c.state === 'running' || c.state === 'paused';
