/** Times scripts in-process on fresh `bare` worlds: the first (cold) run, then the median after JIT warm-up. */
import { performance } from 'node:perf_hooks';
import { createBareWorld } from '../src/engine/presets';
import { Shell } from '../src/shell/shell';

export interface SimTiming {
  /** Median milliseconds to run the whole script once after warm-up (world creation excluded). */
  medianMs: number;
  /** The very first run, before the JIT has seen the code. */
  coldMs: number;
  runs: number;
  failures: number;
}

function runOnce(lines: string[]): { ms: number; failures: number } {
  const { world, host } = createBareWorld();
  const shell = new Shell(world, host);
  let failures = 0;
  const start = performance.now();
  for (const line of lines) if (shell.run(line).stderr.includes('internal error')) failures++;
  return { ms: performance.now() - start, failures };
}

export function timeScript(lines: string[], runs: number, warmup = runs): SimTiming {
  const cold = runOnce(lines);
  for (let i = 1; i < warmup; i++) runOnce(lines);
  const samples: number[] = [];
  let failures = cold.failures;
  for (let r = 0; r < runs; r++) {
    const run = runOnce(lines);
    samples.push(run.ms);
    failures += run.failures;
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)]!, coldMs: cold.ms, runs, failures };
}
