/**
 * The cluster spec's settings `docker swarm update` and `docker swarm ca` change (swarmkit's
 * ClusterSpec: Orchestration, CAConfig, Dispatcher, Raft), kept beside the cluster's other data.
 */
import type { Cluster } from './types';

export interface SwarmSettings {
  /** Orchestration.TaskHistoryRetentionLimit: tasks kept per slot; negative keeps them all. */
  taskHistoryLimit: number;
  /** CAConfig.NodeCertExpiry (ms). */
  certExpiryMs: number;
  /** CAConfig.ForceRotate: bumped by every `docker swarm ca --rotate` without a certificate. */
  forceRotate: number;
  /** Dispatcher.HeartbeatPeriod (ms). */
  heartbeatMs: number;
  /** Raft.SnapshotInterval and Raft.KeepOldSnapshots. */
  snapshotInterval: number;
  keepOldSnapshots: number;
  /** The root CA: the seed its key and certificate come from (rotated with the CA) and when it was issued. */
  ca: RootCa;
}

export interface RootCa {
  seed: string;
  issuedAt: number;
  /** A certificate given with `--ca-cert` (PEM, trimmed) instead of a generated one. */
  pem?: string;
}

/** swarmkit's defaults (ca.DefaultNodeCertExpiration 90 days, a 5 s heartbeat, 5 tasks per slot). */
export const DEFAULT_CERT_EXPIRY_MS = 2160 * 3600_000;
export const MIN_CERT_EXPIRY_MS = 3600_000;

type WithSettings = Cluster & { settings?: SwarmSettings };

function defaults(cluster: Cluster): SwarmSettings {
  return {
    taskHistoryLimit: 5,
    certExpiryMs: DEFAULT_CERT_EXPIRY_MS,
    forceRotate: 0,
    heartbeatMs: 5000,
    snapshotInterval: 10000,
    keepOldSnapshots: 0,
    // The join tokens' CA digest was drawn at init: the first root CA grows from it.
    ca: { seed: cluster.caDigest, issuedAt: cluster.createdAt },
  };
}

/** The cluster's settings to read (swarmkit's defaults until an update stores some). */
export function settingsOf(cluster: Cluster): SwarmSettings {
  return (cluster as WithSettings).settings ?? defaults(cluster);
}

/** The cluster's settings to change: stored in the cluster from now on. */
export function editSettings(cluster: Cluster): SwarmSettings {
  const c = cluster as WithSettings;
  return (c.settings ??= defaults(cluster));
}

/** The history limit without creating settings (the orchestrator reads it on every reconcile). */
export function taskHistoryLimit(cluster: Cluster): number {
  return (cluster as WithSettings).settings?.taskHistoryLimit ?? 5;
}
