/**
 * GNU date (coreutils 9.1) of the simulated clock, in UTC (the host's time zone): the default
 * format `%a %b %e %H:%M:%S %Z %Y`, -u, -R, -I and +FORMAT with the common % codes and the
 * - _ 0 flags and widths (%-d, %5Y); an unknown code prints as written, as GNU does.
 */
import { DAYS, MONTHS, two, utcParts, type UtcParts } from '../../common/clock';
import { Output, type CommandFn, success } from '../types';
import { usageError } from './usage';

const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DEFAULT = '%a %b %e %H:%M:%S %Z %Y';

function dayOfYear(p: UtcParts): number {
  return Math.floor((Date.UTC(p.year, p.month, p.day) - Date.UTC(p.year, 0, 1)) / 86400000) + 1;
}

/** ISO 8601 week number and its year (%V, %G). */
function isoWeek(p: UtcParts): { week: number; year: number } {
  const monday = (p.weekday + 6) % 7;
  const thursday = Date.UTC(p.year, p.month, p.day - monday + 3);
  const year = utcParts(thursday).year;
  return { week: Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * 86400000)) + 1, year };
}

/** A code's text and how GNU pads it by default: '0' with a width, ' ' with a width, or none. */
function field(code: string, p: UtcParts, epochMs: number): [string, '0' | ' ' | null, number] | undefined {
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  switch (code) {
    case 'a': return [DAYS[p.weekday]!, null, 0];
    case 'A': return [LONG_DAYS[p.weekday]!, null, 0];
    case 'b': case 'h': return [MONTHS[p.month]!, null, 0];
    case 'B': return [LONG_MONTHS[p.month]!, null, 0];
    case 'c': return [format('%a %b %e %H:%M:%S %Y', p, epochMs), null, 0];
    case 'C': return [String(Math.floor(p.year / 100)), '0', 2];
    case 'd': return [String(p.day), '0', 2];
    case 'D': return [format('%m/%d/%y', p, epochMs), null, 0];
    case 'e': return [String(p.day), ' ', 2];
    case 'F': return [format('%Y-%m-%d', p, epochMs), null, 0];
    case 'G': return [String(isoWeek(p).year), '0', 4];
    case 'H': return [String(p.hour), '0', 2];
    case 'I': return [String(hour12), '0', 2];
    case 'j': return [String(dayOfYear(p)), '0', 3];
    case 'k': return [String(p.hour), ' ', 2];
    case 'l': return [String(hour12), ' ', 2];
    case 'm': return [String(p.month + 1), '0', 2];
    case 'M': return [String(p.minute), '0', 2];
    case 'n': return ['\n', null, 0];
    case 'N': return [String(p.millisecond * 1000000), '0', 9];
    case 'p': return [p.hour < 12 ? 'AM' : 'PM', null, 0];
    case 'P': return [p.hour < 12 ? 'am' : 'pm', null, 0];
    case 'r': return [format('%I:%M:%S %p', p, epochMs), null, 0];
    case 'R': return [format('%H:%M', p, epochMs), null, 0];
    case 's': return [String(Math.floor(epochMs / 1000)), null, 0];
    case 'S': return [String(p.second), '0', 2];
    case 't': return ['\t', null, 0];
    case 'T': return [format('%H:%M:%S', p, epochMs), null, 0];
    case 'u': return [String(p.weekday === 0 ? 7 : p.weekday), null, 0];
    case 'U': return [String(Math.floor((dayOfYear(p) - 1 - p.weekday + 7) / 7)), '0', 2];
    case 'V': return [String(isoWeek(p).week), '0', 2];
    case 'w': return [String(p.weekday), null, 0];
    case 'W': return [String(Math.floor((dayOfYear(p) - 1 - ((p.weekday + 6) % 7) + 7) / 7)), '0', 2];
    case 'y': return [two(p.year % 100), null, 0];
    case 'Y': return [String(p.year), null, 0];
    case 'z': return ['+0000', null, 0];
    case ':z': return ['+00:00', null, 0];
    case 'Z': return ['UTC', null, 0];
    case '%': return ['%', null, 0];
    default: return undefined;
  }
}

/** strftime as GNU date does it, for a simulated instant (UTC). */
export function format(spec: string, p: UtcParts, epochMs: number): string {
  let out = '';
  for (let i = 0; i < spec.length; i++) {
    const m = spec[i] === '%' ? /^%([-_0^]?)(\d*)(:?[a-zA-Z%])/.exec(spec.slice(i)) : null;
    const f = m ? field(m[3]!, p, epochMs) : undefined;
    if (!m || !f) {
      out += spec[i];
      continue;
    }
    const [text, pad, width] = f;
    const flag = m[1]!;
    const w = m[2] ? Number(m[2]) : flag === '-' ? 0 : width;
    const fill = flag === '_' ? ' ' : flag === '0' ? '0' : (pad ?? (/^\d+$/.test(text) ? '0' : ' '));
    const shown = flag === '^' ? text.toUpperCase() : text;
    out += shown.length >= w ? shown : shown.padStart(w, fill);
    i += m[0].length - 1;
  }
  return out;
}

export const date: CommandFn = (argv, ctx) => {
  let spec = DEFAULT;
  for (const a of argv.slice(1)) {
    if (a === '-u' || a === '--utc' || a === '--universal') continue;
    if (a === '-R' || a === '--rfc-email') spec = '%a, %d %b %Y %H:%M:%S %z';
    else if (a === '-I' || a === '--iso-8601' || a === '-Idate' || a === '--iso-8601=date') spec = '%F';
    else if (a === '-Iseconds' || a === '--iso-8601=seconds') spec = '%Y-%m-%dT%H:%M:%S%:z';
    else if (a.startsWith('+')) spec = a.slice(1);
    else if (a.startsWith('-') && a.length > 1) return usageError('date', `invalid option -- '${a[1]}'`);
    else return new Output().err(`date: invalid date '${a}'`).done(1);
  }
  const epochMs = ctx.world.clock.epoch + ctx.world.clock.now();
  return success(format(spec, utcParts(epochMs), epochMs) + '\n');
};
