/**
 * Shell scripts as Vethlab runs them: one entry per command line, `#` comment lines and blank lines
 * skipped, `\` continuations joined, and a command that needs more lines (a here-document, an open
 * quote or `$(`, `if … fi`, `for … done`, `{ … }`, a trailing `&&` or `|`) kept whole with its newlines.
 */
import { isIncomplete } from './parse/parser';

export function scriptLines(text: string): string[] {
  const lines: string[] = [];
  let pending = '';
  let multi = '';
  const raws = text.split(/\r?\n/);
  for (const raw of raws) {
    if (multi) {
      multi += '\n' + raw;
      if (!isIncomplete(multi)) {
        lines.push(multi.trimEnd());
        multi = '';
      }
      continue;
    }
    if (raw.endsWith('\\') && !raw.endsWith('\\\\')) {
      pending += raw.slice(0, -1);
      continue;
    }
    const line = (pending + raw).trim();
    pending = '';
    if (line === '' || line.startsWith('#')) continue;
    if (isIncomplete(line)) multi = line;
    else lines.push(line);
  }
  if (pending.trim()) lines.push(pending.trim());
  if (multi) lines.push(multi.trimEnd());
  return lines;
}

/** One transcript entry: `$ cmd`, stdout, stderr, `[exit N]`, blank line (ARCHITECTURE.md). */
export function transcriptEntry(line: string, result: { stdout: string; stderr: string; exitCode: number }): string {
  return `$ ${line}\n${result.stdout}${result.stderr}[exit ${result.exitCode}]\n\n`;
}
