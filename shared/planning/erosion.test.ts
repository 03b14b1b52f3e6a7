import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErosionReport, erosionReport } from './erosion.js';
import { sprintRun, type Sprint } from './sprint.js';

/** Sprints of capacity 40 at 15% (a planned reserve of 6), closed with the given completed / debt spend. */
function closed(actuals: readonly (readonly [number, number])[]): Sprint[] {
  return sprintRun({ count: actuals.length, startDate: '2027-01-04', lengthDays: 14, capacity: 40 }).map((s, n) => {
    const [completed = 0, debtSpent = 0] = actuals[n] ?? [];
    return { ...s, actuals: { completed, debtSpent, paidItemIds: [] } };
  });
}

describe('erosionReport', () => {
  it('compares planned reserve with debt spend and averages the share over 3 sprints', () => {
    const report = erosionReport(closed([[40, 6], [38, 3], [42, 4.2], [40, 2], [30, 2.4]]));
    const erosion = [0, 3, 1.8, 4, 3.6];
    report.sprints.forEach((r, n) => {
      expect(r.plannedReserve).toBe(6);
      expect(r.erosion).toBeCloseTo(erosion[n] ?? Number.NaN, 12);
    });
    expect(report.sprints.map((r) => r.actualShare)).toEqual([0.15, 3 / 38, 0.1, 0.05, 0.08]);
    const rolling = report.sprints.map((r) => r.rollingShare ?? Number.NaN);
    expect(rolling[0]).toBeCloseTo(0.15, 12);
    expect(rolling[1]).toBeCloseTo((0.15 + 3 / 38) / 2, 12);
    expect(rolling[2]).toBeCloseTo((0.15 + 3 / 38 + 0.1) / 3, 12); // 0.10965
    expect(rolling[4]).toBeCloseTo((0.1 + 0.05 + 0.08) / 3, 12); // 0.07667
    expect(report.totals.plannedReserve).toBe(30);
    expect(report.totals.debtSpent).toBeCloseTo(17.6, 12);
    expect(report.totals.erosion).toBeCloseTo(12.4, 12);
  });

  it('warns when the debt share is under 10% two sprints running, not after one, and not at exactly 10%', () => {
    const report = erosionReport(closed([[40, 6], [38, 3], [42, 4.2], [40, 2], [30, 2.4]]));
    expect(report.sprints.map((r) => r.lowShareRun)).toEqual([0, 1, 0, 1, 2]);
    expect(report.sprints.map((r) => r.warning !== null)).toEqual([false, false, false, false, true]);
    expect(report.warning).toBe(
      'Debt got under 10% of the completed work for 2 sprints running (S4 5%, S5 8%): the reserve is eroding. Protect it when planning the next sprint.',
    );
    expect(erosionReport(closed([[40, 2], [40, 3], [40, 6]])).warning).toBeNull();
  });

  it('treats a sprint that completed nothing as no measurement', () => {
    const report = erosionReport(closed([[40, 2], [0, 0], [40, 2]]));
    expect(report.sprints.map((r) => [r.actualShare, r.lowShareRun])).toEqual([[0.05, 1], [null, 0], [0.05, 1]]);
    expect(report.sprints[2]?.rollingShare).toBeCloseTo(0.05, 12);
  });

  it('skips open sprints and returns data its schema accepts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean())),
        (rows) => {
          const sprints = closed(rows.map(([completed, share]) => [completed, completed * share])).map((s, n) =>
            rows[n]?.[2] === true ? { ...s, actuals: undefined } : s,
          );
          const report = erosionReport(sprints);
          expect(report.sprints.map((r) => r.id)).toEqual(sprints.filter((s) => s.actuals !== undefined).map((s) => s.id));
          expect(ErosionReport.safeParse(report).success).toBe(true);
        },
      ),
    );
  });
});
