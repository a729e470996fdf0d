/**
 * The simulator side of the extension (engine-side.ts), loaded the first time a registration needs
 * it: activation only registers, so it does not pay for compiling and initialising the simulator.
 * The Node build turns this require into one of dist/engine.js (scripts/build.mjs); the web build
 * keeps one bundle, where esbuild makes the required modules initialise on this first call.
 */
import type * as EngineSide from './engine-side';

let loaded: typeof EngineSide | undefined;

export function engine(): typeof EngineSide {
  loaded ??= require('./engine-side') as typeof EngineSide;
  return loaded;
}
