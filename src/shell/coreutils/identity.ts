/** whoami and id: the simulated shell is root (uid 0, gid 0), as on a lab VM logged in as root. */
import { Output, type CommandFn, success } from '../types';
import { unknownLetter, usageError } from './usage';

export const whoami: CommandFn = (argv) => {
  const arg = argv[1];
  if (arg !== undefined && arg.startsWith('-') && arg !== '-' && arg !== '--') return usageError('whoami', `invalid option -- '${arg[1]}'`);
  const operands = argv.slice(1).filter((a) => a !== '--');
  if (operands.length > 0) return usageError('whoami', `extra operand '${operands[0]}'`);
  return success('root\n');
};

/** `id [-u] [-g] [-n] [root|0]`: uid=0(root) gid=0(root) groups=0(root). */
export const id: CommandFn = (argv) => {
  let only: 'u' | 'g' | 'G' | null = null;
  let names = false;
  const users: string[] = [];
  for (const a of argv.slice(1)) {
    if (a.startsWith('-') && a.length > 1) {
      const bad = unknownLetter(a, 'ugGn');
      if (bad !== undefined) return usageError('id', `invalid option -- '${bad}'`);
      for (const f of a.slice(1)) {
        if (f === 'n') names = true;
        else if (only !== null && only !== f) return new Output().err("id: cannot print \"only\" of more than one choice").done(1);
        else only = f as 'u' | 'g' | 'G';
      }
    } else users.push(a);
  }
  if (users.length > 1) return usageError('id', `extra operand '${users[1]}'`);
  if (users[0] !== undefined && users[0] !== 'root' && users[0] !== '0') return new Output().err(`id: '${users[0]}': no such user`).done(1);
  if (only === null && names) return new Output().err('id: cannot print only names or real IDs in default format').done(1);
  if (only !== null) return success((names ? 'root' : '0') + '\n');
  return success('uid=0(root) gid=0(root) groups=0(root)\n');
};
