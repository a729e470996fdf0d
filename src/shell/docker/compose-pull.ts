/**
 * `docker compose pull [-q] [--ignore-buildable] [--ignore-pull-failures] [SERVICE...]` (Compose v2,
 * pkg/compose/pull.go): every service with an image is pulled again (an image already here is
 * checked against the registry: ` web Pulling `, ` web Pulled `), services without one are skipped
 * (` web Skipped - No image to be pulled `), an image two services share is pulled once. Events in
 * service-name order (compose runs them concurrently; the simulation in a fixed order).
 */
import type { ComposeProject } from '../../engine/compose';
import { parseImageRef } from '../../engine/docker/catalog';
import { Output, type CommandResult } from '../types';
import type { DockerCtx } from './context';
import { pullServiceImage } from './compose-create';
import { textLine, warningLine } from './compose-progress';

export interface PullOptions {
  quiet: boolean;
  ignoreBuildable: boolean;
  ignoreFailures: boolean;
}

function addLines(out: Output, text: string): void {
  if (text.trim() !== '') out.err(text.replace(/\n+$/, ''));
}

export function composePull(d: DockerCtx, p: ComposeProject, o: PullOptions): CommandResult {
  const out = new Output();
  for (const w of p.warnings) out.err(warningLine(d.sh.world, w));
  const events = new Output();
  const pulledBy = new Map<string, string>();
  const mustBuild: string[] = [];
  let failure: string | undefined;
  for (const s of [...p.services].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!s.image) {
      events.err(textLine(s.name, 'Skipped - No image to be pulled'));
      continue;
    }
    if (s.build && o.ignoreBuildable) {
      events.err(textLine(s.name, 'Skipped - Image can be built'));
      continue;
    }
    const by = pulledBy.get(s.image);
    if (by !== undefined) {
      events.err(textLine(s.name, `Skipped - Image is already being pulled by ${by}`));
      continue;
    }
    pulledBy.set(s.image, s.name);
    const ref = parseImageRef(s.image);
    if (!ref) {
      failure ??= 'invalid reference format';
      continue;
    }
    const attempt = new Output();
    if (pullServiceImage(d, s, ref, attempt)) {
      addLines(events, attempt.stderr);
      continue;
    }
    // The daemon's error closes the output; a service that can be built only warns.
    const [errorLine, ...eventLines] = attempt.stderr.trimEnd().split('\n').reverse();
    const shown = eventLines.reverse();
    if (s.build) shown[shown.length - 1] = textLine(s.name, 'Warning');
    addLines(events, shown.join('\n'));
    if (s.build) mustBuild.push(s.name);
    else if (!o.ignoreFailures) failure ??= errorLine!;
  }
  if (!o.quiet) addLines(out, events.stderr);
  if (mustBuild.length > 0) out.err(`WARNING: Some service image(s) must be built from source by running:\n    docker compose build ${mustBuild.join(' ')}`);
  if (failure !== undefined) return out.err(failure).done(1);
  return out.done(0);
}
