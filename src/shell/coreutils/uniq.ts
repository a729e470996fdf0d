/**
 * GNU uniq (coreutils 9.1): adjacent equal lines once; -c prefixes the count as `%7d `, -d prints
 * only lines that repeat. Input is stdin, `-` or a file; a second operand is the
 * OUTPUT file, a third is an extra operand.
 */
import { Output, type CommandFn, success } from '../types';
import { resolvePath } from '../fs';
import { fsMessage } from '../fsmessage';
import { unknownLetter, usageError } from './usage';

export const uniq: CommandFn = (argv, ctx) => {
  let count = false;
  let repeated = false;
  const operands: string[] = [];
  for (const a of argv.slice(1)) {
    if (a.startsWith('-') && a !== '-') {
      const bad = unknownLetter(a, 'cd');
      if (bad !== undefined) return usageError('uniq', `invalid option -- '${bad}'`);
      if (a.includes('c')) count = true;
      if (a.includes('d')) repeated = true;
    } else operands.push(a);
  }
  if (operands.length > 2) return usageError('uniq', `extra operand '${operands[2]}'`);
  const name = operands[0];
  let text = ctx.stdin;
  if (name !== undefined && name !== '-') {
    const r = ctx.fs.read(resolvePath(ctx.cwd, name), ctx.ns);
    if (!r.ok) return new Output().err(`uniq: ${name}: No such file or directory`).done(1);
    text = r.data;
  }
  const out = new Output();
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && lines[j] === lines[i]) j++;
    if (!repeated || j - i > 1) out.line(count ? `${String(j - i).padStart(7)} ${lines[i]}` : lines[i]!);
    i = j;
  }
  const target = operands[1];
  if (target === undefined || target === '-') return out.done(0);
  const error = ctx.fs.write(resolvePath(ctx.cwd, target), out.stdout, false, ctx.ns);
  if (error) return new Output().err(`uniq: ${target}: ${fsMessage(error)}`).done(1);
  return success();
};
