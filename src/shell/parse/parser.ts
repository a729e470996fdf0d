/**
 * Recursive-descent parser for bash's grammar as far as Vethlab goes:
 *   list     := and_or ((';' | '&' | newline) and_or)*
 *   and_or   := pipeline (('&&' | '||') newline* pipeline)*
 *   pipeline := ['!'] command ('|' newline* command)*
 *   command  := simple | '(' list ')' | '{' list '}' | if | while | until | for, then redirections
 * Reserved words count only where a command starts, as in bash.
 */
import type { AndOr, CaseCommand, Command, List, Pipeline, Redirect, RedirectOp, Word } from './ast';
import { parseCond } from './cond';
import { heredocWord, lex, lexSingleWord, SyntaxError, type Token } from './lexer';
import { expandBraces } from './brace';

export { SyntaxError };

export interface ParseOptions {
  /** An interactive shell's aliases, expanded where a command starts (bash manual 6.6). */
  aliases?: ReadonlyMap<string, string>;
}

export function parse(text: string, options: ParseOptions = {}): List | SyntaxError {
  const tokens = lex(text);
  if (tokens instanceof SyntaxError) return tokens;
  const parser = new Parser(tokens, text, options.aliases);
  try {
    const list = parser.list([], []);
    if (!parser.atEnd()) return parser.unexpected();
    return list;
  } catch (e) {
    if (e instanceof SyntaxError) return e;
    throw e;
  }
}

/** True when more lines would complete `text`: an open quote, `$(`, here-document, `if`/`for`/`{`/`(`, or a trailing `&&`, `||`, `|`. */
export function isIncomplete(text: string): boolean {
  const tokens = lex(text);
  if (tokens instanceof SyntaxError) return tokens.incomplete;
  if (tokens.some((t) => t.kind === 'redir' && t.heredoc && !t.heredoc.closed)) return true;
  // A line ending in an unquoted backslash goes on (`bash -c` would print the backslash).
  const last = tokens[tokens.length - 1];
  if (last?.kind === 'word' && last.end === text.length && /(^|[^\\])(\\\\)*\\$/.test(last.raw) && !/^'[^']*'$/.test(last.raw)) return true;
  const parsed = parse(text);
  return parsed instanceof SyntaxError && parsed.incomplete;
}

/** Here-documents that end at the end of the text instead of at their delimiter (bash warns). */
export function unclosedHeredocs(text: string): string[] {
  // Every line comes here after parse: without `<<` it has no here-document, and is not lexed a second time.
  if (!text.includes('<<')) return [];
  const tokens = lex(text);
  if (tokens instanceof SyntaxError) return [];
  return tokens.flatMap((t) => (t.kind === 'redir' && t.heredoc && !t.heredoc.closed ? [t.heredoc.delimiter] : []));
}

const CLOSERS = new Set(['do', 'done', 'then', 'elif', 'else', 'fi', '}', 'esac']);
/** What a function's body may be. */
const COMPOUND = new Set(['{', 'if', 'for', 'while', 'until', 'case', '[[']);

