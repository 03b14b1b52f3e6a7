import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BULK_ITEMS } from '../../shared/api/bulk-update.js';
import type { ApiError, Result } from '../../shared/api/result.js';
import { DebtItemDraft } from '../../shared/domain/debt-item.js';
import { auditCount } from '../store/audit-repo.js';
import { allItems, insertItems } from '../store/debt-items-repo.js';
import { openStore, type Store } from '../store/open-store.js';
import { createContext, dispatch, type HandlerContext } from './dispatch.js';

let store: Store;
let ctx: HandlerContext;
const idFor = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

beforeEach(() => {
  store = openStore(':memory:');
  ctx = createContext(store, { now: () => new Date('2026-11-25T12:00:00Z') });
});
afterEach(() => {
  store.close();
});

function seed(count: number): { id: string; version: number }[] {
  const draft = DebtItemDraft.parse({ title: 'Debt', likelihood: 3, impact: 4, effort: { low: 1, likely: 2, high: 3 }, interest: 1 });
  const items = insertItems(store.db, Array.from({ length: count }, (_, n) => ({ id: idFor(n + 1), draft: { ...draft, title: `Debt ${String(n + 1)}` } })), '2026-11-25T09:00:00.000Z');
  return items.map(({ id, version }) => ({ id, version }));
}

function expectFail(result: Result<unknown>, code: string): ApiError {
  if (result.ok) throw new Error(`expected ${code}, got ok`);
  expect(result.error.code).toBe(code);
  return result.error;
}

describe('items.bulkUpdate', () => {
  it('plans every listed item and answers how many', () => {
    const targets = seed(3);
    expect(dispatch(ctx, 'items.bulkUpdate', { items: targets, changes: { status: 'planned' } })).toEqual({ ok: true, value: { updated: 3 } });
    expect(allItems(store.db).map((i) => [i.status, i.version, i.updatedAt])).toEqual(Array(3).fill(['planned', 2, '2026-11-25T12:00:00.000Z']));
  });

  it('refuses malformed requests before touching the portfolio', () => {
    const targets = seed(2);
    const [first] = targets;
    expect(expectFail(dispatch(ctx, 'items.bulkUpdate', { items: [], changes: { status: 'paid' } }), 'invalid-input').message).toContain(
      'Select at least one item',
    );
    expect(expectFail(dispatch(ctx, 'items.bulkUpdate', { items: [first, first], changes: { status: 'paid' } }), 'invalid-input').message).toContain(
      'listed twice',
    );
    expect(expectFail(dispatch(ctx, 'items.bulkUpdate', { items: targets, changes: {} }), 'invalid-input').message).toContain('the changes are empty');
    expect(expectFail(dispatch(ctx, 'items.bulkUpdate', { items: targets, changes: { version: 9 } }), 'invalid-input').issues?.[0]?.path).toBe('changes');
    const tooMany = Array.from({ length: MAX_BULK_ITEMS + 1 }, (_, n) => ({ id: idFor(n + 1), version: 1 }));
    expect(expectFail(dispatch(ctx, 'items.bulkUpdate', { items: tooMany, changes: { status: 'paid' } }), 'invalid-input').message).toContain(
      'at most 10,000 items',
    );
    expect(expectFail(dispatch(ctx, 'items.bulkUpdate', { items: targets, changes: { status: 'gone' } }), 'invalid-input').message).toMatch(
      /^The change would leave 2 of 2 selected items invalid/,
    );
    expect(allItems(store.db).every((i) => i.version === 1)).toBe(true);
    expect(auditCount(store.db)).toBe(2);
  });

  it('refuses the whole change when one item is stale', () => {
    const targets = seed(4);
    dispatch(ctx, 'items.update', { id: idFor(2), version: 1, changes: { owner: 'Zoë' } });
    const error = expectFail(dispatch(ctx, 'items.bulkUpdate', { items: targets, changes: { status: 'paid' } }), 'conflict');
    expect(error.message).toBe(
      '1 of 4 selected items changed or were deleted since you selected them, so nothing was changed: “Debt 2” is now version 2 (you had 1). Make the change again on the items as they are now.',
    );
    expect(allItems(store.db).filter((i) => i.status === 'paid')).toEqual([]);
  });

  it('changes 10,000 items in one call', () => {
    const targets = seed(MAX_BULK_ITEMS);
    expect(dispatch(ctx, 'items.bulkUpdate', { items: targets, changes: { status: 'wont_fix' } })).toEqual({ ok: true, value: { updated: MAX_BULK_ITEMS } });
    expect(auditCount(store.db)).toBe(2 * MAX_BULK_ITEMS);
    expect(allItems(store.db).every((i) => i.status === 'wont_fix' && i.version === 2)).toBe(true);
  });
});
