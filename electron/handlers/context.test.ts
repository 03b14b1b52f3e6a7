import { describe, expect, it } from 'vitest';
import { ItemId } from '../../shared/domain/debt-item.js';
import { openStore } from '../store/open-store.js';
import { createContext } from './context.js';

describe('createContext', () => {
  it('makes valid item ids that sort in creation order, so new rows append to the id and audit indexes', () => {
    const store = openStore(':memory:');
    try {
      const ctx = createContext(store);
      const ids = Array.from({ length: 2_000 }, () => ctx.newId());
      for (const id of ids) expect(ItemId.safeParse(id).success).toBe(true);
      // Version 7 (time-ordered), RFC variant; 2,000 ids also cross several refills of the random pool.
      expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(ids);
    } finally {
      store.close();
    }
  });
});
