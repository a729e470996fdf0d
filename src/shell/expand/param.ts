/**
 * What `${NAME<op>…}` gives (bash manual 3.5.3), as pieces of text that remember whether they
 * were quoted: unquoted pieces are split into fields and globbed afterwards (fields.ts).
 */
import type { ParamOp, Word, WordPart } from '../parse/ast';
import type { GlobToken } from '../glob';
import { ExpansionError } from './error';
import { matches, replace, trim } from './pattern';

/** Text from an expansion; `quoted` pieces are neither split nor globbed; `br` starts a new field ("$@"). */
export type Piece = { text: string; quoted: boolean; glob?: boolean } | { br: true };

/** What parameter expansion needs from the shell. */
export interface ParamScope {
  /** A parameter's value; undefined when it is unset. */
  lookup(name: string): string | undefined;
  /** `set -u`: expanding an unset parameter is an error. */
  nounset(): boolean;
  /** $1 … $N. */
  positional(): string[];
  assign(name: string, value: string): void;
  /** A word's pieces (quoted when the `${…}` was). */
  pieces(word: Word, quoted: boolean): Piece[];
  /** A word as one string, no splitting. */
  text(word: Word): string;
  /** A pattern word: its active glob syntax and its literal text. */
  pattern(word: Word): GlobToken[];
  /** `$((…))` of an expanded expression. */
  arith(expr: string): bigint;
}

type Param = Extract<WordPart, { kind: 'param' }>;

export function paramPieces(p: Param, scope: ParamScope, outerQuoted: boolean): Piece[] {
  const quoted = outerQuoted || p.quoted === true;
  const pieces = opPieces(p, scope, quoted);
  // "${x:+y}" with x unset is still an (empty) word, so is "$*"; "$@" and "${@…}" without parameters are none.
  const none = p.name === '@' && scope.positional().length === 0;
  return quoted && pieces.length === 0 && !none ? [{ text: '', quoted }] : pieces;
}

function opPieces(p: Param, scope: ParamScope, quoted: boolean): Piece[] {
  const str = (text: string): Piece[] => [{ text, quoted }];
  const op = p.op;
  const list = p.name === '@' || p.name === '*';
  const value = list ? (scope.positional().length > 0 ? scope.positional().join(' ') : undefined) : scope.lookup(p.name);
  // `set -u`: an unset parameter fails, except where a default or a test asks for it.
  const tests = op && (op.kind === 'default' || op.kind === 'assign' || op.kind === 'alternate' || op.kind === 'error' || op.kind === 'bad');
  if (value === undefined && !list && !tests && scope.nounset()) throw new ExpansionError(`${/^\d+$/.test(p.name) ? '$' + p.name : p.name}: unbound variable`);
  const own = (): Piece[] => (list ? positionalPieces(p.name, scope.positional(), quoted, scope.lookup('IFS')) : str(value ?? ''));
  if (!op) return own();
  switch (op.kind) {
    case 'bad':
      throw new ExpansionError(`${op.text}: bad substitution`);
    case 'length':
      return str(String(list ? scope.positional().length : [...(value ?? '')].length));
    case 'indirect':
      return str(indirect(p.name, value, scope));
    case 'default':
    case 'assign':
    case 'alternate':
    case 'error': {
      const missing = value === undefined || (op.colon && value === '');
      if (op.kind === 'alternate') return missing ? [] : scope.pieces(op.word, quoted);
      if (!missing) return own();
      if (op.kind === 'default') return scope.pieces(op.word, quoted);
      if (op.kind === 'error') {
        const message = scope.text(op.word);
        throw new ExpansionError(`${p.name}: ${message || (op.colon ? 'parameter null or not set' : 'parameter not set')}`);
      }
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(p.name)) throw new ExpansionError(`$${p.name}: cannot assign in this way`);
      const assigned = scope.text(op.word);
      scope.assign(p.name, assigned);
      return str(assigned);
    }
    case 'trim':
      return str(trim(value ?? '', scope.pattern(op.pattern), op.suffix, op.longest));
    case 'replace':
      return str(replace(value ?? '', scope.pattern(op.pattern), op.mode, replacer(op.replacement, scope)));
    case 'case':
      return str(changeCase(value ?? '', op, scope));
    case 'slice':
      return str(slice(value ?? '', op, scope));
  }
}

/** `$@` and `$*`: quoted "$@" is one field per parameter, quoted "$*" one field joined by IFS's first character. */
function positionalPieces(name: string, args: string[], quoted: boolean, ifs = ' '): Piece[] {
  if (quoted && name === '*') return [{ text: args.join(ifs.slice(0, 1)), quoted }];
  // Unquoted, each parameter is a field of its own before it is split in turn.
  return args.flatMap((text, k): Piece[] => (k === 0 ? [{ text, quoted }] : [{ br: true }, { text, quoted }]));
}

/** `${!x}`: the value of the parameter x names. */
function indirect(name: string, value: string | undefined, scope: ParamScope): string {
  if (value === undefined || !/^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$!#@*-])$/.test(value)) throw new ExpansionError(`${name}: invalid indirect expansion`);
  return scope.lookup(value) ?? '';
}

/**
 * bash 5.2's patsub_replacement: an `&` in the replacement is the matched text, `\&` a plain `&`;
 * a quoted `&` ('&', "&") stays. The replacement is read as if unquoted (parse/param.ts).
 */
function replacer(word: Word, scope: ParamScope): (match: string) => string {
  const active = word.parts.some((part) => part.kind === 'lit' && part.bare && part.text.includes('&'));
  if (!active) {
    const text = scope.text(word);
    return () => text;
  }
  return (match) =>
    word.parts
      .map((part) => {
        if (part.kind !== 'lit' || !part.bare) return scope.text({ parts: [part] });
        return part.text.replace(/\\&|&/g, (m) => (m === '&' ? match : '&'));
      })
      .join('');
}

/** `${x:off}` `${x:off:len}`: a negative offset counts from the end, a negative length too. */
function slice(value: string, op: Extract<ParamOp, { kind: 'slice' }>, scope: ParamScope): string {
  const chars = [...value];
  const n = chars.length;
  const offsetValue = Number(scope.arith(scope.text(op.offset)));
  const start = offsetValue < 0 ? n + offsetValue : offsetValue;
  if (start < 0 || start > n) return '';
  if (!op.length) return chars.slice(start).join('');
  const lengthText = scope.text(op.length);
  const length = Number(scope.arith(lengthText));
  const end = length < 0 ? n + length : start + length;
  if (end < start) throw new ExpansionError(`${lengthText.trim()}: substring expression < 0`);
  return chars.slice(start, end).join('');
}

/** `${x^}` upper-cases the first character, `${x^^}` all; `,` lower-cases; a pattern limits which characters change. */
function changeCase(value: string, op: Extract<ParamOp, { kind: 'case' }>, scope: ParamScope): string {
  const tokens = scope.pattern(op.pattern);
  const any = tokens.length === 0;
  const chars = [...value];
  return chars
    .map((c, k) => {
      if ((!op.all && k > 0) || (!any && !matches(tokens, c))) return c;
      return op.upper ? c.toUpperCase() : c.toLowerCase();
    })
    .join('');
}
