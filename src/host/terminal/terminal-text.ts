/** Shell output as terminal text: CRLF line ends, stderr in red. Pure. */
import type { Chunk } from '../../shell/shell';

const RED = '\x1b[31m';
const RESET = '\x1b[0m';

/** xterm needs CR LF; a bare LF only moves down. Existing CR LF pairs are kept. */
export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

export function chunkText(chunk: Chunk): string {
  const text = toCrlf(chunk.text);
  if (chunk.stream === 'stdout' || text === '') return text;
  // Colour each line separately so a reset always precedes the line end.
  return text.replace(/[^\r\n]+/g, (line) => RED + line + RESET);
}
