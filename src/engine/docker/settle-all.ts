/** Every daemon of the world catches up with the clock, before a command (any command) looks at the world. */
import type { World } from '../world';
import { settle } from './containers';
import { allDaemons } from './daemon';

export function settleAll(world: World): void {
  for (const daemon of allDaemons(world)) settle(world, world.host(daemon.hostId), daemon);
}
