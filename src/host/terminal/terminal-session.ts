/**
 * One Vethlab terminal: a Shell on a world, driven through the line editor. Pure (no vscode
 * import): the pseudoterminal adapter only forwards input and events.
 */
import type { Shell } from '../../shell/shell';
import { LineEditor, type LineHistory } from './line-editor';
import { chunkText, toCrlf } from './terminal-text';

const EXIT = /^\s*(?:exit|logout)(?:\s+(\d+))?\s*$/;
/** bash's $? after Ctrl-C. */
const INTERRUPTED = 130;

export interface TerminalSessionEvents {
  write(text: string): void;
  close(exitCode: number): void;
}

export class TerminalSession {
  private readonly editor: LineEditor;

  constructor(
    private readonly shell: Shell,
    private readonly events: TerminalSessionEvents,
    history: LineHistory,
    private readonly banner = '',
  ) {
    this.editor = new LineEditor(
      {
        write: (text) => events.write(text),
        submit: (line) => this.submit(line),
        interrupt: () => {
          shell.lastStatus = INTERRUPTED;
        },
        endOfInput: () => this.exit(shell.lastStatus),
        prompt: () => shell.prompt,
      },
      history,
    );
  }

  open(): void {
    if (this.banner) this.events.write(toCrlf(this.banner));
    this.editor.start();
  }

  input(data: string): void {
    this.editor.feed(data);
  }

  private submit(line: string): void {
    const exit = EXIT.exec(line);
    if (exit) return this.exit(exit[1] === undefined ? this.shell.lastStatus : Number(exit[1]) & 255);
    if (line.trim() === '') return;
    for (const chunk of this.shell.run(line).chunks) this.events.write(chunkText(chunk));
  }

  private exit(code: number): void {
    this.editor.close();
    this.events.close(code);
  }
}
