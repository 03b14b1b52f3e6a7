import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Forecast, forecast } from './forecast.js';
import { sprintRun, type Sprint } from './sprint.js';
import { arbHistory, closedSprints } from './planning-arbitraries.js';

const calendar = (count: number): Sprint[] => sprintRun({ count, startDate: '2027-01-04', lengthDays: 14, capacity: 40 });

const closed = closedSprints;

describe('forecast from history', () => {
  it('is reproducible with a seed, and the seed matters', () => {
    const past = closed([[38, 5], [42, 7], [35, 3], [44, 6], [40, 4]]);
    const input = { history: past, upcoming: calendar(4), seed: 42, trials: 2_000 };
    expect(forecast(input)).toEqual(forecast({ ...input, history: [...past].reverse() }));
    expect(forecast({ ...input, seed: 43 })).not.toEqual(forecast(input));
  });

  it('follows the convention: p85 is reached or exceeded in 85% of trials', () => {
    // Completed work is 30, 40 or 50 with a third each: 40 or more in 2/3 of trials (≥ 50%, < 85%), 30 or more in all.
    const f = forecast({ history: closed([[30, 3], [40, 4], [50, 5]]), upcoming: calendar(2), seed: 1 });
    expect(f.basis).toBe('history');
    expect(f.trials).toBe(10_000);
    expect(f.sprints.map((s) => s.capacity)).toEqual([
      { p50: 40, p85: 30 },
      { p50: 40, p85: 30 },
    ]);
    // Every past share is 10%, so debt capacity is a tenth of the capacity, trial by trial.
    expect(f.sprints[0]?.debtCapacity.p50).toBeCloseTo(4, 12);
    expect(f.sprints[0]?.debtCapacity.p85).toBeCloseTo(3, 12);
    expect(f.message).toContain('p85 is the value reached or exceeded in 85% of trials');
  });

  it('gives exact figures for a team that never varies', () => {
    const f = forecast({ history: closed([[40, 6], [40, 6], [40, 6]]), upcoming: calendar(3), seed: 9, trials: 500 });
    expect(f.sprints.map((s) => [s.capacity.p85, s.debtCapacity.p50, s.cumulativeDebt.p85])).toEqual([
      [40, 6, 6],
      [40, 6, 12],
      [40, 6, 18],
    ]);
  });

  it('scales completed work by availability, past and upcoming', () => {
    // 32 done at 80% availability is a pace of 40; an upcoming sprint at 50% gets 20.
    const past = closed([[32, 3.2], [32, 3.2], [32, 3.2]]).map((s) => ({ ...s, availabilityPct: 80 }));
    const upcoming = calendar(2).map((s, n) => (n === 1 ? { ...s, availabilityPct: 50 } : s));
    const f = forecast({ history: past, upcoming, seed: 3, trials: 100 });
    expect(f.sprints.map((s) => s.capacity.p50)).toEqual([40, 20]);
    expect(f.sprints.map((s) => s.debtCapacity.p50)).toEqual([4, 2]);
  });

  it('never puts p85 above p50, and returns data its schema accepts', () => {
    fc.assert(
      fc.property(arbHistory(), fc.integer({ min: 0, max: 6 }), fc.integer(), (past, horizon, seed) => {
        const f = forecast({ history: past, upcoming: calendar(horizon), seed, trials: 300 });
        for (const s of f.sprints) {
          for (const band of [s.capacity, s.debtCapacity, s.cumulativeDebt]) expect(band.p85).toBeLessThanOrEqual(band.p50);
        }
        f.sprints.slice(1).forEach((s, n) => {
          expect(s.cumulativeDebt.p50).toBeGreaterThanOrEqual(f.sprints[n]?.cumulativeDebt.p50 ?? 0);
          expect(s.cumulativeDebt.p85).toBeGreaterThanOrEqual(f.sprints[n]?.cumulativeDebt.p85 ?? 0);
        });
        expect(Forecast.safeParse(f).success).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe('forecast without enough history', () => {
  it('says so and uses the entered capacity with a ±30% range', () => {
    const upcoming = calendar(3).map((s, n) => (n === 2 ? { ...s, availabilityPct: 50 } : s));
    const f = forecast({ history: [...closed([[40, 6], [38, 5]]), ...calendar(2)], upcoming, seed: 1 });
    expect(f.basis).toBe('entered-capacity');
    expect(f.closedSprints).toBe(2);
    expect(f.trials).toBe(0);
    expect(f.message).toMatch(/^Only 2 closed sprints; a forecast from history needs 3\./);
    expect(f.message).toContain('±30%');
    const figures = f.sprints.map((s) => [s.capacity.p50, s.capacity.p85, s.debtCapacity.p50, s.cumulativeDebt.p50]);
    expect(figures).toEqual([
      [40, 28, 6, 6],
      [40, 28, 6, 12],
      [20, 14, 3, 15],
    ]);
    expect(f.sprints[2]?.cumulativeDebt.p85).toBeCloseTo(10.5, 12);
  });
});
