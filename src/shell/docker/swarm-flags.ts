/**
 * Flag values of `docker swarm update` / `swarm ca` as pflag parses them (Go's time.ParseDuration,
 * strconv.ParseInt/ParseUint/ParseBool), with pflag's "invalid argument" errors (exit 125).
 */
import { fail, type CommandResult } from '../types';

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** time.ParseDuration in ms, or Go's error text. */
export function parseGoDuration(text: string): number | string {
  const invalid = `time: invalid duration ${JSON.stringify(text)}`;
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return invalid;
  let total = 0;
  while (rest !== '') {
    const num = /^(\d*)(?:\.(\d*))?/.exec(rest)!;
    if (num[0] === '' || num[0] === '.') return invalid;
    rest = rest.slice(num[0].length);
    const unit = /^[^\d.]*/.exec(rest)![0];
    if (unit === '') return `time: missing unit in duration ${JSON.stringify(text)}`;
    const scale = UNITS[unit];
    if (scale === undefined) return `time: unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(text)}`;
    total += Number(num[0].startsWith('.') ? '0' + num[0] : num[0]) * scale;
    rest = rest.slice(unit.length);
  }
  return sign * total;
}

/** time.Duration.String() for whole seconds and up: 2160h0m0s, 1h0m0s, 5s. */
export function formatGoDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${s % 60}s`;
  return `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m${s % 60}s`;
}

export function parseGoInt(text: string, unsigned: boolean): number | string {
  const fn = unsigned ? 'strconv.ParseUint' : 'strconv.ParseInt';
  if (!(unsigned ? /^\+?\d+$/ : /^[+-]?\d+$/).test(text)) return `${fn}: parsing ${JSON.stringify(text)}: invalid syntax`;
  const n = BigInt(text);
  if (unsigned ? n > 18446744073709551615n : n > 9223372036854775807n || n < -9223372036854775808n) return `${fn}: parsing ${JSON.stringify(text)}: value out of range`;
  return Number(text);
}

const TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

export function parseGoBool(text: string): boolean | string {
  if (TRUE.includes(text)) return true;
  if (FALSE.includes(text)) return false;
  return `strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax`;
}

/** parseExternalCA's checks on `protocol=cfssl,url=…`. */
export function externalCaError(spec: string): string | undefined {
  const fields = spec.split(',');
  const keys = new Set<string>();
  for (const field of fields) {
    const eq = field.indexOf('=');
    if (eq < 0) return `invalid field '${field}' must be a key=value pair`;
    const [key, value] = [field.slice(0, eq), field.slice(eq + 1)];
    if (key === 'protocol' && value.toLowerCase() !== 'cfssl') return `unrecognized external CA protocol ${value}`;
    keys.add(key);
  }
  if (!keys.has('protocol')) return 'the external-ca option needs a protocol= parameter';
  if (!keys.has('url')) return 'the external-ca option needs a url= parameter';
  return undefined;
}

/** pflag's error for a value its type rejects, with the command's usage line (exit 125). */
export function invalidFlagValue(cmd: string, flag: string, value: string, why: string): CommandResult {
  return flagUsageError(cmd, `invalid argument ${JSON.stringify(value)} for "${flag}" flag: ${why}`);
}

/** A flag error of `docker swarm ca|update`: the message, their usage line, the help hint (exit 125). */
export function flagUsageError(cmd: string, message: string): CommandResult {
  return fail(`${message}\n\nUsage:  docker ${cmd} [OPTIONS]\n\nRun 'docker ${cmd} --help' for more information`, 125);
}
