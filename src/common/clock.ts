/** Simulated time in milliseconds since the world was created. Nothing reads the real clock. */
export interface Clock {
  now(): number;
  /** Wall-clock epoch (ms) that simulated time 0 corresponds to, for printed dates. */
  readonly epoch: number;
}

export class SimClock implements Clock {
  private t = 0;
  constructor(readonly epoch = Date.UTC(2026, 0, 15, 9, 30, 0)) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    if (ms > 0) this.t += ms;
  }
  set(ms: number): void {
    this.t = ms;
  }
}

export const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The calendar fields (UTC) of a simulated instant; the only place that builds a Date. */
export interface UtcParts {
  year: number;
  /** 0-11 */
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** ISO 8601 with milliseconds: 2026-01-15T09:30:00.000Z */
  iso: string;
}

export function utcParts(epochMs: number): UtcParts {
  const d = new Date(epochMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    iso: d.toISOString(),
  };
}

export const two = (n: number): string => String(n).padStart(2, '0');

/** HH:MM:SS of a simulated instant. */
export function hms(p: UtcParts): string {
  return `${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}

/** ctime(3) of a simulated instant, without the newline: "Tue Nov 24 13:22:31 2026" (UTC). */
export function ctime(epochMs: number): string {
  const p = utcParts(epochMs);
  return `${DAYS[p.weekday]} ${MONTHS[p.month]} ${String(p.day).padStart(2)} ${hms(p)} ${p.year}`;
}

/** RFC 7231 date as HTTP servers send it: "Tue, 24 Nov 2026 13:22:31 GMT". */
export function httpDate(epochMs: number): string {
  const p = utcParts(epochMs);
  return `${DAYS[p.weekday]}, ${two(p.day)} ${MONTHS[p.month]} ${p.year} ${hms(p)} GMT`;
}
