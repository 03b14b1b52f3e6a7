import { describe, expect, test } from 'vitest';
import { ListItemsQuery } from '../../../shared/api/contract.js';
import { firstDirection, hasActiveFilters, lastPageOffset, listQueryOf, NO_FILTERS } from './list-query.js';

const view = { filters: NO_FILTERS, sort: 'risk', direction: 'desc', offset: 0, limit: 50 } as const;

describe('listQueryOf', () => {
  test('leaves out empty filters', () => {
    expect(listQueryOf(view)).toEqual({ sort: 'risk', direction: 'desc', offset: 0, limit: 50 });
  });

  test('produces a query the contract accepts, with search text trimmed and capped', () => {
    const query = listQueryOf({
      ...view,
      filters: { status: ['accepted'], kind: ['code', 'test'], owner: 'Łukasz Nowak', tag: 'money', text: ` ${'x'.repeat(300)} ` },
    });
    expect(query.text).toHaveLength(200);
    expect(ListItemsQuery.safeParse(query).success).toBe(true);
  });
});

test('hasActiveFilters ignores whitespace-only search text', () => {
  expect(hasActiveFilters(NO_FILTERS)).toBe(false);
  expect(hasActiveFilters({ ...NO_FILTERS, text: '   ' })).toBe(false);
  expect(hasActiveFilters({ ...NO_FILTERS, tag: 'x' })).toBe(true);
  expect(hasActiveFilters({ ...NO_FILTERS, status: ['open'] })).toBe(true);
});

test('firstDirection', () => {
  expect(firstDirection('title')).toBe('asc');
  expect(firstDirection('dueDate')).toBe('asc');
  expect(firstDirection('risk')).toBe('desc');
  expect(firstDirection('updatedAt')).toBe('desc');
});

test('lastPageOffset', () => {
  expect(lastPageOffset(0, 100)).toBe(0);
  expect(lastPageOffset(100, 100)).toBe(0);
  expect(lastPageOffset(101, 100)).toBe(100);
  expect(lastPageOffset(250, 25)).toBe(225);
});
