/**
 * The hosts a learner works on: every Linux host of the world (`host` in the bare and docker
 * worlds, node1…nodeN in multi-host), except the bare world's stand-in for "another machine on
 * the LAN", which is scenery like the router.
 */
import type { World } from '../world';
import type { Host } from '../net/types';

const SCENERY = new Set(['lanhost']);

export function learnerHosts(world: World): Host[] {
  return Object.values(world.state.hosts)
    .filter((h) => h.role === 'linux' && !SCENERY.has(h.name))
    .sort((a, b) => a.id - b.id);
}
