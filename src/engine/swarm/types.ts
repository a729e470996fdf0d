/** Swarm mode's state as plain data inside the world state (snapshots rewind it with the kernels). */

export type NodeRole = 'manager' | 'worker';
export type Availability = 'active' | 'pause' | 'drain';

export interface SwarmNode {
  /** 25 lowercase base-36 characters, as swarmkit's identity.NewID. */
  id: string;
  hostId: number;
  hostname: string;
  role: NodeRole;
  availability: Availability;
  /** The address other nodes reach it at (its advertise address). */
  addr: string;
  labels: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  /** Left with `docker swarm leave`: listed as Down until `docker node rm`. */
  left: boolean;
}

export interface PublishedPort {
  published: number;
  target: number;
  protocol: 'tcp' | 'udp';
  mode: 'ingress' | 'host';
}

export interface ServiceSpec {
  name: string;
  /** As the user wrote it (`nginx`), shown as `nginx:latest`. */
  image: string;
  args: string[];
  mode: 'replicated' | 'global';
  replicas: number;
  env: string[];
  ports: PublishedPort[];
  /** Overlay network ids (ingress is added for published ports). */
  networks: string[];
  constraints: string[];
  labels: Record<string, string>;
  updateParallelism: number;
  /** ms between batches of a rolling update. */
  updateDelay: number;
  /** Secret / config references (`--secret`, `--config`): filled by the secrets engine. */
  secrets: string[];
  configs: string[];
  /** Set by `docker stack deploy`. */
  stack?: string;
  /** `--endpoint-mode`: a VIP balanced by IPVS (the default) or DNS round robin over the tasks. */
  endpointMode?: 'vip' | 'dnsrr';
}

export interface Service {
  id: string;
  spec: ServiceSpec;
  previousSpec?: ServiceSpec;
  version: number;
  createdAt: number;
  updatedAt: number;
  /** The service's virtual IP on each of its networks (network id -> address). */
  vips: Record<string, number>;
  updateState?: 'updating' | 'completed' | 'rollback_completed';
  /** When the last update (or rollback) started and completed (simulated ms). */
  updateStartedAt?: number;
  updateCompletedAt?: number;
}

export type TaskState = 'running' | 'shutdown' | 'failed' | 'rejected' | 'pending';

export interface Task {
  id: string;
  serviceId: string;
  /** Replicated: 1..replicas. Global: 0 (the node names the task). */
  slot: number;
  nodeId: string;
  image: string;
  desired: 'running' | 'shutdown';
  state: TaskState;
  /** When the current state was entered (CURRENT STATE's "Running 5 seconds ago"). */
  since: number;
  createdAt: number;
  error: string;
  /** The container on the node's daemon (while the task runs). */
  containerId: string | null;
  /** The task's address on each of its overlay networks. */
  addrs: Record<string, number>;
  specVersion: number;
}

export interface OverlayNetwork {
  id: string;
  name: string;
  subnet: number;
  prefixLen: number;
  gateway: number;
  attachable: boolean;
  ingress: boolean;
  created: number;
  /** VXLAN network identifier (4096 + n, as libnetwork's overlay driver allocates). */
  vni: number;
  labels: Record<string, string>;
  stack?: string;
}

export interface Cluster {
  id: string;
  createdAt: number;
  updatedAt: number;
  nodes: SwarmNode[];
  leaderId: string;
  /** The CA digest part of the join tokens (shared by both roles). */
  caDigest: string;
  workerSecret: string;
  managerSecret: string;
  autolock: boolean;
  unlockKey: string;
  /** Managers whose daemon restarted while autolock was on: they need `docker swarm unlock`. */
  lockedHosts: number[];
  services: Service[];
  tasks: Task[];
  networks: OverlayNetwork[];
  version: number;
  /** Each node's ingress endpoint (its ingress_sbox's address on the ingress overlay), by node id. */
  ingressEndpoints?: Record<string, number>;
  /** Each node's ingress_sbox namespace id, by host id. */
  ingressSboxes?: Record<number, number>;
  /** The routing-mesh hops installed on each node (host id), to rewrite them when tasks move. */
  mesh?: Record<number, MeshHop[]>;
  /** Each node's overlay sandbox namespace ("1-<network id>") per network: host id -> network id -> netns id. */
  overlaySandboxes?: Record<number, Record<string, number>>;
  /** What the overlay layout was last built from (vxlan-overlay.ts layoutSignature): an unchanged one skips the rebuild. */
  overlayLayout?: string;
  /** Standalone containers on attachable overlays (`docker run --network NET`), as swarmkit's attachment tasks. */
  attachments?: NetworkAttachment[];
}

/** A standalone container's address on an attachable overlay: the manager allocates it as an attachment task. */
export interface NetworkAttachment {
  /** The attachment task's id (identity.NewID). */
  id: string;
  nodeId: string;
  containerId: string;
  /** The container's address on each overlay it joined (network id -> address). */
  addrs: Record<string, number>;
  /**
   * Overlays joined by `docker network connect` (in that order), by a container whose own network
   * is not an overlay: they stay in its configuration while it is stopped (addresses given back)
   * and are joined again when it starts; its interfaces for them follow its own (eth1, eth2...).
   */
  connected?: string[];
}

/** Where a published port leads from one node: a local task (its address and target port) or another node. */
export interface MeshHop {
  published: number;
  proto: 'tcp' | 'udp';
  ip: number;
  port: number;
  remote: boolean;
}

export interface SwarmState {
  clusters: Cluster[];
}
