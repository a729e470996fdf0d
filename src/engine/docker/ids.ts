/** Ids the daemon makes up: 64 hex characters from the world's Rng. */
import type { World } from '../world';

/** Two hex digits per byte value: an id is 32 table reads, not 8 number-to-string conversions. */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function randomHexId(world: World): string {
  let out = '';
  for (let i = 0; i < 8; i++) {
    const v = world.rng.nextU32();
    out += HEX[v >>> 24]! + HEX[(v >>> 16) & 0xff]! + HEX[(v >>> 8) & 0xff]! + HEX[v & 0xff]!;
  }
  return out;
}
