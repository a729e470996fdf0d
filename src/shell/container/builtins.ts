/** Programs that behave differently inside a container: ps (the container's processes), apt-get (installs into the image's layer). */
import type { Container } from '../../engine/docker/types';
import { imageOf } from '../../engine/docker/containers';
import { type CommandResult, type ShellContext, success } from '../types';
import type { DockerCtx } from '../docker/context';
import { aptGet } from './apt';
import { containerPs } from './ps';
import { containerShell } from './container-shell';
import { layerTool } from './layer-tools';

export function containerBuiltin(d: DockerCtx, c: Container, argv: string[], ctx: ShellContext): CommandResult | undefined {
  const prog = argv[0]?.split('/').pop();
  if (prog === 'ps') return containerPs(d, c, argv);
  // coreutils' or BusyBox's pwd as a program (docker run -w /tmp busybox pwd): the process's working directory.
  if (prog === 'pwd') return success(ctx.cwd + '\n');
  if (prog === 'rm' || prog === 'mkdir' || prog === 'touch') return layerTool(d, c, argv, ctx, imageOf(d.daemon, c)?.programs.includes('ash') ?? false);
  if (prog === 'apt-get' || prog === 'apt') return aptGet(c, argv, imageOf(d.daemon, c)?.programs ?? [], ctx);
  if (prog === 'sh' || prog === 'bash' || prog === 'ash') return containerShell(d, c, argv, ctx, imageOf(d.daemon, c)?.programs.includes('ash') ?? false);
  // BusyBox ls names a missing path without coreutils' "cannot access" and quotes, and exits 1, not 2
  // (recorded: test/golden/docker/commit-layers.txt).
  if (prog === 'ls' && imageOf(d.daemon, c)?.programs.includes('ash')) {
    const r = ctx.exec(argv, ctx);
    return { ...r, stderr: r.stderr.replace(/^ls: cannot access '(.*)': /gm, 'ls: $1: '), exitCode: r.exitCode === 0 ? 0 : 1 };
  }
  // Alpine builds BusyBox with CONFIG_UNAME_OSNAME="Linux" (its C library is musl, not GNU's).
  if (prog === 'uname' && imageOf(d.daemon, c)?.programs.includes('apk')) {
    const r = ctx.exec(argv, ctx);
    return { ...r, stdout: r.stdout.replace(/GNU\/Linux\n$/, 'Linux\n') };
  }
  return undefined;
}
