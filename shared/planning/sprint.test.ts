import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sprint, addDays, continueSprints, endDate, pinsFromSprints, reserveBandWarning, reserveCapacity, sprintRun } from './sprint.js';

const base = { id: 's1', name: 'S1', startDate: '2027-01-04', lengthDays: 14, capacity: 40 };

describe('Sprint', () => {
  it('fills in full availability and a 15% reserve', () => {
    expect(Sprint.parse(base)).toEqual({ ...base, availabilityPct: 100, reservePct: 15 });
  });

  it.each([
    [{ reservePct: 10 }, true],
    [{ reservePct: 20 }, true],
    [{ reservePct: 25 }, false],
    [{ reservePct: 5 }, false],
    [{ reservePct: 25, reserveReason: 'Upgrade before end of support.' }, true],
    [{ reservePct: 0, reserveReason: '   ' }, false],
  ])('with %o is valid: %s (outside 10–20% a reason is required)', (over, valid) => {
    const parsed = Sprint.safeParse({ ...base, ...over });
    expect(parsed.success).toBe(valid);
    if (!valid) expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('reserveReason');
  });

  it.each([
    [{ name: 'x'.repeat(61) }, 'name'],
    [{ name: '  ' }, 'name'],
    [{ lengthDays: 0 }, 'lengthDays'],
    [{ lengthDays: 91 }, 'lengthDays'],
    [{ lengthDays: 1.5 }, 'lengthDays'],
    [{ startDate: '2027-02-30' }, 'startDate'],
    [{ capacity: -1 }, 'capacity'],
    [{ availabilityPct: 101 }, 'availabilityPct'],
    [{ actuals: { completed: 10, debtSpent: 11 } }, 'actuals.debtSpent'],
  ])('refuses %o at %s', (over, path) => {
    const parsed = Sprint.safeParse({ ...base, ...over });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('reserves capacity × availability × reserve%', () => {
    expect(reserveCapacity(Sprint.parse({ ...base, availabilityPct: 80 }))).toBeCloseTo(4.8, 12);
    expect(reserveCapacity(Sprint.parse(base))).toBe(6);
  });

  it('warns outside the healthy band only', () => {
    expect([9.5, 10, 15, 20, 20.5].map((p) => reserveBandWarning(p) === null)).toEqual([false, true, true, true, false]);
    expect(reserveBandWarning(5)).toContain('below the healthy band of 10–20%');
    expect(reserveBandWarning(30)).toContain('above the healthy band of 10–20%');
  });

  it('ends on its last day, across month ends and leap days', () => {
    expect(endDate(base)).toBe('2027-01-17');
    expect(endDate({ startDate: '2028-02-20', lengthDays: 14 })).toBe('2028-03-04');
    expect(endDate({ startDate: '2027-12-25', lengthDays: 1 })).toBe('2027-12-25');
  });
});

describe('sprint calendar', () => {
  it('makes a run of back-to-back sprints', () => {
    const run = sprintRun({ count: 3, startDate: '2027-01-04', lengthDays: 14, capacity: 40, reservePct: 20 });
    expect(run.map((s) => [s.id, s.name, s.startDate, endDate(s), s.reservePct])).toEqual([
      ['S1', 'S1', '2027-01-04', '2027-01-17', 20],
      ['S2', 'S2', '2027-01-18', '2027-01-31', 20],
      ['S3', 'S3', '2027-02-01', '2027-02-14', 20],
    ]);
  });

  it('refuses a run whose reserve is outside the band without a reason', () => {
    expect(() => sprintRun({ count: 1, startDate: '2027-01-04', lengthDays: 14, capacity: 40, reservePct: 30 })).toThrow(/reserveReason/);
  });

  it('continues the numbering and the calendar of existing sprints', () => {
    const first = sprintRun({ count: 4, startDate: '2027-01-04', lengthDays: 14, capacity: 40, reservePct: 25, reserveReason: 'Migration quarter.' });
    const next = continueSprints(first, { count: 2, capacity: 36, idFor: (name) => `team-a-${name}` });
    expect(next.map((s) => [s.id, s.name, s.startDate, s.lengthDays, s.capacity, s.reservePct, s.reserveReason])).toEqual([
      ['team-a-S5', 'S5', '2027-03-01', 14, 36, 25, 'Migration quarter.'],
      ['team-a-S6', 'S6', '2027-03-15', 14, 36, 25, 'Migration quarter.'],
    ]);
    expect(continueSprints(first, { count: 1, reservePct: 15 })[0]).not.toHaveProperty('reserveReason');
    expect(continueSprints([], { count: 1, startDate: '2027-01-04', lengthDays: 7, capacity: 20 })[0]?.name).toBe('S1');
    expect(() => continueSprints([], { count: 1 })).toThrow(RangeError);
  });

  it('lays every run out without gaps or overlaps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 1, max: 90 }),
        (count, offset, lengthDays) => {
          const run = sprintRun({ count, startDate: addDays('2025-01-01', offset), lengthDays, capacity: 10 });
          expect(run).toHaveLength(count);
          run.forEach((s, n) => {
            const next = run[n + 1];
            if (next !== undefined) expect(next.startDate).toBe(addDays(endDate(s), 1));
            expect(Sprint.safeParse(s).success).toBe(true);
          });
        },
      ),
    );
  });

  it('collects pins into one map: earliest open sprint wins, closed sprints add none', () => {
    const [s1, s2, s3] = sprintRun({ count: 3, startDate: '2027-01-04', lengthDays: 14, capacity: 40 });
    if (s1 === undefined || s2 === undefined || s3 === undefined) throw new Error('three sprints');
    const pins = pinsFromSprints([
      { ...s3, pins: [{ itemId: 'a' }, { itemId: '__proto__' }] },
      { ...s2, pins: [{ itemId: 'a' }] },
      { ...s1, pins: [{ itemId: 'b' }], actuals: { completed: 1, debtSpent: 0, paidItemIds: [] } },
    ]);
    expect([...pins]).toEqual([
      ['a', 'S2'],
      ['__proto__', 'S3'],
    ]);
  });
});
