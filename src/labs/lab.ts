/**
 * A lab file (`NAME.lab.md`): optional YAML front matter (title, world), prose, and fenced
 * cells: `sh`/`bash`/`shell` run commands, `check` states what must hold in the world.
 * Parsing is lossless: `serializeLab(parseLab(text)) === text` for any text.
 */
import { parse as parseYaml } from 'yaml';
import { fenceCode, lineContent, scanBlocks, splitLines, type FenceBlock } from './markdown';

export type CellKind = 'shell' | 'check';

export const SHELL_LANGS = new Set(['sh', 'bash', 'shell']);

export interface FrontMatter {
  /** The whole block, both `---` lines included, byte for byte. */
  raw: string;
  title?: string;
  world?: string;
  /** Why the YAML could not be read, if it could not (the lab still opens). */
  error?: string;
}

export type LabSegment =
  | { kind: 'prose'; text: string }
  | ({ kind: 'cell'; cell: CellKind; code: string } & FenceBlock);

export interface Lab {
  frontMatter: FrontMatter | null;
  segments: LabSegment[];
}

export type LabCell = Extract<LabSegment, { kind: 'cell' }>;

export const DEFAULT_LAB_WORLD = 'bare';

export function parseLab(text: string): Lab {
  const frontMatter = readFrontMatter(text);
  const rest = frontMatter ? text.slice(frontMatter.raw.length) : text;
  const segments: LabSegment[] = scanBlocks(rest).map((block) => {
    if (block.kind === 'text') return { kind: 'prose', text: block.text };
    const cell = cellKind(block.lang);
    const fence = { open: block.open, body: block.body, close: block.close, lang: block.lang, indent: block.indent };
    if (!cell) return { kind: 'prose', text: block.open + block.body + block.close };
    return { kind: 'cell', cell, code: fenceCode(fence), ...fence };
  });
  return { frontMatter, segments: mergeProse(segments) };
}

export function serializeLab(lab: Lab): string {
  return (lab.frontMatter?.raw ?? '') + lab.segments.map(segmentText).join('');
}

export function segmentText(segment: LabSegment): string {
  return segment.kind === 'prose' ? segment.text : segment.open + segment.body + segment.close;
}

export function labCells(lab: Lab): LabCell[] {
  return lab.segments.filter((s): s is LabCell => s.kind === 'cell');
}

export function labWorld(lab: Lab): string {
  return lab.frontMatter?.world ?? DEFAULT_LAB_WORLD;
}

export function cellKind(lang: string): CellKind | undefined {
  if (SHELL_LANGS.has(lang)) return 'shell';
  if (lang === 'check') return 'check';
  return undefined;
}

/** Front matter: a first line `---`, YAML, and a line `---` or `...`; otherwise there is none. */
export function readFrontMatter(text: string): FrontMatter | null {
  const lines = splitLines(text);
  if (lines.length === 0 || lineContent(lines[0]!).trimEnd() !== '---' || !/\n$/.test(lines[0]!)) return null;
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(lineContent(line)));
  if (end < 0) return null;
  const raw = lines.slice(0, end + 1).join('');
  const yaml = lines.slice(1, end).join('');
  const matter: FrontMatter = { raw };
  try {
    const data: unknown = parseYaml(yaml);
    if (data !== null && data !== undefined && typeof data !== 'object') return { raw, error: 'front matter is not a mapping' };
    const record = (data ?? {}) as Record<string, unknown>;
    if (record['title'] !== undefined) matter.title = String(record['title']);
    if (record['world'] !== undefined) matter.world = String(record['world']);
  } catch (e) {
    matter.error = e instanceof Error ? e.message.split('\n')[0]! : String(e);
  }
  return matter;
}

/** Non-cell fences join the prose around them: one prose segment between two cells. */
function mergeProse(segments: LabSegment[]): LabSegment[] {
  const merged: LabSegment[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (segment.kind === 'prose' && last?.kind === 'prose') last.text += segment.text;
    else merged.push(segment);
  }
  return merged;
}
