import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DebtItem } from '../domain/debt-item.js';
import { arbDraft } from '../testing/arbitraries.js';
import { scoreContext, scorePortfolio } from './score-portfolio.js';
import { allocateScores, columnsOf, scoreColumnRange, scoreColumns } from './score-columns.js';
import { WEIGHT_PRESETS } from './weights.js';

const TODAY = '2026-11-25';
const stamp = { createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', version: 1 };
const arbItems = fc
  .array(arbDraft(), { minLength: 1, maxLength: 30 })
  .map((drafts) => drafts.map((d, n) => DebtItem.parse({ ...d, id: `00000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`, ...stamp })));
const arbScoring = fc.record({
  horizonSprints: fc.integer({ min: 1, max: 104 }),
  weights: fc.constantFrom(...Object.values(WEIGHT_PRESETS).map((p) => p.weights)),
});

describe('scoreColumns', () => {
  it('equals scorePortfolio item for item, with Infinity where the public scores say unbounded', () => {
    fc.assert(
      fc.property(arbItems, arbScoring, fc.integer({ min: 1, max: 28 }), (items, scoring, sprintLength) => {
        const ctx = scoreContext(items, scoring, sprintLength, TODAY);
        const columns = scoreColumns(columnsOf(items), ctx);
        for (const { item, scores } of scorePortfolio(items, scoring, sprintLength, TODAY)) {
          const i = items.indexOf(item);
          expect(columns.risk[i]).toBe(scores.risk);
          expect(columns.expectedEffort[i]).toBe(scores.expectedEffort);
          expect(columns.effortSpread[i]).toBe(scores.effortSpread);
          expect(columns.roi[i]).toBe(scores.roi);
          expect(columns.roiLow[i]).toBe(scores.roiLow);
          expect(columns.roiHigh[i]).toBe(scores.roiHigh);
          expect(columns.breakingPoint[i]).toBe(scores.breakingPoint ?? Number.POSITIVE_INFINITY);
          expect(columns.costOfDelay[i]).toBe(scores.costOfDelay);
          expect(columns.priority[i]).toBe(scores.priority);
        }
      }),
    );
  });

  it('gives the same answer scored in slices as in one pass', () => {
    fc.assert(
      fc.property(arbItems, arbScoring, fc.integer({ min: 1, max: 7 }), (items, scoring, slice) => {
        const ctx = scoreContext(items, scoring, 14, TODAY);
        const cols = columnsOf(items);
        const sliced = allocateScores(items.length);
        for (let start = 0; start < items.length; start += slice) scoreColumnRange(cols, ctx, sliced, start, start + slice);
        expect(sliced).toEqual(scoreColumns(cols, ctx));
      }),
    );
  });
});
