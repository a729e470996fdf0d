/**
 * One transcript entry, in the format test/oracle/record.sh writes for the real kernel:
 * `$ <command line>`, stdout, stderr, `[exit N]`, an empty line. Output is kept byte for byte
 * (no newline is added when a command's output lacks one), so goldens compare exactly.
 */
import type { CommandResult } from '../shell/types';

export function transcriptEntry(commandLine: string, result: CommandResult): string {
  return `$ ${commandLine}\n${result.stdout}${result.stderr}[exit ${result.exitCode}]\n\n`;
}
