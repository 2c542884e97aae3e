/**
 * A seeded random source for the scale data: the same --seed gives the same rows, byte for byte.
 * sfc32 (128 bits of state) rather than a 32-bit generator, because tens of millions of uuids are
 * drawn from it and must not repeat.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    // Warm up, so that neighbouring seeds give unrelated streams.
    for (let i = 0; i < 20; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** In [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick(list: string): string;
  pick<T>(list: readonly T[]): T;
  pick<T>(list: readonly T[] | string): T | string {
    return list[Math.floor(this.next() * list.length)];
  }

  /** One of the weighted options ([value, weight] pairs; the weights need not add up to 1). */
  weighted<T>(options: WeightedOptions<T>): T {
    let r = this.next() * options.total;
    for (const [value, weight] of options.entries) {
      r -= weight;
      if (r < 0) return value;
    }
    return options.entries[options.entries.length - 1][0];
  }

  /**
   * A draw from the Lomax (Pareto type II) distribution with shape `alpha` and the given mean: most
   * draws are small, a few are very large, as the number of contacts of a citizen is.
   */
  lomax(mean: number, alpha: number): number {
    const scale = mean * (alpha - 1);
    return scale * ((1 - this.next()) ** (-1 / alpha) - 1);
  }

  /** A version 4 uuid in lower case, drawn from this source. */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    return (
      hex8(a) +
      "-" +
      hex4(b >>> 16) +
      "-" +
      hex4(((b & 0x0fff) | 0x4000) >>> 0) +
      "-" +
      hex4(((c >>> 16) & 0x3fff) | 0x8000) +
      "-" +
      hex4(c & 0xffff) +
      hex8(d)
    );
  }
}

export class WeightedOptions<T> {
  readonly total: number;
  constructor(readonly entries: ReadonlyArray<readonly [T, number]>) {
    this.total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function hex4(value: number): string {
  return HEX[(value >>> 8) & 0xff] + HEX[value & 0xff];
}

function hex8(value: number): string {
  return HEX[value >>> 24] + HEX[(value >>> 16) & 0xff] + HEX[(value >>> 8) & 0xff] + HEX[value & 0xff];
}
