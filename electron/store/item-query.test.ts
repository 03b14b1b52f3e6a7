import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DebtItemDraft, draftOf, KINDS, STATUSES, type DebtItem } from '../../shared/domain/debt-item.js';
import { insertItems, updateItem } from './debt-items-repo.js';
import { listItems } from './item-query.js';
import { openStore, type Store } from './open-store.js';

// Enough items that common filters match more than the ordered-scan threshold, so both query plans run.
const N = 3_000;
let store: Store;
let all: DebtItem[];

beforeAll(() => {
  store = openStore(':memory:');
  const items = Array.from({ length: N }, (_, n) => ({
    id: `00000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`,
    draft: DebtItemDraft.parse({
      title: `${['Slow', 'flaky', 'Legacy', 'árbol'][n % 4] ?? ''} item ${String(n % 97)}`,
      kind: KINDS[n % KINDS.length],
      status: STATUSES.filter((s) => s !== 'accepted')[n % 5],
      owner: ['Ana', 'Zoë Lindqvist', ''][n % 3],
      tags: n % 2 === 0 ? ['ci'] : ['auth', 'ci'].slice(n % 3 === 0 ? 0 : 1),
      likelihood: 1 + (n % 5),
      impact: 1 + ((n * 7) % 5),
      effort: { low: 1, likely: 2, high: 3 },
      interest: n % 4,
    }),
  }));
  // Distinct timestamps per chunk, so updatedAt order is partly tied and the id tie-break matters.
  for (let chunk = 0; chunk < 3; chunk++) {
    insertItems(store.db, items.slice(chunk * 1000, chunk * 1000 + 1000), `2026-11-2${String(chunk)}T10:00:00.000Z`);
  }
  all = listItems(store.db, { sort: 'title', direction: 'asc', offset: 0, limit: 1000 }).items;
  for (let offset = 1000; offset < N; offset += 1000) {
    all.push(...listItems(store.db, { sort: 'title', direction: 'asc', offset, limit: 1000 }).items);
  }
});
afterAll(() => {
  store.close();
});

const compareBy = (key: (i: DebtItem) => string | number, direction: 'asc' | 'desc') => (a: DebtItem, b: DebtItem) => {
  const ka = key(a);
  const kb = key(b);
  const primary = ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return direction === 'asc' ? primary : -primary;
};

describe('listItems on a large portfolio', () => {
  it('holds every item', () => {
    expect(all).toHaveLength(N);
  });

  it.each([
    ['risk', (i: DebtItem) => i.likelihood * i.impact],
    ['title', (i: DebtItem) => i.title.toLowerCase()],
    ['updatedAt', (i: DebtItem) => i.updatedAt],
  ] as const)('sorts by %s exactly as a full sort would, through the index or not', (sort, key) => {
    for (const direction of ['asc', 'desc'] as const) {
      for (const filter of [{}, { status: ['open' as const, 'planned' as const] }, { owner: 'Ana' }, { tag: 'auth' }, { owner: 'Ana', tag: 'ci' }]) {
        const expected = all
          .filter((i) => (!('status' in filter) || filter.status.includes(i.status as 'open')) && (!('owner' in filter) || i.owner === filter.owner) && (!('tag' in filter) || i.tags.includes(filter.tag)))
          .sort(compareBy(key, direction));
        const page = listItems(store.db, { ...filter, sort, direction, offset: 40, limit: 50 });
        expect(page.total).toBe(expected.length);
        expect(page.items.map((i) => i.id)).toEqual(expected.slice(40, 90).map((i) => i.id));
      }
    }
  });

  it('searches without regard to case or accents, across title, owner and tags', () => {
    const count = (text: string) => listItems(store.db, { text, sort: 'title', direction: 'asc', offset: 0, limit: 1 }).total;
    expect(count('ARBOL')).toBe(N / 4);
    expect(count('zoe')).toBe(N / 3);
    expect(count('auth')).toBe(all.filter((i) => i.tags.includes('auth')).length);
    expect(count('100%')).toBe(0);
    // LIKE's wildcards mean nothing in a search: "item_1" would match "item 1" if _ were a wildcard.
    expect(count('item 1')).toBeGreaterThan(0);
    expect(count('item_1')).toBe(0);
    expect(count('item\\')).toBe(0);
  });

  it('combines a text search with the other filters, and finds an edited item by its new words only', () => {
    const page = listItems(store.db, { text: 'zoe', status: ['open'], tag: 'auth', sort: 'risk', direction: 'desc', offset: 0, limit: 1000 });
    const expected = all.filter((i) => i.owner === 'Zoë Lindqvist' && i.status === 'open' && i.tags.includes('auth'));
    expect(page.total).toBe(expected.length);
    expect(new Set(page.items.map((i) => i.id))).toEqual(new Set(expected.map((i) => i.id)));
    const target = all.find((i) => i.title.startsWith('Slow'));
    if (target === undefined) throw new Error('the fixture has Slow items');
    const search = (text: string) => listItems(store.db, { text, sort: 'title', direction: 'asc', offset: 0, limit: 5 });
    const editThenUndo = store.db.transaction(() => {
      updateItem(store.db, target.id, target.version, { ...draftOf(target), title: 'Quokka-sized cache leak' }, '2026-11-25T10:00:00.000Z');
      expect(search('quokka').items.map((i) => i.id)).toEqual([target.id]);
      expect(search(target.title).items.map((i) => i.id)).not.toContain(target.id);
      throw new Error('undo the edit for the other tests');
    });
    expect(editThenUndo).toThrow('undo the edit');
    expect(search('quokka').total).toBe(0);
  });
});
