/** Times scripts in-process on fresh `bare` worlds. */
import { performance } from 'node:perf_hooks';
import { createBareWorld } from '../engine/presets';
import { Shell } from '../shell/shell';

export interface SimTiming {
  /** Median milliseconds to run the whole script once (world creation excluded). */
  medianMs: number;
  runs: number;
  failures: number;
}

export function timeScript(lines: string[], runs: number): SimTiming {
  const samples: number[] = [];
  let failures = 0;
  for (let r = 0; r < runs; r++) {
    const { world, host } = createBareWorld();
    const shell = new Shell(world, host);
    // Collect the previous run's garbage first so a run is not charged for it (node --expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    for (const line of lines) if (shell.run(line).stderr.includes('internal error')) failures++;
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)]!, runs, failures };
}
