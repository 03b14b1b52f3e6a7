import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DebtItem } from '../domain/debt-item.js';
import { EFFORT_UNKNOWN_TAG, effortNotEstimated } from '../domain/effort-estimate.js';
import { arbDraft } from '../testing/arbitraries.js';
import { byPriority, rankIn, scoreContext, scorePortfolio, sortedByPriority, type RankRow } from './score-portfolio.js';
import type { ItemScores } from './scores.js';
import { DEFAULT_SCORING } from './weights.js';

const TODAY = '2026-11-25';

/** Stored items, some of them imported without an estimate (effort 0, tagged) and some really free (effort 0, untagged). */
const arbItems = fc
  .array(fc.tuple(arbDraft(), fc.constantFrom('estimated', 'unknown', 'free')), { maxLength: 30 })
  .map((rows) =>
    rows.map(([draft, effort], n) =>
      DebtItem.parse({
        ...draft,
        ...(effort === 'estimated' ? {} : { effort: { low: 0, likely: 0, high: 0 } }),
        tags: effort === 'unknown' ? [...(draft.tags ?? []).slice(0, 4), EFFORT_UNKNOWN_TAG] : (draft.tags ?? []).filter((t) => t !== EFFORT_UNKNOWN_TAG),
        status: draft.status === 'accepted' ? 'open' : draft.status,
        id: `00000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`,
        createdAt: '2026-11-01T00:00:00.000Z',
        updatedAt: '2026-11-01T00:00:00.000Z',
        version: 1,
      }),
    ),
  );

describe('scorePortfolio', () => {
  it('ranks every estimated item before any item nobody estimated, each group by priority, 1…n', () => {
    fc.assert(
      fc.property(arbItems, (items) => {
        const ranked = scorePortfolio(items, DEFAULT_SCORING, 14, TODAY);
        expect(ranked.map((r) => r.rank)).toEqual(items.map((_, i) => i + 1));
        const unestimated = ranked.map((r) => effortNotEstimated(r.item));
        const firstUnestimated = unestimated.indexOf(true);
        if (firstUnestimated !== -1) expect(unestimated.slice(firstUnestimated).every(Boolean)).toBe(true);
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1], ranked[i]];
          if (a !== undefined && b !== undefined && unestimated[i - 1] === unestimated[i]) expect(byPriority(a, b)).toBeLessThan(0);
        }
      }),
    );
  });

  it('keeps a really free fix (effort 0 without the tag) at the top: only the missing estimate moves an item down', () => {
    const item = (n: number, tags: string[], effort: number) =>
      DebtItem.parse({
        id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        title: `Item ${String(n)}`,
        likelihood: 4,
        impact: 4,
        effort: { low: effort, likely: effort, high: effort },
        interest: 1,
        tags,
        createdAt: '2026-11-01T00:00:00.000Z',
        updatedAt: '2026-11-01T00:00:00.000Z',
        version: 1,
      });
    const ranked = scorePortfolio([item(1, [EFFORT_UNKNOWN_TAG], 0), item(2, [], 3), item(3, [], 0)], DEFAULT_SCORING, 14, TODAY);
    expect(ranked.map((r) => r.item.title)).toEqual(['Item 3', 'Item 2', 'Item 1']);
  });
});

describe('sortedByPriority', () => {
  /** Entries with few distinct priorities (ties are the common case), the extremes among them, and repeated ids. */
  const arbEntries = fc.array(
    fc.record({
      priority: fc.oneof(fc.constantFrom(0, -0, 1, 2.5, Number.POSITIVE_INFINITY), fc.double({ min: 0, max: 1e6, noNaN: true })),
      id: fc.constantFrom('a', 'b', 'c', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'),
      n: fc.nat(),
    }),
    { maxLength: 60 },
  );

  it('orders exactly as a stable sort with byPriority does', () => {
    fc.assert(
      fc.property(arbEntries, (rows) => {
        const entries = rows.map(({ priority, id, n }) => ({ item: { id } as DebtItem, scores: { priority } as ItemScores, n }));
        expect(sortedByPriority(entries)).toEqual([...entries].sort(byPriority));
        expect(sortedByPriority(entries).map((e) => e.n)).toEqual([...entries].sort(byPriority).map((e) => e.n));
      }),
      { numRuns: 500 },
    );
  });
});

describe('rankIn', () => {
  const rowOf = (item: DebtItem): RankRow => ({ ...item, notEstimated: effortNotEstimated(item) });

  it('gives every item the rank scorePortfolio gives it, without sorting', () => {
    fc.assert(
      fc.property(arbItems, (items) => {
        const rows = items.map(rowOf);
        const ctx = scoreContext(items, DEFAULT_SCORING, 14, TODAY);
        for (const { item, rank } of scorePortfolio(items, DEFAULT_SCORING, 14, TODAY)) expect(rankIn(rows, item.id, ctx)).toBe(rank);
      }),
    );
  });

  it('answers null for an id the portfolio does not hold', () => {
    expect(rankIn([], '00000000-0000-4000-8000-000000000001', scoreContext([], DEFAULT_SCORING, 14, TODAY))).toBeNull();
  });
});
