/** Recursive-descent parser: list := and_or ((';' | '&') and_or)*, and_or := pipeline (('&&'|'||') pipeline)*. */
import type { AndOr, Command, List, Pipeline, Redirect, RedirectOp, Word } from './ast';
import { lex, SyntaxError, type Token } from './lexer';

export { SyntaxError };

export function parse(line: string): List | SyntaxError {
  const tokens = lex(line);
  if (tokens instanceof SyntaxError) return tokens;
  const parser = new Parser(tokens);
  try {
    const list = parser.list();
    if (!parser.atEnd()) return parser.unexpected();
    return list;
  } catch (e) {
    if (e instanceof SyntaxError) return e;
    throw e;
  }
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

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

  unexpected(): SyntaxError {
    const t = this.peek();
    const text = !t ? 'newline' : t.kind === 'op' ? t.op : t.kind === 'redir' ? t.op : t.raw;
    return new SyntaxError(`syntax error near unexpected token \`${text}'`);
  }

  /** Stops before the operator `stopAt`, or before the reserved word `stopWord` (e.g. `done`). */
  list(stopAt?: string, stopWord?: string): List {
    const items: List['items'] = [];
    const stop = () => (stopAt !== undefined && this.isOp(stopAt)) || (stopWord !== undefined && this.isWord(stopWord));
    while (!this.atEnd() && !stop()) {
      const andOr = this.andOr();
      let background = false;
      if (this.isOp(';')) this.i++;
      else if (this.isOp('&')) {
        background = true;
        this.i++;
      } else if (!this.atEnd() && !stop()) throw this.unexpected();
      items.push({ andOr, background });
    }
    return { items };
  }

  private isWord(raw: string): boolean {
    const t = this.peek();
    return t?.kind === 'word' && t.raw === raw;
  }

  private expectWord(raw: string): void {
    if (!this.isWord(raw)) throw this.unexpected();
    this.i++;
  }

  /** for NAME [in WORD...]; do LIST; done */
  private forLoop(): Command {
    this.i++;
    const nameToken = this.peek();
    if (nameToken?.kind !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(nameToken.raw)) throw this.unexpected();
    this.i++;
    const words: Word[] = [];
    if (this.isWord('in')) {
      this.i++;
      while (this.peek()?.kind === 'word') words.push((this.tokens[this.i++] as { word: Word }).word);
    }
    if (this.isOp(';')) this.i++;
    this.expectWord('do');
    const body = this.list(undefined, 'done');
    if (body.items.length === 0) throw this.unexpected();
    this.expectWord('done');
    return { kind: 'for', name: nameToken.raw, words, body, redirects: this.redirects() };
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.tokens[this.i++] as { op: '&&' | '||' }).op;
      rest.push({ op, pipeline: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    let negate = false;
    const t = this.peek();
    if (t?.kind === 'word' && t.raw === '!') {
      negate = true;
      this.i++;
    }
    const commands = [this.command()];
    while (this.isOp('|')) {
      this.i++;
      commands.push(this.command());
    }
    return { negate, commands };
  }

  private command(): Command {
    if (this.isWord('for')) return this.forLoop();
    if (this.isWord('do') || this.isWord('done')) throw this.unexpected();
    if (this.isOp('(')) {
      this.i++;
      const body = this.list(')');
      if (!this.isOp(')')) throw this.unexpected();
      this.i++;
      if (body.items.length === 0) throw new SyntaxError("syntax error near unexpected token `)'");
      return { kind: 'subshell', body, redirects: this.redirects() };
    }
    const assigns: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (;;) {
      const t = this.peek();
      if (!t || t.kind === 'op') break;
      if (t.kind === 'redir') {
        redirects.push(...this.redirect());
        continue;
      }
      const assign = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(t.raw);
      if (assign && words.length === 0) {
        const value = stripPrefix(t.word, assign[0].length);
        assigns.push({ name: assign[1]!, value });
      } else {
        words.push(t.word);
      }
      this.i++;
    }
    if (words.length === 0 && assigns.length === 0 && redirects.length === 0) throw this.unexpected();
    return { kind: 'simple', assigns, words, redirects };
  }

  private redirects(): Redirect[] {
    const out: Redirect[] = [];
    while (this.peek()?.kind === 'redir') out.push(...this.redirect());
    return out;
  }

  /** One redirection; `&>file` is `>file 2>&1`. */
  private redirect(): Redirect[] {
    const t = this.tokens[this.i++] as { kind: 'redir'; fd: number | null; op: string };
    const target = this.peek();
    if (target?.kind !== 'word') throw this.unexpected();
    this.i++;
    if (t.op === '&>') return [{ fd: 1, op: '>', target: target.word }, { fd: 2, op: '>&', target: { parts: [{ kind: 'lit', text: '1' }] } }];
    const op = (t.op === '<&' ? '<' : t.op) as RedirectOp;
    const fd = t.fd ?? (op === '<' ? 0 : 1);
    return [{ fd, op, target: target.word }];
  }
}

/** Drops the first n characters of a word's literal text (the NAME= of an assignment). */
function stripPrefix(word: Word, n: number): Word {
  const parts = [...word.parts];
  const first = parts[0];
  if (first?.kind === 'lit') parts[0] = { kind: 'lit', text: first.text.slice(n) };
  return { parts };
}
