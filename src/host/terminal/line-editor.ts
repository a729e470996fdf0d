/**
 * Bash-like line editing for the Vethlab pseudoterminal: echo, backspace/delete, cursor keys,
 * Home/End, up/down history, Ctrl-C/L/D/U/K/W; pasted lines run one by one. Pure (no vscode
 * import) so it is unit tested. It draws with relative cursor moves, which assumes the prompt
 * and line fit on one terminal row; longer lines still edit correctly but may redraw oddly.
 */
import { parseKeys, type Key } from './keys';

export interface LineEditorHost {
  /** Terminal output (already CRLF and escape sequences). */
  write(text: string): void;
  /** Runs a finished line; its output goes through write(). 'running' when it goes on (the host calls resume() when it ends). */
  submit(line: string): void | 'running';
  /** Ctrl-C: the line was abandoned. */
  interrupt(): void;
  /** Ctrl-D on an empty line. */
  endOfInput(): void;
  prompt(): string;
  /** Tab: the words that could replace the word before the cursor, given the line up to the cursor. */
  complete?(beforeCursor: string): string[];
}

/** Submitted lines, oldest first; shared by the terminals of one window. */
export class LineHistory {
  constructor(
    readonly entries: string[] = [],
    private readonly max = 1000,
    private readonly onDidAdd?: (entries: readonly string[]) => void,
  ) {}

  add(line: string): void {
    if (line.trim() === '' || this.entries[this.entries.length - 1] === line) return;
    this.entries.push(line);
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
    this.onDidAdd?.(this.entries);
  }
}

const left = (n: number) => (n > 0 ? `\x1b[${n}D` : '');
const right = (n: number) => (n > 0 ? `\x1b[${n}C` : '');
const ERASE_TO_END = '\x1b[K';

export class LineEditor {
  private chars: string[] = [];
  private cursor = 0;
  /** Position in history while browsing with up/down; entries.length means the draft. */
  private historyIndex: number;
  private draft: string[] = [];
  private closed = false;

  constructor(
    private readonly host: LineEditorHost,
    private readonly history = new LineHistory(),
  ) {
    this.historyIndex = history.entries.length;
  }

  get line(): string {
    return this.chars.join('');
  }

  get cursorPosition(): number {
    return this.cursor;
  }

  /** Writes the first prompt. */
  start(): void {
    this.host.write(this.host.prompt());
  }

  /** Stops reacting to input (after `exit` or Ctrl-D). */
  close(): void {
    this.closed = true;
  }

  /** Takes input again after Ctrl-D left a nested shell or a running command ended: a new prompt. */
  resume(): void {
    this.closed = false;
    this.host.write(this.host.prompt());
  }

  feed(data: string): void {
    for (const key of parseKeys(data)) {
      if (this.closed) return;
      this.apply(key);
    }
  }

  private apply(key: Key): void {
    switch (key.kind) {
      case 'text': return this.insert(Array.from(key.text));
      case 'enter': return this.enter();
      case 'backspace': return this.backspace();
      case 'delete': return this.deleteForward();
      case 'left': return this.moveTo(this.cursor - 1);
      case 'right': return this.moveTo(this.cursor + 1);
      case 'home': return this.moveTo(0);
      case 'end': return this.moveTo(this.chars.length);
      case 'up': return this.browse(-1);
      case 'down': return this.browse(1);
      case 'interrupt': return this.interrupt();
      case 'eof': return this.eof();
      case 'clear-screen': return this.clearScreen();
      case 'kill-before': return this.deleteRange(0, this.cursor);
      case 'kill-after': return this.deleteRange(this.cursor, this.chars.length);
      case 'kill-word': return this.deleteRange(this.wordStart(), this.cursor);
      case 'complete': return this.complete();
      case 'ignore': return;
    }
  }

  private insert(text: string[]): void {
    const rest = this.chars.slice(this.cursor);
    this.chars.splice(this.cursor, 0, ...text);
    this.cursor += text.length;
    this.host.write(text.join('') + rest.join('') + left(rest.length));
  }

