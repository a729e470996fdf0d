/**
 * One Vethlab terminal: a Shell on a world, driven through the line editor. Pure (no vscode
 * import): the pseudoterminal adapter only forwards input and events.
 */
import type { Shell } from '../../shell/shell';
import { LineEditor, type LineHistory } from './line-editor';
import { chunkText, toCrlf } from './terminal-text';
import { completionsAt } from '../hover/completion-items';
import { startFrame, type ShellFrame } from './nested-shell';
import { realTimers, RunningPing, unboundedPing, type Timers } from './interruptible';
import { LiveLine } from './live-line';
import { isIncomplete } from '../../shell/parse/parser';

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
  /** A ping or another long line that runs until it ends or Ctrl-C; input other than Ctrl-C is dropped meanwhile. */
  private running: RunningPing | LiveLine | undefined;
  /** Lines of a command that needs more (a here-document, an open quote, `for … do`): bash prompts `> `. */
  private pending = '';

  constructor(
    private readonly shell: Shell,
    private readonly events: TerminalSessionEvents,
    history: LineHistory,
    private readonly banner = '',
    private readonly timers: Timers = realTimers,
  ) {
    // A terminal's bash is interactive: it reports background jobs ([1] PID, [1]+  Done …).
    shell.interactive = true;
    // Its stdin is a terminal: `tty` names it and `docker run -it` may attach to it.
    shell.vars['VETHLAB_TTY'] ??= '/dev/pts/0';
    this.editor = new LineEditor(
      {
        write: (text) => events.write(text),
        submit: (line) => this.submit(line),
        interrupt: () => {
          this.pending = '';
          shell.lastStatus = INTERRUPTED;
        },
        endOfInput: () => this.endOfInput(),
        prompt: () => (this.pending ? '> ' : (this.frames[this.frames.length - 1]?.prompt() ?? shell.prompt)),
        complete: (before) => completionsAt(before, shell.world).map((c) => c.label),
      },
      history,
    );
  }

  open(): void {
    if (this.banner) this.events.write(toCrlf(this.banner));
    this.editor.start();
  }

  /** The terminal was closed: a running ping stops. */
  close(): void {
    this.running?.cancel();
    this.running = undefined;
  }

  input(data: string): void {
    if (!this.running) return this.editor.feed(data);
    if (data.includes('\x03')) this.running.interrupt();
  }

  private submit(typed: string): void | 'running' {
    // A command that needs more lines (top-level shell): collect them behind bash's `> ` prompt.
    if (this.frames.length === 0 && (this.pending || typed.trim() !== '')) {
      const text = this.pending + typed;
      if (isIncomplete(text)) {
        this.pending = text + '\n';
        return;
      }
      this.pending = '';
      if (text.includes('\n')) return this.runLive(text);
    }
    const line = typed;
    // In an `ssh` session (and no docker exec shell open), `exit` is the shell's: back to the previous host.
    const exit = this.frames.length === 0 && this.shell.sshDepth > 0 ? null : EXIT.exec(line);
    const status = exit && (exit[1] === undefined ? this.shell.lastStatus : Number(exit[1]) & 255);
    if (exit && this.frames.pop()) {
      this.shell.lastStatus = status!;
      return;
    }
    if (exit) return this.exit(status!);
    if (line.trim() === '') return;
    const frame = this.frames[this.frames.length - 1];
    const interval = !frame || frame.wrap ? unboundedPing(line) : undefined;
    if (interval !== undefined) return this.runUntilInterrupted(frame?.wrap ? frame.wrap(line) : line, interval);
    const started = startFrame(this.shell, line);
    if (started && 'frame' in started) {
      this.frames.push(started.frame);
      return;
    }
    if (started) {
      for (const chunk of started.failed) this.events.write(chunkText(chunk));
      return;
    }
    if (frame) {
      for (const chunk of frame.run(line)) this.events.write(chunkText(chunk));
      return;
    }
    return this.runLive(line);
  }

  /** Runs a line of the terminal's own shell: at once, or live until it ends or Ctrl-C (LiveLine). */
  private runLive(line: string): void | 'running' {
    let starting = true;
    const live = new LiveLine(this.shell, this.shell.start(line, { interactive: true }), this.timers, (text) => this.events.write(text), () => {
      this.running = undefined;
      if (!starting) this.editor.resume();
    });
    this.running = live;
    const goesOn = live.start();
    starting = false;
    if (!goesOn) this.running = undefined;
    return this.running ? 'running' : undefined;
  }

  private runUntilInterrupted(line: string, interval: number): void | 'running' {
    let starting = true;
    const ping = new RunningPing(this.shell, line, interval, this.timers, (text) => this.events.write(text), () => {
      this.running = undefined;
      // A ping that failed at once ends inside submit(): the editor prompts as after any line.
      if (!starting) this.editor.resume();
    });
    this.running = ping;
    ping.start();
    starting = false;
    return this.running ? 'running' : undefined;
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
