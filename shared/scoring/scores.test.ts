import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DebtItem } from '../domain/debt-item.js';
import { arbDraft } from '../testing/arbitraries.js';
import { scorePortfolio } from './score-portfolio.js';
import { breakingPoint, expectedEffort, explainTerms, riskBand, roi, scoreItem, timeCriticality, type ScoreContext } from './scores.js';
import { DEFAULT_SCORING, WEIGHT_PRESETS } from './weights.js';

const TODAY = '2026-11-25';
const stamp = { createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', version: 1 };
const item = (over: Partial<DebtItem> & { id?: string } = {}): DebtItem =>
  DebtItem.parse({
    id: '00000000-0000-4000-8000-000000000001',
    title: 'Example',
    likelihood: 3,
    impact: 4,
    effort: { low: 2, likely: 3, high: 10 },
    interest: 1,
    ...stamp,
    ...over,
  });
const ctx = (over: Partial<ScoreContext> = {}): ScoreContext => ({
  weights: DEFAULT_SCORING.weights,
  horizonSprints: 12,
  sprintLengthDays: 14,
  today: TODAY,
  maxInterest: 1,
  ...over,
});

const arbItems = fc
  .array(arbDraft(), { minLength: 1, maxLength: 20 })
  .map((drafts) => drafts.map((d, n) => DebtItem.parse({ ...d, id: `00000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`, ...stamp })));

describe('scores', () => {
  it('match the worked example: risk 12 (High), expected effort 4, ROI 3, breaking point 4 sprints', () => {
    const s = scoreItem(item(), ctx());
    expect(s.risk).toBe(12);
    expect(s.riskBand).toBe('High');
    expect(s.expectedEffort).toBe(4);
    expect(s.effortSpread).toBeCloseTo(8 / 6);
    expect(s.carryingCost).toBe(12);
    expect(s.roi).toBe(3);
    expect(s.roiLow).toBeCloseTo(1.2);
    expect(s.roiHigh).toBe(6);
    expect(s.breakingPoint).toBe(4);
  });

  it('band risk at the documented edges', () => {
    expect([1, 4, 5, 9, 10, 16, 20, 25].map(riskBand)).toEqual(['Low', 'Low', 'Medium', 'Medium', 'High', 'High', 'Critical', 'Critical']);
  });

  it('handle zero effort and zero interest without false numbers', () => {
    expect(roi(12, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(roi(0, 0)).toBe(0);
    expect(roi(0, 5)).toBe(0);
    expect(breakingPoint(4, 0)).toBeNull();
    expect(expectedEffort({ low: 5, likely: 5, high: 5 })).toBe(5);
  });

  it('raise time criticality as the due date nears and cap it when overdue', () => {
    expect(timeCriticality(undefined, TODAY, 14, 12)).toBe(0);
    expect(timeCriticality('2026-11-01', TODAY, 14, 12)).toBe(1);
    expect(timeCriticality('2030-01-01', TODAY, 14, 12)).toBe(0);
    expect(timeCriticality('2026-12-09', TODAY, 14, 12)).toBeCloseTo(1 - 14 / 168);
  });

  it('explain every term: its weight and contribution add up to the cost of delay', () => {
    const explained = item({ outcome: 'lead_time', dueDate: '2026-12-09' });
    const s = scoreItem(explained, ctx());
    const terms = explainTerms(explained, ctx());
    expect(terms.map((t) => t.key)).toEqual(['risk', 'interest', 'timeCriticality', 'outcome']);
    expect(terms.map((t) => t.input)).toEqual(['12 of 25', '1 per sprint (highest in portfolio 1)', 'due 2026-12-09', 'lead_time']);
    expect(terms.reduce((sum, t) => sum + t.contribution, 0)).toBeCloseTo(s.costOfDelay);
    for (const t of terms) expect(t.contribution).toBeCloseTo(t.normalised * t.weight);
    expect(s.priority).toBeCloseTo(s.costOfDelay / 4);
  });
});

describe('scores (properties)', () => {
  it('keep risk within 1–25 and priority non-negative, never NaN', () => {
    fc.assert(
      fc.property(arbItems, (items) => {
        for (const { scores } of scorePortfolio(items, DEFAULT_SCORING, 14, TODAY)) {
          expect(scores.risk).toBeGreaterThanOrEqual(1);
          expect(scores.risk).toBeLessThanOrEqual(25);
          expect(Number.isNaN(scores.priority)).toBe(false);
          expect(scores.priority).toBeGreaterThanOrEqual(0);
          expect(scores.roiLow).toBeLessThanOrEqual(scores.roiHigh);
        }
      }),
    );
  });

  it('never lower an item’s priority when its likelihood, impact or interest rises', () => {
    fc.assert(
      fc.property(
        arbItems,
        fc.nat(),
        fc.constantFrom('likelihood' as const, 'impact' as const, 'interest' as const),
        fc.constantFrom(...Object.values(WEIGHT_PRESETS).map((p) => p.weights)),
        (items, pick, field, weights) => {
          const target = items[pick % items.length];
          if (target === undefined) return;
          const raised = { ...target, [field]: field === 'interest' ? target.interest + 1 : Math.min(5, target[field] + 1) };
          const scoring = { horizonSprints: 12, weights };
          const before = scorePortfolio(items, scoring, 14, TODAY).find((s) => s.item.id === target.id);
          const after = scorePortfolio(items.map((i) => (i.id === target.id ? raised : i)), scoring, 14, TODAY).find((s) => s.item.id === target.id);
          expect(after?.scores.priority ?? 0).toBeGreaterThanOrEqual(before?.scores.priority ?? 0);
        },
      ),
    );
  });

  it('give the same order whatever the unit (all efforts and interests scaled)', () => {
    fc.assert(
      // Powers of two scale floats exactly, so a tie stays a tie; other factors can move a quotient by one ulp.
      fc.property(arbItems, fc.constantFrom(0.125, 0.5, 2, 8), (items, factor) => {
        const scaled = items.map((i) => ({
          ...i,
          interest: i.interest * factor,
          effort: { low: i.effort.low * factor, likely: i.effort.likely * factor, high: i.effort.high * factor },
        }));
        const order = (list: DebtItem[]) => scorePortfolio(list, DEFAULT_SCORING, 14, TODAY).map((s) => s.item.id);
        expect(order(scaled)).toEqual(order(items));
      }),
    );
  });

  it('order totally and stably: ties broken by id, and the input order never matters', () => {
    fc.assert(
      fc.property(arbItems, fc.func(fc.integer()), (items, shuffleKey) => {
        const shuffled = [...items].sort((a, b) => shuffleKey(a.id) - shuffleKey(b.id));
        const ranked = scorePortfolio(items, DEFAULT_SCORING, 14, TODAY);
        expect(scorePortfolio(shuffled, DEFAULT_SCORING, 14, TODAY).map((s) => s.item.id)).toEqual(ranked.map((s) => s.item.id));
        ranked.forEach((s, i) => {
          expect(s.rank).toBe(i + 1);
          const next = ranked[i + 1];
          if (next === undefined) return;
          expect(s.scores.priority).toBeGreaterThanOrEqual(next.scores.priority);
          if (s.scores.priority === next.scores.priority) expect(s.item.id < next.item.id).toBe(true);
        });
      }),
    );
  });
});
