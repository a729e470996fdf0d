/** The kernel's networking objects as plain data (cheap to snapshot, easy to send to views). */
import type { NetfilterState } from '../netfilter/types';
import type { ConntrackEntry } from '../netfilter/types';
import type { DhcpState } from '../dhcp';

export type LinkKind = 'loopback' | 'ether' | 'veth' | 'bridge' | 'dummy' | 'tun' | 'vlan';

export interface LinkStats {
  rxPackets: number;
  rxBytes: number;
  rxErrors: number;
  rxDropped: number;
  txPackets: number;
  txBytes: number;
  txErrors: number;
  txDropped: number;
}

export type BridgePortState = 'disabled' | 'listening' | 'learning' | 'forwarding' | 'blocking';

export interface FdbEntry {
  mac: string;
  portId: number;
  /** `bridge fdb add … permanent|local` (BR_FDB_LOCAL): never aged, never moved by learning. */
  local: boolean;
  /** `bridge fdb add … static` (BR_FDB_STATIC): never aged, but learning may move it. */
  static?: boolean;
  updatedAt: number;
}

export interface BridgeInfo {
  stp: boolean;
  forwardDelay: number;
  ageingTime: number;
  fdb: FdbEntry[];
  /** A bridge that never had a port keeps the carrier it was born with (state UNKNOWN). */
  everHadPort: boolean;
  /** `ip link set br0 type bridge vlan_filtering 1`. */
  vlanFiltering?: boolean;
  /** The bridge device's own VLANs ("self"), default pvid 1 untagged. */
  vlans?: BridgeVlan[];
}

/** The on/off settings of a bridge port (`bridge link set dev X learning off`), in `bridge -d link` order. */
export const PORT_FLAGS = ['hairpin', 'guard', 'root_block', 'fastleave', 'learning', 'flood', 'mcast_flood', 'bcast_flood', 'mcast_to_unicast', 'neigh_suppress', 'vlan_tunnel', 'isolated', 'locked'] as const;
export type PortFlag = (typeof PORT_FLAGS)[number];

export interface BridgePortInfo {
  state: BridgePortState;
  cost: number;
  priority: number;
  /** Settings changed from the kernel's defaults (learning, flood, mcast_flood, bcast_flood on; the rest off). */
  flags?: Partial<Record<PortFlag, boolean>>;
  /** The port's VLANs (default_pvid 1 untagged when it joins). */
  vlans?: BridgeVlan[];
}

export interface Link {
  /** World-unique id (a kernel pointer, not shown to users). */
  id: number;
  nsId: number;
  ifindex: number;
  name: string;
  kind: LinkKind;
  mac: string;
  /** True when the MAC was set by the user (a bridge then stops following its ports' MACs). */
  macSet: boolean;
  mtu: number;
  adminUp: boolean;
  qdisc: string;
  txqlen: number;
  /** veth peer, or for `ether` the NIC at the other end of the cable. */
  peerId: number | null;
  masterId: number | null;
  bridge: BridgeInfo | null;
  port: BridgePortInfo | null;
  stats: LinkStats;
  /** Whether the physical cable is plugged in (ether only). */
  cable: boolean;
  /** tun/tap devices (kind 'tun'): see net/tuntap.ts. */
  tun?: TunInfo;
  /** 802.1Q sub-interfaces (kind 'vlan'): see net/vlan.ts. */
  vlan?: VlanInfo;
  /** Unicast addresses added with `bridge fdb add MAC dev X [self]` (dev_uc_add), oldest first. */
  ucAddrs?: string[];
}

/** A tun/tap device; `peerId` is the VM NIC attached to it (the process holding the fd), if any. */
export interface TunInfo {
  mode: 'tun' | 'tap';
  persist: boolean;
  pi: boolean;
  vnetHdr: boolean;
  multiQueue: boolean;
  oneQueue?: boolean;
  owner: number | null;
  group: number | null;
}

/** An 802.1Q (or 802.1ad) sub-interface of `lowerId` carrying tag `id`. */
export interface VlanInfo {
  id: number;
  protocol: '802.1Q' | '802.1ad';
  lowerId: number;
  reorderHdr: boolean;
}

/** One VLAN of a bridge port (or of the bridge itself): `bridge vlan add vid N [pvid] [untagged]`. */
export interface BridgeVlan {
  vid: number;
  pvid: boolean;
  untagged: boolean;
}

export type Scope = 'host' | 'link' | 'global';

export interface Addr4 {
  family: 4;
  linkId: number;
  local: number;
  prefixLen: number;
  broadcast: number | null;
  scope: Scope;
  label: string;
  secondary: boolean;
  /** Set by DHCP clients (`ip addr add … valid_lft N`): printed "dynamic", removed at this time (ms). */
  validUntil?: number;
}

export interface Addr6 {
  family: 6;
  linkId: number;
  local: string;
  prefixLen: number;
  scope: Scope;
}

export type Addr = Addr4 | Addr6;

export type RouteType = 'unicast' | 'local' | 'broadcast' | 'unreachable' | 'blackhole' | 'prohibit';

export interface Route {
  table: number;
  type: RouteType;
  dst: number;
  len: number;
  gateway: number | null;
  linkId: number | null;
  proto: string;
  scope: Scope;
  src: number | null;
  metric: number | null;
  onlink: boolean;
}

export const TABLE_LOCAL = 255;
export const TABLE_MAIN = 254;
export const TABLE_DEFAULT = 253;

export type NeighState = 'REACHABLE' | 'STALE' | 'DELAY' | 'PROBE' | 'FAILED' | 'INCOMPLETE' | 'PERMANENT' | 'NOARP';

export interface Neigh {
  linkId: number;
  ip: number;
  mac: string | null;
  state: NeighState;
  confirmedAt: number;
}

export interface Netns {
  id: number;
  hostId: number;
  /** Name under /run/netns, or null for the host's root namespace and anonymous (container) ones. */
  name: string | null;
  nextIfindex: number;
  addrs: Addr[];
  routes: Route[];
  neigh: Neigh[];
  sysctl: Record<string, string>;
  netfilter: NetfilterState;
  conntrack: ConntrackEntry[];
  /** nsids this namespace assigned to other namespaces (peernet2id), printed as link-netnsid. */
  nsids: Record<number, number>;
  /** DHCP servers (dnsmasq) and clients (dhclient) running in the namespace: see engine/dhcp.ts. */
  dhcp?: DhcpState;
}

export type HostRole = 'linux' | 'router' | 'internet' | 'switch' | 'vm';

export interface Host {
  id: number;
  /** Name used in the world (the LAN router is "router", the learner's machine "host"). */
  name: string;
  hostname: string;
  role: HostRole;
  rootNsId: number;
  /** /run/netns: names registered with `ip netns add`. */
  netnsNames: Record<string, number>;
}

export interface WorldState {
  nextId: number;
  hosts: Record<number, Host>;
  netns: Record<number, Netns>;
  links: Record<number, Link>;
  /** Simulated files written by commands (e.g. /etc/hosts edits), per host. */
  files: Record<number, Record<string, string>>;
}
