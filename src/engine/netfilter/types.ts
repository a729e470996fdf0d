/** Netfilter state of one network namespace: iptables tables, chains, rules and conntrack. */

export type TableName = 'filter' | 'nat' | 'mangle' | 'raw';
export type Hook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';

export interface Counters {
  packets: number;
  bytes: number;
}

export interface AddrMatch {
  addr: number;
  len: number;
  neg: boolean;
}

export interface IfaceMatch {
  /** May end in '+' (prefix wildcard), as iptables allows. */
  name: string;
  neg: boolean;
}

export interface PortMatch {
  lo: number;
  hi: number;
  neg: boolean;
}

export interface Rule {
  src?: AddrMatch;
  dst?: AddrMatch;
  inIface?: IfaceMatch;
  outIface?: IfaceMatch;
  proto?: { name: string; neg: boolean };
  sport?: PortMatch;
  dport?: PortMatch;
  /** Other matches (-m conntrack --ctstate, -m addrtype, -m comment ...), kept in canonical order. */
  modules: MatchModule[];
  target: Target | null;
  counters: Counters;
}

export type MatchModule =
  | { kind: 'conntrack'; ctstate: string[]; neg: boolean }
  | { kind: 'addrtype'; dstType?: string; srcType?: string; neg: boolean }
  | { kind: 'comment'; comment: string }
  | { kind: 'icmp'; icmpType: string; neg: boolean };

export type Target =
  | { kind: 'ACCEPT' | 'DROP' | 'RETURN' | 'MASQUERADE' }
  | { kind: 'REJECT'; rejectWith: string }
  | { kind: 'SNAT'; to: string }
  | { kind: 'DNAT'; to: string }
  | { kind: 'LOG'; prefix: string | null }
  | { kind: 'jump'; chain: string }
  | { kind: 'goto'; chain: string };

export interface Chain {
  name: string;
  /** Built-in chains have a policy; user chains have null. */
  policy: 'ACCEPT' | 'DROP' | null;
  rules: Rule[];
  /** Policy counters of a built-in chain. */
  counters: Counters;
}

export interface Table {
  chains: Chain[];
}

export interface NetfilterState {
  tables: Record<TableName, Table>;
}

export interface Tuple {
  src: number;
  dst: number;
  sport: number;
  dport: number;
}

export interface ConntrackEntry {
  proto: 'icmp' | 'tcp' | 'udp';
  orig: Tuple;
  reply: Tuple;
  /** Which NAT rewrote the connection, if any. */
  nat: 'snat' | 'dnat' | 'both' | null;
  expiresAt: number;
}
