import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentilesInPlace, reachedIndex } from './percentiles.js';

describe('percentiles', () => {
  it('place p85 where 85% of values reach it: index 1,500 of 10,000, and 5,000 for p50', () => {
    expect(reachedIndex(10_000, 0.85)).toBe(1_500);
    expect(reachedIndex(10_000, 0.5)).toBe(5_000);
    expect([1, 2, 3, 7].map((n) => reachedIndex(n, 0.85))).toEqual([0, 0, 0, 1]);
  });

  it('pick the same values as a full sort, whatever the ties', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(0, 1, 2, 3), fc.double({ min: 0, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 300 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const got = percentilesInPlace(Float64Array.from(values));
        expect(got).toEqual({ p50: sorted[reachedIndex(values.length, 0.5)], p85: sorted[reachedIndex(values.length, 0.85)] });
      }),
    );
  });

  it('follow the convention: the largest value that at least XX% of values reach or exceed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 200 }), (values) => {
        const { p50, p85 } = percentilesInPlace(Float64Array.from(values));
        const share = (v: number) => values.filter((x) => x >= v).length / values.length;
        expect(p85).toBeLessThanOrEqual(p50);
        expect(share(p85)).toBeGreaterThanOrEqual(0.85);
        expect(share(p50)).toBeGreaterThanOrEqual(0.5);
        // Any larger value is reached too rarely.
        const above = (v: number) => values.filter((x) => x > v);
        if (above(p85).length > 0) expect(share(Math.min(...above(p85)))).toBeLessThan(0.85);
        if (above(p50).length > 0) expect(share(Math.min(...above(p50)))).toBeLessThan(0.5);
      }),
    );
  });

  it('stay linear on sorted, reversed and constant input', () => {
    const n = 200_000;
    for (const make of [(i: number) => i, (i: number) => n - i, () => 7]) {
      const values = Float64Array.from({ length: n }, (_, i) => make(i));
      const expected = Float64Array.from(values).sort();
      expect(percentilesInPlace(values)).toEqual({ p50: expected[reachedIndex(n, 0.5)], p85: expected[reachedIndex(n, 0.85)] });
    }
  });
});
