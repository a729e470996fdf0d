/** Overlay networks in `docker network create -d overlay / ls / rm` (swarm scope, managed by the managers). */
import { formatIpv4, parsePrefixLoose } from '../../engine/net/ipv4';
import { stableHex } from '../../engine/docker/catalog';
import { addOverlay, findOverlay, overlaysSeenBy } from '../../engine/swarm/overlay';
import { ingressSbox } from '../../engine/swarm/vxlan-ingress';
import { membershipOf } from '../../engine/swarm/state';
import type { Cluster } from '../../engine/swarm/types';
import { Output, type CommandResult } from '../types';
import { argsError, daemonError, usageError, type DockerCtx } from './context';
import { has, last, parseFlags, flagSpecs } from './flags';
import { apiTime } from './human';
import { printInspect } from './inspect';
import { asManager, isResult } from './swarm-access';

/** `-d overlay`, `--driver overlay`, `--driver=overlay`, `-doverlay`. */
export function wantsOverlay(argv: string[]): boolean {
  return argv.some((a, i) => a === '--driver=overlay' || a === '-doverlay' || ((a === '-d' || a === '--driver') && argv[i + 1] === 'overlay'));
}

export function createOverlayNetwork(d: DockerCtx, argv: string[]): CommandResult {
  const parsed = parseFlags(argv, flagSpecs('d|driver= attachable subnet= gateway= o|opt= label= internal scope='), true);
  if (!parsed.ok) return usageError('network create', parsed.error);
  const [name, ...extra] = parsed.value.args;
  if (name === undefined || extra.length > 0) return argsError('network create', '[OPTIONS] NETWORK', 'Create a network', 'exactly 1 argument');
  const access = asManager(d);
  if (isResult(access)) return access;
  const { cluster } = access;
  if (cluster.networks.some((n) => n.name === name) || d.daemon.networks.some((n) => n.name === name)) return daemonError(`network with name ${name} already exists`);
  const subnetText = last(parsed.value, 'subnet');
  let subnet: [number, number] | undefined;
  if (subnetText !== undefined) {
    const p = parsePrefixLoose(subnetText);
    if (!p || !subnetText.includes('/')) return daemonError(`invalid CIDR address: ${subnetText}`);
    subnet = [p.addr, p.len];
  }
  const net = addOverlay(d.sh.world, cluster, { name, attachable: has(parsed.value, 'attachable'), ...(subnet ? { subnet } : {}) });
  d.sh.world.changed();
  return { stdout: net.id + '\n', stderr: '', exitCode: 0 };
}

export interface NetworkRow {
  id: string;
  name: string;
  driver: string;
  scope: string;
}

/** The overlay networks this node sees (all on a manager; on a worker, ingress and those its tasks use). */
export function overlayRows(d: DockerCtx): NetworkRow[] {
  const member = membershipOf(d.sh.world, d.sh.host);
  if (!member) return [];
  return overlaysSeenBy(member.cluster, member.node.id, member.node.role).map((n) => ({ id: n.id, name: n.name, driver: 'overlay', scope: 'swarm' }));
}

/** `docker network rm` of an overlay: refused while services use it (the daemon's text). */
export function removeOverlayNetwork(d: DockerCtx, ref: string): { ok: true } | { ok: false; error: string } | undefined {
  const member = membershipOf(d.sh.world, d.sh.host);
  const net = member ? findOverlay(member.cluster, ref) : undefined;
  if (!member || !net) return undefined;
  const cluster: Cluster = member.cluster;
  if (net.ingress) return { ok: false, error: `rpc error: code = PermissionDenied desc = ingress network cannot be removed because service ${cluster.services.find((s) => s.vips[net.id] !== undefined)?.id ?? ''} depends on it` };
  const user = cluster.services.find((s) => s.spec.networks.includes(net.id));
  if (user) return { ok: false, error: `rpc error: code = FailedPrecondition desc = network ${net.id} is in use by service ${user.id}` };
  // swarmkit's RemoveNetwork then looks at tasks: a standalone container's attachment is one.
  const attached = (cluster.attachments ?? []).find((a) => a.addrs[net.id] !== undefined);
  if (attached) return { ok: false, error: `rpc error: code = FailedPrecondition desc = network ${net.id} is in use by task ${attached.id}` };
  cluster.networks = cluster.networks.filter((n) => n !== net);
  d.sh.world.changed();
  return { ok: true };
}

