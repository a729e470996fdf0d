/** `-j LOG [--log-level L] [--log-prefix P] [--log-tcp-sequence ...]`. */
import type { Target } from '../../../engine/netfilter/types';
import { paramError } from '../errors';
import { strtoui } from '../numbers';
import { saveString, x6Checks } from './common';
import type { ExtOption, TargetExtension } from './types';

type LogTarget = Extract<Target, { kind: 'LOG' }>;

const FLAGS: [string, string, number][] = [
  ['log-tcp-sequence', 'tcp-sequence', 0x01],
  ['log-tcp-options', 'tcp-options', 0x02],
  ['log-ip-options', 'ip-options', 0x04],
  ['log-uid', 'uid', 0x08],
  ['log-macdecode', 'macdecode', 0x20],
];

const OPTIONS: ExtOption[] = [
  { name: 'log-level', hasArg: 1, id: 'level' },
  { name: 'log-prefix', hasArg: 1, id: 'prefix' },
  ...FLAGS.map(([name]) => ({ name, hasArg: 0 as const, id: name })),
];

/** syslog level names iptables accepts. */
const LEVEL_NAMES: Record<string, number> = { emerg: 0, panic: 0, alert: 1, crit: 2, err: 3, error: 3, warn: 4, warning: 4, notice: 5, info: 6, debug: 7 };
/** How the nf_tables backend prints levels. */
const LEVEL_WORDS = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];
const DEFAULT_LEVEL = 4;
const MAX_PREFIX = 29;

interface LogState {
  level: number;
  prefix: string;
  flags: number;
}

export const logTarget: TargetExtension<LogState> = {
  name: 'LOG',
  options: OPTIONS,
  init: () => ({ level: DEFAULT_LEVEL, prefix: '', flags: 0 }),
  parse(id, arg, invert, state, _env, seen) {
    const check = x6Checks('LOG', OPTIONS, id, invert, seen, false);
    if (check) return check;
    if (id === 'level') {
      const level = strtoui(arg, 7) ?? (Object.prototype.hasOwnProperty.call(LEVEL_NAMES, arg) ? LEVEL_NAMES[arg]! : null);
      if (level === null) return paramError(`log level "${arg}" unknown\n`);
      state.level = level;
      return null;
    }
    if (id === 'prefix') {
      if (arg.length < 1) return paramError('Argument must have a minimum length of 1 characters\n');
      state.prefix = arg.slice(0, MAX_PREFIX);
      return null;
    }
    state.flags |= FLAGS.find(([name]) => name === id)?.[2] ?? 0;
    return null;
  },
  final: () => null,
  build: (s) => ({ kind: 'LOG', level: s.level, prefix: s.prefix || null, flags: s.flags }),
};

export function listLog(t: LogTarget, numeric: boolean): string {
  const level = t.level ?? DEFAULT_LEVEL;
  const flags = t.flags ?? 0;
  let out = ' LOG';
  if (numeric) out += ` flags ${flags} level ${level}`;
  else {
    out += LEVEL_WORDS[level] !== undefined ? ` level ${LEVEL_WORDS[level]}` : ` UNKNOWN level ${level}`;
    for (const [, word, bit] of FLAGS) if (flags & bit) out += ` ${word}`;
  }
  if (t.prefix) out += ` prefix "${t.prefix}"`;
  return out;
}

export function saveLog(t: LogTarget): string {
  let out = '';
  if (t.prefix) out += ` --log-prefix${saveString(t.prefix)}`;
  const level = t.level ?? DEFAULT_LEVEL;
  if (level !== DEFAULT_LEVEL) out += ` --log-level ${level}`;
  for (const [name, , bit] of FLAGS) if ((t.flags ?? 0) & bit) out += ` --${name}`;
  return out;
}
