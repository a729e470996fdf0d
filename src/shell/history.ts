/**
 * `history` (bash manual 9.2): the lines an interactive shell (the terminal) read, numbered as
 * bash prints them (`%5d  %s`). A lab cell or a script is not interactive and keeps none.
 */
import type { Output } from './types';

/** `history [-c] [N]` */
export function historyBuiltin(args: string[], history: string[], out: Output): number {
  if (args[0] === '-c') {
    history.length = 0;
    return 0;
  }
  const arg = args[0];
  if (arg !== undefined && !/^\d+$/.test(arg)) {
    out.err(`bash: history: ${arg}: ${arg.startsWith('-') ? 'invalid option' : 'numeric argument required'}`);
    if (arg.startsWith('-')) out.err('history: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]');
    return arg.startsWith('-') ? 2 : 1;
  }
  const count = arg === undefined ? history.length : Math.min(Number(arg), history.length);
  const first = history.length - count;
  for (let k = first; k < history.length; k++) out.line(`${String(k + 1).padStart(5)}  ${history[k]}`);
  return 0;
}