/** `docker network inspect` of overlay networks (undefined when a reference is not an overlay of this node's swarm). */
export function inspectOverlayNetworks(d: DockerCtx, argv: string[]): CommandResult | undefined {
  const parsed = parseFlags(argv, flagSpecs('f|format= v|verbose'), true);
  if (!parsed.ok || parsed.value.args.length === 0) return undefined;
  const member = membershipOf(d.sh.world, d.sh.host);
  if (!member) return undefined;
  const seen = overlaysSeenBy(member.cluster, member.node.id, member.node.role);
  const nets = parsed.value.args.map((ref) => findOverlay(member.cluster, ref)).filter((n) => n && seen.includes(n) && !d.daemon.networks.some((b) => b.name === n.name));
  if (nets.length !== parsed.value.args.length) return undefined;
  const cluster = member.cluster;
  const epoch = d.sh.world.clock.epoch;
  // The routing mesh's own endpoint on ingress: libnetwork lists it as "ingress-sbox".
  const sboxIp = cluster.ingressEndpoints?.[member.node.id];
  const containerName = (id: string) => d.daemon.containers.find((c) => c.id === id)?.name ?? '';
  const containersOf = (local: typeof cluster.tasks, n: NonNullable<(typeof nets)[number]>) => {
    const entries: Array<[string, object]> = local.map((t) => [t.containerId!, { Name: containerName(t.containerId!), EndpointID: stableHex(`${t.id}/${n.id}`), MacAddress: macOf(t.addrs[n.id]!), IPv4Address: `${formatIpv4(t.addrs[n.id]!)}/${n.prefixLen}`, IPv6Address: '' }]);
    // Standalone containers attached on this node (docker run --network on an attachable overlay).
    for (const a of cluster.attachments ?? []) {
      if (a.nodeId !== member.node.id || a.addrs[n.id] === undefined) continue;
      entries.push([a.containerId, { Name: containerName(a.containerId), EndpointID: stableHex(`${a.id}/${n.id}`), MacAddress: macOf(a.addrs[n.id]!), IPv4Address: `${formatIpv4(a.addrs[n.id]!)}/${n.prefixLen}`, IPv6Address: '' }]);
    }
    if (n.ingress && sboxIp !== undefined && ingressSbox(d.sh.world, d.sh.host)) entries.push(['ingress-sbox', { Name: 'ingress-endpoint', EndpointID: stableHex(`ingress-sbox/${member.node.id}`), MacAddress: macOf(sboxIp), IPv4Address: `${formatIpv4(sboxIp)}/${n.prefixLen}`, IPv6Address: '' }]);
    return entries.length === 0 ? null : Object.fromEntries(entries);
  };
  const objects = nets.map((n) => {
    const local = cluster.tasks.filter((t) => t.nodeId === member.node.id && t.desired === 'running' && t.containerId && t.addrs[n!.id] !== undefined);
    return {
      Name: n!.name,
      Id: n!.id,
      Created: apiTime(epoch + n!.created),
      Scope: 'swarm',
      Driver: 'overlay',
      EnableIPv6: false,
      IPAM: { Driver: 'default', Options: null, Config: [{ Subnet: `${formatIpv4(n!.subnet)}/${n!.prefixLen}`, Gateway: formatIpv4(n!.gateway) }] },
      Internal: false,
      Attachable: n!.attachable,
      Ingress: n!.ingress,
      ConfigFrom: { Network: '' },
      ConfigOnly: false,
      Containers: containersOf(local, n!),
      Options: { 'com.docker.network.driver.overlay.vxlanid_list': String(n!.vni) },
      Labels: { ...n!.labels },
    };
  });
  const out = new Output();
  return printInspect(objects, last(parsed.value, 'format'), out) ? out.done(0) : out.done(1);
}

/** libnetwork's MAC from the IPv4 address (02:42:0a:00:01:03). */
function macOf(ip: number): string {
  return ['02', '42', ...[24, 16, 8, 0].map((s) => ((ip >>> s) & 255).toString(16).padStart(2, '0'))].join(':');
}
