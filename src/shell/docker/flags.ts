/** pflag-style parsing for docker's subcommands: -dit, -p8080:80, --name=x, --name x, repeatable flags. */

export interface FlagSpec {
  long: string;
  short?: string;
  value: boolean;
}

export interface Parsed {
  flags: Record<string, string[]>;
  args: string[];
}

/**
 * A subcommand's flags, one word each as `[SHORT|]LONG[=]`: `d|detach` is -d/--detach, a switch;
 * `name=` takes a value (--name=x, --name x); `p|publish=` is both. Words, not an object per flag:
 * docker's several hundred flags cost 8 KB less of each extension bundle (issue 9's 1 MB).
 */
const specCache = new Map<string, FlagSpec[]>();

export function flagSpecs(words: string): FlagSpec[] {
  // Each subcommand asks with the same literal every time: split it once.
  const cached = specCache.get(words);
  if (cached) return cached;
  const specs = words.trim().split(/\s+/).map((word) => {
    const value = word.endsWith('=');
    const [first, second] = (value ? word.slice(0, -1) : word).split('|');
    return second === undefined ? { long: first!, value } : { long: second, short: first!, value };
  });
  specCache.set(words, specs);
  return specs;
}

/** The lookup tables of a spec list, built once per list (docker run has a hundred flags). */
const tableCache = new WeakMap<FlagSpec[], { byLong: Map<string, FlagSpec>; byShort: Map<string, FlagSpec> }>();
function tables(specs: FlagSpec[]): { byLong: Map<string, FlagSpec>; byShort: Map<string, FlagSpec> } {
  let t = tableCache.get(specs);
  if (!t) tableCache.set(specs, (t = { byLong: new Map(specs.map((s) => [s.long, s])), byShort: new Map(specs.filter((s) => s.short).map((s) => [s.short!, s])) }));
  return t;
}

export type ParseResult = { ok: true; value: Parsed } | { ok: false; error: string };

/** `interspersed: false` stops at the first argument (run IMAGE CMD..., exec CONTAINER CMD...). */
export function parseFlags(argv: string[], specs: FlagSpec[], interspersed: boolean): ParseResult {
  const flags: Record<string, string[]> = {};
  const args: string[] = [];
  const { byLong, byShort } = tables(specs);
  const put = (s: FlagSpec, v: string) => (flags[s.long] ??= []).push(v);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byLong.get(name);
      if (!spec) return { ok: false, error: `unknown flag: --${name}` };
      if (!spec.value) {
        put(spec, eq >= 0 ? a.slice(eq + 1) : 'true');
        continue;
      }
      if (eq >= 0) put(spec, a.slice(eq + 1));
      else if (i + 1 < argv.length) put(spec, argv[++i]!);
      else return { ok: false, error: `flag needs an argument: --${name}` };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j]!;
        const spec = byShort.get(ch);
        if (!spec) return { ok: false, error: `unknown shorthand flag: '${ch}' in ${a}` };
        if (!spec.value) {
          put(spec, 'true');
          continue;
        }
        const rest = a.slice(j + 1).replace(/^=/, '');
        if (rest.length > 0) put(spec, rest);
        else if (i + 1 < argv.length) put(spec, argv[++i]!);
        else return { ok: false, error: `flag needs an argument: '${ch}' in -${ch}` };
        break;
      }
      continue;
    }
    if (!interspersed) {
      args.push(...argv.slice(i));
      break;
    }
    args.push(a);
  }
  return { ok: true, value: { flags, args } };
}

export function has(p: Parsed, long: string): boolean {
  const v = p.flags[long];
  return v !== undefined && v[v.length - 1] !== 'false';
}

export function last(p: Parsed, long: string): string | undefined {
  const v = p.flags[long];
  return v ? v[v.length - 1] : undefined;
}

export function all(p: Parsed, long: string): string[] {
  return p.flags[long] ?? [];
}
