/**
 * `test EXPR` and `[ EXPR ]`, bash's builtin: string and integer comparisons, -z/-n, file tests
 * on the simulated filesystem, `!`, `-a`/`-o`, with bash's errors (exit 2).
 */
import { resolvePath } from '../fs';
import type { CommandFn, CommandResult, ShellContext } from '../types';

class TestError {
  constructor(readonly message: string) {}
}

const INT_OPS = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge']);
const STR_OPS = new Set(['=', '==', '!=', '<', '>']);
const FILE_OPS = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x']);

export const testCmd: CommandFn = (argv, ctx) => {
  const name = argv[0] === '[' ? '[' : 'test';
  let args = argv.slice(1);
  if (name === '[') {
    if (args[args.length - 1] !== ']') return error(name, "missing `]'");
    args = args.slice(0, -1);
  }
  try {
    return { stdout: '', stderr: '', exitCode: evaluate(args, ctx, name) ? 0 : 1 };
  } catch (e) {
    if (e instanceof TestError) return error(name, e.message);
    throw e;
  }
};

function error(name: string, message: string): CommandResult {
  return { stdout: '', stderr: `bash: ${name}: ${message}\n`, exitCode: 2 };
}

function evaluate(args: string[], ctx: ShellContext, name: string): boolean {
  const orParts = split(args, '-o');
  return orParts.some((part) => split(part, '-a').every((clause) => primary(clause, ctx, name)));
}

function split(args: string[], op: string): string[][] {
  const out: string[][] = [[]];
  args.forEach((a, i) => {
    // `-a`/`-o` are operators only between operands (a lone `-a` is a string).
    if (a === op && i > 0 && i < args.length - 1) out.push([]);
    else out[out.length - 1]!.push(a);
  });
  return out;
}

function primary(args: string[], ctx: ShellContext, name: string): boolean {
  if (args[0] === '!' && args.length > 1) return !primary(args.slice(1), ctx, name);
  if (args.length === 0) return false;
  if (args.length === 1) return args[0] !== '';
  if (args.length === 2) {
    const [op, operand] = args as [string, string];
    if (op === '-z') return operand === '';
    if (op === '-n') return operand !== '';
    if (FILE_OPS.has(op)) return fileTest(op, operand, ctx);
    throw new TestError(`${op}: unary operator expected`);
  }
  if (args.length === 3) {
    const [left, op, right] = args as [string, string, string];
    if (STR_OPS.has(op)) {
      if (op === '=' || op === '==') return left === right;
      if (op === '!=') return left !== right;
      return op === '<' ? left < right : left > right;
    }
    if (INT_OPS.has(op)) {
      const a = integer(left);
      const b = integer(right);
      return op === '-eq' ? a === b : op === '-ne' ? a !== b : op === '-lt' ? a < b : op === '-le' ? a <= b : op === '-gt' ? a > b : a >= b;
    }
    throw new TestError(`${op}: binary operator expected`);
  }
  throw new TestError('too many arguments');
}

function integer(text: string): bigint {
  if (!/^\s*[-+]?\d+\s*$/.test(text)) throw new TestError(`${text}: integer expression expected`);
  return BigInt(text.trim());
}

function fileTest(op: string, operand: string, ctx: ShellContext): boolean {
  const path = resolvePath(ctx.cwd, operand);
  if (ctx.fs.isDirectory(path)) return op !== '-f' && op !== '-s' ? true : op === '-s';
  const file = ctx.fs.read(path, ctx.ns);
  if (!file.ok) return false;
  if (op === '-d') return false;
  if (op === '-s') return file.data.length > 0;
  return true;
}
