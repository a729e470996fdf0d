/** Ids the daemon makes up: 64 hex characters from the world's Rng. */
import type { World } from '../world';

export function randomHexId(world: World): string {
  let out = '';
  while (out.length < 64) out += world.rng.nextU32().toString(16).padStart(8, '0');
  return out;
}
