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

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ctime(3) of a simulated instant, without the newline: "Tue Nov 24 13:22:31 2026" (UTC). */
export function ctime(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}
