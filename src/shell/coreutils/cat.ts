/** cat FILE...: reads the simulated files (/proc/sys/net, /etc) and the user's real ones. */
import { resolvePath } from '../fs';
import { fsMessage } from '../fsmessage';
import { Output, type CommandFn, success } from '../types';

export const cat: CommandFn = (argv, ctx) => {
  const files = argv.slice(1).filter((a) => a !== '-' || true);
  if (files.length === 0) return success(ctx.stdin);
  const out = new Output();
  let status = 0;
  for (const name of files) {
    if (name === '-') {
      out.out(ctx.stdin);
      continue;
    }
    if (name.startsWith('-')) return out.err(`cat: invalid option -- '${name.slice(1, 2)}'\nTry 'cat --help' for more information.`).done(1);
    const file = ctx.fs.read(resolvePath(ctx.cwd, name), ctx.ns);
    if (file.ok) out.out(file.data);
    else {
      out.err(`cat: ${name}: ${fsMessage(file.error)}`);
      status = 1;
    }
  }
  return out.done(status);
};
