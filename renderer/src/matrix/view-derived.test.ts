import { describe, expect, it } from 'vitest';
import { columnsOf, scoreColumns } from '../../../shared/scoring/score-columns.js';
import { DEFAULT_SCORING, DEFAULT_THRESHOLDS } from '../../../shared/scoring/weights.js';
import { testItem } from '../store/fake-bridge.js';
import { stylePoints } from './point-layout.js';
import { summariseQuadrants } from './quadrants.js';
import { deriveAhead, pointStyleOnce, quadrantTotalsOnce } from './view-derived.js';

describe('deriving the matrix view’s data ahead', () => {
  const columns = columnsOf([testItem({ likelihood: 5, impact: 4, interest: 2 }), testItem({ interest: 1, kind: 'security' })]);
  const scores = scoreColumns(columns, { ...DEFAULT_SCORING, sprintLengthDays: 14, today: '2026-11-25', maxInterest: 2 });
  const matrix = { columns, maxInterest: 2 };

  it('leaves the view the very objects it would compute, for the same data and choices', () => {
    deriveAhead(matrix, scores, DEFAULT_THRESHOLDS, 'status');
    const totals = quadrantTotalsOnce(columns, scores, DEFAULT_THRESHOLDS);
    const style = pointStyleOnce(columns, 'status', 2);
    expect(totals).toEqual(summariseQuadrants(columns, scores, DEFAULT_THRESHOLDS));
    expect(style).toEqual(stylePoints(columns, 'status', 2));
    deriveAhead(matrix, scores, DEFAULT_THRESHOLDS, 'status');
    expect(quadrantTotalsOnce(columns, scores, DEFAULT_THRESHOLDS)).toBe(totals);
    expect(pointStyleOnce(columns, 'status', 2)).toBe(style);
  });

  it('computes afresh when a choice changes', () => {
    const byStatus = pointStyleOnce(columns, 'status', 2);
    deriveAhead(matrix, scores, { risk: 25, roi: 1 }, 'kind');
    expect(pointStyleOnce(columns, 'kind', 2)).not.toBe(byStatus);
    expect(pointStyleOnce(columns, 'kind', 2).colour).toBe(columns.kind);
    expect(quadrantTotalsOnce(columns, scores, { risk: 25, roi: 1 }).quadrants[0]?.count).toBe(0);
  });
});
