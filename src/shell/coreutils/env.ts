/**
 * GNU env (coreutils 9.1): with no command, the environment as the shell holds it (in the order
 * the variables were set, one NAME=VALUE a line, NUL-ended with -0); -i starts from an empty one,
 * -u NAME removes a variable, NAME=VALUE sets one, then COMMAND runs with it. Exit 125 for a
 * usage error, 127 when COMMAND does not exist.
 */
import { Output, type CommandFn, success } from '../types';
import { usageError } from './usage';

export const env: CommandFn = (argv, ctx) => {
  let vars: Record<string, string> = { ...ctx.env };
  let nul = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-') {
      vars = {};
      continue;
    }
    if (!a.startsWith('-') || a.length === 1) break;
    if (a === '--ignore-environment') {
      vars = {};
      continue;
    }
    if (a === '--null') {
      nul = true;
      continue;
    }
    for (let k = 1; k < a.length; k++) {
      const f = a[k]!;
      if (f === 'i') vars = {};
      else if (f === '0') nul = true;
      else if (f === 'u') {
        const name = k + 1 < a.length ? a.slice(k + 1) : argv[++i];
        if (name === undefined) return usageError('env', "option requires an argument -- 'u'", 125);
        if (name.includes('=')) return new Output().err(`env: cannot unset '${name}': Invalid argument`).done(125);
        delete vars[name];
        break;
      } else return usageError('env', `invalid option -- '${f}'`, 125);
    }
  }
  for (; i < argv.length && argv[i]!.includes('='); i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    vars[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const command = argv.slice(i);
  if (command.length === 0) {
    const end = nul ? '\0' : '\n';
    return success(Object.entries(vars).map(([k, v]) => `${k}=${v}${end}`).join(''));
  }
  if (nul) return new Output().err("env: cannot specify --null (-0) with command\nTry 'env --help' for more information.").done(125);
  const result = ctx.exec(command, { ...ctx, env: vars });
  if (result.exitCode === 127 && result.stderr === `bash: ${command[0]}: command not found\n`) return new Output().err(`env: '${command[0]}': No such file or directory`).done(127);
  return result;
};
