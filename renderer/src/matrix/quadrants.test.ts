import { describe, expect, it } from 'vitest';
import { columnsOf, scoreColumns } from '../../../shared/scoring/score-columns.js';
import { DEFAULT_SCORING, DEFAULT_THRESHOLDS } from '../../../shared/scoring/weights.js';
import { testItem } from '../store/fake-bridge.js';
import { quadrantOf, summariseQuadrants } from './quadrants.js';

describe('quadrantOf', () => {
  const t = DEFAULT_THRESHOLDS;
  it('splits at risk 10 and ROI 1, both inclusive', () => {
    expect(quadrantOf(10, 1, t)).toBe('payDownNow');
    expect(quadrantOf(10, 0.99, t)).toBe('planDeliberately');
    expect(quadrantOf(9, 1, t)).toBe('quickWins');
    expect(quadrantOf(9, 0.5, t)).toBe('acceptAndMonitor');
  });

  it('counts "no effort" (∞) as high ROI and ROI 0 as low, whatever the threshold', () => {
    expect(quadrantOf(20, Number.POSITIVE_INFINITY, t)).toBe('payDownNow');
    expect(quadrantOf(2, 0, { risk: 10, roi: 0 })).toBe('acceptAndMonitor');
  });
});

describe('summariseQuadrants', () => {
  const items = [
    testItem({ title: 'A', likelihood: 5, impact: 4, interest: 4, effort: { low: 1, likely: 2, high: 3 } }),
    testItem({ title: 'B', likelihood: 5, impact: 5, interest: 0, effort: { low: 5, likely: 5, high: 5 } }),
    testItem({ title: 'C', likelihood: 1, impact: 2, interest: 2, effort: { low: 0, likely: 0, high: 0 } }),
    testItem({ title: 'D', likelihood: 2, impact: 2, interest: 0.1, effort: { low: 6, likely: 6, high: 12 } }),
    testItem({ title: 'E', likelihood: 4, impact: 4, interest: 2, effort: { low: 1, likely: 1, high: 1 } }),
  ];
  const columns = columnsOf(items);
  const ctx = { ...DEFAULT_SCORING, sprintLengthDays: 14, today: '2026-11-25', maxInterest: 4 };
  const scores = scoreColumns(columns, ctx);
  const { quadrants: summary, notEstimated } = summariseQuadrants(columns, scores, DEFAULT_THRESHOLDS);
  const byName = Object.fromEntries(summary.map((q) => [q.quadrant, q]));

  it('assigns every item to exactly one quadrant', () => {
    expect(summary.map((q) => q.count).reduce((a, b) => a + b, 0)).toBe(items.length);
    expect(notEstimated).toEqual({ count: 0, interest: 0 });
    expect(byName['payDownNow']?.count).toBe(2);
    expect(byName['planDeliberately']?.count).toBe(1);
    expect(byName['quickWins']?.count).toBe(1);
    expect(byName['acceptAndMonitor']?.count).toBe(1);
  });

  it('totals expected effort and interest per quadrant', () => {
    expect(byName['payDownNow']?.effort).toBeCloseTo(2 + 1);
    expect(byName['payDownNow']?.interest).toBeCloseTo(6);
    expect(byName['acceptAndMonitor']?.effort).toBeCloseTo(7);
    expect(byName['quickWins']?.effort).toBe(0);
  });

  it('lists the top items by priority, best first', () => {
    const top = byName['payDownNow']?.top.map((i) => columns.title[i]);
    // E: cost of delay 16/25 + 2/4 = 1.14 over effort 1; A: 20/25 + 1 = 1.8 over effort 2.
    expect(top).toEqual(['E', 'A']);
  });
});

describe('items nobody estimated', () => {
  const items = [
    testItem({ title: 'Estimated', likelihood: 5, impact: 4, interest: 1, effort: { low: 1, likely: 2, high: 3 } }),
    testItem({ title: 'Free to fix', likelihood: 5, impact: 4, interest: 1, effort: { low: 0, likely: 0, high: 0 } }),
    testItem({ title: 'Imported', likelihood: 5, impact: 4, interest: 2, effort: { low: 0, likely: 0, high: 0 }, tags: ['effort-unknown'] }),
    testItem({ title: 'Imported too', likelihood: 1, impact: 1, interest: 0.5, effort: { low: 0, likely: 0, high: 0 }, tags: ['github', 'effort-unknown'] }),
  ];
  const columns = columnsOf(items);
  const scores = scoreColumns(columns, { ...DEFAULT_SCORING, sprintLengthDays: 14, today: '2026-11-25', maxInterest: 2 });

  it('are counted apart, with their interest, and in no quadrant: their "no effort" ROI is not a real one', () => {
    const { quadrants, notEstimated } = summariseQuadrants(columns, scores, DEFAULT_THRESHOLDS);
    expect(quadrants.map((q) => q.count)).toEqual([2, 0, 0, 0]);
    expect(quadrants[0]?.top.map((i) => columns.title[i])).toEqual(['Free to fix', 'Estimated']);
    expect(notEstimated).toEqual({ count: 2, interest: 2.5 });
  });
});

