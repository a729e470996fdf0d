/**
 * The ingress routing mesh, as iptables rules on every node: a published port answers on every
 * node's addresses. Docker's own layout is kept where the simulation can (the DOCKER-INGRESS
 * chains in nat and filter, jumped to from PREROUTING/OUTPUT and FORWARD); where Docker DNATs to
 * its ingress sandbox (172.18.0.2) and load-balances with IPVS over VXLAN, the simulation DNATs
 * to a task container on the same node, or else to a node that runs one (its LAN address, with
 * MASQUERADE so replies come back the same way). No load balancing: one task answers per node.
 */
import type { World } from '../world';
import type { Netns } from '../net/types';
import { prefixMask } from '../net/ipv4';
import { chainOf, deleteRuleAt, findRule, flushChain, insertRule, newChain } from '../netfilter/rules';
import type { MatchModule, Rule, Table } from '../netfilter/types';
import { daemonOf } from '../docker/daemon';
import { nodeUp } from './quorum';
import { taskContainer } from './tasks';
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
}

function masquerade(hop: Hop): Rule {
  return rule({ dst: { addr: hop.ip, mask: prefixMask(32), neg: false }, ...portMatch(hop.proto, { dport: hop.port }), target: { kind: 'MASQUERADE' } });
}

function lanAddress(node: SwarmNode): number {
  return node.addr.split('.').reduce((a, o) => ((a << 8) | Number(o)) >>> 0, 0);
}

/** Where each published port of the cluster goes from this node. */
function hopsFor(world: World, cluster: Cluster, node: SwarmNode): Hop[] {
  const hops: Hop[] = [];
  const byId = new Map(cluster.nodes.map((n) => [n.id, n]));
  for (const service of cluster.services) {
    const running = cluster.tasks.filter((t) => t.serviceId === service.id && t.desired === 'running' && t.state === 'running');
    for (const p of service.spec.ports) {
      if (p.mode !== 'ingress' || p.published === 0) continue;
      const here = running.find((t) => t.nodeId === node.id);
      const ip = here ? taskContainer(world, here, node)?.endpoints[0]?.ip : undefined;
      if (here && ip) {
        hops.push({ published: p.published, proto: p.protocol, ip, port: p.target, remote: false });
        continue;
      }
      const other = running.map((t) => byId.get(t.nodeId)).find((n) => n && n.id !== node.id && nodeUp(world, n));
      if (other) hops.push({ published: p.published, proto: p.protocol, ip: lanAddress(other), port: p.published, remote: true });
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
    for (const hop of before.filter((h) => h.remote)) {
      const at = findRule(nat, 'POSTROUTING', masquerade(hop));
      if (at >= 0) deleteRuleAt(nat, 'POSTROUTING', at);
    }
    flushChain(nat, CHAIN);
    flushChain(filter, CHAIN);
    for (const hop of wanted) {
      append(nat, CHAIN, rule({ ...portMatch(hop.proto, { dport: hop.published }), target: { kind: 'DNAT', range: { minIp: hop.ip, maxIp: hop.ip, minPort: hop.port, maxPort: hop.port } } }));
      append(filter, CHAIN, rule({ ...portMatch(hop.proto, { dport: hop.port }), ...(hop.remote ? {} : { dst: { addr: hop.ip, mask: prefixMask(32), neg: false } }), target: { kind: 'ACCEPT' } }));
      append(filter, CHAIN, rule({ ...portMatch(hop.proto, { sport: hop.port }), modules: [...(portMatch(hop.proto, { sport: hop.port }).modules ?? []), { kind: 'conntrack', ctstate: ['RELATED', 'ESTABLISHED'], neg: false } as MatchModule], target: { kind: 'ACCEPT' } }));
      if (hop.remote) insertRule(nat, 'POSTROUTING', 0, masquerade(hop));
    }
    append(nat, CHAIN, rule({ target: { kind: 'RETURN' } }));
    append(filter, CHAIN, rule({ target: { kind: 'RETURN' } }));
    installed[node.hostId] = wanted;
  }
}
