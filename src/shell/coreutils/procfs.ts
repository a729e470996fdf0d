/**
 * /proc/PID/ns as the host's kernel shows it: one magic symlink per namespace type whose
 * target is `TYPE:[INODE]`. The host's processes share the initial namespaces (the kernel's
 * fixed PROC_*_INIT_INO numbers, and init_net's 4026531840); a container's main process and its
 * children have their own ipc, mnt, net, pid and uts namespaces and share user and time with the
 * host (Docker without userns-remap), and cgroup too: on this cgroup v1 host dockerd's default
 * cgroupns mode is "host" (recorded). --network host keeps the host's net.
 */
import { imageOf } from '../../engine/docker/containers';
import { allDaemons } from '../../engine/docker/daemon';
import { processTree } from '../../engine/docker/procs';
import type { Container } from '../../engine/docker/types';
import { hostProcesses, SELF_PID } from './ps';
import type { ShellContext } from '../types';

/** `ls /proc/PID/ns` order (readdir of proc_ns_dir_operations, alphabetical). */
export const NS_TYPES = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'pid_for_children', 'time', 'time_for_children', 'user', 'uts'] as const;
export type NsType = (typeof NS_TYPES)[number];

/** include/linux/proc_ns.h: the initial namespaces' inode numbers; init_net gets the first dynamic one. */
const INIT_INODES: Record<string, number> = { time: 4026531834, cgroup: 4026531835, pid: 4026531836, user: 4026531837, uts: 4026531838, ipc: 4026531839, net: 4026531840, mnt: 4026531841 };

/** The inode number the kernel shows for a network namespace (init_net's is 4026531840). */
export function netnsInode(nsId: number, rootNsId: number): number {
  return nsId === rootNsId ? 4026531840 : 4026532000 + nsId * 8;
}

/** A process's namespaces: the running container it belongs to (undefined for the host's own), and its net namespace. */
interface ProcessView {
  pid: number;
  container?: Container;
  netnsId: number;
}

/** The running container one of whose processes has this host PID. */
export function containerOfPid(ctx: ShellContext, pid: number): Container | undefined {
  for (const daemon of allDaemons(ctx.world)) {
    if (daemon.hostId !== ctx.host.id) continue;
    for (const c of daemon.containers) if (processTree(c, imageOf(daemon, c)).some((p) => p.pid === pid)) return c;
  }
  return undefined;
}

/** The container whose network namespace the caller runs in (a `docker exec` process), if any. */
function containerOfNs(ctx: ShellContext): Container | undefined {
  if (ctx.ns.id === hostRootNsId(ctx)) return undefined;
  for (const daemon of allDaemons(ctx.world)) if (daemon.hostId === ctx.host.id) for (const c of daemon.containers) if (c.nsId === ctx.ns.id && c.networkMode !== 'host') return c;
  return undefined;
}

/** The host's own root namespace (a container's shell sees its namespace as its host's root). */
function hostRootNsId(ctx: ShellContext): number {
  return ctx.world.state.hosts[ctx.host.id]?.rootNsId ?? ctx.host.rootNsId;
}

/** `self` is the reading process: in the caller's network namespace (ip netns exec, docker exec). */
export function processView(ctx: ShellContext, pidText: string): ProcessView | undefined {
  if (pidText === 'self' || pidText === 'thread-self') {
    const container = containerOfNs(ctx);
    return { pid: SELF_PID, netnsId: ctx.ns.id, ...(container ? { container } : {}) };
  }
  if (!/^\d+$/.test(pidText)) return undefined;
  // In a container's PID namespace, 1 is its main process (host PIDs are not visible there).
  const inside = containerOfNs(ctx);
  if (inside) return pidText === '1' ? { pid: inside.pid, netnsId: ctx.ns.id, container: inside } : undefined;
  const pid = Number(pidText);
  if (!hostProcesses(ctx).some((p) => p.pid === pid)) return undefined;
  const container = containerOfPid(ctx, pid);
  const root = hostRootNsId(ctx);
  return { pid, netnsId: container?.nsId ?? root, ...(container ? { container } : {}) };
}

/** The inode of one of the process's namespaces. */
export function nsInode(ctx: ShellContext, view: ProcessView, type: NsType): number {
  const kind = type.replace(/_for_children$/, '');
  const root = hostRootNsId(ctx);
  if (kind === 'net') return netnsInode(view.netnsId, root);
  const c = view.container;
  if (!c || c.nsId === null || kind === 'user' || kind === 'time' || kind === 'cgroup') return INIT_INODES[kind]!;
  // The container's other namespaces, numbered beside its network namespace's (stable while it runs).
  const base = 4026532000 + (c.networkMode === 'host' ? c.pid : c.nsId) * 8;
  return base + 1 + ['mnt', 'uts', 'ipc', 'pid'].indexOf(kind);
}

/** What a /proc path names: the ns directory of a process, one of its links, or nothing this model knows. */
export type ProcNode = { kind: 'nsdir'; view: ProcessView } | { kind: 'nslink'; view: ProcessView; type: NsType; target: string };

export function procNode(ctx: ShellContext, path: string): ProcNode | undefined {
  const m = /^\/proc\/([^/]+)\/ns(?:\/([^/]+))?\/?$/.exec(path);
  if (!m) return undefined;
  const view = processView(ctx, m[1]!);
  if (!view) return undefined;
  if (m[2] === undefined) return { kind: 'nsdir', view };
  const type = NS_TYPES.find((t) => t === m[2]);
  if (!type) return undefined;
  return { kind: 'nslink', view, type, target: `${type.replace(/_for_children$/, '')}:[${nsInode(ctx, view, type)}]` };
}
