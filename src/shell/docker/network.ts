/** docker network create / ls / inspect / rm / connect / disconnect. */
import { createBridgeNetwork, findNetwork, nextPool, overlaps, removeBridgeNetwork } from '../../engine/docker/networks';
import { findContainer } from '../../engine/docker/containers';
import { plugEndpoint, unplugEndpoint } from '../../engine/docker/sandbox';
import { allocateIp, ipInUse } from '../../engine/docker/networks';
import { addressReleased } from '../../engine/docker/address-book';
import { macFromIp } from '../../engine/docker/sandbox';
import { randomHexId } from '../../engine/docker/ids';
import { endpointIpError, parseGoIpv4, parseNetipAddr, parseNetipPrefix, validateIpam } from '../../engine/docker/ipam';
import { consolidateIpam } from './network-ipam';
import { Output, fail, type CommandResult, success } from '../types';
import { argsError, daemonError, usageError, type DockerCtx, errorResponse } from './context';
import { all, has, last, parseFlags, flagSpecs } from './flags';
import { formatRows } from './ps';
import { dockerInspect } from './inspect';
import { tabwrite } from './table';
import { createOverlayNetwork, inspectOverlayNetworks, overlayRows, removeOverlayNetwork, wantsOverlay } from './swarm-network';
import { connectOverlay, disconnectOverlay } from './swarm-attach';
import { driverError } from '../../engine/docker/plugins';
import { confirmPrune } from './prune-prompt';

export function dockerNetwork(d: DockerCtx, argv: string[]): CommandResult {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'create':
      return wantsOverlay(rest) ? createOverlayNetwork(d, rest) : create(d, rest);
    case 'ls':
    case 'list':
      return list(d, rest);
    case 'inspect':
      return inspectOverlayNetworks(d, rest) ?? dockerInspect(d, rest, 'network');
    case 'rm':
    case 'remove':
      return remove(d, rest);
    case 'connect':
      return connect(d, rest);
    case 'disconnect':
      return disconnect(d, rest);
    case 'prune':
      return prune(d, rest);
    default:
      if (sub === undefined) return success('\nUsage:  docker network COMMAND\n\nManage networks\n\nCommands:\n  connect     Connect a container to a network\n  create      Create a network\n  disconnect  Disconnect a container from a network\n  inspect     Display detailed information on one or more networks\n  ls          List networks\n  prune       Remove all unused networks\n  rm          Remove one or more networks\n\nRun \'docker network COMMAND --help\' for more information on a command.\n');
      return fail(`docker: '${sub}' is not a docker command.\nSee 'docker --help'`, 1);
  }
}

/** The names dockerd keeps for its own networks (runconfig.IsPreDefinedNetwork). */
const PREDEFINED = new Set(['bridge', 'host', 'none', 'default']);

