/** Opens a world preset and the learner's shell on it, with the user's files mounted read-only. */
import { createWorld, PRESETS } from '../engine/presets';
import { Shell } from '../shell/shell';
import { HOME_MOUNT, WorkingDirectoryFiles } from './realfiles';

export function openShell(worldName: string, directory: string): Shell | string {
  const handle = createWorld(worldName);
  if (!handle) return `unknown world '${worldName}' (worlds: ${PRESETS.join(', ')})`;
  return new Shell(handle.world, handle.host, { realFiles: new WorkingDirectoryFiles(directory), cwd: HOME_MOUNT });
}
