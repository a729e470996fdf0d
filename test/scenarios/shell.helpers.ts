/** A shell on a fresh world preset and runners shared by the scenario tests. */
import { strict as assert } from 'node:assert';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';

export function shell(preset = 'docker'): Shell {
  const { world, host } = createWorld(preset)!;
  return new Shell(world, host);
}

export function run(sh: Shell, line: string) {
  const r = sh.run(line);
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

export function ok(sh: Shell, line: string): string {
  const r = run(sh, line);
  assert.equal(r.exitCode, 0, `${line}: ${r.stderr}`);
  return r.stdout;
}
