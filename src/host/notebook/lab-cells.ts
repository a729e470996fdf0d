/**
 * A lab file as notebook cells and back, byte for byte when nothing was edited. Pure (no
 * vscode import): the serializer adapter only converts these plain objects.
 *
 * Each cell remembers, in its metadata (never in the user's prose), the exact text it came
 * from; a cell whose value is unchanged is written back from that text. Blank lines between
 * cells ride on the cell before them; front matter lives in the notebook's metadata.
 */
import { parseLab, segmentText, type CellKind } from '../../labs/lab';
import { lineEnding, splitLines } from '../../labs/markdown';

import { CHECK_LANGUAGE, SHELL_LANGUAGE } from '../contributions';

export { CHECK_LANGUAGE, SHELL_LANGUAGE };

export interface CellOrigin {
  /** The cell's exact text in the file. */
  raw: string;
  /** The value the cell had when read (if it still has it, `raw` is written back). */
  value: string;
  language: string;
  /** Blank text after the cell, up to the next one. */
  after: string;
  eol: '\n' | '\r\n';
  /** Markup: the whitespace after the prose. Code: the fences and indent. */
  trail: string;
  open?: string;
  close?: string;
  indent?: number;
}

export interface LabCellData {
  kind: 'markup' | 'code';
  language: string;
  value: string;
  metadata?: { vethlab?: CellOrigin };
}

export interface LabNotebookMeta {
  /** Front matter, byte for byte ('' when none), and blank text before the first cell. */
  frontMatter: string;
  lead: string;
  title?: string;
  world?: string;
}

export interface LabNotebookData {
  cells: LabCellData[];
  metadata: { vethlab: LabNotebookMeta };
}

export function languageOf(kind: CellKind): string {
  return kind === 'check' ? CHECK_LANGUAGE : SHELL_LANGUAGE;
}

export function labToNotebook(text: string): LabNotebookData {
  const lab = parseLab(text);
  const meta: LabNotebookMeta = { frontMatter: lab.frontMatter?.raw ?? '', lead: '' };
  if (lab.frontMatter?.title !== undefined) meta.title = lab.frontMatter.title;
  if (lab.frontMatter?.world !== undefined) meta.world = lab.frontMatter.world;
  const cells: LabCellData[] = [];
  for (const segment of lab.segments) {
    const raw = segmentText(segment);
    const last = cells[cells.length - 1];
    if (segment.kind === 'prose' && raw.trim() === '') {
      if (last) last.metadata!.vethlab!.after += raw;
      else meta.lead += raw;
      continue;
    }
    const eol = lineEnding(raw);
    if (segment.kind === 'cell') {
      const language = languageOf(segment.cell);
      const origin: CellOrigin = { raw, value: segment.code, language, after: '', eol, trail: '', open: segment.open, close: segment.close, indent: segment.indent };
      cells.push({ kind: 'code', language, value: segment.code, metadata: { vethlab: origin } });
      continue;
    }
    // Blank lines before the prose belong to the gap after the previous cell.
    const lead = /^(?:[ \t]*\r?\n)*/.exec(raw)![0];
    if (last) last.metadata!.vethlab!.after += lead;
    else meta.lead += lead;
    const own = raw.slice(lead.length);
    const trail = /\s*$/.exec(own)![0];
    const value = own.slice(0, own.length - trail.length).replace(/\r\n/g, '\n');
    cells.push({ kind: 'markup', language: 'markdown', value, metadata: { vethlab: { raw: own, value, language: 'markdown', after: '', eol, trail } } });
  }
  return { cells, metadata: { vethlab: meta } };
}

export function notebookToLab(data: { cells: readonly LabCellData[]; metadata?: { vethlab?: LabNotebookMeta } | undefined }): string {
  const meta = data.metadata?.vethlab;
  let out = (meta?.frontMatter ?? '') + (meta?.lead ?? '');
  let separate = false;
  for (const cell of data.cells) {
    const origin = cell.metadata?.vethlab;
    if (separate || !origin) out = withBlankLine(out);
    out += cellText(cell, origin) + (origin?.after ?? '');
    separate = !origin;
  }
  return out;
}

function cellText(cell: LabCellData, origin: CellOrigin | undefined): string {
  if (origin && origin.language === cell.language && origin.value === cell.value) return origin.raw;
  const eol = origin?.eol ?? '\n';
  const lines = (text: string) => text.replace(/\r?\n/g, eol);
  if (cell.kind === 'markup') return origin ? lines(cell.value) + (origin.trail || eol) : lines(cell.value) + eol;
  const indent = ' '.repeat(origin?.indent ?? 0);
  const body = cell.value === '' ? '' : splitLines(cell.value + '\n').map((l) => indent + l).join('');
  if (origin && origin.language === cell.language && origin.open !== undefined) {
    // An opening line at the end of the file has no line end: the edited body starts on a line of its own.
    const open = /\n$/.test(origin.open) || body === '' ? origin.open : origin.open + eol;
    return open + lines(body) + (origin.close || `${indent}${fenceMarker(origin.open)}`);
  }
  const fence = cell.language === CHECK_LANGUAGE ? 'check' : 'sh';
  return lines(`\`\`\`${fence}\n${body}\`\`\`\n`);
}

/** The marker (``` or ~~~...) an opening fence line uses, to close a fence that had no closing line. */
function fenceMarker(open: string): string {
  return /(`{3,}|~{3,})/.exec(open)?.[1] ?? '```';
}

function withBlankLine(out: string): string {
  if (out === '' || out.endsWith('\n\n') || out.endsWith('\r\n\r\n')) return out;
  const eol = lineEnding(out);
  return out.endsWith('\n') ? out + eol : out + eol + eol;
}
