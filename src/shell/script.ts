/** Shell scripts as Vethlab runs them: one command per line, `#` comments, `\` continuations. */
export function scriptLines(text: string): string[] {
  const lines: string[] = [];
  let pending = '';
  for (const raw of text.split(/\r?\n/)) {
    if (raw.endsWith('\\') && !raw.endsWith('\\\\')) {
      pending += raw.slice(0, -1);
      continue;
    }
    const line = (pending + raw).trim();
    pending = '';
    if (line === '' || line.startsWith('#')) continue;
    lines.push(line);
  }
  if (pending.trim()) lines.push(pending.trim());
  return lines;
}

/** One transcript entry: `$ cmd`, stdout, stderr, `[exit N]`, blank line (ARCHITECTURE.md). */
export function transcriptEntry(line: string, result: { stdout: string; stderr: string; exitCode: number }): string {
  return `$ ${line}\n${result.stdout}${result.stderr}[exit ${result.exitCode}]\n\n`;
}
