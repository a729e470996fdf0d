/**
 * The `yaml` package's syntax errors, reworded as go-yaml (yaml.v3, a libyaml port: what Compose v2
 * parses with) prints them: `yaml: line N: MESSAGE`. go-yaml numbers scanner errors by the line the
 * problem is on, parser errors by the 0-based line of the collection being parsed (its context
 * mark) — one less than an editor shows, a quirk users see — so both rules are kept here.
 */
import type { YAMLError } from 'yaml';
import type { ComposeError } from './types';

interface GoYamlText {
  message: string;
  /** Scanner errors point at the problem; parser errors at the enclosing collection. */
  scanner: boolean;
}

function goText(e: YAMLError): GoYamlText {
  switch (e.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { message: 'mapping values are not allowed in this context', scanner: true };
    case 'TAB_AS_INDENT':
      return { message: 'found character that cannot start any token', scanner: true };
    case 'MISSING_CHAR':
      if (/quote/.test(e.message)) return { message: 'found unexpected end of stream', scanner: true };
      return { message: 'could not find expected \':\'', scanner: true };
    case 'BAD_INDENT':
      if (/Flow (sequence|mapping)/.test(e.message)) return { message: /sequence/.test(e.message) ? "did not find expected ',' or ']'" : "did not find expected ',' or '}'", scanner: false };
      return { message: 'did not find expected key', scanner: false };
    case 'DUPLICATE_KEY':
      return { message: 'DUPLICATE', scanner: true };
    case 'BAD_ALIAS':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
      return { message: 'did not find expected key', scanner: false };
    default:
      return { message: 'did not find expected node content', scanner: false };
  }
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function meaningful(line: string | undefined): line is string {
  return line !== undefined && line.trim() !== '' && !line.trimStart().startsWith('#');
}

/** 0-based line of the first item of the block collection the bad line (1-based) tried to join. */
function contextLine(lines: string[], bad: number): number {
  const badIndent = indentOf(lines[bad - 1] ?? '');
  let i = bad - 2;
  while (i >= 0 && (!meaningful(lines[i]) || indentOf(lines[i]!) > badIndent)) i--;
  if (i < 0) return 0;
  const indent = indentOf(lines[i]!);
  let start = i;
  for (let j = i - 1; j >= 0; j--) {
    if (!meaningful(lines[j])) continue;
    if (indentOf(lines[j]!) < indent) break;
    if (indentOf(lines[j]!) === indent) start = j;
  }
  return start;
}

/** The first syntax error of a document as Compose prints it. */
export function goYamlError(e: YAMLError, text: string, linePos: (offset: number) => { line: number; col: number }): ComposeError {
  const lines = text.split('\n');
  const pos = linePos(e.pos[0]);
  const t = goText(e);
  if (t.message === 'DUPLICATE') {
    const key = (lines[pos.line - 1] ?? '').trim().split(':')[0] ?? '';
    const first = lines.findIndex((l, i) => i < pos.line - 1 && indentOf(l) === indentOf(lines[pos.line - 1] ?? '') && l.trim().split(':')[0] === key);
    return { kind: 'yaml', message: `yaml: unmarshal errors:\n  line ${pos.line}: mapping key "${key}" already defined at line ${first + 1}`, line: pos.line, col: pos.col };
  }
  let line = pos.line;
  let message = t.message;
  if (!t.scanner) {
    const ctx = contextLine(lines, pos.line);
    line = ctx !== 0 ? ctx : pos.line - 1;
    // Inside a block sequence libyaml wanted another item.
    if (message === 'did not find expected key' && (lines[ctx] ?? '').trimStart().startsWith('- ')) message = "did not find expected '-' indicator";
  }
  const where = line > 0 ? `line ${line}: ` : '';
  return { kind: 'yaml', message: `yaml: ${where}${message}`, line: pos.line, col: pos.col };
}
