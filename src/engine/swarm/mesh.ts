/**
 * The ingress routing mesh, as iptables rules on every node, in Docker's layout: the DOCKER-INGRESS
 * chains in nat and filter, jumped to from PREROUTING/OUTPUT (local destinations) and FORWARD. A
 * published port is DNATed to the node's ingress_sbox on docker_gwbridge (172.18.0.2:PORT), whose
 * IPVS balances it over the service's tasks on every node through the ingress overlay
 * (vxlan-ingress.ts): `curl` to any node's address reaches a task wherever it runs.
 */
import type { World } from '../world';
import type { Netns } from '../net/types';
import { chainOf, flushChain, insertRule, newChain } from '../netfilter/rules';
import type { MatchModule, Rule, Table } from '../netfilter/types';
import { daemonOf } from '../docker/daemon';
import { sboxGatewayAddress } from './vxlan-ingress';
import { refreshOverlays } from './vxlan-overlay';
import type { Cluster, MeshHop as Hop, SwarmNode } from './types';


const CHAIN = 'DOCKER-INGRESS';

function rule(r: Omit<Rule, 'counters' | 'modules'> & { modules?: MatchModule[] }): Rule {
  return { modules: [], ...r, counters: { packets: 0, bytes: 0 } };
}

function portMatch(proto: 'tcp' | 'udp', port: { dport?: number; sport?: number }): Partial<Rule> {
  const m: MatchModule = { kind: proto, ...(port.dport !== undefined ? { dport: { lo: port.dport, hi: port.dport, neg: false } } : {}), ...(port.sport !== undefined ? { sport: { lo: port.sport, hi: port.sport, neg: false } } : {}) } as MatchModule;
  return { proto: { num: proto === 'tcp' ? 6 : 17, neg: false }, modules: [m] };
}

function append(t: Table, chain: string, r: Rule): void {
  insertRule(t, chain, chainOf(t, chain)!.rules.length, r);
}

/** The chains and their jumps, made once per node (as the daemon does when the node joins). */
function ensureChains(ns: Netns): void {
  const nat = ns.netfilter.tables.nat;
  const filter = ns.netfilter.tables.filter;
  if (chainOf(nat, CHAIN)) return;
  newChain(nat, CHAIN);
  newChain(filter, CHAIN);
  const local: MatchModule = { kind: 'addrtype', dst: { types: ['LOCAL'], neg: false } };
  insertRule(nat, 'PREROUTING', 0, rule({ modules: [local], target: { kind: 'jump', chain: CHAIN } }));
  insertRule(nat, 'OUTPUT', 0, rule({ modules: [local], target: { kind: 'jump', chain: CHAIN } }));
  insertRule(filter, 'FORWARD', 1, rule({ target: { kind: 'jump', chain: CHAIN } }));
  // The node's own connections (curl localhost:8080) leave for the ingress_sbox from the bridge's address.
  const fromHere: MatchModule = { kind: 'addrtype', src: { types: ['LOCAL'], neg: false } };
  insertRule(nat, 'POSTROUTING', 0, rule({ outIface: { name: 'docker_gwbridge', neg: false }, modules: [fromHere], target: { kind: 'MASQUERADE' } }));
}

/** Every published port of the cluster goes to this node's ingress_sbox, tasks or not (IPVS decides). */
function hopsFor(world: World, cluster: Cluster, node: SwarmNode): Hop[] {
  const host = world.state.hosts[node.hostId];
  const sbox = host ? sboxGatewayAddress(world, host) : undefined;
  if (sbox === undefined) return [];
  const hops: Hop[] = [];
  for (const service of cluster.services) {
    for (const p of service.spec.ports) {
      if (p.mode === 'ingress' && p.published !== 0) hops.push({ published: p.published, proto: p.protocol, ip: sbox, port: p.published, remote: false });
    }
  }
  return hops;
}

/** Rewrites every member node's DOCKER-INGRESS chains for the current tasks. */
export function refreshMesh(world: World, cluster: Cluster): void {
  refreshOverlays(world, cluster);
  const installed = (cluster.mesh ??= {});
  for (const node of cluster.nodes) {
    const host = world.state.hosts[node.hostId];
    if (!host || !daemonOf(world, host)) continue;
    const ns = world.netns(host.rootNsId);
    const wanted = node.left ? [] : hopsFor(world, cluster, node);
    const before = installed[node.hostId] ?? [];
    if (JSON.stringify(before) === JSON.stringify(wanted) && (wanted.length === 0 || chainOf(ns.netfilter.tables.nat, CHAIN))) continue;
    ensureChains(ns);
    const nat = ns.netfilter.tables.nat;
    const filter = ns.netfilter.tables.filter;
    flushChain(nat, CHAIN);
    flushChain(filter, CHAIN);
    for (const hop of wanted) {
      append(nat, CHAIN, rule({ ...portMatch(hop.proto, { dport: hop.published }), target: { kind: 'DNAT', range: { minIp: hop.ip, maxIp: hop.ip, minPort: hop.port, maxPort: hop.port } } }));
      append(filter, CHAIN, rule({ ...portMatch(hop.proto, { dport: hop.port }), target: { kind: 'ACCEPT' } }));
      append(filter, CHAIN, rule({ ...portMatch(hop.proto, { sport: hop.port }), modules: [...(portMatch(hop.proto, { sport: hop.port }).modules ?? []), { kind: 'conntrack', ctstate: ['RELATED', 'ESTABLISHED'], neg: false } as MatchModule], target: { kind: 'ACCEPT' } }));
    }
    append(nat, CHAIN, rule({ target: { kind: 'RETURN' } }));
    append(filter, CHAIN, rule({ target: { kind: 'RETURN' } }));
    installed[node.hostId] = wanted;
  }
}
