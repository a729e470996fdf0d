/** Shared test fixtures: a fresh bare world with a shell, and a runner that returns each result. */
import { createBareWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';

export function bareShell(): Shell {
  const { world, host } = createBareWorld();
  return new Shell(world, host);
}

export function runAll(shell: Shell, lines: string[]): { stdout: string; stderr: string; exitCode: number }[] {
  return lines.map((l) => shell.run(l));
}

/** Output must never leak JavaScript internals. */
export const LEAKS = /undefined|NaN|\[object Object\]|at .*\(.*\.ts:\d+|TypeError|ReferenceError/;
