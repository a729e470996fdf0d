/** `vethlab run`: runs command lines from a script file or stdin, optionally writing a transcript. */
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import type { Shell } from '../shell/shell';
import { CommandAssembler, commandLines } from './script';
import { transcriptEntry } from './transcript';

export interface RunOptions {
  script?: string;
  transcript?: string;
}

/** Returns the last command's exit code, or an error message when a file cannot be used. */
export async function runScript(shell: Shell, options: RunOptions): Promise<number | string> {
  let text: string | undefined;
  if (options.script !== undefined) {
    try {
      text = fs.readFileSync(options.script, 'utf8');
    } catch (e) {
      return `cannot read script '${options.script}': ${errorText(e)}`;
    }
  }
  let transcript: number | undefined;
  if (options.transcript !== undefined) {
    try {
      transcript = fs.openSync(options.transcript, 'w');
    } catch (e) {
      return `cannot write transcript '${options.transcript}': ${errorText(e)}`;
    }
  }
  let status = 0;
  const runOne = (line: string) => {
    status = runCommandLine(shell, line, transcript);
  };
  try {
    if (text !== undefined) commandLines(text).forEach(runOne);
    else await forEachStdinCommand(runOne);
  } finally {
    if (transcript !== undefined) fs.closeSync(transcript);
  }
  return status;
}

function runCommandLine(shell: Shell, line: string, transcript: number | undefined): number {
  const result = shell.run(line);
  for (const chunk of result.chunks) (chunk.stream === 'stdout' ? process.stdout : process.stderr).write(chunk.text);
  if (transcript !== undefined) fs.writeSync(transcript, transcriptEntry(line, result));
  return result.exitCode;
}

/** Runs each command as soon as its line arrives, so piping into `vethlab run` is interactive. */
async function forEachStdinCommand(run: (line: string) => void): Promise<void> {
  const assembler = new CommandAssembler();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  for await (const line of lines) {
    const command = assembler.push(line);
    if (command !== undefined) run(command);
  }
  const last = assembler.finish();
  if (last !== undefined) run(last);
}

function errorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'No such file or directory';
  if (code === 'EISDIR') return 'Is a directory';
  if (code === 'EACCES') return 'Permission denied';
  return e instanceof Error ? e.message : String(e);
}
