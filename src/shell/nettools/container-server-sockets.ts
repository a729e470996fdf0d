/**
 * Servers inside containers, as ss and netstat list them in the container's namespace
 * (`nsenter -t PID -n ss -tlnp`). nginx only, recorded from nginx 1.22.1 run with the official
 * image's nginx.conf and default.conf in an unshare sandbox: `listen 80` on 0.0.0.0 (fd 5) and
 * `listen [::]:80` (fd 6), backlog 511, held by the workers (newest first) and then the master;
 * netstat names the master by its rewritten argv ("nginx: master process …"). Other images'
 * servers are not recorded yet and are not listed.
 */
import type { World } from '../../engine/world';
import type { Netns } from '../../engine/net/types';
import { allDaemons } from '../../engine/docker/daemon';
import { imageOf } from '../../engine/docker/containers';
import { processTree } from '../../engine/docker/procs';
import type { Listener } from './listeners';

type Socket = Omit<Listener, 'accepted' | 'received'>;

export function containerServerSockets(world: World, ns: Netns): Socket[] {
  for (const daemon of allDaemons(world)) {
    const c = daemon.containers.find((x) => x.nsId === ns.id);
    if (!c) continue;
    const tree = processTree(c, imageOf(daemon, c));
    const master = tree[0];
    if (!master?.cmd.startsWith('nginx: master')) return [];
    const workers = tree.slice(1).sort((a, b) => b.pid - a.pid);
    const socket = (fd: number, v6: boolean): Socket => ({
      nsId: ns.id,
      proto: 'tcp',
      addr: 0,
      port: 80,
      program: 'nginx',
      pid: master.pid,
      fd,
      backlog: 511,
      cmdline: master.cmd,
      holders: [...workers, master].map((p) => ({ program: 'nginx', pid: p.pid, fd })),
      ...(v6 ? { v6: true } : {}),
    });
    return [socket(5, false), socket(6, true)];
  }
  return [];
}
