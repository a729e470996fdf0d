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
