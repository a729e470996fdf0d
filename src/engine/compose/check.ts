/** Schema checks on the tree. A failed check raises ComposeFailure, which load() turns into a returned error (never escapes). */
import { additionalProperty, mustBe } from './schema';
import { typeOf, type Tree } from './tree';
import type { ComposeError, SourcePos } from './types';

export class ComposeFailure {
  constructor(readonly error: ComposeError) {}
}

export function schemaFail(message: string, pos: SourcePos): never {
  throw new ComposeFailure({ kind: 'schema', message, line: pos.line, col: pos.col });
}

export function projectFail(message: string, pos: SourcePos = { line: 1, col: 1 }): never {
  throw new ComposeFailure({ kind: 'project', message: `${message}: invalid compose project`, line: pos.line, col: pos.col });
}

/** The node must be one of these JSON schema types. */
export function expectType(t: Tree, path: string[], ...types: string[]): void {
  const actual = typeOf(t);
  if (types.includes(actual) || (actual === 'integer' && types.includes('number'))) return;
  schemaFail(mustBe(path, ...types), t.pos);
}

/** A mapping whose keys must be in `allowed` (or start with x-). */
export function expectKeys(t: Tree, path: string[], allowed: string[]): void {
  expectType(t, path, 'object');
  if (t.kind !== 'map') return;
  for (const e of t.entries) if (!allowed.includes(e.key) && !e.key.startsWith('x-')) schemaFail(additionalProperty(path, e.key), e.pos);
}

/** A string, or a number written without quotes (YAML `ports: - 80`, `image: 3`). */
export function textOf(t: Tree, path: string[], allowNumber = false): string {
  if (t.kind === 'scalar' && typeof t.value === 'string') return t.value;
  if (allowNumber && t.kind === 'scalar' && typeof t.value === 'number') return String(t.value);
  return schemaFail(mustBe(path, ...(allowNumber ? ['number', 'string'] : ['string'])), t.pos);
}

/** A list of strings, or a single string split by `split` (command, entrypoint, depends_on as list). */
export function stringList(t: Tree, path: string[]): string[] {
  expectType(t, path, 'array');
  if (t.kind !== 'seq') return [];
  return t.items.map((i, n) => textOf(i, [...path, String(n)], true));
}
