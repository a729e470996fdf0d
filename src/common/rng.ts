/** Seeded pseudo-random numbers (mulberry32): the same seed prints the same MACs and ids. */
export interface Rng {
  nextU32(): number;
  /** Float in [0, 1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  bytes(n: number): number[];
  state(): number;
  restore(state: number): void;
}

export class SeededRng implements Rng {
  private s: number;
  constructor(seed = 0x5eed) {
    this.s = seed >>> 0;
  }
  nextU32(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  next(): number {
    return this.nextU32() / 0x100000000;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  bytes(n: number): number[] {
    return Array.from({ length: n }, () => this.nextU32() & 0xff);
  }
  state(): number {
    return this.s;
  }
  restore(state: number): void {
    this.s = state >>> 0;
  }
}
