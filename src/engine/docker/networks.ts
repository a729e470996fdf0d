/** Docker networks: IPAM from the default pools, the bridge (docker0 / br-<id>) and its iptables rules. */
import type { World } from '../world';
import type { Host } from '../net/types';
import { configure } from '../host';
import { createLink, deleteLink, setAdminUp } from '../net/linkops';
import { linkByName } from '../net/links';
import { formatIpv4, networkOf } from '../net/ipv4';
import { installNetworkRules, removeNetworkRules } from './rules';
import { randomHexId } from './ids';
import type { DaemonState, DockerNetwork } from './types';
import { addressPools } from './daemon-config';
import { addressTaken, lowestFree } from './address-book';

export interface BridgeSpec {
  name: string;
  bridge?: string;
  subnet: number;
  prefixLen: number;
  gateway?: number;
  isDefault?: boolean;
  internal?: boolean;
  /** --subnet was given (a static --ip needs it). */
  userSubnet?: boolean;
  userGateway?: boolean;
  ipRange?: { addr: number; len: number };
}

/** The daemon's default address pools: 172.17-31.0.0/16, then 192.168.0.0/16 in /20s. */
export function defaultPools(): Array<[number, number]> {
  const pools: Array<[number, number]> = [];
  for (let b = 17; b <= 31; b++) pools.push([((172 << 24) | (b << 16)) >>> 0, 16]);
  for (let c = 0; c < 256; c += 16) pools.push([((192 << 24) | (168 << 16) | (c << 8)) >>> 0, 20]);
  return pools;
}

export function overlaps(a: number, alen: number, b: number, blen: number): boolean {
  const len = Math.min(alen, blen);
  return networkOf(a, len) === networkOf(b, len);
}

/** The first default pool no existing network overlaps. */
export function nextPool(daemon: DaemonState): [number, number] | undefined {
  const used = daemon.networks.filter((n) => n.driver === 'bridge');
  return addressPools(daemon.config).find(([net, len]) => !used.some((u) => overlaps(net, len, u.subnet, u.prefixLen)));
}

export function createBridgeNetwork(world: World, host: Host, daemon: DaemonState, spec: BridgeSpec): DockerNetwork {
  const id = randomHexId(world);
  const net: DockerNetwork = {
    id,
    name: spec.name,
    driver: 'bridge',
    subnet: networkOf(spec.subnet, spec.prefixLen),
    prefixLen: spec.prefixLen,
    gateway: spec.gateway ?? firstHost(networkOf(spec.subnet, spec.prefixLen), spec.prefixLen, spec.ipRange),
    bridge: spec.bridge ?? `br-${id.slice(0, 12)}`,
    created: world.clock.now(),
    internal: spec.internal ?? false,
    isDefault: spec.isDefault ?? false,
    nextHost: 2,
    ...(spec.userSubnet ? { userSubnet: true } : {}),
    ...(spec.userGateway ? { userGateway: true } : {}),
    ...(spec.ipRange ? { ipRange: spec.ipRange } : {}),
  };
  const root = world.netns(host.rootNsId);
  const link = createLink(world, root, { name: net.bridge, kind: 'bridge' });
  // libnetwork sets a random MAC with Docker's 02:42 prefix; with no port ever attached it shows NO-CARRIER, state DOWN.
  link.mac = ['02', '42', ...world.rng.bytes(4).map((b) => b.toString(16).padStart(2, '0'))].join(':');
  link.macSet = true;
  if (link.bridge) link.bridge.everHadPort = true;
  configure(world, root, link, `${formatIpv4(net.gateway)}/${net.prefixLen}`);
  setAdminUp(world, link, true);
  installNetworkRules(root, net);
  daemon.networks.push(net);
  return net;
}

export function removeBridgeNetwork(world: World, host: Host, daemon: DaemonState, net: DockerNetwork): void {
  const root = world.netns(host.rootNsId);
  removeNetworkRules(root, net);
  const link = linkByName(world, root.id, net.bridge);
  if (link) deleteLink(world, link);
  daemon.networks = daemon.networks.filter((n) => n.id !== net.id);
  world.changed();
}

/**
 * The addresses IPAM hands out: the --ip-range if there is one, never the subnet's own network
 * and broadcast addresses (a range's first address is allocatable: recorded, 10.60.1.0 in 10.60.0.0/16).
 */
function allocatable(subnet: number, prefixLen: number, range?: { addr: number; len: number }): [number, number] {
  let lo = subnet + 1;
  let hi = subnet + 2 ** (32 - prefixLen) - 2;
  if (range) {
    lo = Math.max(lo, range.addr);
    hi = Math.min(hi, range.addr + 2 ** (32 - range.len) - 1);
  }
  return [lo, hi];
}

/** Without --gateway the gateway is the first address IPAM hands out (from the range, if any). */
function firstHost(subnet: number, prefixLen: number, range?: { addr: number; len: number }): number {
  return allocatable(subnet, prefixLen, range)[0] >>> 0;
}

/** The lowest free address of the range (libnetwork's default, non-serial allocation). */
export function allocateIp(daemon: DaemonState, net: DockerNetwork): number | undefined {
  const [lo, hi] = allocatable(net.subnet, net.prefixLen, net.ipRange);
  return lowestFree(daemon, net, lo, hi);
}

/** A --ip address someone else (or the gateway) already holds: libnetwork's "Address already in use". */
export function ipInUse(daemon: DaemonState, net: DockerNetwork, ip: number): boolean {
  return addressTaken(daemon, net, ip);
}

export function findNetwork(daemon: DaemonState, ref: string): DockerNetwork | undefined {
  return daemon.networks.find((n) => n.name === ref) ?? daemon.networks.find((n) => n.id === ref) ?? (ref.length > 0 ? uniquePrefix(daemon.networks, ref) : undefined);
}

function uniquePrefix(nets: DockerNetwork[], ref: string): DockerNetwork | undefined {
  const matches = nets.filter((n) => n.id.startsWith(ref));
  return matches.length === 1 ? matches[0] : undefined;
}
