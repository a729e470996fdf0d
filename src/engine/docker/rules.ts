/**
 * The iptables rules Docker Engine 27 (libnetwork, iptables backend) installs: the chains at
 * daemon start, per bridge network (inserted above the older networks), per published port.
 * Layout from moby's integration/network/bridge/iptablesdoc (new-daemon.md, usernet-portmap.md).
 */
import type { Netns } from '../net/types';
import { prefixMask } from '../net/ipv4';
import { chainOf, deleteRuleAt, findRule, insertRule, newChain, setPolicy } from '../netfilter/rules';
import type { MatchModule, Rule, Table, TableName, Target } from '../netfilter/types';
import type { DockerNetwork, PortBinding } from './types';

interface RuleSpec {
  src?: [number, number];
  dst?: [number, number];
  dstNeg?: boolean;
  in?: string;
  inNeg?: boolean;
  out?: string;
  outNeg?: boolean;
  proto?: 'tcp' | 'udp';
  dport?: number;
  modules?: MatchModule[];
  target: Target;
}

function rule(spec: RuleSpec): Rule {
  const r: Rule = { modules: [], target: spec.target, counters: { packets: 0, bytes: 0 } };
  if (spec.src) r.src = { addr: spec.src[0], mask: prefixMask(spec.src[1]), neg: false };
  if (spec.dst) r.dst = { addr: spec.dst[0], mask: prefixMask(spec.dst[1]), neg: spec.dstNeg ?? false };
  if (spec.in) r.inIface = { name: spec.in, neg: spec.inNeg ?? false };
  if (spec.out) r.outIface = { name: spec.out, neg: spec.outNeg ?? false };
  if (spec.proto) {
    r.proto = { num: spec.proto === 'tcp' ? 6 : 17, neg: false };
    r.modules.push({ kind: spec.proto, ...(spec.dport !== undefined ? { dport: { lo: spec.dport, hi: spec.dport, neg: false } } : {}) });
  }
  r.modules.push(...(spec.modules ?? []));
  return r;
}

const jump = (chain: string): Target => ({ kind: 'jump', chain });
const ACCEPT: Target = { kind: 'ACCEPT' };
const RETURN: Target = { kind: 'RETURN' };
const DROP: Target = { kind: 'DROP' };

function table(ns: Netns, name: TableName): Table {
  return ns.netfilter.tables[name];
}

function append(t: Table, chain: string, r: Rule): void {
  insertRule(t, chain, chainOf(t, chain)!.rules.length, r);
}

/** Chains and jumps created when the daemon starts (before any network). */
export function installDaemonChains(ns: Netns): void {
  const filter = table(ns, 'filter');
  const nat = table(ns, 'nat');
  for (const chain of ['DOCKER', 'DOCKER-ISOLATION-STAGE-1', 'DOCKER-ISOLATION-STAGE-2', 'DOCKER-USER']) newChain(filter, chain);
  newChain(nat, 'DOCKER');
  setPolicy(filter, 'filter', 'FORWARD', 'DROP');
  append(filter, 'FORWARD', rule({ target: jump('DOCKER-USER') }));
  append(filter, 'FORWARD', rule({ target: jump('DOCKER-ISOLATION-STAGE-1') }));
  append(filter, 'DOCKER-ISOLATION-STAGE-1', rule({ target: RETURN }));
  append(filter, 'DOCKER-ISOLATION-STAGE-2', rule({ target: RETURN }));
  append(filter, 'DOCKER-USER', rule({ target: RETURN }));
  const local: MatchModule = { kind: 'addrtype', dst: { types: ['LOCAL'], neg: false } };
  append(nat, 'PREROUTING', rule({ modules: [local], target: jump('DOCKER') }));
  append(nat, 'OUTPUT', rule({ dst: [0x7f000000, 8], dstNeg: true, modules: [local], target: jump('DOCKER') }));
}

