import { describe, expect, test } from 'vitest';
import { ok } from '../../../shared/api/result.js';
import { createAppStore } from './app-store.js';
import { fakeBridge } from './fake-bridge.js';

/** Filter setters start a load without awaiting it; the fake answers at once, so one tick settles it. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(total = 0) {
  const fake = fakeBridge({ 'items.list': (q) => ok({ items: [], total, offset: q.offset ?? 0, limit: q.limit ?? 100 }) });
  return { fake, store: createAppStore(fake.bridge) };
}

describe('filters', () => {
  test('each filter change reloads from the first page with the filter applied', async () => {
    const { fake, store } = setup(500);
    store.setState({ offset: 300 });
    store.getState().setStatusFilter(['open', 'planned']);
    await settle();
    store.getState().setKindFilter(['security']);
    await settle();
    store.getState().setOwnerFilter('Zoë Lindqvist');
    await settle();
    store.getState().setTagFilter('checkout');
    await settle();
    store.getState().setTextFilter('  cart  ');
    await settle();
    const queries = fake.inputsOf('items.list');
    expect(queries).toHaveLength(5);
    expect(queries.at(-1)).toEqual({
      sort: 'updatedAt',
      direction: 'desc',
      offset: 0,
      limit: 100,
      status: ['open', 'planned'],
      kind: ['security'],
      owner: 'Zoë Lindqvist',
      tag: 'checkout',
      text: 'cart',
    });
  });

  test('setting the same search text again does not reload', async () => {
    const { fake, store } = setup();
    store.getState().setTextFilter('cart');
    await settle();
    store.getState().setTextFilter('cart');
    await settle();
    expect(fake.inputsOf('items.list')).toHaveLength(1);
  });

  test('clearFilters removes every filter and reloads', async () => {
    const { fake, store } = setup();
    store.getState().setOwnerFilter('José Ramírez');
    await settle();
    store.getState().clearFilters();
    await settle();
    expect(store.getState().filters).toEqual({ status: [], kind: [], owner: '', tag: '', text: '' });
    expect(fake.inputsOf('items.list').at(-1)).toEqual({ sort: 'updatedAt', direction: 'desc', offset: 0, limit: 100 });
  });
});

describe('sortBy', () => {
  test('a new column starts in its natural direction; the same column flips it', async () => {
    const { fake, store } = setup();
    store.getState().sortBy('title');
    await settle();
    expect(store.getState()).toMatchObject({ sort: 'title', direction: 'asc' });
    store.getState().sortBy('title');
    await settle();
    expect(store.getState()).toMatchObject({ sort: 'title', direction: 'desc' });
    store.getState().sortBy('risk');
    await settle();
    expect(store.getState()).toMatchObject({ sort: 'risk', direction: 'desc' });
    expect(fake.inputsOf('items.list').map((q) => JSON.stringify(q))).toEqual([
      JSON.stringify({ sort: 'title', direction: 'asc', offset: 0, limit: 100 }),
      JSON.stringify({ sort: 'title', direction: 'desc', offset: 0, limit: 100 }),
      JSON.stringify({ sort: 'risk', direction: 'desc', offset: 0, limit: 100 }),
    ]);
  });
});

describe('paging', () => {
  test('next and previous move by one page and stop at the ends', async () => {
    const { fake, store } = setup(250);
    await store.getState().loadItems();
    store.getState().previousPage();
    expect(store.getState().offset).toBe(0);
    store.getState().nextPage();
    await settle();
    store.getState().nextPage();
    await settle();
    expect(store.getState().offset).toBe(200);
    store.getState().nextPage();
    await settle();
    expect(store.getState().offset).toBe(200);
    store.getState().previousPage();
    await settle();
    expect(store.getState().offset).toBe(100);
    expect(fake.inputsOf('items.list').map((q) => (q as { offset: number }).offset)).toEqual([0, 100, 200, 100]);
  });

  test('changing the page size goes back to the first page', async () => {
    const { fake, store } = setup(250);
    store.setState({ offset: 200 });
    store.getState().setPageSize(25);
    await settle();
    expect(store.getState()).toMatchObject({ offset: 0, limit: 25 });
    expect(fake.inputsOf('items.list')).toEqual([{ sort: 'updatedAt', direction: 'desc', offset: 0, limit: 25 }]);
  });
});
