/** What the topology view says about a host's swarm membership (a detail line of its box). */
import type { World } from '../world';
import type { Host } from '../net/types';
import { managerStatus, nodeUp } from './quorum';
import { membershipOf } from './state';

export function swarmHostDetails(world: World, host: Host): Array<[string, string]> {
  const member = membershipOf(world, host);
  if (!member) return [];
  const { cluster, node } = member;
  const status = managerStatus(world, cluster, node);
  const tasks = cluster.tasks.filter((t) => t.nodeId === node.id && t.desired === 'running').length;
  const role = node.role === 'manager' ? `manager (${status})` : 'worker';
  const locked = cluster.lockedHosts.includes(host.id) ? ', locked' : '';
  return [['swarm', `${role}, ${nodeUp(world, node) ? 'Ready' : 'Down'}, ${node.availability}${locked}, ${tasks} task${tasks === 1 ? '' : 's'}`]];
}
