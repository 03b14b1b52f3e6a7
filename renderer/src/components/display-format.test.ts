import { describe, expect, test } from 'vitest';
import { formatCount, formatDay, formatItemCount, formatEffort, isOverdue, pageSummary, riskLevel, riskScore } from './display-format.js';

describe('display formats', () => {
  test('page summary', () => {
    expect(pageSummary(0, 100, 2345)).toBe('Showing 1–100 of 2,345');
    expect(pageSummary(2300, 45, 2345)).toBe('Showing 2,301–2,345 of 2,345');
    expect(pageSummary(0, 0, 0)).toBe('Showing 0 of 0');
  });

  test('effort shows one number only when the range is a point', () => {
    expect(formatEffort({ low: 3, likely: 3, high: 3 })).toBe('3');
    expect(formatEffort({ low: 2, likely: 3, high: 8 })).toBe('2–3–8');
    expect(formatEffort({ low: 0.5, likely: 1.25, high: 1000 })).toBe('0.5–1.25–1,000');
  });

  test('calendar dates do not shift with the time zone', () => {
    expect(formatDay('2026-03-01')).toMatch(/1/);
    expect(formatDay('2026-03-01')).not.toMatch(/28|29/);
    expect(formatDay('not a date')).toBe('not a date');
    expect(formatCount(1234567)).toBe('1,234,567');
  });

  test('risk is likelihood × impact in three bands', () => {
    expect(riskScore({ likelihood: 3, impact: 4 })).toBe(12);
    expect([1, 6, 7, 14, 15, 25].map(riskLevel)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
  });

  test('only debt still owed can be overdue', () => {
    expect(isOverdue({ dueDate: '2026-01-01', status: 'open' }, '2026-01-02')).toBe(true);
    expect(isOverdue({ dueDate: '2026-01-02', status: 'open' }, '2026-01-02')).toBe(false);
    expect(isOverdue({ dueDate: '2026-01-01', status: 'paid' }, '2026-01-02')).toBe(false);
    expect(isOverdue({ status: 'in_progress' }, '2026-01-02')).toBe(false);
  });
});

describe('formatItemCount', () => {
  test('counts items with grouped digits and the right plural', () => {
    expect([0, 1, 2, 12_065].map(formatItemCount)).toEqual(['0 items', '1 item', '2 items', '12,065 items']);
  });
});
