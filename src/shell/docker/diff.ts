/** `docker diff` / `docker container diff`: the container's layer against its image, "A /path" / "C /path" sorted by path. */
import { findContainer, imageOf } from '../../engine/docker/containers';
import { containerChanges } from '../../engine/docker/fs-layer';
import { fail, type CommandResult, success } from '../types';
import { argsError, usageError, type DockerCtx, errorResponse } from './context';
import { parseFlags } from './flags';

export function dockerDiff(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, [], true);
  if (!parsed.ok) return usageError('diff', parsed.error);
  if (parsed.value.args.length !== 1) return argsError('diff', 'CONTAINER', 'Inspect changes to files or directories on a container\'s filesystem', 'exactly 1 argument');
  const ref = parsed.value.args[0]!;
  const c = findContainer(d.daemon, ref);
  if (!c) return fail(errorResponse(`No such container: ${ref}`), 1);
  const changes = containerChanges(c, imageOf(d.daemon, c));
  return success(changes.map((ch) => `${ch.kind} ${ch.path}\n`).join(''));
}
