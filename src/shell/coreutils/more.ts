/** `more`/`less` writing to a pipe or a lab cell (not a terminal): they print their input unpaged, as the real ones do. */
import { resolvePath } from '../fs';
import { fsMessage } from '../fsmessage';
import { type CommandFn, success } from '../types';

export const pager: CommandFn = (argv, ctx) => {
  const name = argv[0]!.slice(argv[0]!.lastIndexOf('/') + 1);
  const files = argv.slice(1).filter((a) => !a.startsWith('-'));
  if (files.length === 0) return success(ctx.stdin);
  let stdout = '';
  let stderr = '';
  for (const file of files) {
    const read = ctx.fs.read(resolvePath(ctx.cwd, file), ctx.ns);
    if (read.ok) stdout += files.length > 1 && name === 'more' ? `::::::::::::::\n${file}\n::::::::::::::\n${read.data}` : read.data;
    // Recorded (util-linux 2.38 more, less 590): the error goes to stderr for more, to stdout for less; both exit 0.
    else if (name === 'more') stderr += `more: cannot open ${file}: ${fsMessage(read.error)}\n`;
    else stdout += `${file}: ${fsMessage(read.error)}\n`;
  }
  return { stdout, stderr, exitCode: 0 };
};