  private enter(): void {
    const line = this.line;
    this.host.write('\r\n');
    this.reset();
    this.history.add(line);
    this.historyIndex = this.history.entries.length;
    if (this.host.submit(line) === 'running') {
      this.closed = true;
      return;
    }
    if (!this.closed) this.host.write(this.host.prompt());
  }

  private backspace(): void {
    if (this.cursor === 0) return;
    this.moveTo(this.cursor - 1);
    this.deleteForward();
  }

  private deleteForward(): void {
    if (this.cursor >= this.chars.length) return;
    this.deleteRange(this.cursor, this.cursor + 1);
  }

  /** Removes chars[from, to) and redraws from `from` to the end of the line. */
  private deleteRange(from: number, to: number): void {
    if (to <= from) return;
    this.moveTo(from);
    this.chars.splice(from, to - from);
    const rest = this.chars.slice(from).join('');
    this.host.write(rest + ERASE_TO_END + left(this.chars.length - from));
  }

  private moveTo(position: number): void {
    const target = Math.max(0, Math.min(this.chars.length, position));
    const delta = target - this.cursor;
    this.cursor = target;
    this.host.write(delta < 0 ? left(-delta) : right(delta));
  }

  private browse(step: number): void {
    const entries = this.history.entries;
    const next = Math.max(0, Math.min(entries.length, this.historyIndex + step));
    if (next === this.historyIndex) return;
    if (this.historyIndex === entries.length) this.draft = this.chars;
    this.historyIndex = next;
    this.replaceLine(next === entries.length ? this.draft : Array.from(entries[next]!));
  }

  private replaceLine(chars: string[]): void {
    this.moveTo(0);
    this.chars = [...chars];
    this.cursor = this.chars.length;
    this.host.write(this.line + ERASE_TO_END);
  }

  private interrupt(): void {
    this.host.write(right(this.chars.length - this.cursor) + '^C\r\n');
    this.reset();
    this.historyIndex = this.history.entries.length;
    this.host.interrupt();
    this.host.write(this.host.prompt());
  }

  private eof(): void {
    if (this.chars.length > 0) return this.deleteForward();
    this.closed = true;
    this.host.endOfInput();
  }

  private clearScreen(): void {
    this.host.write('\x1b[H\x1b[2J' + this.host.prompt() + this.line + left(this.chars.length - this.cursor));
  }

  /**
   * Tab, as bash completes: one candidate is inserted with a space after it; several extend the
   * word to their common prefix, or, when that adds nothing, are listed under the line (bash
   * lists them on the second Tab) and the prompt and line are drawn again.
   */
  private complete(): void {
    const before = this.chars.slice(0, this.cursor).join('');
    let start = this.cursor;
    while (start > 0 && this.chars[start - 1] !== ' ') start--;
    const word = this.chars.slice(start, this.cursor).join('');
    const candidates = [...new Set((this.host.complete?.(before) ?? []).filter((c) => c.startsWith(word)))].sort();
    if (candidates.length === 0) return;
    if (candidates.length === 1) return this.insert(Array.from(candidates[0]!.slice(word.length) + ' '));
    const common = commonPrefix(candidates);
    if (common.length > word.length) return this.insert(Array.from(common.slice(word.length)));
    this.host.write(right(this.chars.length - this.cursor) + '\r\n' + candidates.join('  ') + '\r\n' + this.host.prompt() + this.line + left(this.chars.length - this.cursor));
  }

  /** Where Ctrl-W stops: the start of the word before the cursor (after any spaces). */
  private wordStart(): number {
    let i = this.cursor;
    while (i > 0 && this.chars[i - 1] === ' ') i--;
    while (i > 0 && this.chars[i - 1] !== ' ') i--;
    return i;
  }

  private reset(): void {
    this.chars = [];
    this.cursor = 0;
    this.draft = [];
  }
}

function commonPrefix(words: string[]): string {
  let prefix = words[0] ?? '';
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
