import { describe, expect, it } from 'vitest';
import { memoLast } from './memo-last.js';
import { indexesOf } from './selection.js';

describe('memoLast', () => {
  const ids = ['a', 'b', 'c', 'd'];
  const index = new Map(ids.map((id, i) => [id, i]));

  it('remembers the last answer, takes a seeded one, and computes again when an argument changes identity', () => {
    const picks = memoLast(indexesOf);
    const first = new Set(['d', 'b']);
    const answer = picks(index, first);
    expect(answer).toEqual([1, 3]);
    expect(picks(index, first)).toBe(answer);
    const known = new Set(['a', 'c']);
    const told = [0, 2];
    picks.seed([index, known], told);
    expect(picks(index, known)).toBe(told);
    expect(picks(index, new Set(['a', 'c']))).toEqual([0, 2]);
    expect(picks(new Map([['c', 7]]), known)).toEqual([7]);
  });
});
