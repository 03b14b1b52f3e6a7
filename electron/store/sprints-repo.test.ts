import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Sprint } from '../../shared/planning/sprint.js';
import { auditCount } from './audit-repo.js';
import { openStore, type Store } from './open-store.js';
import { closeSprint, insertSprints, listSprints } from './sprints-repo.js';

let store: Store;
beforeEach(() => {
  store = openStore(':memory:');
});
afterEach(() => {
  store.close();
});

const sprint = (id: string, name: string, startDate: string): Sprint => Sprint.parse({ id, name, startDate, lengthDays: 14, capacity: 40 });
const AT = '2027-01-01T09:00:00.000Z';

describe('sprints repository', () => {
  it('lists sprints in calendar order, equal start dates by id', () => {
    insertSprints(store.db, [sprint('c', 'Late', '2027-02-01'), sprint('b', 'Second', '2027-01-04'), sprint('a', 'First', '2027-01-04')], AT);
    expect(listSprints(store.db).map((s) => s.name)).toEqual(['First', 'Second', 'Late']);
  });

  it('inserts a batch all or nothing, with one audit entry per sprint', () => {
    insertSprints(store.db, [sprint('a', 'S1', '2027-01-04')], AT);
    expect(auditCount(store.db)).toBe(1);
    expect(() => insertSprints(store.db, [sprint('b', 'S2', '2027-01-18'), sprint('c', 'S1', '2027-02-01')], AT)).toThrow(/“S1” already exists/);
    expect(listSprints(store.db).map((s) => s.name)).toEqual(['S1']);
    expect(auditCount(store.db)).toBe(1);
  });

  it('keeps the actuals and closing time of a closed sprint', () => {
    insertSprints(store.db, [sprint('a', 'S1', '2027-01-04')], AT);
    closeSprint(store.db, 'S1', { completed: 30, debtSpent: 4.5, paidItemIds: [] }, '2027-01-18T17:00:00.000Z');
    expect(listSprints(store.db)[0]).toMatchObject({ actuals: { completed: 30, debtSpent: 4.5, paidItemIds: [] }, closedAt: '2027-01-18T17:00:00.000Z' });
  });

  it('refuses a damaged row instead of planning with it', () => {
    insertSprints(store.db, [sprint('a', 'S1', '2027-01-04')], AT);
    store.db.prepare("UPDATE sprints SET paid_item_ids = '{\"x\":1}'").run();
    store.db.prepare("UPDATE sprints SET completed = 1, debt_spent = 0, closed_at = 'yesterday'").run();
    expect(() => listSprints(store.db)).toThrow(/Sprint S1 in the portfolio is damaged/);
  });
});
