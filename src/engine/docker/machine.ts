/**
 * docker-machine's machines: each one a Linux host of the world with a Docker daemon. virtualbox
 * machines sit on VirtualBox's host-only network vboxnet0 (192.168.99.0/24: the owner host gets
 * vboxnet0 192.168.99.1, machines .100, .101, ...); generic machines are hosts that already exist
 * at the given address (docker-machine installs Docker on them over ssh). The list of machines
 * belongs to the host that created them (its ~/.docker/machine).
 */
import type { World } from '../world';
import type { Host, WorldState } from '../net/types';
import { err, ok, type Result } from '../../common/result';
import { ENGINE } from './engine-info';
import { addNic, cable, configure, createHost, rootNs } from '../host';
import { attachPort, createLink, setAdminUp } from '../net/linkops';
import { linkByName } from '../net/links';
import { formatIpv4 } from '../net/ipv4';
import { daemonOf, startDaemon } from './daemon';
import { allDaemons } from './daemon';
import { exitContainer } from './containers';

export type MachineDriver = 'virtualbox' | 'generic';

export interface Machine {
  name: string;
  driver: MachineDriver;
  hostId: number;
  ip: string;
  state: 'Running' | 'Stopped';
  /** What `docker-machine ls` shows in DOCKER. */
  dockerVersion: string;
}

type MachineWorldState = WorldState & { machines?: Record<number, Machine[]>; vboxSwitch?: number };

export function machinesOf(world: World, owner: Host): Machine[] {
  return ((world.state as MachineWorldState).machines ??= {})[owner.id] ??= [];
}

export function findMachine(world: World, owner: Host, name: string): Machine | undefined {
  return machinesOf(world, owner).find((m) => m.name === name);
}

/** The host-only network: a hidden switch, the owner's vboxnet0 on it. */
function vboxnetPlug(world: World, owner: Host): (nic: ReturnType<typeof addNic>) => void {
  const state = world.state as MachineWorldState;
  let sw = state.vboxSwitch !== undefined ? world.state.hosts[state.vboxSwitch] : undefined;
  if (!sw) {
    sw = createHost(world, 'vboxnet0-switch', 'switch');
    state.vboxSwitch = sw.id;
    const br = createLink(world, rootNs(world, sw), { name: 'br0', kind: 'bridge' });
    setAdminUp(world, br, true);
  }
  const swNs = rootNs(world, sw);
  const br = linkByName(world, swNs.id, 'br0')!;
  const plug = (nic: ReturnType<typeof addNic>) => {
    const port = addNic(world, swNs, `p${Object.values(world.state.links).filter((l) => l.nsId === swNs.id).length}`);
    attachPort(world, br, port);
    setAdminUp(world, port, true);
    cable(world, nic, port);
  };
  const ownerNs = rootNs(world, owner);
  if (!linkByName(world, ownerNs.id, 'vboxnet0')) {
    const v = addNic(world, ownerNs, 'vboxnet0', { mac: '0a:00:27:00:00:00' });
    configure(world, ownerNs, v, '192.168.99.1/24');
    setAdminUp(world, v, true);
    plug(v);
  }
  return plug;
}

/** A new VirtualBox VM (boot2docker): eth1 on vboxnet0 with the next free 192.168.99.100+ address. */
export function createVirtualboxMachine(world: World, owner: Host, name: string): Machine {
  const plug = vboxnetPlug(world, owner);
  const used = new Set(Object.values(world.state.hosts).flatMap((h) => world.netns(h.rootNsId).addrs.filter((a) => a.family === 4).map((a) => formatIpv4(a.local))));
  let n = 100;
  while (used.has(`192.168.99.${n}`)) n++;
  const ip = `192.168.99.${n}`;
  const host = createHost(world, name);
  const ns = rootNs(world, host);
  const eth1 = addNic(world, ns, 'eth1', { mac: `08:00:27:${(n >> 8).toString(16).padStart(2, '0')}:${(n & 255).toString(16).padStart(2, '0')}:01`, ifindex: 3 });
  configure(world, ns, eth1, `${ip}/24`);
  setAdminUp(world, eth1, true);
  plug(eth1);
  startDaemon(world, host);
  const m: Machine = { name, driver: 'virtualbox', hostId: host.id, ip, state: 'Running', dockerVersion: 'v19.03.12' };
  machinesOf(world, owner).push(m);
  world.changed();
  return m;
}

/** An existing host at `ip` becomes a machine: Docker is installed there if it had none. */
export function createGenericMachine(world: World, owner: Host, name: string, host: Host, ip: string): Machine {
  if (!daemonOf(world, host)) startDaemon(world, host);
  const m: Machine = { name, driver: 'generic', hostId: host.id, ip, state: 'Running', dockerVersion: `v${ENGINE.Version}` };
  machinesOf(world, owner).push(m);
  world.changed();
  return m;
}

/** Powering a machine off: its containers' processes end, its interfaces go down. */
export function stopMachine(world: World, m: Machine): void {
  const host = world.state.hosts[m.hostId];
  if (!host) return;
  const daemon = allDaemons(world).find((d) => d.hostId === m.hostId);
  for (const c of daemon?.containers ?? []) if (c.state === 'running' || c.state === 'paused') exitContainer(world, host, daemon!, c, 255);
  for (const l of Object.values(world.state.links)) if (l.nsId === host.rootNsId && l.name !== 'lo') setAdminUp(world, l, false);
  m.state = 'Stopped';
  world.changed();
}

export function startMachine(world: World, m: Machine): void {
  const host = world.state.hosts[m.hostId];
  if (!host) return;
  for (const l of Object.values(world.state.links)) if (l.nsId === host.rootNsId && l.kind !== 'veth' && l.kind !== 'bridge') setAdminUp(world, l, true);
  const daemon = allDaemons(world).find((d) => d.hostId === m.hostId);
  const docker0 = linkByName(world, host.rootNsId, 'docker0');
  if (docker0) setAdminUp(world, docker0, true);
  for (const b of daemon?.networks ?? []) {
    const link = b.bridge ? linkByName(world, host.rootNsId, b.bridge) : undefined;
    if (link) setAdminUp(world, link, true);
  }
  m.state = 'Running';
  world.changed();
}

/** rm: a virtualbox VM is deleted (it stays in the world as a powered-off, unreachable host); a generic host only loses its registration. */
export function removeMachine(world: World, owner: Host, m: Machine): Result<void> {
  const list = machinesOf(world, owner);
  const i = list.indexOf(m);
  if (i < 0) return err(`Host does not exist: "${m.name}"`);
  if (m.driver === 'virtualbox' && m.state === 'Running') stopMachine(world, m);
  list.splice(i, 1);
  world.changed();
  return ok(undefined);
}
