/**
 * The few Markdown block rules a lab needs, kept lossless: front matter, and top-level fenced
 * code blocks (CommonMark: up to 3 spaces of indent, ``` or ~~~, closed by the same character
 * at least as long). Every byte of the input lands in exactly one segment, so joining the
 * segments gives the file back.
 */

export interface FenceBlock {
  /** The opening fence line with its line ending, e.g. "```sh\n". */
  open: string;
  /** The lines between the fences, raw (line endings included). */
  body: string;
  /** The closing fence line with its line ending, or '' when the fence runs to the end of the file. */
  close: string;
  /** The info string's first word, lowercased ("sh", "check", "" when none). */
  lang: string;
  /** Spaces before the opening fence (CommonMark strips up to this many from body lines). */
  indent: number;
}

export type Block = { kind: 'text'; text: string } | ({ kind: 'fence' } & FenceBlock);

/** Lines with their endings ("a\r\n", "b\n", "c"): joining them gives the text back. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The line without its ending ("\n" or "\r\n"). */
export function lineContent(line: string): string {
  return line.replace(/\r?\n$/, '');
}

const OPEN_FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/** Splits Markdown into text and fenced code blocks, in order; text between fences is kept whole. */
export function scanBlocks(text: string): Block[] {
  const lines = splitLines(text);
  const blocks: Block[] = [];
  let pending = '';
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN_FENCE.exec(lineContent(lines[i]!));
    if (!open || (open[2]![0] === '`' && open[3]!.includes('`'))) {
      pending += lines[i];
      continue;
    }
    const marker = open[2]!;
    const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lineContent(lines[end]!))) end++;
    if (pending) blocks.push({ kind: 'text', text: pending });
    pending = '';
    blocks.push({
      kind: 'fence',
      open: lines[i]!,
      body: lines.slice(i + 1, end).join(''),
      close: lines[end] ?? '',
      lang: (open[3]!.trim().split(/\s+/)[0] ?? '').toLowerCase(),
      indent: open[1]!.length,
    });
    i = end;
  }
  if (pending) blocks.push({ kind: 'text', text: pending });
  return blocks;
}

/** The code inside a fence as a reader sees it: the fence's indent removed, "\n" line ends, no final newline. */
export function fenceCode(fence: FenceBlock): string {
  const strip = new RegExp(`^ {0,${fence.indent}}`);
  return splitLines(fence.body)
    .map((line) => lineContent(line).replace(strip, ''))
    .join('\n');
}

/** The line ending a block uses (the first one it has), "\n" by default. */
export function lineEnding(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}
