/**
 * World invariants for the property tests: the kernel's (links, bridges, routes) and the Docker
 * daemon's (IPAM, container states, published ports as DNAT rules, container sandboxes).
 * Each check throws an AssertionError naming the command after which it broke.
 */
import { strict as assert } from 'node:assert';
import { formatIpv4, inPrefix, networkOf } from '../../src/engine/net/ipv4';
import { TABLE_MAIN } from '../../src/engine/net/types';
import type { World } from '../../src/engine/world';
import { allDaemons } from '../../src/engine/docker/daemon';
import type { Container, ContainerState, DaemonState } from '../../src/engine/docker/types';

/** The kernel's structural invariants, checked against the whole world. */
export function checkKernel(world: World, context: string): void {
  const { links, netns } = world.state;
  const index = world.linkIndex();
  for (const link of Object.values(links)) {
    assert.ok(netns[link.nsId], `${context}: ${link.name} lives in a namespace that exists`);
    if (link.kind === 'veth') {
      const peer = link.peerId === null ? undefined : links[link.peerId];
      assert.ok(peer && peer.peerId === link.id, `${context}: veth ${link.name} and its peer point at each other`);
    }
    if (link.masterId !== null) {
      const master = links[link.masterId];
      assert.ok(master?.kind === 'bridge', `${context}: ${link.name}'s master is a bridge`);
      assert.equal(master.nsId, link.nsId, `${context}: bridge port ${link.name} is in its bridge's namespace`);
    }
    assert.ok(index.byNs.get(link.nsId)?.includes(link), `${context}: the link index has ${link.name}`);
  }
  for (const ns of Object.values(netns)) {
    const mine = Object.values(links).filter((l) => l.nsId === ns.id);
    assert.equal(new Set(mine.map((l) => l.name)).size, mine.length, `${context}: link names are unique per namespace`);
    assert.equal(new Set(mine.map((l) => l.ifindex)).size, mine.length, `${context}: ifindexes are unique per namespace`);
    assert.deepEqual(index.byNs.get(ns.id)?.map((l) => l.id) ?? [], [...mine].sort((a, b) => a.ifindex - b.ifindex).map((l) => l.id), `${context}: index order`);
    for (const route of ns.routes) {
      if (route.linkId === null) continue;
      assert.equal(links[route.linkId]?.nsId, ns.id, `${context}: routes use links of their namespace`);
    }
    for (const addr of ns.addrs) {
      const link = links[addr.linkId];
      assert.equal(link?.nsId, ns.id, `${context}: addresses sit on links of their namespace`);
      if (addr.family !== 4 || addr.secondary || addr.prefixLen >= 31 || link!.kind === 'loopback') continue;
      const connected = ns.routes.some((r) => r.table === TABLE_MAIN && r.proto === 'kernel' && r.linkId === addr.linkId && r.dst === networkOf(addr.local, addr.prefixLen) && r.len === addr.prefixLen);
      assert.equal(connected, link!.adminUp, `${context}: connected route of ${link!.name} exists exactly while it is up`);
    }
    for (const route of ns.routes) {
      if (route.table !== TABLE_MAIN || route.proto !== 'kernel' || route.linkId === null) continue;
      assert.ok(links[route.linkId]!.adminUp, `${context}: kernel route on a down link`);
      assert.ok(ns.addrs.some((a) => a.family === 4 && a.linkId === route.linkId && inPrefix(a.local, route.dst, route.len)), `${context}: kernel route without its address`);
    }
  }
}

/** A container owns a sandbox (and addresses, ports) exactly while its process runs. */
const LIVE: ReadonlySet<ContainerState> = new Set(['running', 'paused']);

/** Docker's state machine as seen between two commands (a command may pass through states). */
export function allowedTransition(from: ContainerState, to: ContainerState): boolean {
  if (to === 'created') return from === 'created';
  if (to === 'paused') return from === 'running' || from === 'paused';
  return true;
}

export function checkDocker(world: World, context: string): void {
  for (const daemon of allDaemons(world)) {
    const root = world.netns(world.host(daemon.hostId).rootNsId);
    assert.equal(new Set(daemon.containers.map((c) => c.id)).size, daemon.containers.length, `${context}: container ids are unique`);
    assert.equal(new Set(daemon.containers.map((c) => c.name)).size, daemon.containers.length, `${context}: container names are unique`);
    checkIpam(daemon, context);
    for (const c of daemon.containers) checkSandbox(world, daemon, c, context);
    assert.deepEqual(dnatRules(world, daemon), publishedPorts(daemon), `${context}: published ports and DNAT rules correspond one to one`);
    const bound = daemon.containers.filter((c) => LIVE.has(c.state)).flatMap((c) => [...new Set(c.ports.map((p) => `${p.hostIp || '0.0.0.0'}:${p.hostPort}/${p.proto}`))]);
    assert.equal(new Set(bound).size, bound.length, `${context}: a host port is published by one container at a time`);
    assert.ok(root, `${context}: the daemon's host has a root namespace`);
  }
}

