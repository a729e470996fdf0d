/** whoami and id: the simulated shell is root (uid 0, gid 0), as on a lab VM logged in as root; id USER reads /etc/passwd and /etc/group. */
import { Output, type CommandFn, success } from '../types';
import { unknownLetter, usageError } from './usage';
import { findUser, groupsOf, readGroups, readUsers } from './users';

export const whoami: CommandFn = (argv) => {
  const arg = argv[1];
  if (arg !== undefined && arg.startsWith('-') && arg !== '-' && arg !== '--') return usageError('whoami', `invalid option -- '${arg[1]}'`);
  const operands = argv.slice(1).filter((a) => a !== '--');
  if (operands.length > 0) return usageError('whoami', `extra operand '${operands[0]}'`);
  return success('root\n');
};

/**
 * `id [-u|-g|-G] [-n] [USER]`: the shell's own credentials (root, as it logged in: a usermod shows
 * after logging in again), or USER's from /etc/passwd and /etc/group.
 */
export const id: CommandFn = (argv, ctx) => {
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
  const all = readUsers(ctx);
  const user = users[0] === undefined ? findUser(all, 'root') : findUser(all, users[0]);
  if (!user) return new Output().err(`id: '${users[0]}': no such user`).done(1);
  if (only === null && names) return new Output().err('id: cannot print only names or real IDs in default format').done(1);
  const groups = users[0] === undefined ? groupsOf(user, readGroups(ctx)).slice(0, 1) : groupsOf(user, readGroups(ctx));
  const primary = groups[0]!;
  if (only === 'u') return success((names ? user.name : String(user.uid)) + '\n');
  if (only === 'g') return success((names ? primary.name : String(primary.gid)) + '\n');
  if (only === 'G') return success(groups.map((g) => (names ? g.name : String(g.gid))).join(' ') + '\n');
  return success(`uid=${user.uid}(${user.name}) gid=${primary.gid}(${primary.name}) groups=${groups.map((g) => `${g.gid}(${g.name})`).join(',')}\n`);
};
