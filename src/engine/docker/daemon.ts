/**
 * The Docker daemon of a host: its state lives in the world state (under `docker`, keyed by
 * host id), so snapshot/restore rewinds containers with the kernel they changed.
 */
import type { World } from '../world';
import type { Host, WorldState } from '../net/types';
import { setIpForward } from '../net/forwarding';
import { installDaemonChains } from './rules';
import { stampCreationOrder } from '../netfilter/rules';
import { createBridgeNetwork, removeBridgeNetwork } from './networks';
import { exitContainer, imageOf, startContainer } from './containers';
import { exitAfterSignal, stopSignal } from './procs';
import { startsWithDaemon } from './restart-policy';
import { parseDaemonConfig } from './daemon-config';
import { err, ok, type Result } from '../../common/result';
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
  // As Engine 26.1 creates them (test/golden/docker/nft.txt): nat first, then filter.
  stampCreationOrder(root, [
    ['nat', ['DOCKER', 'POSTROUTING', 'PREROUTING', 'OUTPUT']],
    ['filter', ['DOCKER', 'DOCKER-ISOLATION-STAGE-1', 'DOCKER-ISOLATION-STAGE-2', 'FORWARD', 'DOCKER-USER']],
  ]);
  daemon.networks.push(plainNetwork(world, 'host', 'host'), plainNetwork(world, 'none', 'null'));
  world.changed();
  return daemon;
}

function plainNetwork(world: World, name: string, driver: 'host' | 'null'): DockerNetwork {
  return { id: randomHexId(world), name, driver, subnet: 0, prefixLen: 0, gateway: 0, bridge: '', created: world.clock.now(), internal: false, isDefault: false, nextHost: 2 };
}

/**
 * dockerd stops (systemctl stop docker, or the first half of a restart): without live-restore
 * every running container gets its stop signal and, after the 10 s shutdown timeout on the
 * simulated clock, SIGKILL; with live-restore they keep running. The API is gone until it starts.
 */
export function stopDaemonProcess(world: World, host: Host, daemon: DaemonState): void {
  if (daemon.stopped) return;
  const live = daemon.config?.liveRestore ?? false;
  if (!live) {
    const running = daemon.containers.filter((c) => c.state === 'running' || c.state === 'paused');
    const codes = running.map((c) => exitAfterSignal(c, imageOf(daemon, c), stopSignal(c, imageOf(daemon, c))));
    if (codes.some((code) => code === null)) world.clock.advance(10_000);
    running.forEach((c, i) => {
      const restartSuppressed = c.restartSuppressed;
      exitContainer(world, host, daemon, c, codes[i] ?? 137);
      c.restartSuppressed = restartSuppressed;
      c.stoppedByShutdown = true;
    });
    for (const c of daemon.containers) delete c.restartAt;
  }
  daemon.stopped = true;
  world.changed();
}

/**
 * dockerd starts again: reads /etc/docker/daemon.json (an invalid file leaves it stopped, with
 * the error it logs), re-creates the default bridge (a new id; `bip` moves docker0) unless a
 * live-restored container still uses it, and applies restart policies to what the stop ended.
 */
export function startDaemonProcess(world: World, host: Host, daemon: DaemonState, daemonJson: string | undefined): Result<void> {
  const parsed = parseDaemonConfig(daemonJson);
  if (!parsed.ok) return err(parsed.error);
  daemon.config = parsed.config;
  const bridge = daemon.networks.find((n) => n.isDefault);
  const inUse = bridge && daemon.containers.some((c) => (c.state === 'running' || c.state === 'paused') && c.endpoints.some((e) => e.networkId === bridge.id));
  if (bridge && !inUse) {
    removeBridgeNetwork(world, host, daemon, bridge);
    const bip = parsed.config.bip;
    const fresh = createBridgeNetwork(world, host, daemon, bip ? { name: 'bridge', bridge: 'docker0', subnet: bip.address, prefixLen: bip.prefixLen, gateway: bip.address, isDefault: true } : { name: 'bridge', bridge: 'docker0', subnet: 0xac110000, prefixLen: 16, isDefault: true });
    daemon.networks = [fresh, ...daemon.networks.filter((n) => n !== fresh)];
    for (const c of daemon.containers) for (const e of c.endpoints) if (e.networkId === bridge.id) e.networkId = fresh.id;
  }
  daemon.stopped = false;
  for (const c of daemon.containers) {
    const byShutdown = c.stoppedByShutdown === true;
    delete c.stoppedByShutdown;
    if (c.state !== 'exited' || !startsWithDaemon(c, byShutdown)) continue;
    if (startContainer(world, host, daemon, c).ok) c.restartSuppressed = false;
  }
  world.changed();
  return ok(undefined);
}
