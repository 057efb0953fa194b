/**
 * A seeded PRNG (mulberry32), so every seeding produces the same texts, owners and likes and
 * runs on different days compare like with like. Not for anything secret.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Whole number in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Standard normal (Box–Muller). */
  normal(mean: number, sd: number): number {
    const u = 1 - this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  hex(bytes: number): string {
    let out = '';
    for (let i = 0; i < bytes; i++)
      out += Math.floor(this.next() * 256)
        .toString(16)
        .padStart(2, '0');
    return out;
  }
}

/**
 * Picks items by rank with probability ∝ 1/rank^s (Zipf), the shape word and popularity
 * frequencies have in real text: a few very common, a long tail of rare ones.
 */
export class Zipf<T> {
  private readonly cdf: Float64Array;

  constructor(
    private readonly items: readonly T[],
    s: number,
  ) {
    this.cdf = new Float64Array(items.length);
    let sum = 0;
    for (let r = 0; r < items.length; r++) this.cdf[r] = sum += 1 / (r + 1) ** s;
    for (let r = 0; r < items.length; r++) this.cdf[r]! /= sum;
  }

  sample(rng: Rng): T {
    const u = rng.next();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo]!;
  }
}