function create(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('d|driver= subnet= gateway= internal ip-range= attachable o|opt= label='), true);
  if (!parsed.ok) return usageError('network create', parsed.error);
  const [name, ...extra] = parsed.value.args;
  if (name === undefined || extra.length > 0) return argsError('network create', '[OPTIONS] NETWORK', 'Create a network', 'exactly 1 argument');
  const ipam = consolidateIpam(all(parsed.value, 'subnet'), all(parsed.value, 'ip-range'), all(parsed.value, 'gateway'));
  if (typeof ipam === 'string') return fail(ipam, 1);
  if (PREDEFINED.has(name)) return daemonError(`operation is not permitted on predefined ${name} network`);
  const driver = last(parsed.value, 'driver') ?? 'bridge';
  const builtin = driver === 'bridge' || driver === 'overlay' || driver === 'host' || driver === 'null';
  if (!builtin) {
    // A network plugin: missing or disabled as the daemon says; an enabled one is beyond the simulation.
    const pluginError = driverError(d.daemon, driver, 'netdriver');
    return pluginError ? daemonError(pluginError) : fail(`vethlab: network drivers from plugins (${driver}) are not simulated; use bridge or overlay`, 1);
  }
  if (driver === 'overlay') return daemonError('This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.');
  if (ipam.some((c) => c.subnet.includes(':'))) return fail('vethlab: IPv6 subnets are not simulated', 1);
  const invalid = validateIpam(ipam);
  if (invalid) return daemonError(invalid);
  if (d.daemon.networks.some((n) => n.name === name)) return daemonError(`network with name ${name} already exists`);
  // The bridge driver takes one IPv4 subnet (recorded, Engine 26).
  if (ipam.length > 1) return daemonError("bridge driver doesn't support multiple subnets");
  const cfg = ipam[0];
  let pool: [number, number] | undefined;
  if (cfg) {
    const prefix = parseNetipPrefix(cfg.subnet)!;
    const clash = d.daemon.networks.find((n) => n.driver === 'bridge' && overlaps(prefix.addr, prefix.len, n.subnet, n.prefixLen));
    if (clash) return daemonError('Pool overlaps with other one on this address space');
    pool = [prefix.addr, prefix.len];
  } else if (driver === 'bridge') pool = nextPool(d.daemon);
  // The host and null drivers allow one network each, the one dockerd made.
  if (driver !== 'bridge') return daemonError(`only one instance of "${driver}" network is allowed`);
  if (!pool) return daemonError('could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network');
  const gw = cfg?.gateway !== undefined ? parseNetipAddr(cfg.gateway) : undefined;
  const range = cfg?.ipRange !== undefined ? parseNetipPrefix(cfg.ipRange) : undefined;
  const opts = all(parsed.value, 'opt');
  const bridgeName = opts.find((o) => o.startsWith('com.docker.network.bridge.name='))?.split('=')[1];
  const net = createBridgeNetwork(d.sh.world, d.sh.host, d.daemon, { name, subnet: pool[0], prefixLen: pool[1], internal: has(parsed.value, 'internal'), ...(gw !== undefined ? { gateway: gw, userGateway: true } : {}), ...(bridgeName ? { bridge: bridgeName } : {}), ...(cfg ? { userSubnet: true } : {}), ...(range ? { ipRange: range } : {}) });
  d.sh.world.changed();
  return success(net.id + '\n');
}

