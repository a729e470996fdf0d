/**
 * `sh -c LINE` / `bash -c LINE` inside a container: a child shell whose files are the
 * container's (mounts, its layer, its image), whose namespace and hostname are the container's.
 * BusyBox images (alpine, busybox) word redirection errors as ash does.
 */
import type { Container } from '../../engine/docker/types';
import type { CommandResult, ShellContext } from '../types';
import { Shell } from '../shell';

export function containerShell(c: Container, argv: string[], ctx: ShellContext, busybox: boolean): CommandResult | undefined {
  const prog = argv[0]?.split('/').pop();
  if (!['sh', 'bash', 'ash'].includes(prog ?? '') || argv[1] !== '-c' || argv[2] === undefined || c.nsId === null) return undefined;
  const child = new Shell(ctx.world, { ...ctx.host, rootNsId: ctx.ns.id }, { cwd: ctx.cwd });
  child.fs = ctx.fs;
  Object.assign(child.vars, ctx.env);
  const r = child.run(argv[2]);
  const result = { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
  return busybox ? asAsh(result) : result;
}

/** ash: `sh: can't create /data/x: Read-only file system` where bash says `bash: /data/x: …`. */
export function asAsh(r: CommandResult): CommandResult {
  const stderr = r.stderr
    .replace(/^bash: (\S+): (Read-only file system|Is a directory|Permission denied)$/gm, "sh: can't create $1: $2")
    .replace(/^bash: (\S+): No such file or directory$/gm, "sh: can't create $1: nonexistent directory")
    .replace(/^bash: (\S+): command not found$/gm, 'sh: $1: not found');
  return { ...r, stderr };
}
