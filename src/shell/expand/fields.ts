/**
 * A word's expansions in bash's order (manual 3.5): parameters, command substitution and
 * arithmetic give pieces of text; unquoted pieces are split on blanks into fields, an unquoted
 * empty expansion gives no field; then pathname expansion of fields with an active `*`, `?` or
 * `[…]` (glob.ts). Brace and tilde expansion happen earlier, when the word is read (parse/).
 */
import type { Word, WordPart } from '../parse/ast';
import { expandGlob, globTokens, hasGlob, type GlobToken } from '../glob';
import { paramPieces, type ParamScope, type Piece } from './param';

/** What a word's expansion needs from the shell it runs in. */
export interface WordScope extends Omit<ParamScope, 'pieces' | 'text' | 'pattern'> {
  /** `$(…)`: the command's output without trailing newlines. */
  substitute(source: string): string;
  /** `$((…))` of an expression still to expand. */
  arithWord(expr: string): string;
  /** Checks a word's length (the limit on one word). */
  capped(text: string): string;
}

export class WordExpander implements ParamScope {
  constructor(private readonly scope: WordScope) {}

  lookup(name: string): string | undefined {
    return this.scope.lookup(name);
  }
  positional(): string[] {
    return this.scope.positional();
  }
  nounset(): boolean {
    return this.scope.nounset();
  }
  assign(name: string, value: string): void {
    this.scope.assign(name, value);
  }
  arith(expr: string): bigint {
    return this.scope.arith(expr);
  }

  /** A word as one string (assignments, redirection targets, here-documents, case words): no splitting or globbing. */
  text(word: Word): string {
    return this.scope.capped(
      this.pieces(word, true)
        .map((p) => ('text' in p ? p.text : ' '))
        .join(''),
    );
  }

  pieces(word: Word, quoted: boolean): Piece[] {
    return word.parts.flatMap((part) => this.partPieces(part, quoted));
  }

  /** A pattern (`${x#p}`, `case`): quoted text and quoted expansions are literal, the rest is active. */
  pattern(word: Word): GlobToken[] {
    return word.parts.flatMap((part): GlobToken[] => {
      if (part.kind === 'glob') return [{ glob: part.text }];
      if (part.kind === 'lit') return [{ lit: part.text }];
      return this.partPieces(part, false).flatMap((p) => ('text' in p ? (p.quoted ? [{ lit: p.text }] : globTokens(p.text)) : []));
    });
  }

  /** The right side of `[[ x =~ RE ]]`: quoted text and quoted expansions match themselves. */
  regex(word: Word): string {
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    return word.parts
      .map((part) => {
        if (part.kind === 'glob') return part.text;
        if (part.kind === 'lit') return part.bare ? part.text : escape(part.text);
        return this.partPieces(part, false)
          .map((p) => ('text' in p ? (p.quoted ? escape(p.text) : p.text) : ''))
          .join('');
      })
      .join('');
  }

  /** A command word's fields. */
  fields(word: Word, cwd: string, list: (dir: string) => string[] | undefined): string[] {
    const fields: GlobToken[][] = [];
    let current: GlobToken[] = [];
    let started = false;
    /** Ends the field; a non-blank IFS delimiter (`forced`) ends even an empty one (IFS=: gives '' for ":a"). */
    const end = (forced = false) => {
      if (started || forced) fields.push(current);
      current = [];
      started = false;
    };
    const ifs = this.scope.lookup('IFS') ?? ' \t\n';
    for (const piece of this.pieces(word, false)) {
      if ('br' in piece) {
        end();
        continue;
      }
      if (piece.glob) current.push({ glob: piece.text });
      else if (piece.quoted) current.push({ lit: piece.text });
      else {
        const { parts, forced } = splitIfs(piece.text, ifs);
        parts.forEach((bit, k) => {
          if (k > 0) end(forced[k - 1]);
          // An unquoted expansion's own * ? [ glob too (x='*'; echo $x).
          if (bit) current.push(...globTokens(bit));
          if (bit) started = true;
        });
        continue;
      }
      started = true;
    }
    end();
    return fields.flatMap((tokens) => {
      const text = this.scope.capped(tokens.map((t) => ('lit' in t ? t.lit : t.glob)).join(''));
      const matches = hasGlob(tokens) ? expandGlob(tokens, cwd, list) : [];
      return matches.length > 0 ? matches : [text];
    });
  }

  private partPieces(part: WordPart, outerQuoted: boolean): Piece[] {
    switch (part.kind) {
      case 'lit':
        // Plain text of a `${…}` word splits like an expansion (${x:-a b}); elsewhere it is one piece.
        return [{ text: part.text, quoted: outerQuoted || part.bare !== true }];
      case 'glob':
        return [outerQuoted ? { text: part.text, quoted: true } : { text: part.text, quoted: false, glob: true }];
      case 'cmd':
        return [{ text: this.scope.substitute(part.source), quoted: outerQuoted || part.quoted === true }];
      case 'arith':
        return [{ text: this.scope.arithWord(part.expr), quoted: outerQuoted || part.quoted === true }];
      case 'param':
        return paramPieces(part, this, outerQuoted);
    }
  }
}

/**
 * Field splitting (bash manual 3.5.7): IFS blanks (space, tab, newline) in a run are one delimiter;
 * any other IFS character is a delimiter by itself, with the blanks around it. `forced[k]` says
 * whether delimiter k was such a character (it ends a field even when that field is empty).
 */
export function splitIfs(text: string, ifs: string): { parts: string[]; forced: boolean[] } {
  if (ifs === '') return { parts: [text], forced: [] };
  const escape = (chars: string) => chars.replace(/[\]\\^-]/g, '\\$&');
  const blanks = [...ifs].filter((c) => c === ' ' || c === '\t' || c === '\n').join('');
  const others = [...ifs].filter((c) => c !== ' ' && c !== '\t' && c !== '\n').join('');
  const ws = blanks ? `[${escape(blanks)}]` : '';
  const delimiter = others ? `(${ws ? ws + '*' : ''}[${escape(others)}]${ws ? ws + '*' : ''}${ws ? '|' + ws + '+' : ''})` : `(${ws}+)`;
  const pieces = text.split(new RegExp(delimiter, 'u'));
  const parts: string[] = [];
  const forced: boolean[] = [];
  pieces.forEach((piece, k) => {
    if (k % 2 === 0) parts.push(piece);
    else forced.push(others !== '' && [...piece].some((c) => others.includes(c)));
  });
  return { parts, forced };
}
