/** `-m limit [--limit N/unit] [--limit-burst N]`: rates as xt_limit stores them (1/10000 s per packet). */
import type { MatchModule } from '../../../engine/netfilter/types';
import { paramError, type IptError } from '../errors';
import { strtoui } from '../numbers';
import { x6Checks } from './common';
import type { ExtOption, MatchExtension } from './types';

type LimitModule = Extract<MatchModule, { kind: 'limit' }>;

const SCALE = 10000;
const DEFAULT_BURST = 5;
const UNITS: [string, number][] = [['second', 1], ['minute', 60], ['hour', 3600], ['day', 86400]];
/** How print_rate names periods, largest first. */
const RATES: [string, number][] = [['day', SCALE * 86400], ['hour', SCALE * 3600], ['min', SCALE * 60], ['sec', SCALE]];

const OPTIONS: ExtOption[] = [
  { name: 'limit', hasArg: 1, id: 'limit' },
  { name: 'limit-burst', hasArg: 1, id: 'burst' },
];

/** parse_rate: "N", "N/second", "N/m" ... */
function parseRate(text: string): number | IptError {
  const bad = paramError(`bad rate "${text}"'`);
  const slash = text.indexOf('/');
  let mult = 1;
  if (slash >= 0) {
    const unit = text.slice(slash + 1).toLowerCase();
    const hit = unit ? UNITS.find(([name]) => name.startsWith(unit)) : undefined;
    if (!hit) return bad;
    mult = hit[1];
  }
  const r = Number(/^\s*[+-]?\d+/.exec(text)?.[0] ?? 0);
  if (!r || r < 0) return bad;
  const avg = Math.floor((SCALE * mult) / r);
  return avg === 0 ? paramError(`Rate too fast "${text}"`) : avg;
}

export const limitMatch: MatchExtension<{ avg: number; burst: number }> = {
  name: 'limit',
  options: OPTIONS,
  init: () => ({ avg: (SCALE * 3600) / 3, burst: DEFAULT_BURST }),
  parse(id, arg, invert, state, _env, seen) {
    const check = x6Checks('limit', OPTIONS, id, invert, seen, false);
    if (check) return check;
    if (id === 'burst') {
      const burst = strtoui(arg, 10000);
      if (burst === null) return paramError('limit: bad value for option "--limit-burst", or out of range (0-10000).\n');
      state.burst = burst || DEFAULT_BURST;
      return null;
    }
    const avg = parseRate(arg);
    if (typeof avg !== 'number') return avg;
    state.avg = avg;
    return null;
  },
  final: () => null,
  build: (s) => ({ kind: 'limit', avg: s.avg, burst: s.burst }),
};

/** print_rate: the largest unit that still divides the period evenly enough. */
function rateText(period: number): string {
  let i = 1;
  for (; i < RATES.length; i++) {
    const mult = RATES[i]![1];
    if (period > mult || Math.floor(mult / period) < mult % period) break;
  }
  const [name, mult] = RATES[i - 1]!;
  return `${Math.floor(mult / period)}/${name}`;
}

export function listLimit(m: LimitModule): string {
  return ` limit: avg ${rateText(m.avg)} burst ${m.burst}`;
}

export function saveLimit(m: LimitModule): string {
  return ` --limit ${rateText(m.avg)}${m.burst !== DEFAULT_BURST ? ` --limit-burst ${m.burst}` : ''}`;
}
