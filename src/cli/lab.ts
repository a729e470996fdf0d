/**
 * `vethlab lab check [--solution] FILE`: grades a lab headless. The lab's folder is the
 * simulated home, as the notebook's folder is in the editor.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatOutcome, formatSummary, gradeLab } from '../labs/grade';
import { labCells, labWorld, parseLab } from '../labs/lab';
import { LIMITS, labTooLarge } from '../engine/limits';
import { openShell } from './session';

export interface LabCheckOptions {
  file: string;
  solution: boolean;
}

/** Returns the exit status (0 all passed, 1 some failed) or an error message (status 2). */
export function runLabCheck(options: LabCheckOptions, out: (text: string) => void): number | string {
  let text: string;
  try {
    text = fs.readFileSync(options.file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return `cannot read lab '${options.file}': ${code === 'ENOENT' ? 'No such file or directory' : code === 'EISDIR' ? 'Is a directory' : String(e)}`;
  }
  const tooLarge = labTooLarge(text, text.length > LIMITS.labBytes ? 0 : labCells(parseLab(text)).length);
  if (tooLarge) return `${options.file}: ${tooLarge.replace(/^vethlab: /, '')}`;
  const lab = parseLab(text);
  if (lab.frontMatter?.error) return `${options.file}: front matter: ${lab.frontMatter.error}`;
  const world = labWorld(lab);
  const shell = openShell(world, path.dirname(path.resolve(options.file)));
  if (typeof shell === 'string') return `${options.file}: ${shell}`;
  const title = lab.frontMatter?.title;
  out(`${title ? `${title} (${options.file})` : options.file}, world ${world}${options.solution ? ', with its solution' : ''}\n`);
  const report = gradeLab(lab, { world: shell.world, host: shell.host, run: (line) => shell.run(line), limitTime: (ms) => shell.limitTime(ms) }, options);
  for (const outcome of report.outcomes) out(formatOutcome(outcome));
  out(formatSummary(report));
  return report.total > 0 && report.passed === report.total ? 0 : 1;
}
