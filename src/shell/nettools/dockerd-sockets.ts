/**
 * The TCP sockets of a dockerd started at the prompt with -H tcp://IP:PORT, as ss and netstat
 * list them (Go's listen backlog is the kernel's somaxconn, 4096). Derived from the daemon's
 * state, so snapshots (and lab checks, which run on a copy of the world) carry them.
 */
import type { World } from '../../engine/world';
import type { Netns } from '../../engine/net/types';
import { parseIpv4 } from '../../engine/net/ipv4';
import { allDaemons } from '../../engine/docker/daemon';
import { dockerUnits } from '../../engine/docker/units';
import type { Listener } from './listeners';

type Socket = Omit<Listener, 'accepted' | 'received'>;

export function dockerdSockets(world: World, ns: Netns): Socket[] {
  const out: Socket[] = [];
  for (const daemon of allDaemons(world)) {
    if (daemon.stopped || world.host(daemon.hostId).rootNsId !== ns.id) continue;
    const pid = dockerUnits(daemon).foregroundPid;
    if (pid === undefined) continue;
    let fd = 3;
    for (const h of daemon.config?.hosts ?? []) {
      const m = /^tcp:\/\/([0-9.]+):(\d+)$/.exec(h);
      const addr = m ? parseIpv4(m[1]!) : null;
      if (!m || addr === null) continue;
      out.push({ nsId: ns.id, proto: 'tcp', addr, port: Number(m[2]), program: 'dockerd', pid, fd: fd++, backlog: 4096 });
    }
  }
  return out;
}
