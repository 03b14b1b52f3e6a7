import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecast } from './forecast.js';
import { arbHistory } from './planning-arbitraries.js';
import { sprintRun } from './sprint.js';
import { DoneEstimate, whenDone } from './when-done.js';

const calendar = (count: number) => sprintRun({ count, startDate: '2027-01-04', lengthDays: 14, capacity: 40 });

describe('whenDone', () => {
  it('names the sprint by which cumulative debt capacity covers the cumulative effort', () => {
    // Entered capacity: cumulative debt p50 6, 12, 18 and p85 4.2, 8.4, 12.6.
    const f = forecast({ history: [], upcoming: calendar(3), seed: 1 });
    const done = whenDone(f, [4, 5, 2, 3, 10].map((effort, n) => ({ id: `item-${String(n)}`, effort })));
    expect(done.map((d) => [d.cumulativeEffort, d.p50?.name ?? null, d.p85?.name ?? null])).toEqual([
      [4, 'S1', 'S1'],
      [9, 'S2', 'S3'],
      [11, 'S2', 'S3'],
      [14, 'S3', null],
      [24, null, null],
    ]);
    expect(done[1]?.p85).toEqual({ sprintsAhead: 3, id: 'S3', name: 'S3', endDate: '2027-02-14' });
    expect(DoneEstimate.array().safeParse(done).success).toBe(true);
  });

  it('never expects an item earlier at p85 than at p50, nor a later item before an earlier one', () => {
    fc.assert(
      fc.property(arbHistory(), fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { maxLength: 10 }), fc.integer(), (past, efforts, seed) => {
        const f = forecast({ history: past, upcoming: calendar(6), seed, trials: 200 });
        const ahead = (r: { sprintsAhead: number } | null): number => r?.sprintsAhead ?? Number.POSITIVE_INFINITY;
        const done = whenDone(f, efforts.map((effort, n) => ({ id: String(n), effort })));
        done.forEach((d, n) => {
          expect(ahead(d.p85)).toBeGreaterThanOrEqual(ahead(d.p50));
          const before = done[n - 1];
          if (before !== undefined) expect(ahead(d.p50)).toBeGreaterThanOrEqual(ahead(before.p50));
        });
      }),
      { numRuns: 50 },
    );
  });
});
