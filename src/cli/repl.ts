/**
 * `vethlab shell`: an interactive prompt on one Shell. Readline gives line editing and up/down
 * history; history is kept in ~/.vethlab_history. Ctrl-C clears the line, Ctrl-D or `exit` leaves.
 * When stdin is not a terminal the lines just run, without prompts or history.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import type { Shell } from '../shell/shell';

const HISTORY_SIZE = 1000;
const EXIT = /^\s*(?:exit|logout)(?:\s+(\d+))?\s*$/;

export function historyFile(): string {
  return path.join(os.homedir(), '.vethlab_history');
}

export function runRepl(shell: Shell): Promise<number> {
  const interactive = Boolean(process.stdin.isTTY);
  const rl = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: interactive,
    prompt: shell.prompt,
    history: interactive ? loadHistory() : [],
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
  });
  let status = 0;
  let closed = false;
  const prompt = () => {
    if (!interactive) return;
    rl.setPrompt(shell.prompt);
    rl.prompt();
  };
  if (interactive) rl.on('history', saveHistory);
  rl.on('SIGINT', () => {
    rl.write(null, { ctrl: true, name: 'e' });
    process.stdout.write('^C');
    clearLine(rl);
    status = shell.lastStatus = 130; // bash's $? after Ctrl-C
    prompt();
  });
  rl.on('line', (line) => {
    if (closed) return; // lines already buffered behind an `exit`
    const exit = shell.sshDepth === 0 ? EXIT.exec(line) : null; // in an `ssh` session, exit goes back to the previous host
    if (exit) {
      if (exit[1] !== undefined) status = Number(exit[1]) & 255;
      closed = true;
      rl.close();
      return;
    }
    if (line.trim() !== '') {
      const result = shell.run(line);
      for (const chunk of result.chunks) (chunk.stream === 'stdout' ? process.stdout : process.stderr).write(chunk.text);
      status = result.exitCode;
    }
    prompt();
  });
  return new Promise((resolve) => {
    rl.on('close', () => {
      if (interactive) process.stdout.write('exit\n');
      resolve(status);
    });
    prompt();
  });
}

/**
 * Ends the visible line and empties readline's buffer. `clearLine` is what Node's own REPL
 * uses for Ctrl-C, but it is not in the typings; without it a newline is the best we can do.
 */
function clearLine(rl: readline.Interface): void {
  const clear = (rl as unknown as { clearLine?: () => void }).clearLine;
  if (typeof clear === 'function') clear.call(rl);
  else process.stdout.write('\n');
}

/** Oldest first in the file, newest first for readline. */
function loadHistory(): string[] {
  try {
    const lines = fs.readFileSync(historyFile(), 'utf8').split('\n').filter((l) => l.trim() !== '');
    return lines.slice(-HISTORY_SIZE).reverse();
  } catch {
    return [];
  }
}

function saveHistory(history: string[]): void {
  try {
    fs.writeFileSync(historyFile(), [...history].reverse().map((l) => l + '\n').join(''), { mode: 0o600 });
  } catch {
    // A read-only home only costs the history; the shell keeps working.
  }
}
