/** A docker world shell and runners shared by the storage scenarios (volumes, layers, images). */
import { strict as assert } from 'node:assert';
import { createWorld } from '../../src/engine/presets';
import { Shell } from '../../src/shell/shell';

export function dockerShell(): Shell {
  const { world, host } = createWorld('docker')!;
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

/** Pulls quietly so that later outputs hold only what the test is about. */
export function pulled(sh: Shell, ...images: string[]): Shell {
  for (const i of images) ok(sh, `docker pull -q ${i}`);
  return sh;
}
