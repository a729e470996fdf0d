/**
 * Where the simulated Debian 12 host keeps its programs, for which, type and command -v:
 * PATH is /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin, so administration
 * tools are found in /usr/sbin, the rest in /usr/bin (docker-ce installs /usr/bin/docker).
 */

/** Bash builtins the simulated shell runs itself (`type cd`: cd is a shell builtin). */
export const SHELL_BUILTINS = new Set(['cd', 'export', 'pwd', 'exit', 'eval', 'unset', 'break', 'continue', 'wait', 'jobs', 'kill', 'fg', 'bg', 'type', 'command', 'read', 'source', '.', 'echo', 'printf', 'test', '[', 'true', 'false', ':', 'help', 'local', 'return', 'shift', 'alias', 'unalias', 'history', 'let', 'set']);

/** Reserved words: `type if` says "if is a shell keyword". */
export const SHELL_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]']);

/** Builtins that are also files on Debian (coreutils, procps): which finds them. */
const ALSO_FILES = new Set(['echo', 'printf', 'test', '[', 'true', 'false', 'pwd', 'kill', 'ssh']);

const SBIN = new Set(['ip', 'bridge', 'sysctl', 'brctl', 'iptables', 'iptables-save', 'iptables-restore', 'nft', 'arp', 'route', 'ifconfig', 'service', 'dhclient', 'dnsmasq', 'conntrack', 'udhcpc']);
const LOCAL = new Set(['docker-machine', 'vm']);

/**
 * The file that runs `name`, or undefined: `known` says which programs the simulator has
 * (the registry's commands and waiting programs). Shell-only builtins have no file.
 */
export function programPath(name: string, known: (name: string) => boolean): string | undefined {
  if (name.includes('/')) return undefined;
  if (SHELL_BUILTINS.has(name) && !ALSO_FILES.has(name)) return undefined;
  if (!known(name) && !ALSO_FILES.has(name)) return undefined;
  return `${LOCAL.has(name) ? '/usr/local/bin' : SBIN.has(name) ? '/usr/sbin' : '/usr/bin'}/${name}`;
}
