import { describe, expect, test } from 'vitest';
import { reserveBar } from './reserve-bar.js';

describe('the reserve bar', () => {
  test('scales to the reserve when the plan fits inside it', () => {
    expect(reserveBar(10, 5, null)).toEqual({ reservePct: 100, allocatedPct: 50, spentPct: null, over: false });
  });

  test('scales to the largest amount, so an overspend stays on the bar and is flagged', () => {
    const bar = reserveBar(6, 0, 12);
    expect(bar).toEqual({ reservePct: 50, allocatedPct: 0, spentPct: 100, over: true });
  });

  test('draws nothing for an empty sprint instead of dividing by zero', () => {
    expect(reserveBar(0, 0, 0)).toEqual({ reservePct: 0, allocatedPct: 0, spentPct: 0, over: false });
  });

  test('does not call float noise in the allocation "over"', () => {
    expect(reserveBar(0.3, 0.1 + 0.2, null).over).toBe(false);
  });
});
