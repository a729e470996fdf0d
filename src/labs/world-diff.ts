/**
 * What a cell changed in the learner's host, in one line per change:
 * `+ netns red`, `+ veth-red in red`, `~ veth-red in red: UP`, `+ 192.168.15.1/24 on veth-red in red`,
 * `~ route table main in red`, `~ iptables nat in host`, `~ sysctl net.ipv4.ip_forward = 1 in host`.
 * Traffic (counters, ARP caches, conntrack, the clock) is not a change of configuration.
 */
import { formatIpv4 } from '../engine/net/ipv4';
import type { Addr, Link, Netns, WorldState } from '../engine/net/types';

export function worldDiff(before: WorldState, after: WorldState, hostId: number): string[] {
  const lines: string[] = [];
  const nsName = (state: WorldState, id: number) => {
    const ns = state.netns[id];
    if (!ns) return `netns #${id}`;
    return ns.name ?? (state.hosts[hostId]?.rootNsId === id ? 'host' : `netns #${id}`);
  };
  const mine = (state: WorldState) => Object.values(state.netns).filter((ns) => ns.hostId === hostId);
  const beforeNs = new Map(mine(before).map((ns) => [ns.id, ns]));
  const afterNs = new Map(mine(after).map((ns) => [ns.id, ns]));

  for (const [id, ns] of afterNs) if (!beforeNs.has(id)) lines.push(`+ netns ${nsName(after, id)}${ns.name === null ? ' (anonymous)' : ''}`);
  for (const id of beforeNs.keys()) if (!afterNs.has(id)) lines.push(`- netns ${nsName(before, id)}`);

  const links = (state: WorldState, nss: Map<number, Netns>) => new Map(Object.values(state.links).filter((l) => nss.has(l.nsId)).map((l) => [l.id, l]));
  const beforeLinks = links(before, beforeNs);
  const afterLinks = links(after, afterNs);
  for (const [id, link] of afterLinks) {
    const old = beforeLinks.get(id);
    const where = `${link.name} in ${nsName(after, link.nsId)}`;
    if (!old && !beforeNs.has(link.nsId) && link.kind === 'loopback') continue; // every new netns has its lo
    if (!old) lines.push(`+ ${where}${link.kind === 'loopback' ? '' : ` (${link.kind})`}`);
    else lines.push(...linkChanges(old, link, where, before, after, nsName));
  }
  for (const [id, link] of beforeLinks) if (!afterLinks.has(id)) lines.push(`- ${link.name} in ${nsName(before, link.nsId)}`);

  for (const [id, ns] of afterNs) {
    const old = beforeNs.get(id);
    const name = nsName(after, id);
    const addrKey = (state: WorldState, a: Addr) => `${a.family === 4 ? `${formatIpv4(a.local)}/${a.prefixLen}` : `${a.local}/${a.prefixLen}`} on ${state.links[a.linkId]?.name ?? '?'}`;
    const oldAddrs = new Set((old?.addrs ?? []).map((a) => addrKey(before, a)));
    const newAddrs = new Set(ns.addrs.map((a) => addrKey(after, a)));
    if (old) {
      for (const a of newAddrs) if (!oldAddrs.has(a) && !a.includes(':')) lines.push(`+ ${a} in ${name}`);
      for (const a of oldAddrs) if (!newAddrs.has(a) && !a.includes(':')) lines.push(`- ${a} in ${name}`);
      for (const table of changedRouteTables(old, ns)) lines.push(`~ route table ${table} in ${name}`);
      for (const table of Object.keys(ns.netfilter.tables)) {
        const t = table as keyof Netns['netfilter']['tables'];
        if (withoutCounters(old.netfilter.tables[t]) !== withoutCounters(ns.netfilter.tables[t])) lines.push(`~ iptables ${table} in ${name}`);
      }
      for (const key of Object.keys(ns.sysctl)) if (ns.sysctl[key] !== old.sysctl[key] && !/\.conf\.[^.]+\.forwarding$/.test(key)) lines.push(`~ sysctl ${key} = ${ns.sysctl[key]} in ${name}`);
    }
  }
  return lines;
}

function linkChanges(old: Link, link: Link, where: string, before: WorldState, after: WorldState, nsName: (s: WorldState, id: number) => string): string[] {
  const lines: string[] = [];
  if (old.nsId !== link.nsId) lines.push(`~ ${where}: moved from ${nsName(before, old.nsId)}`);
  if (old.name !== link.name) lines.push(`~ ${where}: renamed from ${old.name}`);
  if (old.adminUp !== link.adminUp) lines.push(`~ ${where}: ${link.adminUp ? 'UP' : 'DOWN'}`);
  if (old.masterId !== link.masterId) lines.push(`~ ${where}: ${link.masterId === null ? 'nomaster' : `master ${after.links[link.masterId]?.name ?? '?'}`}`);
  if (old.mtu !== link.mtu) lines.push(`~ ${where}: mtu ${link.mtu}`);
  if (old.mac !== link.mac && old.macSet !== link.macSet) lines.push(`~ ${where}: address ${link.mac}`);
  return lines;
}

function changedRouteTables(old: Netns, ns: Netns): string[] {
  const names: Record<number, string> = { 254: 'main', 255: 'local', 253: 'default' };
  const tables = new Set([...old.routes, ...ns.routes].map((r) => r.table));
  const key = (n: Netns, t: number) => JSON.stringify(n.routes.filter((r) => r.table === t));
  return [...tables].filter((t) => t !== 255 && key(old, t) !== key(ns, t)).map((t) => names[t] ?? String(t));
}

function withoutCounters(value: unknown): string {
  return JSON.stringify(value, (key, v) => (key === 'counters' || key === 'policyCounters' ? undefined : v));
}
