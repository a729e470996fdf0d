/**
 * The Docker daemon of a host: its state lives in the world state (under `docker`, keyed by
 * host id), so snapshot/restore rewinds containers with the kernel they changed.
 */
import type { World } from '../world';
import type { Host, WorldState } from '../net/types';
import { setIpForward } from '../net/forwarding';
import { installDaemonChains } from './rules';
import { createBridgeNetwork } from './networks';
import { randomHexId } from './ids';
import type { DaemonState, DockerNetwork } from './types';

type DockerWorldState = WorldState & { docker?: Record<number, DaemonState> };

export function daemonOf(world: World, host: Host): DaemonState | undefined {
  return (world.state as DockerWorldState).docker?.[host.id];
}

/** Every daemon of the world with its host id (a SYN may reach a container from another host). */
export function allDaemons(world: World): DaemonState[] {
  return Object.values((world.state as DockerWorldState).docker ?? {});
}

/** dockerd's first start: ip_forward=1, its chains, docker0 172.17.0.1/16, the bridge/host/none networks. */
export function startDaemon(world: World, host: Host): DaemonState {
  const state = world.state as DockerWorldState;
  const daemon: DaemonState = { hostId: host.id, images: [], containers: [], networks: [], nextPid: 1000 };
  (state.docker ??= {})[host.id] = daemon;
  const root = world.netns(host.rootNsId);
  setIpForward(root, true);
  installDaemonChains(root);
  createBridgeNetwork(world, host, daemon, { name: 'bridge', bridge: 'docker0', subnet: 0xac110000, prefixLen: 16, isDefault: true });
  daemon.networks.push(plainNetwork(world, 'host', 'host'), plainNetwork(world, 'none', 'null'));
  world.changed();
  return daemon;
}

function plainNetwork(world: World, name: string, driver: 'host' | 'null'): DockerNetwork {
  return { id: randomHexId(world), name, driver, subnet: 0, prefixLen: 0, gateway: 0, bridge: '', created: world.clock.now(), internal: false, isDefault: false, nextHost: 2 };
}