function networkRules(net: DockerNetwork): { forward: Rule[]; stage1: Rule; stage2: Rule; masq: Rule; natReturn: Rule } {
  const br = net.bridge;
  const forward = [
    rule({ out: br, modules: [{ kind: 'conntrack', ctstate: ['RELATED', 'ESTABLISHED'], neg: false }], target: ACCEPT }),
    rule({ out: br, target: jump('DOCKER') }),
    rule({ in: br, out: br, outNeg: true, target: ACCEPT }),
    rule({ in: br, out: br, target: ACCEPT }),
  ];
  return {
    forward,
    stage1: rule({ in: br, out: br, outNeg: true, target: jump('DOCKER-ISOLATION-STAGE-2') }),
    stage2: rule({ out: br, target: DROP }),
    masq: rule({ src: [net.subnet, net.prefixLen], out: br, outNeg: true, target: { kind: 'MASQUERADE' } }),
    natReturn: rule({ in: br, target: RETURN }),
  };
}

/** A bridge network's rules go above the older networks' (after the DOCKER-USER/ISOLATION jumps). */
export function installNetworkRules(ns: Netns, net: DockerNetwork): void {
  const filter = table(ns, 'filter');
  const nat = table(ns, 'nat');
  const r = networkRules(net);
  r.forward.forEach((x, i) => insertRule(filter, 'FORWARD', 2 + i, x));
  insertRule(filter, 'DOCKER-ISOLATION-STAGE-1', 0, r.stage1);
  insertRule(filter, 'DOCKER-ISOLATION-STAGE-2', 0, r.stage2);
  if (!net.internal) insertRule(nat, 'POSTROUTING', 0, r.masq);
  insertRule(nat, 'DOCKER', 0, r.natReturn);
}

export function removeNetworkRules(ns: Netns, net: DockerNetwork): void {
  const r = networkRules(net);
  remove(table(ns, 'filter'), 'FORWARD', r.forward);
  remove(table(ns, 'filter'), 'DOCKER-ISOLATION-STAGE-1', [r.stage1]);
  remove(table(ns, 'filter'), 'DOCKER-ISOLATION-STAGE-2', [r.stage2]);
  remove(table(ns, 'nat'), 'POSTROUTING', [r.masq]);
  remove(table(ns, 'nat'), 'DOCKER', [r.natReturn]);
}

function portRules(net: DockerNetwork, ip: number, p: PortBinding): { filter: Rule; dnat: Rule; hairpin: Rule } {
  const hostIp = p.hostIp === '0.0.0.0' || p.hostIp === '' ? undefined : p.hostIp;
  const hostAddr = hostIp ? hostIp.split('.').reduce((a, o) => ((a << 8) | Number(o)) >>> 0, 0) : undefined;
  return {
    filter: rule({ dst: [ip, 32], in: net.bridge, inNeg: true, out: net.bridge, proto: p.proto, dport: p.containerPort, target: ACCEPT }),
    dnat: rule({ ...(hostAddr !== undefined ? { dst: [hostAddr, 32] as [number, number] } : {}), in: net.bridge, inNeg: true, proto: p.proto, dport: p.hostPort, target: { kind: 'DNAT', range: { minIp: ip, maxIp: ip, minPort: p.containerPort, maxPort: p.containerPort } } }),
    hairpin: rule({ src: [ip, 32], dst: [ip, 32], proto: p.proto, dport: p.containerPort, target: { kind: 'MASQUERADE' } }),
  };
}

/** Engine 26's ChainInfo.Forward (the recorded engine): the ACCEPT, DNAT and hairpin MASQUERADE are each appended. */
export function installPortRules(ns: Netns, net: DockerNetwork, ip: number, ports: PortBinding[]): void {
  const filter = table(ns, 'filter');
  const nat = table(ns, 'nat');
  for (const p of ports) {
    const r = portRules(net, ip, p);
    append(filter, 'DOCKER', r.filter);
    append(nat, 'POSTROUTING', r.hairpin);
    append(nat, 'DOCKER', r.dnat);
  }
}

export function removePortRules(ns: Netns, net: DockerNetwork, ip: number, ports: PortBinding[]): void {
  for (const p of ports) {
    const r = portRules(net, ip, p);
    remove(table(ns, 'filter'), 'DOCKER', [r.filter]);
    remove(table(ns, 'nat'), 'POSTROUTING', [r.hairpin]);
    remove(table(ns, 'nat'), 'DOCKER', [r.dnat]);
  }
}

function remove(t: Table, chain: string, rules: Rule[]): void {
  for (const r of rules) {
    const at = findRule(t, chain, r);
    if (at >= 0) deleteRuleAt(t, chain, at);
  }
}

