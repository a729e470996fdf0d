/**
 * GNU seq (coreutils 9.1): FIRST, INCREMENT and LAST default to 1; integers print as integers,
 * otherwise with as many decimals as FIRST or INCREMENT has (`seq 1 0.5 2`: 1.0 1.5 2.0).
 * It stops once the line's output limit is passed (the shell cuts the rest anyway).
 */
import { LIMITS } from '../../engine/limits';
import { type CommandFn, success } from '../types';
import { usageError } from './usage';

/** strtold's forms that seq takes: decimal, exponent, hex; anything else is refused. */
function parse(arg: string): number | undefined {
  const t = arg.trim();
  if (/^[+-]?0x[0-9a-f]+$/i.test(t)) return (t.startsWith('-') ? -1 : 1) * parseInt(t.replace(/^[+-]/, ''), 16);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
  return Number(t);
}

/** Digits after the point as written (none with an exponent or for hex). */
function decimals(arg: string): number {
  const m = /\.(\d*)$/.exec(arg.trim());
  return m ? m[1]!.length : 0;
}

export const seq: CommandFn = (argv) => {
  const operands: string[] = [];
  let options = true;
  for (const a of argv.slice(1)) {
    if (options && a === '--') options = false;
    else if (options && /^-[^\d.]/.test(a)) return usageError('seq', `invalid option -- '${a[1]}'`);
    else operands.push(a);
  }
  if (operands.length === 0) return usageError('seq', 'missing operand');
  if (operands.length > 3) return usageError('seq', `extra operand '${operands[3]}'`);
  const values: number[] = [];
  for (const op of operands) {
    const v = parse(op);
    if (v === undefined || !Number.isFinite(v)) return usageError('seq', `invalid floating point argument: '${op}'`);
    values.push(v);
  }
  const [first, step, last] = operands.length === 1 ? [1, 1, values[0]!] : operands.length === 2 ? [values[0]!, 1, values[1]!] : [values[0]!, values[1]!, values[2]!];
  if (step === 0) return usageError('seq', `invalid Zero increment value: '${operands[1]}'`);
  const places = Math.max(decimals(operands.length > 1 ? operands[0]! : '1'), operands.length === 3 ? decimals(operands[1]!) : 0);
  let out = '';
  for (let i = 0; ; i++) {
    // Rounded to the printed decimals, as GNU's long doubles land on them (seq 0.1 0.1 0.3 ends at 0.3).
    const v = places > 0 ? Number((first + i * step).toFixed(places)) : first + i * step;
    if (step > 0 ? v > last : v < last) break;
    out += (places > 0 ? v.toFixed(places) : String(v)) + '\n';
    if (out.length > LIMITS.outputBytesPerLine) break;
  }
  return success(out);
};
