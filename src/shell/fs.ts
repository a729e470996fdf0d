/**
 * The simulated host's files: /proc/sys/net (per namespace sysctls), a few /etc files, /dev/null,
 * files written by commands (an overlay kept in the world), and read-only access to the user's
 * real files through an injected reader (the CLI's cwd, the lab's folder).
 */
import { daemonOf } from '../engine/docker/daemon';
import { defaultGroup, defaultPasswd } from './coreutils/users';
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

export type FsError = 'ENOENT' | 'EISDIR' | 'EINVAL' | 'EACCES' | 'EROFS' | 'EFBIG' | 'EEXIST' | 'ENOTDIR' | 'ENOTEMPTY' | 'EPERM' | 'EBUSY';
export type ReadResult = { ok: true; data: string } | { ok: false; error: FsError };

export interface FileSystem {
  read(path: string, ns: Netns): ReadResult;
  write(path: string, data: string, append: boolean, ns: Netns): FsError | null;
  isDirectory(path: string): boolean;
  list?(path: string): string[] | undefined;
  /** mkdir(2), unlink(2), rmdir(2), rename(2): on filesystems whose files can be made and removed. */
  mkdir?(path: string, ns: Netns): FsError | null;
  unlink?(path: string, ns: Netns): FsError | null;
  rmdir?(path: string, ns: Netns): FsError | null;
  rename?(from: string, to: string, ns: Netns): FsError | null;
  /** Why unlink/rmdir of PATH would fail once everything under it is gone (rm -r checks a whole tree first). */
  removable?(path: string, ns: Netns): FsError | null;
}

const DIRS = new Set(['/', '/proc', '/proc/sys', '/proc/sys/net', '/proc/sys/net/ipv4', '/etc', '/dev', '/root', '/tmp', '/run', '/run/netns', '/var', '/home',
  // The rest of a Debian host's top level (the simulation keeps nothing in them), so `ls /` looks like one.
  '/bin', '/boot', '/lib', '/lib64', '/media', '/mnt', '/opt', '/sbin', '/srv', '/sys', '/usr', '/usr/bin', '/usr/lib', '/usr/local', '/usr/sbin', '/usr/share', '/var/lib', '/var/log', '/var/tmp']);
