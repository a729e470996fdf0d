/**
 * docker run/create's health-check flags (docker/cli 28 opts.go): --health-cmd becomes
 * ["CMD-SHELL", cmd], --no-healthcheck ["NONE"]; durations in Go's time.ParseDuration syntax.
 */
import type { HealthConfig } from '../../engine/docker/health';
import { has, last, type FlagSpec, type Parsed, flagSpecs } from './flags';

export const HEALTH_FLAGS: FlagSpec[] = flagSpecs(`
  health-cmd= health-interval= health-timeout= health-retries= health-start-period=
  health-start-interval= no-healthcheck
`);

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration in milliseconds ("30s", "1m30s", "500ms", "-1s", "0"); undefined when invalid. */
export function parseGoDuration(text: string): number | undefined {
  const m = /^([-+]?)(.*)$/.exec(text)!;
  const body = m[2]!;
  if (body === '0') return 0;
  if (body === '') return undefined;
  let total = 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let pos = 0;
  while (pos < body.length) {
    re.lastIndex = pos;
    const part = re.exec(body);
    if (!part) return undefined;
    total += Number(part[1]) * UNIT_MS[part[2]!]!;
    pos = re.lastIndex;
  }
  return m[1] === '-' ? -total : total;
}

export type HealthFlags = { ok: true; health?: HealthConfig } | { ok: false; kind: 'flag' | 'client' | 'daemon'; text: string };

function duration(p: Parsed, long: string): number | string | undefined {
  const v = last(p, long);
  if (v === undefined) return undefined;
  const ms = parseGoDuration(v);
  return ms === undefined ? `invalid argument "${v}" for "--${long}" flag: time: invalid duration "${v}"` : ms;
}

export function parseHealthFlags(p: Parsed): HealthFlags {
  const values: Record<string, number> = {};
  for (const long of ['health-interval', 'health-timeout', 'health-start-period', 'health-start-interval']) {
    const v = duration(p, long);
    if (typeof v === 'string') return { ok: false, kind: 'flag', text: v };
    values[long] = v ?? 0;
  }
  const retriesText = last(p, 'health-retries');
  if (retriesText !== undefined && !/^[-+]?\d+$/.test(retriesText)) return { ok: false, kind: 'flag', text: `invalid argument "${retriesText}" for "--health-retries" flag: strconv.ParseInt: parsing "${retriesText}": invalid syntax` };
  const retries = retriesText === undefined ? 0 : Number(retriesText);
  const cmd = last(p, 'health-cmd');
  const settings = cmd !== undefined || retriesText !== undefined || ['health-interval', 'health-timeout', 'health-start-period', 'health-start-interval'].some((l) => last(p, l) !== undefined);
  if (has(p, 'no-healthcheck')) {
    if (settings) return { ok: false, kind: 'client', text: 'docker: --no-healthcheck conflicts with --health-* options' };
    return { ok: true, health: { test: ['NONE'], interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 } };
  }
  if (!settings) return { ok: true };
  for (const [long, v] of Object.entries(values)) if (v < 0) return { ok: false, kind: 'client', text: `docker: --${long} cannot be negative` };
  if (retries < 0) return { ok: false, kind: 'client', text: 'docker: --health-retries cannot be negative' };
  // dockerd (daemon/container.go): a set duration must be at least containertypes.MinimumDuration.
  for (const [long, name] of [['health-interval', 'Interval'], ['health-timeout', 'Timeout'], ['health-start-period', 'StartPeriod'], ['health-start-interval', 'StartInterval']] as const) {
    const v = values[long]!;
    if (v !== 0 && v < 1) return { ok: false, kind: 'daemon', text: `${name} in Healthcheck cannot be less than 1ms` };
  }
  return { ok: true, health: { test: cmd !== undefined ? ['CMD-SHELL', cmd] : [], interval: values['health-interval']!, timeout: values['health-timeout']!, startPeriod: values['health-start-period']!, startInterval: values['health-start-interval']!, retries } };
}
