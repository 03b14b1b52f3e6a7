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
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(ids);
    } finally {
      store.close();
    }
  });
});
