/** GNU coreutils' usage errors: `PROG: MESSAGE` then `Try 'PROG --help' for more information.` */
import { Output, type CommandResult } from '../types';

export function usageError(program: string, message: string, status = 1): CommandResult {
  return new Output().err(`${program}: ${message}\nTry '${program} --help' for more information.`).done(status);
}

/** The first option letter of `arg` (after a single dash) that is not in `known`, if any. */
export function unknownLetter(arg: string, known: string): string | undefined {
  return [...arg.slice(1)].find((c) => !known.includes(c));
}
