/**
 * Interactive shells started from the terminal: `ip netns exec red bash` and
 * `docker exec -it web bash|sh`. Each is a frame over the terminal's Shell: its lines run as
 * `ip netns exec red sh -c '…'` or `docker exec web sh -c '…'`, and it has its own prompt:
 *
 * - in a network namespace, bash's prompt does not change (`root@host:~# `): a namespace has
 *   no hostname or directory of its own, so Debian's PS1 (`\u@\h:\w\$`) prints the same
 *   (recorded in an `unshare --net --mount` sandbox: `ip netns exec red hostname` prints the
 *   machine's hostname, and `ip netns exec red bash -i` prompts `root@<that hostname>:~# `);
 * - in a container, bash prints `root@<hostname>:/# ` (the hostname is the 12-character
 *   container id unless --hostname was given); BusyBox/Alpine `sh` prints `/ # `
 *   (BusyBox ash's `\w \$`), Debian's `sh` (dash) prints `# `.
 *
 * The frame keeps the container's working directory itself (each line is a new `sh -c`).
 */
import type { Shell } from '../../shell/shell';
import type { Chunk } from '../../shell/shell';

export interface ShellFrame {
  prompt(): string;
  /** Runs one line in the frame; its output as the shell printed it. */
  run(line: string): Chunk[];
  /** The host shell's line that runs `line` in the frame, where the terminal may run it itself (a ping until Ctrl-C). */
  wrap?(line: string): string;
}

const NETNS_SHELL = /^\s*(?:sudo\s+)?ip\s+netns\s+exec\s+(\S+)\s+(?:\/bin\/|\/usr\/bin\/)?(bash|sh)(?:\s+-[il]+)*\s*$/;
const DOCKER_SHELL = /^\s*(?:sudo\s+)?docker\s+(?:container\s+)?exec\s+((?:-[a-z]+\s+)+)(\S+)\s+(?:\/bin\/|\/usr\/bin\/)?(bash|sh|ash)\s*$/;

export type FrameStart = { frame: ShellFrame } | { failed: Chunk[] };

/** A frame when `line` starts an interactive shell; undefined for any other line. */
export function startFrame(shell: Shell, line: string): FrameStart | undefined {
  const netns = NETNS_SHELL.exec(line);
  if (netns) return netnsFrame(shell, netns[1]!);
  const docker = DOCKER_SHELL.exec(line);
  if (docker && /i/.test(docker[1]!) && /t/.test(docker[1]!) && /^(-[it]+\s+)+$/.test(docker[1]!)) return containerFrame(shell, docker[2]!, docker[3]!);
  return undefined;
}

/** `'…'` for sh: a single quote inside becomes `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function netnsFrame(shell: Shell, name: string): FrameStart {
  const probe = shell.run(`ip netns exec ${shellQuote(name)} true`);
  if (probe.exitCode !== 0) return { failed: probe.chunks };
  const ns = shellQuote(name);
  return {
    frame: {
      prompt: () => shell.prompt,
      // The directory is the host's: `cd` runs in the terminal's own shell.
      run: (line) => shell.run(/^\s*cd(\s|$)/.test(line) ? line : `ip netns exec ${ns} sh -c ${shellQuote(line)}`).chunks,
      wrap: (line) => `ip netns exec ${ns} ${line.trim()}`,
    },
  };
}

function containerFrame(shell: Shell, container: string, program: string): FrameStart {
  const name = shellQuote(container);
  const probe = shell.run(`docker exec ${name} ${program} -c hostname`);
  if (probe.exitCode !== 0) return { failed: probe.chunks };
  const hostname = probe.stdout.trim();
  const hasBash = program === 'bash' || shell.run(`docker exec ${name} bash -c true`).exitCode === 0;
  let cwd = '/';
  const dir = () => (cwd === '/root' ? '~' : cwd.startsWith('/root/') ? `~${cwd.slice(5)}` : cwd);
  const prompt = program === 'bash' ? () => `root@${hostname}:${dir()}# ` : hasBash ? () => '# ' : () => `${cwd} # `;
  return {
    frame: {
      prompt,
      run: (line) => {
        const inDir = `cd ${shellQuote(cwd)} && ${line}`;
        if (!/^\s*cd(\s|$)/.test(line)) return shell.run(`docker exec ${name} ${program} -c ${shellQuote(inDir)}`).chunks;
        const moved = shell.run(`docker exec ${name} ${program} -c ${shellQuote(`${inDir} && pwd`)}`);
        if (moved.exitCode === 0) cwd = moved.stdout.trim() || cwd;
        return moved.chunks.filter((c) => c.stream === 'stderr');
      },
    },
  };
}
