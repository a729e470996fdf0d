/** The YAML document as a small tree that remembers where each value was written (1-based line/column). */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YNode } from 'yaml';
import { err, ok, type Result } from '../../common/result';
import type { ComposeError, SourcePos } from './types';
import { goYamlError } from './yaml-errors';

export type Tree =
  | { kind: 'map'; entries: Array<{ key: string; value: Tree; pos: SourcePos }>; pos: SourcePos }
  | { kind: 'seq'; items: Tree[]; pos: SourcePos }
  | { kind: 'scalar'; value: string | number | boolean | null; pos: SourcePos };

export function parseTree(text: string): Result<Tree, ComposeError> {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, merge: true });
  const first = doc.errors[0];
  if (first) return err(goYamlError(first, text, (o) => lc.linePos(o)));
  const at = (n: { range?: [number, number, number] | null } | null | undefined): SourcePos => (n?.range ? lc.linePos(n.range[0]) : { line: 1, col: 1 });
  const convert = (n: unknown, depth: number): Tree => {
    if (depth > 64) return { kind: 'scalar', value: null, pos: { line: 1, col: 1 } };
    if (isAlias(n)) return convert(n.resolve(doc as Document), depth + 1);
    if (isMap(n)) {
      const entries: Array<{ key: string; value: Tree; pos: SourcePos }> = [];
      for (const p of n.items) {
        if (!isPair(p)) continue;
        const k = p.key as YNode | null;
        const key = isScalar(k) ? String(k.value) : String(k ?? '');
        entries.push({ key, value: convert(p.value, depth + 1), pos: at(k as never) });
      }
      return { kind: 'map', entries, pos: at(n) };
    }
    if (isSeq(n)) return { kind: 'seq', items: n.items.map((i) => convert(i, depth + 1)), pos: at(n) };
    if (isScalar(n)) {
      const v = n.value;
      const value = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : v === undefined ? null : String(v);
      return { kind: 'scalar', value, pos: at(n) };
    }
    return { kind: 'scalar', value: null, pos: at(n as never) };
  };
  return ok(convert(doc.contents, 0));
}

export function entry(t: Tree, key: string): Tree | undefined {
  return t.kind === 'map' ? t.entries.find((e) => e.key === key)?.value : undefined;
}

export function scalarText(t: Tree | undefined): string | undefined {
  if (!t || t.kind !== 'scalar' || t.value === null) return undefined;
  return String(t.value);
}

/** The JSON schema's type name of a node. */
export function typeOf(t: Tree): string {
  if (t.kind === 'map') return 'object';
  if (t.kind === 'seq') return 'array';
  if (t.value === null) return 'null';
  if (typeof t.value === 'number') return Number.isInteger(t.value) ? 'integer' : 'number';
  return typeof t.value;
}
