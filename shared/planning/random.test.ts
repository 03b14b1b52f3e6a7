import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, normal, randomIndex } from './random.js';

const draws = (seed: number, n: number): number[] => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random());
};

describe('createRandom', () => {
  it('repeats its stream for a seed, and nearby seeds give different streams', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(draws(seed, 20)).toEqual(draws(seed, 20));
        expect(draws(seed, 20)).not.toEqual(draws(seed + 1, 20));
      }),
    );
  });

  it('stays within [0, 1) and spreads evenly', () => {
    const values = draws(2024, 100_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeCloseTo(0.5, 2);
    const buckets = new Array<number>(10).fill(0);
    for (const v of values) buckets[Math.floor(v * 10)] = (buckets[Math.floor(v * 10)] ?? 0) + 1;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('draws indexes and normal values as documented', () => {
    const random = createRandom(5);
    const indexes = Array.from({ length: 1_000 }, () => randomIndex(random, 3));
    expect(new Set(indexes)).toEqual(new Set([0, 1, 2]));
    const normals = Array.from({ length: 50_000 }, () => normal(random, 40, 5));
    const mean = normals.reduce((a, b) => a + b, 0) / normals.length;
    const sd = Math.sqrt(normals.reduce((a, b) => a + (b - mean) ** 2, 0) / normals.length);
    expect(mean).toBeCloseTo(40, 1);
    expect(sd).toBeCloseTo(5, 1);
  });
});
