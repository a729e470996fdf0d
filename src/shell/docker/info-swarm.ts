/**
 * docker info's swarm part: the Swarm object of the Info (its node-level fields) and the text
 * block docker/cli 28's printSwarmInfo prints under " Swarm: active" (cli/command/system/info.go):
 * the cluster's settings as `docker swarm init` leaves them (swarmkit's defaults), then the node
 * address and the managers' addresses.
 */
import type { Membership } from '../../engine/swarm/state';

export type SwarmInfoState = 'inactive' | 'active' | 'locked';

export function swarmState(member: Membership | undefined, hostId: number): SwarmInfoState {
  if (!member) return 'inactive';
  return member.cluster.lockedHosts.includes(hostId) ? 'locked' : 'active';
}

function managerAddrs(member: Membership): Array<{ NodeID: string; Addr: string }> {
  return member.cluster.nodes.filter((n) => n.role === 'manager' && !n.left).map((n) => ({ NodeID: n.id, Addr: `${n.addr}:2377` }));
}

/** Info.Swarm: what the text block prints about the node (the Cluster object is not simulated). */
export function swarmInfoObject(member: Membership | undefined, hostId: number): Record<string, unknown> {
  const state = swarmState(member, hostId);
  if (!member || state !== 'active') return { NodeID: '', NodeAddr: '', LocalNodeState: state, ControlAvailable: false, Error: '', RemoteManagers: null };
  const manager = member.node.role === 'manager';
  const live = member.cluster.nodes.filter((n) => !n.left);
  return {
    NodeID: member.node.id,
    NodeAddr: member.node.addr,
    LocalNodeState: 'active',
    ControlAvailable: manager,
    Error: '',
    RemoteManagers: managerAddrs(member),
    ...(manager ? { Nodes: live.length, Managers: live.filter((n) => n.role === 'manager').length } : {}),
  };
}

/** The lines after " Swarm: active" (none when inactive or locked). */
export function swarmInfoLines(member: Membership | undefined, hostId: number): string[] {
  if (!member || swarmState(member, hostId) !== 'active') return [];
  const manager = member.node.role === 'manager';
  const lines = [`  NodeID: ${member.node.id}`, `  Is Manager: ${manager}`];
  if (manager) {
    const live = member.cluster.nodes.filter((n) => !n.left);
    lines.push(
      `  ClusterID: ${member.cluster.id}`,
      `  Managers: ${live.filter((n) => n.role === 'manager').length}`,
      `  Nodes: ${live.length}`,
      // Go's fmt.Println of "Default Address Pool:" and "10.0.0.0/8  " (each pool followed by two spaces).
      '  Default Address Pool: 10.0.0.0/8  ',
      '  SubnetSize: 24',
      '  Data Path Port: 4789',
      '  Orchestration:',
      '   Task History Retention Limit: 5',
      '  Raft:',
      '   Snapshot Interval: 10000',
      '   Number of Old Snapshots to Retain: 0',
      '   Heartbeat Tick: 1',
      '   Election Tick: 10',
      '  Dispatcher:',
      '   Heartbeat Period: 5 seconds',
      '  CA Configuration:',
      '   Expiry Duration: 3 months',
      '   Force Rotate: 0',
      `  Autolock Managers: ${member.cluster.autolock}`,
      '  Root Rotation In Progress: false',
    );
  }
  lines.push(`  Node Address: ${member.node.addr}`);
  const addrs = managerAddrs(member).map((m) => m.Addr).sort();
  if (addrs.length > 0) lines.push('  Manager Addresses:', ...addrs.map((a) => `   ${a}`));
  return lines;
}
