/**
 * glibc getopt_long as iptables calls it: optstring "-:..." (non-options come back in order as
 * code 1, a missing argument as ':'), clustered short options, `--name=value`, unambiguous
 * abbreviations of long names, and an option table that grows as matches and targets load.
 */

export type HasArg = 0 | 1 | 2;

export interface LongOption {
  name: string;
  hasArg: HasArg;
  /** What getopt returns: a short option letter, or an extension's option key. */
  val: string;
}

export type GetoptResult =
  /** An option (or '?' unknown, ':' missing argument) and its argument. */
  | { kind: 'option'; code: string; optarg: string | null }
  | { kind: 'nonoption'; optarg: string }
  | { kind: 'end' };

export class Getopt {
  /** Index of the next argv element, as iptables reads and adjusts it. */
  optind = 1;
  private nextchar = '';

  constructor(
    readonly argv: string[],
    private readonly shorts: Record<string, HasArg>,
  ) {}

  next(longs: LongOption[]): GetoptResult {
    if (this.nextchar === '') {
      if (this.optind >= this.argv.length) return { kind: 'end' };
      const arg = this.argv[this.optind]!;
      if (arg === '--') {
        this.optind++;
        return { kind: 'end' };
      }
      if (!arg.startsWith('-') || arg === '-') {
        this.optind++;
        return { kind: 'nonoption', optarg: arg };
      }
      if (arg.startsWith('--')) return this.long(arg.slice(2), longs);
      this.nextchar = arg.slice(1);
    }
    return this.short();
  }

  /** xs_has_arg: is the next argv element a plain word (not an option, not `!`)? */
  hasArg(): boolean {
    const next = this.argv[this.optind];
    return next !== undefined && !next.startsWith('-') && !next.startsWith('!');
  }

  /** Takes the next argv element (iptables' `argv[optind++]`). */
  take(): string {
    return this.argv[this.optind++]!;
  }

  private long(text: string, longs: LongOption[]): GetoptResult {
    this.optind++;
    const eq = text.indexOf('=');
    const name = eq < 0 ? text : text.slice(0, eq);
    const found = findLong(name, longs);
    if (!found) return { kind: 'option', code: '?', optarg: null };
    if (eq >= 0) {
      if (found.hasArg === 0) return { kind: 'option', code: '?', optarg: null };
      return { kind: 'option', code: found.val, optarg: text.slice(eq + 1) };
    }
    if (found.hasArg === 1) {
      if (this.optind >= this.argv.length) return { kind: 'option', code: ':', optarg: null };
      return { kind: 'option', code: found.val, optarg: this.argv[this.optind++]! };
    }
    return { kind: 'option', code: found.val, optarg: null };
  }

  private short(): GetoptResult {
    const c = this.nextchar[0]!;
    this.nextchar = this.nextchar.slice(1);
    if (this.nextchar === '') this.optind++;
    const hasArg = Object.prototype.hasOwnProperty.call(this.shorts, c) ? this.shorts[c] : undefined;
    if (hasArg === undefined) return { kind: 'option', code: '?', optarg: null };
    if (hasArg === 0) return { kind: 'option', code: c, optarg: null };
    if (this.nextchar !== '') {
      const optarg = this.nextchar;
      this.nextchar = '';
      this.optind++;
      return { kind: 'option', code: c, optarg };
    }
    if (hasArg === 2) return { kind: 'option', code: c, optarg: null };
    if (this.optind >= this.argv.length) return { kind: 'option', code: ':', optarg: null };
    return { kind: 'option', code: c, optarg: this.argv[this.optind++]! };
  }
}

/** Exact name first, else the only abbreviation (several that mean the same option count as one). */
function findLong(name: string, longs: LongOption[]): LongOption | undefined {
  const exact = longs.find((o) => o.name === name);
  if (exact) return exact;
  const prefixed = longs.filter((o) => o.name.startsWith(name));
  const first = prefixed[0];
  if (!first) return undefined;
  const ambiguous = prefixed.some((o) => o.hasArg !== first.hasArg || o.val !== first.val);
  return ambiguous ? undefined : first;
}

/** Parses a getopt optstring ("A:L::n") into letters and argument kinds. */
export function shortOptions(optstring: string): Record<string, HasArg> {
  const out: Record<string, HasArg> = {};
  for (let i = 0; i < optstring.length; i++) {
    const c = optstring[i]!;
    if (c === ':' || c === '-') continue;
    const args = optstring[i + 1] === ':' ? (optstring[i + 2] === ':' ? 2 : 1) : 0;
    out[c] = args;
    i += args;
  }
  return out;
}