/** The host's own files (builtinFile), by directory, for `ls`. */
const BUILTIN_FILES: Record<string, string[]> = { '/etc': ['debian_version', 'group', 'hostname', 'hosts', 'os-release', 'passwd', 'resolv.conf'], '/usr/lib': ['os-release'], '/dev': ['null'] };

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
    // `ip netns add` bind-mounts the namespace here: nsfs files exist but cannot be read.
    if (this.netnsFile(path)) return { ok: false, error: 'EINVAL' };
    const written = this.overlay[path];
    if (written !== undefined) return { ok: true, data: written };
    const builtin = this.builtinFile(path);
    if (builtin !== undefined) return { ok: true, data: builtin };
    const real = this.real?.read(path);
    return real === undefined ? { ok: false, error: 'ENOENT' } : { ok: true, data: real };
  }

  write(path: string, data: string, append: boolean, ns: Netns): FsError | null {
    if (path === '/dev/null') return null;
    if (this.isDirectory(path) || path.endsWith('/')) return 'EISDIR';
    const sysctl = sysctlKey(path);
    if (sysctl) return writeSysctl(this.world, ns, sysctl, data);
    if (path.startsWith('/proc/')) return 'ENOENT';
    if (this.netnsFile(path)) return 'EPERM';
    const before = append ? (this.read(path, ns).ok ? (this.read(path, ns) as { data: string }).data : '') : '';
    // A simulated file holds at most LIMITS.fileBytes (as `ulimit -f` would stop it).
    if (before.length + data.length > LIMITS.fileBytes) return 'EFBIG';
    this.overlay[path] = before + data;
    this.markParents(path);
    this.world.changed();
    return null;
  }

  /** Files written in the simulation, directories made by mkdir (and those holding written files), plus the user's real ones, for `ls`. */
  list(path: string): string[] | undefined {
    const prefix = path === '/' ? '/' : path + '/';
    const written = Object.keys(this.overlay).filter((p) => p.startsWith(prefix) && p.length > prefix.length).map((p) => p.slice(prefix.length).split('/')[0]!);
    if (path === '/run/netns') written.push(...Object.keys(this.host.netnsNames));
    for (const d of DIRS) if (d !== '/' && d.slice(0, d.lastIndexOf('/')) === (path === '/' ? '' : path)) written.push(d.slice(d.lastIndexOf('/') + 1));
    written.push(...(BUILTIN_FILES[path] ?? []));
    if (path === '/etc' && this.dockerHost()) written.push('docker');
    const real = this.real?.list?.(path);
    if (!real && written.length === 0 && !this.isDirectory(path)) return undefined;
    return [...new Set([...(real ?? []), ...written])].sort();
  }

  isDirectory(path: string): boolean {
    return DIRS.has(path) || (path === '/etc/docker' && this.dockerHost()) || path.startsWith('/proc/sys/net/') && !sysctlKey(path) || this.userDirectory(path) || (this.real?.isDirectory(path) ?? false);
  }

  /** A host with a Docker daemon has /etc/docker (where daemon.json goes). */
  private dockerHost(): boolean {
    return daemonOf(this.world, this.host) !== undefined;
  }

  /**
   * User directories live in the host's overlay beside its files, keyed by their path and a slash
   * (so snapshots and undo keep them).
   */
  private userDirectory(path: string): boolean {
    return this.overlay[path + '/'] !== undefined;
  }

  /** A file written where no directory was (`echo x > /etc/docker/daemon.json`) brings its directories into being. */
  private markParents(path: string): void {
    for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) {
      const dir = path.slice(0, at);
      if (DIRS.has(dir) || this.overlay[dir + '/'] !== undefined) break;
      this.overlay[dir + '/'] = '';
    }
  }

  /** A path is there when it reads, or fails to read for a reason other than its absence. */
  private exists(path: string, ns: Netns): boolean {
    const r = this.read(path, ns);
    return r.ok || r.error !== 'ENOENT';
  }

  /** /run/netns/NAME of a named namespace: a mount point, so unlink and rmdir of /run/netns say EBUSY. */
  private netnsFile(path: string): boolean {
    return path.startsWith('/run/netns/') && Object.prototype.hasOwnProperty.call(this.host.netnsNames, path.slice('/run/netns/'.length));
  }

  /** Paths that keep what they are: the kernel's /proc, the host's own files and directories, the user's real files. */
  private protectedPath(path: string): boolean {
    return path === '/proc' || path.startsWith('/proc/') || path === '/dev/null' || DIRS.has(path) || this.builtinFile(path) !== undefined || (this.overlay[path] === undefined && this.overlay[path + '/'] === undefined);
  }

  /** ENOENT or ENOTDIR when PATH's parent is not a directory (the first existing ancestor decides). */
  parentError(path: string, ns: Netns): FsError | null {
    let parent = path.slice(0, path.lastIndexOf('/')) || '/';
    if (this.isDirectory(parent)) return parent === '/proc' || parent.startsWith('/proc/') ? (this.exists(path, ns) ? null : 'ENOENT') : null;
    while (parent !== '/' && !this.exists(parent, ns)) parent = parent.slice(0, parent.lastIndexOf('/')) || '/';
    return this.isDirectory(parent) ? 'ENOENT' : 'ENOTDIR';
  }

  mkdir(path: string, ns: Netns): FsError | null {
    if (this.exists(path, ns)) return 'EEXIST';
    const parent = this.parentError(path, ns);
    if (parent) return parent;
    if (path.startsWith('/proc/')) return 'ENOENT';
    this.overlay[path + '/'] = '';
    this.world.changed();
    return null;
  }

  unlink(path: string, ns: Netns): FsError | null {
    if (!this.exists(path, ns)) return 'ENOENT';
    if (this.isDirectory(path)) return 'EISDIR';
    if (this.netnsFile(path)) return 'EBUSY';
    if (this.protectedPath(path)) return 'EPERM';
    delete this.overlay[path];
    this.world.changed();
    return null;
  }

  rmdir(path: string, ns: Netns): FsError | null {
    if (!this.exists(path, ns)) return 'ENOENT';
    if (!this.isDirectory(path)) return 'ENOTDIR';
    if (path.startsWith('/proc/')) return 'EPERM';
    if (path === '/run/netns') return 'EBUSY';
    if ((this.list(path) ?? []).length > 0) return 'ENOTEMPTY';
    if (this.protectedPath(path)) return 'EBUSY';
    delete this.overlay[path + '/'];
    this.world.changed();
    return null;
  }

  removable(path: string): FsError | null {
    if (path === '/proc' || path.startsWith('/proc/')) return 'EPERM';
    if (this.netnsFile(path)) return 'EBUSY';
    if (!this.isDirectory(path)) return this.protectedPath(path) ? 'EPERM' : null;
    return DIRS.has(path) || this.real?.isDirectory(path) ? 'EBUSY' : null;
  }

  /** Moves a user file or directory (with everything under it); the caller has checked the target. */
  rename(from: string, to: string, ns: Netns): FsError | null {
    if (!this.exists(from, ns)) return 'ENOENT';
    const parent = this.parentError(to, ns);
    if (parent) return parent;
    if (to.startsWith('/proc/')) return 'ENOENT';
    if (this.protectedPath(from) || this.protectedPath(to) && this.exists(to, ns)) return 'EPERM';
    const overlay = this.overlay;
    if (this.isDirectory(from)) {
      const moves = Object.keys(overlay).filter((p) => p === from + '/' || p.startsWith(from + '/'));
      if (overlay[to + '/'] !== undefined && this.list(to)!.length > 0) return 'ENOTEMPTY';
      delete overlay[to + '/'];
      for (const p of moves) {
        overlay[to + p.slice(from.length)] = overlay[p]!;
        delete overlay[p];
      }
    } else {
      overlay[to] = overlay[from]!;
      delete overlay[from];
    }
    this.world.changed();
    return null;
  }

  private builtinFile(path: string): string | undefined {
    switch (path) {
      case '/etc/hostname':
        return this.host.hostname + '\n';
      case '/etc/hosts':
        return `127.0.0.1\tlocalhost\n127.0.1.1\t${this.host.hostname}\n\n# The following lines are desirable for IPv6 capable hosts\n::1     localhost ip6-localhost ip6-loopback\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`;
      case '/etc/resolv.conf':
        return 'nameserver 192.168.1.1\n';
      // Debian 12.8, the release of the simulated kernel (uname: 6.1.119-1, 2024-11-22).
      case '/etc/os-release':
      case '/usr/lib/os-release':
        return 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n';
      case '/etc/debian_version':
        return '12.8\n';
      case '/etc/passwd':
        return defaultPasswd();
      case '/etc/group':
        return defaultGroup(this.world, this.host);
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
