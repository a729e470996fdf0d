/**
 * Dockerfile parsing as BuildKit's frontend does it: `#` comments, `\` continuations, keywords
 * in any case, `--flag=value` options, JSON or shell form, and parse errors with line numbers.
 */

export const INSTRUCTIONS = ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'] as const;

export interface Instruction {
  keyword: string;
  /** The arguments with continuations joined (backslash-newline removed), flags removed. */
  args: string;
  flags: Record<string, string>;
  /** 1-based lines the instruction spans. */
  startLine: number;
  endLine: number;
  /** As BuildKit names its step: the source text with continuations joined. */
  text: string;
}

export type ParseOutcome = { ok: true; instructions: Instruction[] } | { ok: false; line: number; endLine: number; message: string };

export function parseDockerfile(source: string): ParseOutcome {
  const lines = source.split('\n');
  const out: Instruction[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!.replace(/\r$/, '');
    if (/^\s*(#|$)/.test(first)) continue;
    const start = i;
    let text = first;
    while (/\\\s*$/.test(text) && i + 1 < lines.length) {
      text = text.replace(/\\\s*$/, '');
      i++;
      const next = lines[i]!.replace(/\r$/, '');
      if (/^\s*#/.test(next)) continue;
      text += next;
    }
    text = text.replace(/\\\s*$/, '').trim();
    const m = /^(\S+)\s*([\s\S]*)$/.exec(text)!;
    const keyword = m[1]!.toUpperCase();
    if (!(INSTRUCTIONS as readonly string[]).includes(keyword)) return { ok: false, line: start + 1, endLine: i + 1, message: `dockerfile parse error on line ${start + 1}: unknown instruction: ${m[1]}${suggestion(m[1]!)}` };
    const { flags, rest } = splitFlags(m[2]!);
    if (rest === '' && keyword !== 'HEALTHCHECK') return { ok: false, line: start + 1, endLine: i + 1, message: `dockerfile parse error on line ${start + 1}: ${keyword} requires at least one argument` };
    out.push({ keyword, args: rest, flags, startLine: start + 1, endLine: i + 1, text });
  }
  if (out.length === 0) return { ok: false, line: 0, endLine: 0, message: 'the Dockerfile cannot be empty' };
  const firstNonArg = out.find((x) => x.keyword !== 'ARG');
  if (firstNonArg && firstNonArg.keyword !== 'FROM') return { ok: false, line: firstNonArg.startLine, endLine: firstNonArg.endLine, message: `dockerfile parse error on line ${firstNonArg.startLine}: no build stage in current context` };
  return { ok: true, instructions: out };
}

/** buildkit util/suggest: the closest instruction within edit distance 2, in the case the user typed. */
function suggestion(word: string): string {
  const val = word.toLowerCase();
  let best = '';
  let min = 3;
  for (const opt of INSTRUCTIONS.map((o) => o.toLowerCase())) {
    const dist = levenshtein(val, opt);
    if (dist < min) {
      min = dist;
      best = word === word.toLowerCase() ? opt : word === word.toUpperCase() ? opt.toUpperCase() : opt;
    }
  }
  return best ? ` (did you mean ${best}?)` : '';
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

function splitFlags(args: string): { flags: Record<string, string>; rest: string } {
  const flags: Record<string, string> = {};
  let rest = args.trim();
  for (;;) {
    const m = /^--([a-zA-Z-]+)(?:=(\S*))?\s*/.exec(rest);
    if (!m) break;
    flags[m[1]!] = m[2] ?? 'true';
    rest = rest.slice(m[0].length);
  }
  return { flags, rest };
}

/** JSON form (`["a", "b"]`) or undefined for the shell form. */
export function jsonForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) && parsed.every((x) => typeof x === 'string') ? (parsed as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** $VAR and ${VAR} (and ${VAR:-default}) from the build's ARG/ENV values; unknown ones are empty. */
export function substitute(text: string, vars: Record<string, string>): string {
  return text.replace(/\\\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (all, braced: string | undefined, dflt: string | undefined, bare: string | undefined) => {
    if (all === '\\$') return '$';
    const name = braced ?? bare!;
    const v = vars[name];
    return v !== undefined && v !== '' ? v : dflt ?? v ?? '';
  });
}

/** `KEY=VALUE KEY2="with space"` or the old `KEY VALUE` form (ENV, LABEL, ARG). */
export function keyValuePairs(args: string, allowOldForm: boolean): Array<[string, string]> | string {
  if (allowOldForm && !/^[^\s=]+=/.test(args)) {
    const m = /^(\S+)\s+([\s\S]*)$/.exec(args);
    if (!m) return `ENV names can not be blank`;
    return [[m[1]!, m[2]!]];
  }
  const out: Array<[string, string]> = [];
  const re = /([^\s=]+)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(args))) {
    const raw = m[2]!;
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw.startsWith("'") ? raw.slice(1, -1) : raw;
    out.push([m[1]!, value]);
  }
  return out;
}
