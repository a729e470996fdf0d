/** `sh -c LINE` / `bash -c LINE`: a child shell in the current namespace (as in `ip netns exec red sh -c '…'`). */
import { Output, type CommandFn, success } from '../types';

export const sh: CommandFn = (argv, ctx) => {
  const name = argv[0]!.slice(argv[0]!.lastIndexOf('/') + 1);
  if (argv[1] === '-c') {
    if (argv[2] === undefined) return new Output().err(`${name}: -c: option requires an argument`).done(2);
    return ctx.runLine(argv[2], ctx);
  }
  if (argv.length === 1) return success();
  return new Output().err(`${name}: ${argv[1]}: No such file or directory`).done(127);
};