function list(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('q|quiet no-trunc f|filter= format='), true);
  if (!parsed.ok) return usageError('network ls', parsed.error);
  const every = [...d.daemon.networks.map((n) => ({ id: n.id, name: n.name, driver: n.driver as string, scope: 'local', internal: n.internal })), ...overlayRows(d).map((n) => ({ ...n, internal: false }))].sort((a, b) => (a.name < b.name ? -1 : 1));
  const filters = all(parsed.value, 'filter');
  const bad = filters.find((f) => !/^(name|driver|id|type|scope)=/.test(f));
  if (bad) return daemonError(`invalid filter '${bad.split('=')[0]}'`);
  const predefined = new Set(['bridge', 'host', 'none', 'ingress', 'docker_gwbridge']);
  const nets = every.filter((n) =>
    filters.every((f) => {
      const [key, value = ''] = [f.slice(0, f.indexOf('=')), f.slice(f.indexOf('=') + 1)];
      if (key === 'name') return n.name.includes(value);
      if (key === 'driver') return n.driver === value;
      if (key === 'id') return n.id.startsWith(value);
      if (key === 'scope') return n.scope === value;
      return value === 'builtin' ? predefined.has(n.name) : value === 'custom' ? !predefined.has(n.name) : false;
    }),
  );
  const id = (i: string) => (has(parsed.value, 'no-trunc') ? i : i.slice(0, 12));
  if (has(parsed.value, 'quiet')) return success(nets.map((n) => id(n.id) + '\n').join(''));
  const format = last(parsed.value, 'format');
  if (format !== undefined && format !== 'table') {
    // docker/cli's network formatter: ID (short unless --no-trunc), Name, Driver, Scope, IPv6, Internal.
    const rows = nets.map((n) => ({ ID: id(n.id), Name: n.name, Driver: n.driver, Scope: n.scope, IPv6: 'false', Internal: String(n.internal), Labels: '', CreatedAt: '' }));
    return formatRows(format, rows, { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv6: 'IPV6', Internal: 'INTERNAL', Labels: 'LABELS', CreatedAt: 'CREATED' });
  }
  const rows = [['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], ...nets.map((n) => [id(n.id), n.name, n.driver, n.scope])];
  return success(tabwrite(rows));
}

function remove(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('f|force'), true);
  if (!parsed.ok) return usageError('network rm', parsed.error);
  if (parsed.value.args.length === 0) return argsError('network rm', 'NETWORK [NETWORK...]', 'Remove one or more networks');
  const out = new Output();
  let failed = false;
  for (const ref of parsed.value.args) {
    const overlay = removeOverlayNetwork(d, ref);
    if (overlay) {
      if (overlay.ok) out.line(ref);
      else out.err(errorResponse(overlay.error));
      failed ||= !overlay.ok;
      continue;
    }
    const net = findNetwork(d.daemon, ref);
    if (!net) {
      out.err(errorResponse(`network ${ref} not found`));
      failed = true;
      continue;
    }
    if (net.isDefault || net.driver !== 'bridge') {
      out.err(errorResponse(`${net.name} is a pre-defined network and cannot be removed`));
      failed = true;
      continue;
    }
    const active = d.daemon.containers.some((c) => c.state === 'running' && c.endpoints.some((e) => e.networkId === net.id));
    if (active) {
      out.err(errorResponse(`error while removing network: network ${net.name} id ${net.id} has active endpoints`));
      failed = true;
      continue;
    }
    for (const c of d.daemon.containers) c.endpoints = c.endpoints.filter((e) => e.networkId !== net.id);
    removeBridgeNetwork(d.sh.world, d.sh.host, d.daemon, net);
    out.line(ref);
  }
  // docker/cli 28 printed each error itself and returns a bare StatusError: main prints its text.
  if (failed) out.err('exit status 1');
  return out.done(failed ? 1 : 0);
}

/**
 * docker network prune [-f]: removes the user-defined networks no running container is attached
 * to (moby's localNetworksPrune: predefined networks and networks with endpoints stay), then
 * prints "Deleted Networks:" and their names (docker/cli network/prune.go).
 */
