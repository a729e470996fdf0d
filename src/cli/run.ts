/**
 * `vethlab run`: runs command lines from a script file or stdin, optionally writing a transcript.
 * Lines and transcript entries use src/shell/script.ts, the same format the oracle test
 * replays against the real kernel's recordings, so CLI transcripts diff against the goldens.
 */
import * as fs from 'node:fs';
import { scriptLines, transcriptEntry } from '../shell/script';
import type { Shell } from '../shell/shell';
import { lastTrace, traceCapture } from '../engine/view';

export interface RunOptions {
  script?: string;
  transcript?: string;
  /** Where to write the last trace's frames as pcapng once the script has run. */
  pcap?: string;
}

/** Returns the last command's exit code, or an error message when a file cannot be used. */
export async function runScript(shell: Shell, options: RunOptions): Promise<number | string> {
  let text: string;
  try {
    text = options.script === undefined ? await readStdin() : fs.readFileSync(options.script, 'utf8');
  } catch (e) {
    return `cannot read script '${options.script ?? '-'}': ${errorText(e)}`;
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
  try {
    for (const line of scriptLines(text)) status = runCommandLine(shell, line, transcript);
  } finally {
    if (transcript !== undefined) fs.closeSync(transcript);
  }
  if (options.pcap !== undefined) return writeTracePcap(shell, options.pcap) ?? status;
  return status;
}

/** `--pcap FILE`: the frames of the last trace; a script that sent nothing is told so on stderr. */
function writeTracePcap(shell: Shell, file: string): string | undefined {
  const recorded = lastTrace(shell.world);
  const capture = recorded && traceCapture(shell.world, recorded);
  if (!capture) {
    process.stderr.write(`vethlab: no packets to write to '${file}': ${recorded ? `"${recorded.label}" put no frame on a wire` : 'no command sent any'}\n`);
    return undefined;
  }
  try {
    fs.writeFileSync(file, capture.bytes);
  } catch (e) {
    return `cannot write pcap '${file}': ${errorText(e)}`;
  }
  return undefined;
}

function runCommandLine(shell: Shell, line: string, transcript: number | undefined): number {
  const result = shell.run(line);
  for (const chunk of result.chunks) (chunk.stream === 'stdout' ? process.stdout : process.stderr).write(chunk.text);
  if (transcript !== undefined) fs.writeSync(transcript, transcriptEntry(line, result));
  return result.exitCode;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function errorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'No such file or directory';
  if (code === 'EISDIR') return 'Is a directory';
  if (code === 'EACCES') return 'Permission denied';
  return e instanceof Error ? e.message : String(e);
}
