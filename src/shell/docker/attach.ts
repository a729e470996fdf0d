/**
 * docker attach: the container's output from now until its main process ends, and its exit
 * status. The clock runs to that end; a process that never ends by itself cannot be waited for here.
 */
import { findContainer, settle } from '../../engine/docker/containers';
import { fail, Output, type CommandResult } from '../types';
import { argsError, daemonError, usageError, type DockerCtx } from './context';
import { parseFlags, flagSpecs } from './flags';
import { hasTerminal } from './run';

export function dockerAttach(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('no-stdin sig-proxy= detach-keys='), true);
  if (!parsed.ok) return usageError('attach', parsed.error);
  const [ref, ...extra] = parsed.value.args;
  if (ref === undefined || extra.length > 0) return argsError('attach', '[OPTIONS] CONTAINER', 'Attach local standard input, output, and error streams to a running container', 'exactly 1 argument');
  const c = findContainer(d.daemon, ref);
  if (!c) return daemonError(`No such container: ${ref}`);
  if (c.state === 'paused') return fail('You cannot attach to a paused container, unpause it first', 1);
  if (c.state !== 'running') return fail('You cannot attach to a stopped container, start it first', 1);
  // docker/cli's CheckTty: a container with a TTY wants a terminal on stdin unless --no-stdin.
  if (c.tty && !parsed.value.flags['no-stdin'] && !hasTerminal(d)) return fail('the input device is not a TTY', 1);
  if (c.exitsAt === null) return fail('vethlab: docker attach: the container never stops by itself; its output so far is in `docker logs`', 1);
  const from = c.logs.length;
  d.sh.world.clock.advance(Math.max(0, c.exitsAt - d.sh.world.clock.now()));
  settle(d.sh.world, d.sh.host, d.daemon);
  const out = new Output();
  for (const l of c.logs.slice(from)) (l.startsWith('o:') ? out.line(l.slice(2)) : out.err(l.slice(2)));
  return out.done(c.exitCode);
}
