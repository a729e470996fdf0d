/**
 * Turns script lines into command lines: skips blank lines and `#` comments, joins a line
 * ending in an odd number of backslashes with the next one (the backslash-newline is removed,
 * as bash does). Pure, so files and stdin (line by line, as it arrives) share it.
 */
export class CommandAssembler {
  private pending: string | undefined;

  /** Feeds one line (without its newline); returns a complete command line, if one ended here. */
  push(rawLine: string): string | undefined {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const joined = this.pending === undefined ? line : this.pending + line;
    if (this.pending === undefined && isSkipped(line)) return undefined;
    if (endsWithContinuation(joined)) {
      this.pending = joined.slice(0, -1);
      return undefined;
    }
    this.pending = undefined;
    return joined;
  }

  /** At the end of input: a command whose last line ended in a backslash. */
  finish(): string | undefined {
    const rest = this.pending;
    this.pending = undefined;
    return rest === undefined || isSkipped(rest) ? undefined : rest;
  }
}

/** All command lines of a whole script text. */
export function commandLines(text: string): string[] {
  const assembler = new CommandAssembler();
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const commands: string[] = [];
  for (const line of lines) {
    const command = assembler.push(line);
    if (command !== undefined) commands.push(command);
  }
  const last = assembler.finish();
  if (last !== undefined) commands.push(last);
  return commands;
}

function isSkipped(line: string): boolean {
  const trimmed = line.trimStart();
  return trimmed === '' || trimmed.startsWith('#');
}

function endsWithContinuation(line: string): boolean {
  const backslashes = line.length - line.replace(/\\+$/, '').length;
  return backslashes % 2 === 1;
}
