/** Finding and loading the project a `docker compose` command acts on (-f, -p, the folder's compose.yaml). */
import { COMPOSE_FILE_NAMES, composeErrorText, loadProject, normalizeProjectName, type ComposeProject } from '../../engine/compose';
import { resolvePath } from '../fs';
import type { ShellContext } from '../types';

export interface ComposeGlobals {
  files: string[];
  projectName?: string;
  projectDirectory?: string;
}

export type ProjectLookup = { ok: true; project: ComposeProject } | { ok: false; error: string; missingFile: boolean };

/** compose-go looks for the default names in the working directory, then in its parents. */
function findDefaultFile(sh: ShellContext, dir: string): string | undefined {
  for (let d = dir; ; d = d === '/' ? '' : d.slice(0, d.lastIndexOf('/')) || '/') {
    for (const name of COMPOSE_FILE_NAMES) {
      const path = d === '/' ? `/${name}` : `${d}/${name}`;
      if (sh.fs.read(path, sh.ns).ok) return path;
    }
    if (d === '/' || d === '') return undefined;
  }
}

export function loadComposeProject(sh: ShellContext, g: ComposeGlobals): ProjectLookup {
  const dir = g.projectDirectory ? resolvePath(sh.cwd, g.projectDirectory) : sh.cwd;
  const file = g.files.length > 0 ? resolvePath(dir, g.files[0]!) : findDefaultFile(sh, dir);
  if (file === undefined) return { ok: false, error: 'no configuration file provided: not found', missingFile: true };
  const read = sh.fs.read(file, sh.ns);
  if (!read.ok) return { ok: false, error: `open ${file}: ${read.error === 'EISDIR' ? 'is a directory' : 'no such file or directory'}`, missingFile: g.files.length === 0 };
  const loaded = loadProject({ file, text: read.data, ...(g.projectName !== undefined ? { projectName: g.projectName } : {}), env: sh.env });
  if (!loaded.ok) return { ok: false, error: composeErrorText(loaded.error, file), missingFile: false };
  return { ok: true, project: loaded.value };
}

/** The project name when no file is needed (`down -p x`, `ps`): -p, else the folder's file, else the folder. */
export function projectNameOnly(sh: ShellContext, g: ComposeGlobals): { name: string } | { error: string } {
  if (g.projectName !== undefined) return { name: g.projectName };
  const p = loadComposeProject(sh, g);
  if (p.ok) return { name: p.project.name };
  if (p.missingFile) return { error: p.error };
  return { error: p.error };
}

export { normalizeProjectName };
