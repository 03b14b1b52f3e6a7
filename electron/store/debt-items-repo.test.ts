import { describe, expect, it } from 'vitest';
import { DebtItemDraft } from '../../shared/domain/debt-item.js';
import { auditCount } from './audit-repo.js';
import { countItems, insertItems } from './debt-items-repo.js';
import { openStore } from './open-store.js';

const AT = '2026-11-25T10:00:00.000Z';
const draft = (title: string) => DebtItemDraft.parse({ title, likelihood: 3, impact: 3, effort: { low: 1, likely: 2, high: 3 }, interest: 1, tags: ['ci'] });
const entry = (n: number) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, draft: draft(`Item ${String(n)}`) });

describe('insertItems', () => {
  it('commits on its own when no transaction is open, and refuses a batch with a bad row as a whole', () => {
    const store = openStore(':memory:');
    try {
      insertItems(store.db, [entry(1), entry(2)], AT);
      expect(countItems(store.db).total).toBe(2);
      // The same id twice: the second insert fails after the first row of this batch was written.
      expect(() => insertItems(store.db, [entry(3), entry(3)], AT)).toThrow();
      expect(countItems(store.db).total).toBe(2);
      expect(auditCount(store.db)).toBe(2);
    } finally {
      store.close();
    }
  });

  it('joins a caller’s transaction, whose rollback takes its items, tags and audit entries with it', () => {
    const store = openStore(':memory:');
    try {
      const db = store.db;
      expect(() => {
        db.transaction(() => {
          insertItems(db, [entry(1), entry(2)], AT);
          expect(countItems(db).total).toBe(2);
          throw new Error('the caller gives up');
        })();
      }).toThrow('the caller gives up');
      expect(countItems(db).total).toBe(0);
      expect(auditCount(db)).toBe(0);
      expect(db.prepare('SELECT count(*) FROM item_tags').pluck().get()).toBe(0);
    } finally {
      store.close();
    }
  });
});
