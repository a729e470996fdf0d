/** A docker world shell and runners shared by the storage scenarios (volumes, layers, images). */
import type { Shell } from '../../src/shell/shell';
import { ok, run, shell } from './shell.helpers';

export { ok, run };

export function dockerShell(): Shell {
  return shell('docker');
}

/** Pulls quietly so that later outputs hold only what the test is about. */
export function pulled(sh: Shell, ...images: string[]): Shell {
  for (const i of images) ok(sh, `docker pull -q ${i}`);
  return sh;
}
