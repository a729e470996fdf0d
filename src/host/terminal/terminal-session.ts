/**
 * One Vethlab terminal: a Shell on a world, driven through the line editor. Pure (no vscode
 * import): the pseudoterminal adapter only forwards input and events.
 */
import type { Shell } from '../../shell/shell';
import { LineEditor, type LineHistory } from './line-editor';
import { chunkText, toCrlf } from './terminal-text';
import { completionsAt } from '../hover/completion-items';
import { startFrame, type ShellFrame } from './nested-shell';

const EXIT = /^\s*(?:exit|logout)(?:\s+(\d+))?\s*$/;
/** bash's $? after Ctrl-C. */
const INTERRUPTED = 130;

export interface TerminalSessionEvents {
  write(text: string): void;
  close(exitCode: number): void;
}

export class TerminalSession {
  private readonly editor: LineEditor;
  /** Interactive shells started with `ip netns exec NS bash` or `docker exec -it C bash`, innermost last. */
  private readonly frames: ShellFrame[] = [];

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
        endOfInput: () => this.endOfInput(),
        prompt: () => this.frames[this.frames.length - 1]?.prompt() ?? shell.prompt,
        complete: (before) => completionsAt(before, shell.world).map((c) => c.label),
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
    const status = exit && (exit[1] === undefined ? this.shell.lastStatus : Number(exit[1]) & 255);
    if (exit && this.frames.pop()) {
      this.shell.lastStatus = status!;
      return;
    }
    if (exit) return this.exit(status!);
    if (line.trim() === '') return;
    const started = startFrame(this.shell, line);
    if (started && 'frame' in started) {
      this.frames.push(started.frame);
      return;
    }
    const chunks = started ? started.failed : (this.frames[this.frames.length - 1]?.run(line) ?? this.shell.run(line).chunks);
    for (const chunk of chunks) this.events.write(chunkText(chunk));
  }

  /** Ctrl-D: leaves a nested shell (bash prints `exit`), or closes the terminal. */
  private endOfInput(): void {
    if (!this.frames.pop()) return this.exit(this.shell.lastStatus);
    this.events.write('exit\r\n');
    this.editor.resume();
  }

  private exit(code: number): void {
    this.editor.close();
    this.events.close(code);
  }
}
