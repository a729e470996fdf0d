/**
 * Servers inside containers, as ss and netstat list them in the container's namespace
 * (`nsenter -t PID -n ss -tlnp`). Each was recorded running as PID 1 of its own namespaces in an
 * unshare sandbox, with the official image's listening settings:
 * - nginx 1.22.1 with the image's nginx.conf and default.conf: `listen 80` on 0.0.0.0 (fd 5) and
 *   `listen [::]:80` (fd 6), backlog 511, held by the workers (newest first) and then the master;
 *   netstat names the master by its rewritten argv ("nginx: master process …").
 * - redis-server 7.0 without a config file (bind "* -::*", test/oracle/docker/record-server-sockets.sh):
 *   0.0.0.0:6379 fd 6 and [::]:6379 fd 7, backlog 511 (tcp-backlog), the main process only;
 *   netstat shows its rewritten title "redis-server *:6379".
 * - Apache 2.4 (event MPM, `Listen 80`): one dual-stack socket `*:80`, fd 3, backlog 511, held
 *   by the three children (newest first) and the parent; netstat lists it as tcp6 :::80.
 * - postgres 15 with listen_addresses='*': 0.0.0.0:5432 fd 6 and [::]:5432 fd 5, backlog 244
 *   (2 × MaxBackends with the default settings), the postmaster only.
 * A registry's sockets are not recorded and are not listed.
 */
import type { World } from '../../engine/world';
import type { Netns } from '../../engine/net/types';
import { allDaemons } from '../../engine/docker/daemon';
import { imageOf } from '../../engine/docker/containers';
import { processTree, type ContainerProcess } from '../../engine/docker/procs';
import type { Listener } from './listeners';

type Socket = Omit<Listener, 'accepted' | 'received'>;

/** The program name ss shows (the process's comm) for a process of the tree. */
function comm(p: ContainerProcess): string {
  return p.cmd.split(/[ :]/)[0]!.split('/').pop()!;
}

/** What the running image's server listens on, given its process tree (PID 1 first). */
function serverSockets(nsId: number, tree: ContainerProcess[]): Socket[] {
  const main = tree[0];
  if (!main) return [];
  const children = tree.slice(1).sort((a, b) => b.pid - a.pid);
  // nginx and redis rewrite their argv: netstat shows that title, not the program's name.
  const title = main.cmd.startsWith('nginx: master') || main.cmd.startsWith('redis-server') ? { cmdline: main.cmd } : {};
  const own = (port: number, fd: number, v6: boolean, backlog: number, holders?: ContainerProcess[]): Socket => ({
    nsId,
    proto: 'tcp',
    addr: 0,
    port,
    program: comm(main),
    pid: main.pid,
    fd,
    backlog,
    ...title,
    ...(holders ? { holders: holders.map((p) => ({ program: comm(p), pid: p.pid, fd })) } : {}),
    ...(v6 ? { v6: true } : {}),
  });
  if (main.cmd.startsWith('nginx: master')) return [own(80, 5, false, 511, [...children, main]), own(80, 6, true, 511, [...children, main])];
  if (main.cmd.startsWith('redis-server')) return [own(6379, 6, false, 511), own(6379, 7, true, 511)];
  if (main.cmd === 'httpd -DFOREGROUND') return [{ ...own(80, 3, true, 511, [...children, main]), dualStack: true }];
  if (main.cmd === 'postgres') return [own(5432, 6, false, 244), own(5432, 5, true, 244)];
  return [];
}

/** The servers of the running containers whose network namespace this is (several share the host's with --network host). */
export function containerServerSockets(world: World, ns: Netns): Socket[] {
  const out: Socket[] = [];
  for (const daemon of allDaemons(world)) {
    for (const c of daemon.containers) if (c.nsId === ns.id) out.push(...serverSockets(ns.id, processTree(c, imageOf(daemon, c))));
  }
  return out;
}