class Parser {
  private i = 0;
  /** Tokens an alias gave, with the alias names they came from (not expanded again). */
  private readonly fromAlias = new WeakMap<Token, Set<string>>();

  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
    private readonly aliases?: ReadonlyMap<string, string>,
  ) {}

  /**
   * Replaces the word at the cursor by its alias's tokens, if it has one; a value ending in a blank
   * makes the next word a candidate too (`alias sudo='sudo '`). An alias is not expanded inside itself.
   */
  private expandAlias(): void {
    for (let guard = 0; guard < 100 && this.aliases?.size; guard++) {
      const t = this.peek();
      if (t?.kind !== 'word') return;
      const value = this.aliases.get(t.raw);
      const seen = this.fromAlias.get(t) ?? new Set<string>();
      if (value === undefined || seen.has(t.raw) || /['"\\$`]/.test(t.raw)) return;
      const tokens = lex(value);
      if (tokens instanceof SyntaxError) return;
      const names = new Set([...seen, t.raw]);
      for (const n of tokens) {
        n.at = t.at;
        n.end = t.end;
        this.fromAlias.set(n, names);
      }
      const next = this.tokens[this.i + 1];
      if (next && /[ \t]$/.test(value)) this.fromAlias.set(next, new Set([...(this.fromAlias.get(next) ?? []), ...names]));
      this.tokens.splice(this.i, 1, ...tokens);
      if (next && /[ \t]$/.test(value) && tokens.length > 0) this.trailing = this.i + tokens.length;
    }
  }

  /** After an alias ending in a blank: the index of the word to try next. */
  private trailing = -1;

  atEnd(): boolean {
    return this.i >= this.tokens.length;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isOp(op: string): boolean {
    const t = this.peek();
    return t?.kind === 'op' && t.op === op;
  }

  private isWord(raw: string): boolean {
    const t = this.peek();
    return t?.kind === 'word' && t.raw === raw;
  }

  private skipNewlines(): void {
    while (this.isOp('\n')) this.i++;
  }

  unexpected(): SyntaxError {
    const t = this.peek();
    const text = !t ? 'newline' : t.kind === 'op' ? (t.op === '\n' ? 'newline' : t.op) : t.kind === 'redir' ? t.op : t.kind === 'arith' ? '((' : t.raw;
    return new SyntaxError(`syntax error near unexpected token \`${text}'`);
  }

  /** The text ended where bash needs more of it. */
  private eof(): SyntaxError {
    return new SyntaxError('syntax error: unexpected end of file', true);
  }

  /** Commands until the end, an operator in `stopOps` or a reserved word in `stopWords` where a command would start. */
  list(stopOps: string[], stopWords: string[]): List {
    const items: List['items'] = [];
    const stop = () => this.atEnd() || stopOps.some((o) => this.isOp(o)) || stopWords.some((w) => this.isWord(w));
    this.skipNewlines();
    while (!stop()) {
      const first = this.i;
      const andOr = this.andOr();
      const from = this.tokens[first]?.at ?? 0;
      const to = this.tokens[this.i - 1]?.end ?? from;
      // A here-document's body is not part of the command's text.
      const text = this.source.slice(from, to).split('\n')[0]!.trim();
      let background = false;
      if (this.isOp(';') || this.isOp('\n')) this.i++;
      else if (this.isOp('&')) {
        background = true;
        this.i++;
      } else if (!stop()) throw this.unexpected();
      items.push({ andOr, background, text });
      this.skipNewlines();
    }
    return { items };
  }

  /** A non-empty list ending at one of `stopWords`. */
  private body(stopWords: string[]): List {
    const list = this.list([], stopWords);
    if (this.atEnd()) throw this.eof();
    if (list.items.length === 0) throw this.unexpected();
    return list;
  }

  private expectWord(raw: string): void {
    if (this.isWord(raw)) {
      this.i++;
      return;
    }
    throw this.atEnd() ? this.eof() : this.unexpected();
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.tokens[this.i++] as { op: '&&' | '||' }).op;
      this.skipNewlines();
      rest.push({ op, pipeline: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    let negate = false;
    if (this.isWord('!')) {
      negate = true;
      this.i++;
    }
    const commands = [this.command()];
    while (this.isOp('|')) {
      this.i++;
      this.skipNewlines();
      commands.push(this.command());
    }
    return { negate, commands };
  }

  private command(): Command {
    this.expandAlias();
    const t = this.peek();
    if (!t) throw this.eof();
    if (t.kind === 'word') {
      if (t.raw === 'for') return this.forLoop();
      if (t.raw === 'while' || t.raw === 'until') return this.whileLoop(t.raw === 'until');
      if (t.raw === 'if') return this.ifCommand();
      if (t.raw === '{') return this.group();
      if (t.raw === 'case') return this.caseCommand();
      if (t.raw === '[[') return this.condCommand();
      if (t.raw === 'function') return this.functionDef(true);
      if (CLOSERS.has(t.raw)) throw this.unexpected();
      if (this.tokens[this.i + 1]?.kind === 'op' && (this.tokens[this.i + 1] as { op: string }).op === '(' && /^[^'"\\$`=]+$/.test(t.raw)) return this.functionDef(false);
    }
    if (this.isOp('(')) return this.subshell();
    if (t.kind === 'arith') {
      this.i++;
      return { kind: 'arith', expr: t.expr, redirects: this.redirects() };
    }
    return this.simple();
  }

  private subshell(): Command {
    this.i++;
    const body = this.list([')'], []);
    if (this.atEnd()) throw this.eof();
    if (!this.isOp(')')) throw this.unexpected();
    if (body.items.length === 0) throw this.unexpected();
    this.i++;
    return { kind: 'subshell', body, redirects: this.redirects() };
  }

  private group(): Command {
    this.i++;
    const body = this.body(['}']);
    this.expectWord('}');
    return { kind: 'group', body, redirects: this.redirects() };
  }

  /** for NAME [in WORD...]; do LIST; done */
  private forLoop(): Command {
    this.i++;
    const nameToken = this.peek();
    if (!nameToken) throw this.eof();
    if (nameToken.kind === 'arith') return this.arithFor(nameToken.expr);
    if (nameToken.kind !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(nameToken.raw)) throw this.unexpected();
    this.i++;
    const words: Word[] = [];
    if (this.isWord('in')) {
      this.i++;
      while (this.peek()?.kind === 'word') words.push(...braced(this.tokens[this.i++] as WordToken));
    }
    if (this.isOp(';') || this.isOp('\n')) this.i++;
    this.skipNewlines();
    this.expectWord('do');
    const body = this.body(['done']);
    this.expectWord('done');
    return { kind: 'for', name: nameToken.raw, words, body, redirects: this.redirects() };
  }

  /** for (( INIT; TEST; STEP )) do LIST; done, or { LIST; } as the body. */
  private arithFor(expr: string): Command {
    this.i++;
    const parts = expr.split(';');
    // bash says it twice: what is wrong, then the whole `((…))`.
    if (parts.length !== 3) throw new SyntaxError(`syntax error: arithmetic expression required\nbash: syntax error: \`((${expr}))'`);
    if (this.isOp(';') || this.isOp('\n')) this.i++;
    this.skipNewlines();
    let body: List;
    if (this.isWord('{')) {
      this.i++;
      body = this.body(['}']);
      this.expectWord('}');
    } else {
      this.expectWord('do');
      body = this.body(['done']);
      this.expectWord('done');
    }
    const [init, test, step] = parts as [string, string, string];
    return { kind: 'cfor', init, test, step, body, redirects: this.redirects() };
  }

  /** while|until LIST; do LIST; done */
  private whileLoop(until: boolean): Command {
    this.i++;
    const condition = this.body(['do']);
    this.expectWord('do');
    const body = this.body(['done']);
    this.expectWord('done');
    return { kind: 'while', until, condition, body, redirects: this.redirects() };
  }

  /** if LIST; then LIST; [elif LIST; then LIST;]... [else LIST;] fi */
  private ifCommand(): Command {
    const clauses: { condition: List; body: List }[] = [];
    let otherwise: List | undefined;
    do {
      this.i++;
      const condition = this.body(['then']);
      this.expectWord('then');
      clauses.push({ condition, body: this.body(['elif', 'else', 'fi']) });
    } while (this.isWord('elif'));
    if (this.isWord('else')) {
      this.i++;
      otherwise = this.body(['fi']);
    }
    this.expectWord('fi');
    return { kind: 'if', clauses, otherwise, redirects: this.redirects() };
  }

  /** `NAME() COMPOUND`, `function NAME [()] COMPOUND`. */
  private functionDef(keyword: boolean): Command {
    if (keyword) this.i++;
    const name = this.peek();
    if (!name) throw this.eof();
    if (name.kind !== 'word') throw this.unexpected();
    this.i++;
    if (this.isOp('(') || !keyword) {
      this.i++;
      if (!this.isOp(')')) throw this.atEnd() ? this.eof() : this.unexpected();
      this.i++;
    }
    this.skipNewlines();
    const t = this.peek();
    if (!t) throw this.eof();
    if (!(t.kind === 'word' && COMPOUND.has(t.raw)) && !this.isOp('(')) throw this.unexpected();
    return { kind: 'function', name: name.raw, body: this.command(), redirects: [] };
  }

  /** case WORD in [(]PATTERN[|PATTERN]...) LIST ;; ... esac */
  private caseCommand(): Command {
    this.i++;
    const subject = this.peek();
    if (!subject) throw this.eof();
    if (subject.kind !== 'word') throw this.unexpected();
    this.i++;
    this.skipNewlines();
    this.expectWord('in');
    const items: CaseCommand['items'] = [];
    for (;;) {
      this.skipNewlines();
      if (this.atEnd()) throw this.eof();
      if (this.isWord('esac')) break;
      if (this.isOp('(')) this.i++;
      const patterns: Word[] = [];
      do {
        if (patterns.length > 0) this.i++;
        const p = this.peek();
        if (!p) throw this.eof();
        if (p.kind !== 'word') throw this.unexpected();
        patterns.push(p.word);
        this.i++;
      } while (this.isOp('|'));
      if (!this.isOp(')')) throw this.atEnd() ? this.eof() : this.unexpected();
      this.i++;
      const body = this.list([';;', ';&', ';;&'], ['esac']);
      if (this.atEnd()) throw this.eof();
      const t = this.peek()!;
      const end = t.kind === 'op' && (t.op === ';;' || t.op === ';&' || t.op === ';;&') ? t.op : undefined;
      if (end) this.i++;
      else if (!this.isWord('esac')) throw this.unexpected();
      items.push({ patterns, body, end: end ?? ';;' });
    }
    this.i++;
    return { kind: 'case', word: subject.word, items, redirects: this.redirects() };
  }

  /** [[ EXPR ]] (cond.ts) */
  private condCommand(): Command {
    const { expr, next } = parseCond(this.tokens, this.i + 1, this.source);
    this.i = next;
    return { kind: 'cond', expr, redirects: this.redirects() };
  }

  private simple(): Command {
    const assigns: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const t = this.peek();
      if (!t || t.kind === 'op' || t.kind === 'arith') break;
      if (t.kind === 'redir') {
        redirects.push(...this.redirect());
        continue;
      }
      if (this.i === this.trailing) {
        this.trailing = -1;
        this.expandAlias();
        continue;
      }
      const assign = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(t.raw);
      if (assign && words.length === 0) {
        assigns.push({ name: assign[1]!, value: stripPrefix(t.word, assign[0].length) });
      } else {
        words.push(...braced(t));
      }
      this.i++;
    }
    if (words.length === 0 && assigns.length === 0 && redirects.length === 0) throw this.atEnd() ? this.eof() : this.unexpected();
    return { kind: 'simple', assigns, words, redirects };
  }

  private redirects(): Redirect[] {
    const out: Redirect[] = [];
    while (this.peek()?.kind === 'redir') out.push(...this.redirect());
    return out;
  }

  /** One redirection; `&>file` is `>file 2>&1`; `<<` carries its here-document. */
  private redirect(): Redirect[] {
    const t = this.tokens[this.i++] as Extract<Token, { kind: 'redir' }>;
    const target = this.peek();
    if (target?.kind !== 'word') throw this.unexpected();
    this.i++;
    if (t.op === '&>') return [{ fd: 1, op: '>', target: target.word }, { fd: 2, op: '>&', target: { parts: [{ kind: 'lit', text: '1' }] } }];
    if (t.op === '<<' || t.op === '<<-') {
      const doc = t.heredoc!;
      const body = doc.expand ? heredocWord(doc.body) : { parts: [{ kind: 'lit' as const, text: doc.body }] };
      if (body instanceof SyntaxError) throw body;
      return [{ fd: t.fd ?? 0, op: '<<', target: target.word, body }];
    }
    const op = (t.op === '<&' ? '<' : t.op) as RedirectOp;
    const fd = t.fd ?? (op === '<' || op === '<<<' ? 0 : 1);
    return [{ fd, op, target: target.word }];
  }
}

type WordToken = Extract<Token, { kind: 'word' }>;

/** A command word after brace expansion (before every other expansion, as in bash). */
function braced(token: WordToken): Word[] {
  const texts = expandBraces(token.raw);
  if (texts instanceof SyntaxError) throw texts;
  if (texts.length === 1 && texts[0] === token.raw) return [token.word];
  return texts.map((text) => {
    const word = lexSingleWord(text);
    if (word instanceof SyntaxError) throw word;
    return word;
  });
}

/** Drops the first n characters of a word's literal text (the NAME= of an assignment). */
function stripPrefix(word: Word, n: number): Word {
  const parts = [...word.parts];
  const first = parts[0];
  if (first?.kind === 'lit') parts[0] = { kind: 'lit', text: first.text.slice(n) };
  return { parts };
}
