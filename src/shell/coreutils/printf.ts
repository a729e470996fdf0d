/**
 * `printf FORMAT [ARG]...`, bash's builtin: %s %b %c %d %i %u %x %X %o %% with flags, width and
 * precision; backslash escapes in FORMAT; the format is reused while arguments remain.
 */
import type { CommandFn } from '../types';

const SPEC = /%([-+ 0#]*)(\d+|\*)?(?:\.(\d+|\*))?([sbcdiuxXo%])/g;

export const printfCmd: CommandFn = (argv) => {
  const format = argv[1];
  if (format === undefined) return { stdout: '', stderr: 'printf: usage: printf [-v var] format [arguments]\n', exitCode: 2 };
  const args = argv.slice(2);
  let out = '';
  let err = '';
  let status = 0;
  let used = 0;
  const next = () => (used < args.length ? args[used++]! : undefined);
  for (;;) {
    const before = used;
    out += escapes(format).replace(SPEC, (_m, flags: string, width: string | undefined, precision: string | undefined, conv: string) => {
      if (conv === '%') return '%';
      const w = width === '*' ? Number(next() ?? 0) : width === undefined ? undefined : Number(width);
      const p = precision === '*' ? Number(next() ?? 0) : precision === undefined ? undefined : Number(precision);
      const arg = next();
      let text: string;
      if (conv === 's') text = p === undefined ? (arg ?? '') : (arg ?? '').slice(0, p);
      else if (conv === 'b') text = escapes(arg ?? '');
      else if (conv === 'c') text = (arg ?? '').slice(0, 1);
      else {
        const raw = arg ?? '0';
        let n: bigint;
        if (/^\s*[-+]?\d+\s*$/.test(raw)) n = BigInt(raw.trim());
        else if (/^\s*0x[0-9a-f]+\s*$/i.test(raw)) n = BigInt(raw.trim());
        else if (/^'./.test(raw)) n = BigInt(raw.codePointAt(1)!);
        else {
          err += `bash: printf: ${raw}: invalid number\n`;
          status = 1;
          n = 0n;
        }
        const neg = n < 0n;
        const abs = neg ? -n : n;
        text = conv === 'x' ? abs.toString(16) : conv === 'X' ? abs.toString(16).toUpperCase() : conv === 'o' ? abs.toString(8) : abs.toString();
        if (p !== undefined) text = text.padStart(p, '0');
        const sign = neg ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
        if (flags.includes('0') && !flags.includes('-') && w !== undefined && p === undefined) text = text.padStart(w - sign.length, '0');
        text = sign + text;
      }
      if (w !== undefined) text = flags.includes('-') ? text.padEnd(w) : text.padStart(w);
      return text;
    });
    if (used === before || used >= args.length) break;
  }
  return { stdout: out, stderr: err, exitCode: status };
};

/** Backslash escapes as printf and `echo -e` read them. */
function escapes(text: string): string {
  return text.replace(/\\(0[0-7]{0,3}|[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/g, (_m, e: string) => {
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', '\\': '\\', '"': '"', "'": "'" };
    if (e in simple) return simple[e]!;
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8) & 255);
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    return '\\' + e;
  });
}