function checkIpam(daemon: DaemonState, context: string): void {
  for (const net of daemon.networks.filter((n) => n.driver === 'bridge')) {
    const ips = daemon.containers.filter((c) => LIVE.has(c.state)).flatMap((c) => c.endpoints.filter((e) => e.networkId === net.id).map((e) => e.ip));
    assert.equal(new Set(ips).size, ips.length, `${context}: IPAM handed out an address twice on ${net.name}: ${ips.map(formatIpv4).join(' ')}`);
    const last = (net.subnet + 2 ** (32 - net.prefixLen) - 1) >>> 0;
    for (const ip of ips) {
      assert.ok(inPrefix(ip, net.subnet, net.prefixLen) && ip !== net.subnet && ip !== last && ip !== net.gateway, `${context}: ${formatIpv4(ip)} is a host address of ${net.name}`);
    }
  }
}

function checkSandbox(world: World, daemon: DaemonState, c: Container, context: string): void {
  const where = `${context}: container ${c.name} (${c.state})`;
  if (!LIVE.has(c.state)) {
    assert.equal(c.nsId, null, `${where} has no network namespace`);
    return;
  }
  assert.notEqual(c.startedAt, null, `${where} has a start time`);
  if (c.networkMode === 'host') return;
  const ns = c.nsId === null ? undefined : world.state.netns[c.nsId];
  assert.ok(ns, `${where} has its network namespace`);
  const names = Object.values(world.state.links).filter((l) => l.nsId === ns.id).map((l) => l.name).sort();
  assert.deepEqual(names, ['lo', ...c.endpoints.map((_, i) => `eth${i}`)].sort(), `${where}: its namespace holds exactly lo and one eth per endpoint`);
  c.endpoints.forEach((ep, i) => {
    const eth = Object.values(world.state.links).find((l) => l.nsId === ns.id && l.name === `eth${i}`)!;
    const net = daemon.networks.find((n) => n.id === ep.networkId);
    assert.ok(net, `${where}: endpoint ${i} is on a network that exists`);
    assert.ok(ns.addrs.some((a) => a.linkId === eth.id && a.local === ep.ip && a.prefixLen === net.prefixLen), `${where}: eth${i} has ${formatIpv4(ep.ip)}/${net.prefixLen}`);
    const peer = eth.peerId === null ? undefined : world.state.links[eth.peerId];
    assert.ok(peer && peer.name === ep.vethHost, `${where}: eth${i}'s peer is ${ep.vethHost}`);
    const bridge = peer.masterId === null ? undefined : world.state.links[peer.masterId];
    assert.equal(bridge?.name, net.bridge, `${where}: ${ep.vethHost} is a port of ${net.bridge}`);
  });
}

/** DNAT rules of nat DOCKER in the daemon's root namespace, as "hostIp:hostPort/proto -> ip:port", sorted. */
function dnatRules(world: World, daemon: DaemonState): string[] {
  const root = world.netns(world.host(daemon.hostId).rootNsId);
  const chain = root.netfilter.tables.nat.chains.find((c) => c.name === 'DOCKER');
  const out: string[] = [];
  for (const rule of chain?.rules ?? []) {
    if (rule.target?.kind !== 'DNAT') continue;
    const range = (rule.target as { range: { minIp: number; minPort: number } }).range;
    const proto = rule.proto?.num === 17 ? 'udp' : 'tcp';
    const port = rule.modules.find((m) => m.kind === proto) as { dport?: { lo: number } } | undefined;
    out.push(`${rule.dst ? formatIpv4(rule.dst.addr) : '0.0.0.0'}:${port?.dport?.lo}/${proto} -> ${formatIpv4(range.minIp)}:${range.minPort}`);
  }
  return out.sort();
}

function publishedPorts(daemon: DaemonState): string[] {
  const out: string[] = [];
  for (const c of daemon.containers) {
    if (!LIVE.has(c.state) || c.networkMode === 'host' || !c.endpoints[0]) continue;
    for (const p of c.ports) out.push(`${p.hostIp || '0.0.0.0'}:${p.hostPort}/${p.proto} -> ${formatIpv4(c.endpoints[0].ip)}:${p.containerPort}`);
  }
  return out.sort();
}

/** The first place two JSON-able values differ, as "path: before -> after" (short, for failure messages). */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 200)} -> ${JSON.stringify(b)?.slice(0, 200)}`;
}

/** The world state as JSON, without the given keys (internal flags no command shows). */
export function stateJson(world: World, ignore: readonly string[] = []): string {
  return JSON.stringify(world.state, ignore.length ? (key, value) => (ignore.includes(key) ? undefined : value) : undefined);
}

/** Asserts that a command left the world state as it found it. */
export function assertUnchanged(before: string, world: World, context: string, ignore: readonly string[] = []): void {
  const after = stateJson(world, ignore);
  if (after === before) return;
  assert.fail(`failed command changed the world: ${context}\n  ${firstDifference(JSON.parse(before), JSON.parse(after))}`);
}
