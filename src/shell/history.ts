/**
 * `history` (bash manual 9.2): the lines an interactive shell (the terminal) read, numbered as
 * bash prints them (`%5d  %s`). Only the last HISTSIZE (default 500) are kept; their numbers go
 * on counting. A lab cell or a script is not interactive and keeps none.
 */
import type { Output } from './types';

export class History {
  readonly lines: string[] = [];
  /** How many older lines were dropped: the first kept line is number dropped + 1. */
  dropped = 0;

  add(line: string, size: number): void {
    this.lines.push(line);
    const over = this.lines.length - Math.max(0, size);
    if (over > 0) {
      this.lines.splice(0, over);
      this.dropped += over;
    }
  }

  clear(): void {
    this.lines.length = 0;
    this.dropped = 0;
  }
}

/** HISTSIZE as bash reads it: a number, else 500. */
export function historySize(value: string | undefined): number {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : 500;
}

/** `history [-c] [N]` */
export function historyBuiltin(args: string[], history: History, out: Output): number {
  if (args[0] === '-c') {
    history.clear();
    return 0;
  }
  const arg = args[0];
  if (arg !== undefined && !/^\d+$/.test(arg)) {
    out.err(`bash: history: ${arg}: ${arg.startsWith('-') ? 'invalid option' : 'numeric argument required'}`);
    if (arg.startsWith('-')) out.err('history: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]');
    return arg.startsWith('-') ? 2 : 1;
  }
  const lines = history.lines;
  const count = arg === undefined ? lines.length : Math.min(Number(arg), lines.length);
  for (let k = lines.length - count; k < lines.length; k++) out.line(`${String(history.dropped + k + 1).padStart(5)}  ${lines[k]}`);
  return 0;
}
