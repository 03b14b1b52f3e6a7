import { describe, expect, test } from 'vitest';
import { DebtItemDraft } from '../domain/debt-item.js';
import { SAMPLE_ITEMS, SAMPLE_PORTFOLIO_NAME } from './sample-portfolio.js';

describe('sample portfolio', () => {
  test('every item is a valid draft', () => {
    for (const item of SAMPLE_ITEMS) {
      const parsed = DebtItemDraft.safeParse(item);
      expect(parsed.error?.issues ?? [], item.title).toEqual([]);
    }
  });

  test('holds a realistic number of items', () => {
    expect(SAMPLE_ITEMS.length).toBeGreaterThanOrEqual(35);
    expect(SAMPLE_ITEMS.length).toBeLessThanOrEqual(45);
  });

  test('titles are unique, so journeys can find an item by its title', () => {
    const titles = SAMPLE_ITEMS.map((item) => item.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  test('accepted items carry a written rationale, owner and review date', () => {
    const accepted = SAMPLE_ITEMS.filter((item) => item.status === 'accepted');
    expect(accepted.length).toBeGreaterThanOrEqual(3);
    for (const item of accepted) {
      expect(item.acceptance?.rationale.trim().length ?? 0, item.title).toBeGreaterThan(20);
      expect(item.acceptance?.owner, item.title).toBeTruthy();
      expect(item.acceptance?.reviewOn, item.title).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('covers the statuses and non-ASCII owners the UI must handle', () => {
    const statuses = new Set(SAMPLE_ITEMS.map((item) => item.status));
    expect([...statuses].sort()).toEqual(['accepted', 'in_progress', 'open', 'paid', 'planned', 'wont_fix']);
    const owners = new Set(SAMPLE_ITEMS.map((item) => item.owner));
    expect(owners).toContain('Zoë Lindqvist');
    expect(owners).toContain('José Ramírez');
    expect(owners).toContain('Łukasz Nowak');
  });

  test('is named as a sample', () => {
    expect(SAMPLE_PORTFOLIO_NAME).toBe('Storefront platform (sample)');
  });
});
