import { describe, expect, it } from 'vitest';
import { columnsOf, scoreColumns } from '../../../shared/scoring/score-columns.js';
import { DEFAULT_SCORING } from '../../../shared/scoring/weights.js';
import { testItem } from '../store/fake-bridge.js';
import { scoreInSlices, scoreWithExtents } from './chunked-scoring.js';

const columns = columnsOf(Array.from({ length: 5_000 }, (_, i) => testItem({ interest: i % 7, likelihood: 1 + (i % 5) })));
const ctx = { ...DEFAULT_SCORING, sprintLengthDays: 14, today: '2026-11-25', maxInterest: 6 };

describe('scoreInSlices', () => {
  it('yields between bursts and ends equal to scoring in one pass', async () => {
    const pending: (() => void)[] = [];
    // A zero budget makes every burst one slice, so 5,000 items take three bursts.
    const done = scoreInSlices(columns, ctx, () => true, (next) => pending.push(next), 0);
    let bursts = 1;
    while (pending.length > 0) {
      pending.shift()?.();
      bursts += 1;
    }
    expect(bursts).toBe(3);
    const scored = await done;
    expect(scored).toEqual(scoreWithExtents(columns, ctx));
    expect(scored).toMatchObject({ ...scoreColumns(columns, ctx) });
  });

  it('finds each log axis’s extent over the finite positive values', () => {
    const scored = scoreWithExtents(columns, ctx);
    const finite = (values: ArrayLike<number>) => Array.from(values).filter((v) => v > 0 && Number.isFinite(v));
    expect(scored.extents.interest).toEqual({ min: 1, max: 6 });
    expect(scored.extents.roi).toEqual({ min: Math.min(...finite(scored.roi)), max: Math.max(...finite(scored.roi)) });
    expect(scored.extents.breakingPoint.max).toBe(Math.max(...finite(scored.breakingPoint)));
  });

  it('answers null once a newer rescore has started', async () => {
    let current = true;
    const pending: (() => void)[] = [];
    const done = scoreInSlices(columns, ctx, () => current, (next) => pending.push(next), 0);
    current = false;
    pending.shift()?.();
    expect(await done).toBeNull();
  });
});
