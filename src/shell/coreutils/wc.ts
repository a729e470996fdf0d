/**
 * GNU wc (coreutils 9.1): -l -w -c counts of stdin or of files, a `total` line for several
 * files, and GNU's column width: 1 when one count of one input is asked, otherwise the digits
 * of the regular files' total size, at least 7 when stdin (a pipe) is read.
 */
import { Output, type CommandFn } from '../types';

type Count = 'l' | 'w' | 'c';
const ORDER: readonly Count[] = ['l', 'w', 'c'];

function counts(text: string): Record<Count, number> {
  return { l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter(Boolean).length, c: new TextEncoder().encode(text).length };
}

export const wc: CommandFn = (argv, ctx) => {
  const flags = new Set<Count>();
  const files: string[] = [];
  for (const a of argv.slice(1)) {
    if (!/^-[lwc]+$/.test(a)) {
      files.push(a);
      continue;
    }
    for (const f of a.slice(1)) flags.add(f as Count);
  }
  const shown = flags.size ? ORDER.filter((f) => flags.has(f)) : ORDER;
  const out = new Output();
  const inputs: Array<{ name: string | null; text: string; regular: boolean } | null> = (files.length ? files : [null]).map((name) => {
    if (name === null || name === '-') return { name, text: ctx.stdin, regular: false };
    const r = ctx.fs.read(name.startsWith('/') ? name : `${ctx.cwd}/${name}`, ctx.ns);
    if (r.ok) return { name, text: r.data, regular: true };
    out.err(`wc: ${name}: No such file or directory`);
    return null;
  });
  const width = columnWidth(inputs, shown.length);
  const row = (c: Record<Count, number>, name: string | null) => shown.map((f) => String(c[f]).padStart(width)).join(' ') + (name === null ? '' : ` ${name}`);
  const total: Record<Count, number> = { l: 0, w: 0, c: 0 };
  for (const input of inputs) {
    if (!input) continue;
    const c = counts(input.text);
    for (const f of ORDER) total[f] += c[f];
    out.line(row(c, input.name));
  }
  if (inputs.length > 1) out.line(row(total, 'total'));
  return out.done(inputs.includes(null) ? 1 : 0);
};

/** coreutils' compute_number_width (with get_input_fstatus skipping it for one count of one input). */
function columnWidth(inputs: Array<{ text: string; regular: boolean } | null>, shown: number): number {
  if (inputs.length === 1 && shown === 1) return 1;
  if (!inputs[0]) return 1;
  let minimum = 1;
  let size = 0;
  for (const input of inputs) {
    if (!input) continue;
    if (input.regular) size += new TextEncoder().encode(input.text).length;
    else minimum = 7;
  }
  return Math.max(String(size).length, minimum);
}
