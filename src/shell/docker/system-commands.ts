/** The storage subcommands' entries in the docker dispatcher (top level and `docker container|image …`). */
import type { CommandResult } from '../types';
import type { DockerCtx } from './context';
import { dockerCommit } from './commit';
import { dockerCp } from './cp';
import { dockerDiff } from './diff';
import { dockerHistory } from './history';
import { dockerImagePrune } from './prune-images';
import { dockerPush } from './push';
import { dockerExport, dockerImport, dockerLoad, dockerSave } from './save';
import { dockerSystem } from './system';

type Sub = (d: DockerCtx, argv: string[]) => CommandResult;

export function dockerStorageSubcommands(): Record<string, Sub> {
  return { commit: dockerCommit, cp: dockerCp, diff: dockerDiff, history: dockerHistory, 'image-prune': dockerImagePrune, push: dockerPush, save: dockerSave, load: dockerLoad, export: dockerExport, import: dockerImport, system: dockerSystem };
}

export const CONTAINER_STORAGE_ALIASES: Record<string, string> = { commit: 'commit', cp: 'cp', diff: 'diff', export: 'export' };
export const IMAGE_STORAGE_ALIASES: Record<string, string> = { build: 'build', history: 'history', import: 'import', load: 'load', prune: 'image-prune', push: 'push', save: 'save' };
