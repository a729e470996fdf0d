/**
 * Named world presets (a lab picks one in its front matter), all on the hidden home LAN of
 * hosts/home-lan.ts (switch, router, internet).
 */
import { World } from './world';
import { addGatewayRoute, addNic, configure, createHost, rootNs } from './host';
import { setAdminUp } from './net/linkops';
import type { Host } from './net/types';
import { startDaemon } from './docker/daemon';
import { homeRouter, internetHost, lanSwitch } from './hosts/home-lan';
import { createMultiHostWorld } from './hosts/multihost';

export type PresetName = 'bare' | 'docker' | 'multi-host';
export const PRESETS: PresetName[] = ['bare', 'docker', 'multi-host'];

export interface WorldHandle {
  world: World;
  /** The learner's host, where the shell runs. */
  host: Host;
}

export function createWorld(preset: string, seed = 0x5eed): WorldHandle | undefined {
  if (preset === 'bare') return createBareWorld(seed);
  if (preset === 'docker') return createDockerWorld(seed);
  if (preset === 'multi-host') return createMultiHostWorld(seed);
  return undefined;
}

/** One Linux host on a home LAN: 192.168.1.2 on eth0, router .1 to the internet, another machine .3. */
export function createBareWorld(seed = 0x5eed): WorldHandle {
  const world = new World({ seed });
  const host = createHost(world, 'host');
  const root = rootNs(world, host);
  const eth0 = addNic(world, root, 'eth0', { mac: '52:54:00:12:34:56', ifindex: 2, qdisc: 'pfifo_fast' });

  const plug = lanSwitch(world);
  const router = homeRouter(world);

  const other = createHost(world, 'lanhost');
  const oNs = rootNs(world, other);
  const oEth = addNic(world, oNs, 'eth0', { mac: '52:54:00:00:01:03', ifindex: 2 });
  configure(world, oNs, oEth, '192.168.1.3/24');
  setAdminUp(world, oEth, true);
  addGatewayRoute(oNs, oEth, 'default', '192.168.1.1');

  const internet = internetHost(world);
  plug(eth0);
  plug(router.lan);
  plug(oEth);
  internet.connect(router.wan);

  configure(world, root, eth0, '192.168.1.2/24');
  setAdminUp(world, eth0, true);
  addGatewayRoute(root, eth0, 'default', '192.168.1.1');
  world.clock.set(0);
  return { world, host };
}

/** The bare host with a Docker daemon: docker0 172.17.0.1/16, ip_forward=1, Docker's iptables chains. */
export function createDockerWorld(seed = 0x5eed): WorldHandle {
  const handle = createBareWorld(seed);
  startDaemon(handle.world, handle.host);
  handle.world.clock.set(0);
  return handle;
}
