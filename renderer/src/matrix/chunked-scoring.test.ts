import { describe, expect, it } from 'vitest';
import { columnsOf, scoreColumns } from '../../../shared/scoring/score-columns.js';
import { DEFAULT_SCORING } from '../../../shared/scoring/weights.js';
import { testItem } from '../store/fake-bridge.js';
import { scoreInSlices } from './chunked-scoring.js';

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
    expect(await done).toEqual(scoreColumns(columns, ctx));
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
