/** Debian's which (debianutils 5.7): the path of each program found, nothing for a missing one, exit 1 if any is missing. */
import { type CommandFn } from '../types';
import { programPath } from './program-paths';

export function whichWith(known: (name: string) => boolean): CommandFn {
  return (argv) => {
    const names = argv.slice(1).filter((a) => a !== '-a' && a !== '-s');
    const silent = argv.includes('-s');
    let stdout = '';
    let missing = names.length === 0;
    for (const name of names) {
      const path = programPath(name, known);
      if (path === undefined) missing = true;
      else if (!silent) stdout += path + '\n';
    }
    return { stdout, stderr: '', exitCode: missing ? 1 : 0 };
  };
}
