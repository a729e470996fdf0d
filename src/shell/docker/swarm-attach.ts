/** `docker run --network NET` on a swarm node where NET is one of the cluster's overlays (not a network of the daemon). */
import { findContainer, startContainer } from '../../engine/docker/containers';
import { findNetwork } from '../../engine/docker/networks';
import type { Container } from '../../engine/docker/types';
import { err, ok, type Result } from '../../common/result';
import { attachContainer, attachRefusal, connectContainer, disconnectContainer, overlayNamed, syncAttachments } from '../../engine/swarm/attach';
import { ensureGatewayBridge } from '../../engine/swarm/overlay';
import { membershipOf } from '../../engine/swarm/state';
import type { Cluster, OverlayNetwork, SwarmNode } from '../../engine/swarm/types';
import { success, type CommandResult } from '../types';
import { daemonError, type DockerCtx } from './context';

export interface OverlayTarget {
  cluster: Cluster;
  node: SwarmNode;
  net: OverlayNetwork;
  /** The reference as the user wrote it (the daemon's messages quote it). */
  ref: string;
}

/** The overlay a run's `--network` names, on a member node; the container is created on docker_gwbridge (made if missing). */
export function overlayTarget(d: DockerCtx, ref: string): OverlayTarget | undefined {
  if (findNetwork(d.daemon, ref)) return undefined;
  const member = membershipOf(d.sh.world, d.sh.host);
  const net = member ? overlayNamed(member.cluster, ref) : undefined;
  if (!member || !net) return undefined;
  ensureGatewayBridge(d.sh.world, d.sh.host);
  return { cluster: member.cluster, node: member.node, net, ref };
}

/**
 * Starts the container and attaches it. A network created without --attachable (ingress too) is
 * refused before anything runs: the container stays Created with State.Error and exit code 128,
 * as after any failed start (daemon/start.go).
 */
export function startOnOverlay(d: DockerCtx, c: Container, target: OverlayTarget): Result<void> {
  const refused = attachRefusal(target.net, target.ref);
  if (refused) {
    c.startError = refused;
    if (c.exitCode === 0) c.exitCode = 128;
    return err(refused);
  }
  const started = startContainer(d.sh.world, d.sh.host, d.daemon, c);
  if (!started.ok) return started;
  const attached = attachContainer(d.sh.world, target.cluster, target.node, c, target.net, target.ref);
  return attached.ok ? ok(undefined) : err(attached.error);
}

/** After any docker command on a member node: attachments follow the containers (stopped or removed ones give theirs back). */
export function followAttachments(d: DockerCtx): void {
  const member = membershipOf(d.sh.world, d.sh.host);
  if (member) syncAttachments(d.sh.world, member.cluster, member.node);
}

/** `docker network connect NET CONTAINER` when NET is an overlay of the cluster (undefined otherwise: the daemon's own networks). */
export function connectOverlay(d: DockerCtx, netRef: string, ref: string): CommandResult | undefined {
  const target = overlayTarget(d, netRef);
  if (!target) return undefined;
  const c = findContainer(d.daemon, ref);
  if (!c) return daemonError(`No such container: ${ref}`);
  const r = connectContainer(d.sh.world, target.cluster, target.node, c, target.net, netRef);
  return r.ok ? success() : daemonError(r.error);
}

/** `docker network disconnect NET CONTAINER` of an overlay of the cluster (undefined otherwise). */
export function disconnectOverlay(d: DockerCtx, netRef: string, ref: string): CommandResult | undefined {
  const target = overlayTarget(d, netRef);
  if (!target) return undefined;
  const c = findContainer(d.daemon, ref);
  if (!c) return daemonError(`No such container: ${ref}`);
  const r = disconnectContainer(d.sh.world, target.cluster, c, target.net);
  return r.ok ? success() : daemonError(r.error);
}
