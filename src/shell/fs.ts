/**
 * The simulated host's files: /proc/sys/net (per namespace sysctls), a few /etc files, /dev/null,
 * files written by commands (an overlay kept in the world), and read-only access to the user's
 * real files through an injected reader (the CLI's cwd, the lab's folder).
 */
import type { World } from '../engine/world';
import type { Host, Netns } from '../engine/net/types';
import { readSysctl, writeSysctl } from '../engine/net/sysctl';
import { resolvePath } from '../common/paths';
import { LIMITS } from '../engine/limits';

export interface RealFiles {
  read(path: string): string | undefined;
  isDirectory(path: string): boolean;
  /** Names in a directory, sorted, or undefined when it is not one. */
  list?(path: string): string[] | undefined;
}

export type FsError = 'ENOENT' | 'EISDIR' | 'EINVAL' | 'EACCES' | 'EROFS' | 'EFBIG';
export type ReadResult = { ok: true; data: string } | { ok: false; error: FsError };

export interface FileSystem {
  read(path: string, ns: Netns): ReadResult;
  write(path: string, data: string, append: boolean, ns: Netns): FsError | null;
  isDirectory(path: string): boolean;
  list?(path: string): string[] | undefined;
}

const DIRS = new Set(['/', '/proc', '/proc/sys', '/proc/sys/net', '/proc/sys/net/ipv4', '/etc', '/dev', '/root', '/tmp', '/run', '/run/netns', '/var', '/home']);

export { resolvePath };

export class SimFs implements FileSystem {
  private readonly inState: boolean;

  constructor(
    private readonly world: World,
    private readonly given: Host,
    private readonly real?: RealFiles,
  ) {
    this.inState = world.state.hosts[given.id]?.rootNsId === given.rootNsId;
  }

  /** Looked up each time: a restored world state holds a new Host object (its hostname too). */
  private get host(): Host {
    return (this.inState && this.world.state.hosts[this.given.id]) || this.given;
  }

  private get overlay(): Record<string, string> {
    return (this.world.state.files[this.host.id] ??= {});
  }

  read(path: string, ns: Netns): ReadResult {
    if (this.isDirectory(path)) return { ok: false, error: 'EISDIR' };
    const sysctl = sysctlKey(path);
    if (sysctl) {
      const value = readSysctl(this.world, ns, sysctl);
      return value === undefined ? { ok: false, error: 'ENOENT' } : { ok: true, data: value + '\n' };
    }
    if (path === '/dev/null') return { ok: true, data: '' };
    const written = this.overlay[path];
    if (written !== undefined) return { ok: true, data: written };
    const builtin = this.builtinFile(path);
    if (builtin !== undefined) return { ok: true, data: builtin };
    const real = this.real?.read(path);
    return real === undefined ? { ok: false, error: 'ENOENT' } : { ok: true, data: real };
  }

  write(path: string, data: string, append: boolean, ns: Netns): FsError | null {
    if (path === '/dev/null') return null;
    if (this.isDirectory(path)) return 'EISDIR';
    const sysctl = sysctlKey(path);
    if (sysctl) return writeSysctl(this.world, ns, sysctl, data);
    if (path.startsWith('/proc/')) return 'ENOENT';
    const before = append ? (this.read(path, ns).ok ? (this.read(path, ns) as { data: string }).data : '') : '';
    // A simulated file holds at most LIMITS.fileBytes (as `ulimit -f` would stop it).
    if (before.length + data.length > LIMITS.fileBytes) return 'EFBIG';
    this.overlay[path] = before + data;
    this.world.changed();
    return null;
  }

  /** Files written in the simulation plus the user's real ones, for `ls`. */
  list(path: string): string[] | undefined {
    const prefix = path === '/' ? '/' : path + '/';
    const written = Object.keys(this.overlay).filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/')).map((p) => p.slice(prefix.length));
    const real = this.real?.list?.(path);
    if (!real && written.length === 0 && !this.isDirectory(path)) return undefined;
    return [...new Set([...(real ?? []), ...written])].sort();
  }

  isDirectory(path: string): boolean {
    return DIRS.has(path) || path.startsWith('/proc/sys/net/') && !sysctlKey(path) || (this.real?.isDirectory(path) ?? false);
  }

  private builtinFile(path: string): string | undefined {
    switch (path) {
      case '/etc/hostname':
        return this.host.hostname + '\n';
      case '/etc/hosts':
        return `127.0.0.1\tlocalhost\n127.0.1.1\t${this.host.hostname}\n\n# The following lines are desirable for IPv6 capable hosts\n::1     localhost ip6-localhost ip6-loopback\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`;
      case '/etc/resolv.conf':
        return 'nameserver 192.168.1.1\n';
      default:
        return undefined;
    }
  }
}

/** /proc/sys/net/ipv4/ip_forward -> net.ipv4.ip_forward */
function sysctlKey(path: string): string | undefined {
  if (!path.startsWith('/proc/sys/net/')) return undefined;
  const key = path.slice('/proc/sys/'.length).split('/').join('.');
  return key;
}
