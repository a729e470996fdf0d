/** The daemon's swarm errors (moby daemon/cluster/errors.go, swarmkit), without "Error response from daemon: ". */

export const NOT_IN_SWARM_MANAGER = 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';
export const WORKER_NOT_MANAGER = "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager.";
export const ALREADY_IN_SWARM = 'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.';
export const NOT_IN_SWARM = 'This node is not part of a swarm';
export const SWARM_LOCKED = 'Swarm is encrypted and needs to be unlocked before it can be used. Please use "docker swarm unlock" to unlock it.';
export const NO_LEADER = "rpc error: code = Unknown desc = The swarm does not have a leader. It's possible that too few managers are online. Make sure more than half of the managers are online.";
export const BAD_JOIN_TOKEN = 'rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster';
export const JOIN_TIMEOUT = 'Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the "docker info" command to see the current swarm status of your node.';
export const NOT_LOCKED = 'swarm is not locked';
export const BAD_UNLOCK_KEY = 'swarm could not be unlocked: invalid key provided';
export const LEAVE_LOCKED = 'Swarm is encrypted and locked. Please unlock it first or use `--force` to ignore this message.';
export const DEMOTE_LAST = 'rpc error: code = FailedPrecondition desc = attempting to demote the last manager of the swarm';
export const DEMOTE_QUORUM = "rpc error: code = FailedPrecondition desc = can't remove member from the raft: this would result in a loss of quorum";

export function leaveManagerMessage(reachable: number, unreachable: number): string {
  let msg = 'You are attempting to leave the swarm on a node that is participating as a manager. ';
  if (reachable - 2 <= unreachable) {
    if (reachable === 1 && unreachable === 0) return msg + 'Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. ';
    msg += `Removing this node leaves ${reachable - 1} managers out of ${reachable + unreachable}. Without a Raft quorum your swarm will be inaccessible. `;
  }
  return msg + 'The only way to restore a swarm that has lost consensus is to reinitialize it with `--force-new-cluster`. Use `--force` to suppress this message.';
}

export function multipleAddresses(a: { addr: string; dev: string }, b: { addr: string; dev: string }): string {
  const why = a.dev === b.dev ? `multiple addresses on interface ${a.dev} (${a.addr} and ${b.addr})` : `multiple addresses on different interfaces (${a.addr} on ${a.dev} and ${b.addr} on ${b.dev})`;
  return `could not choose an IP address to advertise since this system has ${why} - specify one with --advertise-addr`;
}

export const nodeNotDown = (ref: string) => `rpc error: code = FailedPrecondition desc = node ${ref} is not down and can't be removed`;
export const nodeIsManager = (ref: string) => `rpc error: code = FailedPrecondition desc = node ${ref} is a cluster manager and is a member of the raft cluster. It must be demoted to worker before removal`;
export const noSuchNode = (ref: string) => `node ${ref} not found`;
export const noSuchService = (ref: string) => `service ${ref} not found`;
