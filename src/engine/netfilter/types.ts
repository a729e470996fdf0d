/** Netfilter state of one network namespace: iptables tables, chains, rules and conntrack. */

export type TableName = 'filter' | 'nat' | 'mangle' | 'raw' | 'security';
export type Hook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';

export interface Counters {
  packets: number;
  bytes: number;
}

/** `-s`/`-d`: the address is stored already masked; the mask may be non-contiguous (255.0.255.0). */
export interface AddrMatch {
  addr: number;
  mask: number;
  neg: boolean;
}

export interface IfaceMatch {
  /** May end in '+' (prefix wildcard), as iptables allows. */
  name: string;
  neg: boolean;
}

export interface PortRange {
  lo: number;
  hi: number;
}

export interface PortMatch extends PortRange {
  neg: boolean;
}

/** conntrack states in the order iptables prints them. */
export const CT_STATES = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'] as const;
export type CtState = (typeof CT_STATES)[number];

/** TCP flag bits as the kernel numbers them (FIN=0x01 ... URG=0x20). */
export interface TcpFlagsMatch {
  mask: number;
  cmp: number;
  neg: boolean;
}

export interface AddrTypeMatch {
  /** Kernel route types: UNSPEC, UNICAST, LOCAL, BROADCAST, ANYCAST, MULTICAST, BLACKHOLE, ... */
  types: string[];
  neg: boolean;
}

/** Match extensions (`-m NAME ...`), kept in the order the rule was written. */
export type MatchModule =
  | { kind: 'tcp'; sport?: PortMatch; dport?: PortMatch; flags?: TcpFlagsMatch }
  | { kind: 'udp'; sport?: PortMatch; dport?: PortMatch }
  | { kind: 'icmp'; type: number; codeMin: number; codeMax: number; neg: boolean }
  | { kind: 'multiport'; dir: 'src' | 'dst' | 'any'; ports: PortRange[]; neg: boolean }
  | { kind: 'conntrack'; ctstate: CtState[]; neg: boolean }
  | { kind: 'state'; states: CtState[]; neg: boolean }
  | { kind: 'addrtype'; src?: AddrTypeMatch; dst?: AddrTypeMatch; limitIfaceIn?: boolean; limitIfaceOut?: boolean }
  | { kind: 'comment'; comment: string }
  /** `-m limit`: on average one match per `avg` (in 1/10000 s, as xt_limit counts), bursts of `burst`. */
  | { kind: 'limit'; avg: number; burst: number; bucket?: TokenBucket }
  | { kind: 'iprange'; src?: IpRange; dst?: IpRange }
  /** `-m mac --mac-source`: lower-case, two digits per octet. */
  | { kind: 'mac'; mac: string; neg: boolean };

export interface IpRange {
  lo: number;
  hi: number;
  neg: boolean;
}

/** The running state of a `-m limit` match (not part of the rule as written). */
export interface TokenBucket {
  tokens: number;
  at: number;
}

/** A NAT range: `ip[-ip][:port[-port]]`; a null address keeps the packet's own (DNAT to ":8080"). */
export interface NatRange {
  minIp: number | null;
  maxIp: number | null;
  minPort: number | null;
  maxPort: number | null;
}

export interface NatFlags {
  random?: boolean;
  persistent?: boolean;
  randomFully?: boolean;
}

export type Target =
  | { kind: 'ACCEPT' | 'DROP' | 'RETURN' }
  /** A user chain: `-j CHAIN` (jump, returns) or `-g CHAIN` (goto, does not return here). */
  | { kind: 'jump' | 'goto'; chain: string }
  | { kind: 'REJECT'; rejectWith: string }
  /** LOG: level 0-7 (4 = warning), flags: 1 tcp-sequence, 2 tcp-options, 4 ip-options, 8 uid, 16 macdecode. */
  | { kind: 'LOG'; prefix?: string | null; level?: number; flags?: number }
  | ({ kind: 'MASQUERADE' | 'REDIRECT'; ports?: PortRange | null } & NatFlags)
  | ({ kind: 'SNAT' | 'DNAT'; range: NatRange } & NatFlags);

export interface Rule {
  src?: AddrMatch;
  dst?: AddrMatch;
  inIface?: IfaceMatch;
  outIface?: IfaceMatch;
  /** IP protocol number (6 tcp, 17 udp, 1 icmp); absent means all. */
  proto?: { num: number; neg: boolean };
  /** `-f`: second and further fragments (the simulator never fragments, so only `! -f` matches). */
  fragment?: { neg: boolean };
  modules: MatchModule[];
  /** null: no `-j`, the rule only counts. */
  target: Target | null;
  counters: Counters;
}

export interface Chain {
  name: string;
  /** Built-in chains have a policy; user chains have null. */
  policy: 'ACCEPT' | 'DROP' | null;
  rules: Rule[];
  /** Policy counters of a built-in chain. */
  counters: Counters;
  /**
   * Built-in chains only. With nf_tables a built-in chain is registered with the kernel when a
   * rule or a policy is first written to it; until then iptables shows a stand-in (policy
   * ACCEPT, no rules) that packets never traverse.
   */
  live?: boolean;
  /** Built-in chains only: policy counters are kept once -P or -Z gave the chain counters. */
  counted?: boolean;
  /** When the kernel got the chain, counted within its table: nft lists chains in this order. */
  born?: number;
}

export interface Table {
  /** With the nf_tables backend a table exists only once a command wrote to it (iptables-save shows only those). */
  present: boolean;
  chains: Chain[];
  /** When the table was created, counted within the namespace: nft lists tables in this order. */
  born?: number;
}

export interface NetfilterState {
  tables: Record<TableName, Table>;
}

export interface Tuple {
  src: number;
  dst: number;
  /** Ports; for ICMP echo both are the echo id. */
  sport: number;
  dport: number;
}

export interface ConntrackEntry {
  proto: 'icmp' | 'tcp' | 'udp';
  /** The tuple of the first packet, as it arrived. */
  orig: Tuple;
  /** The tuple a reply will carry, after NAT: reply.src is the DNAT destination, reply.dst the SNAT source. */
  reply: Tuple;
  /** Which NAT rewrote the connection, if any. */
  nat: 'snat' | 'dnat' | 'both' | null;
  /** The nat table is consulted once per manipulation (destination at PREROUTING/OUTPUT, source at POSTROUTING/INPUT). */
  bound: { dst: boolean; src: boolean };
  /** A packet in the reply direction was seen: the connection is ESTABLISHED both ways. */
  replied: boolean;
  /** Unconfirmed entries belong to a first packet still in flight; `conntrack -L` does not show them. */
  confirmed: boolean;
  expiresAt: number;
}
