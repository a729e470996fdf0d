/** `help [COMMAND]`: the documentation table, in the terminal (bash's own `help` lists builtins; ours lists the simulated programs). */
import { type CommandFn, success } from '../types';
import { helpText } from './index';

export const help: CommandFn = (argv) => {
  const name = argv[1];
  const text = helpText(name);
  if (text === undefined) return { stdout: '', stderr: `bash: help: no help topics match \`${name}'.  Try \`help help' or \`man -k ${name}' or \`info ${name}'.\n`, exitCode: 1 };
  return success(text);
};
