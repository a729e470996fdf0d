/**
 * The iptables command as do_parse leaves it: which command (bit flags, as several may combine),
 * its chain and arguments, the option flags, and the rule being specified.
 */
import type { MatchExtension, TargetExtension } from './ext/types';

export const CMD = {
  NONE: 0,
  INSERT: 1 << 0,
  DELETE: 1 << 1,
  DELETE_NUM: 1 << 2,
  REPLACE: 1 << 3,
  APPEND: 1 << 4,
  LIST: 1 << 5,
  FLUSH: 1 << 6,
  ZERO: 1 << 7,
  NEW_CHAIN: 1 << 8,
  DELETE_CHAIN: 1 << 9,
  SET_POLICY: 1 << 10,
  RENAME_CHAIN: 1 << 11,
  LIST_RULES: 1 << 12,
  ZERO_NUM: 1 << 13,
  CHECK: 1 << 14,
} as const;

/** cmdflags[]: the letter of each command bit. */
export const CMD_CHARS = ['I', 'D', 'D', 'R', 'A', 'L', 'F', 'Z', 'N', 'X', 'P', 'E', 'S', 'Z', 'C'];

export const OPT = {
  NUMERIC: 1 << 0,
  SOURCE: 1 << 1,
  DESTINATION: 1 << 2,
  PROTOCOL: 1 << 3,
  JUMP: 1 << 4,
  VERBOSE: 1 << 5,
  EXPANDED: 1 << 6,
  VIANAMEIN: 1 << 7,
  VIANAMEOUT: 1 << 8,
  LINENUMBERS: 1 << 9,
  COUNTERS: 1 << 10,
  FRAGMENT: 1 << 11,
} as const;

/** optflags[]: the letter of each option bit, as messages print it. */
export const OPT_CHARS = ['n', 's', 'd', 'p', 'j', 'v', 'x', 'i', 'o', '0', 'c', 'f'];

/** Which options can take a `!`. */
export const OPT_INVERTIBLE = [false, true, true, true, false, false, false, true, true, false, false, true];

/**
 * commands_v_options: per command, per option: 'x' illegal, ' ' allowed.
 * Columns: -n -s -d -p -j -v -x -i -o --line -c -f
 */
export const COMMANDS_V_OPTIONS: string[] = [
  /* INSERT */ 'x     x  x  ',
  /* DELETE */ 'x     x  xx ',
  /* DELETE_NUM */ 'xxxxx xxxxxx',
  /* REPLACE */ 'x     x  x  ',
  /* APPEND */ 'x     x  x  ',
  /* LIST */ ' xxxx  xx xx',
  /* FLUSH */ 'xxxxx xxxxxx',
  /* ZERO */ 'xxxxx xxxxxx',
  /* NEW_CHAIN */ 'xxxxx xxxxxx',
  /* DEL_CHAIN */ 'xxxxx xxxxxx',
  /* SET_POLICY */ 'xxxxx xxxx x',
  /* RENAME */ 'xxxxx xxxxxx',
  /* LIST_RULES */ 'xxxxx xxxxxx',
  /* ZERO_NUM */ 'xxxxx xxxxxx',
  /* CHECK */ 'x     x  xx ',
];

export interface LoadedMatch {
  ext: MatchExtension;
  state: unknown;
  /** Option ids given so far, for "can only be used once" and final checks. */
  seen: Set<string>;
  /** This instance's option keys in the getopt table. */
  key: string;
  /** Load order: later extensions' options are found first. */
  order: number;
}

export interface LoadedTarget {
  ext: TargetExtension;
  state: unknown;
  seen: Set<string>;
  key: string;
  order: number;
}

export interface ParsedArgs {
  command: number;
  chain: string | null;
  newName: string | null;
  policy: string | null;
  /** 1-based rule number, 0 when none was given. */
  rulenum: number;
  table: string;
  options: number;
  verbose: number;
  /** Negations by option letter (s, d, p, i, o, f). */
  inverted: Set<string>;
  source: string | null;
  destination: string | null;
  protocol: string | null;
  protoNum: number | null;
  inIface: string | null;
  outIface: string | null;
  jumpto: string | null;
  isGoto: boolean;
  target: LoadedTarget | null;
  matches: LoadedMatch[];
  protoUsed: boolean;
  counters: { packets: number; bytes: number } | null;
  /** Text written to stderr even when the command succeeds. */
  warnings: string;
  waitSet: boolean;
  waitIntervalSet: boolean;
}

export function emptyArgs(): ParsedArgs {
  return {
    command: CMD.NONE,
    chain: null,
    newName: null,
    policy: null,
    rulenum: 0,
    table: 'filter',
    options: 0,
    verbose: 0,
    inverted: new Set(),
    source: null,
    destination: null,
    protocol: null,
    protoNum: null,
    inIface: null,
    outIface: null,
    jumpto: null,
    isGoto: false,
    target: null,
    matches: [],
    protoUsed: false,
    counters: null,
    warnings: '',
    waitSet: false,
    waitIntervalSet: false,
  };
}

/** The letter of a command bit set: the highest bit wins, as cmd2char does. */
export function cmdChar(bits: number): string {
  let i = 0;
  for (let b = bits; b > 1; b >>= 1) i++;
  return CMD_CHARS[i] ?? '?';
}

export function optChar(bit: number): string {
  return OPT_CHARS[Math.log2(bit)] ?? '?';
}