function prune(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('f|force filter='), true);
  if (!parsed.ok) return usageError('network prune', parsed.error);
  if (parsed.value.args.length > 0) return argsError('network prune', '[OPTIONS]', 'Remove all unused networks', 'no arguments');
  const out = new Output();
  if (!has(parsed.value, 'force') && !confirmPrune(d, 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue?', out)) return out.done(0);
  const deleted: string[] = [];
  for (const net of [...d.daemon.networks]) {
    if (net.isDefault || net.driver !== 'bridge') continue;
    if (d.daemon.containers.some((c) => c.state === 'running' && c.endpoints.some((e) => e.networkId === net.id))) continue;
    for (const c of d.daemon.containers) c.endpoints = c.endpoints.filter((e) => e.networkId !== net.id);
    removeBridgeNetwork(d.sh.world, d.sh.host, d.daemon, net);
    deleted.push(net.name);
  }
  if (deleted.length > 0) out.out(`Deleted Networks:\n${deleted.map((n) => n + '\n').join('')}\n`);
  return out.done(0);
}

function connect(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('alias= ip= link='), true);
  if (!parsed.ok) return usageError('network connect', parsed.error);
  const [netRef, ref, ...extra] = parsed.value.args;
  if (netRef === undefined || ref === undefined || extra.length > 0) return argsError('network connect', '[OPTIONS] NETWORK CONTAINER', 'Connect a container to a network', 'exactly 2 arguments');
  const overlay = connectOverlay(d, netRef, ref);
  if (overlay) return overlay;
  const net = findNetwork(d.daemon, netRef);
  if (!net) return daemonError(`network ${netRef} not found`);
  const c = findContainer(d.daemon, ref);
  if (!c) return daemonError(`No such container: ${ref}`);
  if (c.networkMode !== 'host' && net.driver === 'host') return daemonError('container cannot be disconnected from host network or connected to host network');
  // updateNetworkConfig validates the endpoint settings before libnetwork creates the endpoint.
  const requestedIp = last(parsed.value, 'ip');
  const invalid = requestedIp !== undefined ? endpointIpError(net, requestedIp) : null;
  if (invalid) return daemonError(`invalid endpoint settings:\n${invalid}`);
  if (c.endpoints.some((e) => e.networkId === net.id)) return daemonError(`endpoint with name ${c.name} already exists in network ${net.name}`);
  const conflict = sharedNetworkConflict(c.networkMode, net.driver, net.name);
  if (conflict) return daemonError(conflict);
  const requested = requestedIp !== undefined ? parseGoIpv4(requestedIp) : undefined;
  const running = c.state === 'running' && c.nsId !== null;
  if (running && requested !== undefined && ipInUse(d.daemon, net, requested)) return daemonError('Address already in use');
  const ep = { networkId: net.id, ip: 0, mac: '', aliases: all(parsed.value, 'alias'), vethHost: '', ...(requestedIp !== undefined ? { requestedIp } : {}) };
  if (running && requested === undefined && allocateIp(d.daemon, net) === undefined) return daemonError(`no available IPv4 addresses on this network's address pools: ${net.name} (${net.id})`);
  c.endpoints.push(ep);
  if (running) {
    const ip = requested ?? allocateIp(d.daemon, net)!;
    ep.ip = ip;
    ep.mac = macFromIp(ip);
    ep.vethHost = 'veth' + randomHexId(d.sh.world).slice(0, 7);
    plugEndpoint(d.sh.world, d.sh.host, c, net, ep);
  }
  d.sh.world.changed();
  return success();
}

/**
 * moby's updateNetworkConfig: a container on the host's network (or another container's) joins
 * no other network, and `none` excludes every other network.
 */
function sharedNetworkConflict(mode: string, driver: string, name: string): string | null {
  if (mode === 'host' || driver === 'host') return 'container sharing network namespace with another container or host cannot be connected to any other network';
  if (mode === 'none' || name === 'none') return 'container cannot be connected to multiple networks with one of the networks in private (none) mode';
  return null;
}

function disconnect(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('f|force'), true);
  if (!parsed.ok) return usageError('network disconnect', parsed.error);
  const [netRef, ref, ...extra] = parsed.value.args;
  if (netRef === undefined || ref === undefined || extra.length > 0) return argsError('network disconnect', '[OPTIONS] NETWORK CONTAINER', 'Disconnect a container from a network', 'exactly 2 arguments');
  const overlay = disconnectOverlay(d, netRef, ref);
  if (overlay) return overlay;
  const net = findNetwork(d.daemon, netRef);
  if (!net) return daemonError(`network ${netRef} not found`);
  const c = findContainer(d.daemon, ref);
  if (!c) return daemonError(`No such container: ${ref}`);
  const ep = c.endpoints.find((e) => e.networkId === net.id);
  if (!ep) return daemonError(`container ${c.id} is not connected to network ${net.name}`);
  if (c.state === 'running' && c.nsId !== null) unplugEndpoint(d.sh.world, d.sh.host, c, net, ep);
  c.endpoints = c.endpoints.filter((e) => e !== ep);
  // A paused container's endpoint leaves without an unplug: IPAM gets its address back all the same.
  addressReleased(net, ep.ip, c);
  d.sh.world.changed();
  return success();
}
