/**
 * `sh -c LINE` / `bash -c LINE` inside a container: a child shell whose files are the
 * container's (mounts, its layer, its image), whose namespace and hostname are the container's,
 * and whose commands are the image's programs (plus what apt-get installed): others are "not
 * found". BusyBox images (alpine, busybox) word errors as ash does.
 */
import type { Container } from '../../engine/docker/types';
import type { CommandResult, ShellContext } from '../types';
import type { DockerCtx } from '../docker/context';
import { Shell } from '../shell';
import { hasProgram } from '../docker/exec';
import { containerBuiltin } from './builtins';
import { resolvePath } from '../../common/paths';
import { SYSTEM_FILES } from '../../engine/docker/procs';

/** Shell builtins and the few commands the simulated shell keeps as programs that every shell has. */
const SHELL_BUILTINS = new Set(['echo', 'true', 'false', 'cd', 'pwd', 'export', 'exit', 'test', '[', 'printf', 'read', 'set', 'unset', 'type', 'wait', 'kill', 'sleep']);

export function containerShell(d: DockerCtx, c: Container, argv: string[], ctx: ShellContext, busybox: boolean): CommandResult | undefined {
  const prog = argv[0]?.split('/').pop();
  if (!['sh', 'bash', 'ash'].includes(prog ?? '') || argv[1] !== '-c' || argv[2] === undefined || c.nsId === null) return undefined;
  const child = childShell(ctx, (args, inner) => {
    const name = args[0]?.split('/').pop() ?? '';
    if (SHELL_BUILTINS.has(name)) return undefined;
    const builtin = containerBuiltin(d, c, args, inner);
    if (builtin) return builtin;
    const byPath = args[0]!.includes('/') ? pathExecError(args[0]!, inner, busybox) : undefined;
    if (byPath) return byPath;
    if (!hasProgram(d, c, name)) return { stdout: '', stderr: `bash: ${args[0]}: command not found\n`, exitCode: 127 };
    return undefined;
  });
  const r = child.run(argv[2]);
  const result = { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
  return busybox ? asAsh(result) : result;
}

/** Dirs holding programs: a path elsewhere names a file that is not one (runs only if it has an exec bit). */
const BIN_DIRS = new Set(['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin']);

/**
 * A command named by a path the shell cannot exec: a directory or a plain file (EACCES, 126), or
 * nothing there (127). bash says `bash: /etc: Is a directory`, ash `sh: /etc: Permission denied`.
 */
function pathExecError(path: string, ctx: ShellContext, busybox: boolean): CommandResult | undefined {
  const full = resolvePath(ctx.cwd, path);
  const shell = busybox ? 'sh' : 'bash';
  const dir = full.slice(0, full.lastIndexOf('/')) || '/';
  if (BIN_DIRS.has(dir)) return undefined;
  if (ctx.fs.isDirectory(full)) return { stdout: '', stderr: `${shell}: ${path}: ${busybox ? 'Permission denied' : 'Is a directory'}\n`, exitCode: 126 };
  if (ctx.fs.read(full, ctx.ns).ok || SYSTEM_FILES.has(full)) return { stdout: '', stderr: `${shell}: ${path}: Permission denied\n`, exitCode: 126 };
  return { stdout: '', stderr: `${shell}: ${path}: ${busybox ? 'not found' : 'No such file or directory'}\n`, exitCode: 127 };
}

type Gate = (argv: string[], ctx: ShellContext) => CommandResult | undefined;

/** Defined at call time: shell.ts imports the docker commands, which import this file. */
function childShell(ctx: ShellContext, gate: Gate): Shell {
  class ContainerShell extends Shell {
    override exec(argv: string[], inner: ShellContext): CommandResult {
      return gate(argv, inner) ?? super.exec(argv, inner);
    }
  }
  const child = new ContainerShell(ctx.world, { ...ctx.host, rootNsId: ctx.ns.id }, { cwd: ctx.cwd });
  child.fs = ctx.fs;
  Object.assign(child.vars, ctx.env);
  return child;
}

/** ash: `sh: can't create /data/x: Read-only file system` where bash says `bash: /data/x: …`. */
export function asAsh(r: CommandResult): CommandResult {
  const stderr = r.stderr
    .replace(/^bash: (\S+): (Read-only file system|Is a directory|Permission denied)$/gm, "sh: can't create $1: $2")
    .replace(/^bash: (\S+): No such file or directory$/gm, "sh: can't create $1: nonexistent directory")
    .replace(/^bash: (\S+): command not found$/gm, 'sh: $1: not found');
  return asBusyboxCat({ ...r, stderr });
}

/** BusyBox cat (recorded, busybox 1.35): `cat: can't open '/nope': No such file or directory`. */
export function asBusyboxCat(r: CommandResult): CommandResult {
  return { ...r, stderr: r.stderr.replace(/^cat: (.+): (No such file or directory|Is a directory|Permission denied)$/gm, "cat: can't open '$1': $2") };
}
