import { describe, expect, test } from 'vitest';
import type { DebtItemDraft } from '../../../shared/domain/debt-item.js';
import { testItem } from '../store/fake-bridge.js';
import { changesBetween, hasChanges } from './item-changes.js';
import { plainEqual } from './plain-equal.js';

const item = testItem({
  quadrant: 'deliberate-prudent',
  tags: ['checkout'],
  dueDate: '2026-06-01',
  outcome: 'lead_time',
  externalRef: { source: 'jira', key: 'SHOP-12' },
});
const { id: _id, createdAt: _c, updatedAt: _u, version: _v, externalRef: _e, ...unchanged } = item;

describe('changesBetween', () => {
  test('an unchanged draft gives an empty patch, even without externalRef', () => {
    const changes = changesBetween(item, unchanged);
    expect(changes).toEqual({});
    expect(hasChanges(changes)).toBe(false);
  });

  test('holds only the changed fields', () => {
    const draft: DebtItemDraft = { ...unchanged, title: 'Renamed', effort: { low: 2, likely: 3, high: 13 }, tags: ['checkout', 'money'] };
    expect(changesBetween(item, draft)).toEqual({
      title: 'Renamed',
      effort: { low: 2, likely: 3, high: 13 },
      tags: ['checkout', 'money'],
    });
  });

  test('cleared optional fields are sent as null', () => {
    const { quadrant: _q, dueDate: _d, outcome: _o, ...cleared } = unchanged;
    const changes = changesBetween(item, cleared);
    expect(changes).toEqual({ quadrant: null, dueDate: null, outcome: null });
    expect(hasChanges(changes)).toBe(true);
  });

  test('acceptance is compared by value, in any key order', () => {
    const accepted = testItem({ status: 'accepted', acceptance: { rationale: 'Cheap.', reviewOn: '2026-09-01', owner: 'Zoë' } });
    const { id: _i, createdAt: _cr, updatedAt: _up, version: _ve, ...draft } = accepted;
    const reordered: DebtItemDraft = { ...draft, acceptance: { owner: 'Zoë', rationale: 'Cheap.', reviewOn: '2026-09-01' } };
    expect(changesBetween(accepted, reordered)).toEqual({});
    const reopened: DebtItemDraft = { ...reordered, status: 'open', acceptance: undefined };
    expect(changesBetween(accepted, reopened)).toEqual({ status: 'open', acceptance: null });
  });
});

test('plainEqual', () => {
  expect(plainEqual({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
  expect(plainEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  expect(plainEqual([1, 2], [2, 1])).toBe(false);
  expect(plainEqual({ a: 1 }, { a: 2 })).toBe(false);
  expect(plainEqual([], {})).toBe(false);
  expect(plainEqual(null, {})).toBe(false);
  expect(plainEqual(Number.NaN, Number.NaN)).toBe(true);
});
