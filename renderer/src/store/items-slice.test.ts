import { describe, expect, test } from 'vitest';
import { fail, ok } from '../../../shared/api/result.js';
import type { DebtItemDraft } from '../../../shared/domain/debt-item.js';
import { createAppStore } from './app-store.js';
import { fakeBridge, testItem } from './fake-bridge.js';
import { localDate } from './items-slice.js';

const draft: DebtItemDraft = {
  title: 'Flaky checkout tests',
  description: '',
  kind: 'test',
  area: 'Checkout',
  owner: 'Zoë Lindqvist',
  tags: [],
  status: 'open',
  likelihood: 4,
  impact: 3,
  effort: { low: 2, likely: 3, high: 5 },
  interest: 2,
};

describe('loadItems', () => {
  test('loads the page the filters describe', async () => {
    const items = [testItem(), testItem()];
    const fake = fakeBridge({ 'items.list': () => ok({ items, total: 7, offset: 0, limit: 100 }) });
    const store = createAppStore(fake.bridge);
    expect(store.getState().loaded).toBe(false);
    await store.getState().loadItems();
    expect(store.getState()).toMatchObject({ items, total: 7, loading: false, loaded: true });
    expect(fake.inputsOf('items.list')).toEqual([{ sort: 'updatedAt', direction: 'desc', offset: 0, limit: 100 }]);
  });

  test('shows a notice and keeps the old page when loading fails', async () => {
    const first = [testItem()];
    const fake = fakeBridge({ 'items.list': () => ok({ items: first, total: 1, offset: 0, limit: 100 }) });
    const store = createAppStore(fake.bridge);
    await store.getState().loadItems();
    fake.handlers['items.list'] = () => fail('io-error', 'The disk is full');
    await store.getState().loadItems();
    expect(store.getState().items).toEqual(first);
    expect(store.getState().loading).toBe(false);
    expect(store.getState().notices.map((n) => [n.tone, n.message])).toEqual([
      ['error', 'Could not load the debt items. The disk is full.'],
    ]);
  });

  test('ignores an older answer that arrives after a newer one', async () => {
    const slow = [testItem({ title: 'slow' })];
    const fast = [testItem({ title: 'fast' })];
    let release: () => void = () => undefined;
    const fake = fakeBridge();
    fake.handlers['items.list'] = (q) =>
      q.text === 'old'
        ? new Promise((resolve) => {
            release = () => {
              resolve(ok({ items: slow, total: 1, offset: 0, limit: 100 }));
            };
          })
        : ok({ items: fast, total: 1, offset: 0, limit: 100 });
    const store = createAppStore(fake.bridge);
    store.setState({ filters: { ...store.getState().filters, text: 'old' } });
    const older = store.getState().loadItems();
    store.setState({ filters: { ...store.getState().filters, text: 'new' } });
    await store.getState().loadItems();
    release();
    await older;
    expect(store.getState().items).toEqual(fast);
  });

  test('steps back a page when the current one became empty', async () => {
    const lastPage = [testItem()];
    const fake = fakeBridge({
      'items.list': (q) =>
        q.offset === 200 ? ok({ items: [], total: 150, offset: 200, limit: 100 }) : ok({ items: lastPage, total: 150, offset: 100, limit: 100 }),
    });
    const store = createAppStore(fake.bridge);
    store.setState({ offset: 200 });
    await store.getState().loadItems();
    expect(store.getState().offset).toBe(100);
    expect(store.getState().items).toEqual(lastPage);
  });

  test('a bridge that throws becomes a notice, not an unhandled rejection', async () => {
    const fake = fakeBridge({
      'items.list': () => {
        throw new Error('preload crashed');
      },
    });
    const store = createAppStore(fake.bridge);
    await store.getState().loadItems();
    expect(store.getState().notices[0]?.message).toBe(
      'Could not load the debt items. Paydown could not run “items.list”: preload crashed. Try again; if it keeps failing, restart Paydown.',
    );
  });
});

describe('createItem', () => {
  test('creates, closes the editor, confirms and reloads list and portfolio', async () => {
    const fake = fakeBridge();
    const store = createAppStore(fake.bridge);
    store.getState().openNewItem();
    const outcome = await store.getState().createItem(draft);
    expect(outcome).toEqual({ status: 'saved' });
    expect(fake.inputsOf('items.create')).toEqual([draft]);
    expect(store.getState().editor).toBeNull();
    expect(store.getState().notices.map((n) => n.message)).toEqual(['Added “Flaky checkout tests”.']);
    expect(fake.inputsOf('items.list')).toHaveLength(1);
    expect(fake.inputsOf('portfolio.info')).toHaveLength(1);
  });

  test('hands invalid-input issues back to the form without a notice', async () => {
    const issues = [{ path: 'title', message: 'The title is required.' }];
    const fake = fakeBridge({ 'items.create': () => fail('invalid-input', 'title: The title is required.', issues) });
    const store = createAppStore(fake.bridge);
    store.getState().openNewItem();
    const outcome = await store.getState().createItem(draft);
    expect(outcome).toEqual({ status: 'invalid', message: 'title: The title is required.', issues });
    expect(store.getState().editor).toEqual({ mode: 'create' });
    expect(store.getState().notices).toEqual([]);
  });

  test('reports other failures and keeps the editor open', async () => {
    const fake = fakeBridge({ 'items.create': () => fail('io-error', 'The portfolio file is read-only.') });
    const store = createAppStore(fake.bridge);
    store.getState().openNewItem();
    expect(await store.getState().createItem(draft)).toEqual({ status: 'failed' });
    expect(store.getState().editor).toEqual({ mode: 'create' });
    expect(store.getState().notices[0]).toMatchObject({
      tone: 'error',
      message: 'Could not add “Flaky checkout tests”. The portfolio file is read-only.',
    });
  });
});

describe('updateItem', () => {
  test('sends id, version and only the changes, then shows the saved item', async () => {
    const item = testItem({ title: 'Old title', version: 4 });
    const saved = { ...item, title: 'New title', version: 5 };
    const fake = fakeBridge({
      'items.list': () => ok({ items: [saved], total: 1, offset: 0, limit: 100 }),
      'items.update': () => ok(saved),
    });
    const store = createAppStore(fake.bridge);
    store.setState({ items: [item], total: 1 });
    store.getState().openEditItem(item);
    expect(await store.getState().updateItem(item, { title: 'New title' })).toEqual({ status: 'saved' });
    expect(fake.inputsOf('items.update')).toEqual([{ id: item.id, version: 4, changes: { title: 'New title' } }]);
    expect(store.getState().items).toEqual([saved]);
    expect(store.getState().editor).toBeNull();
    expect(store.getState().notices.map((n) => n.message)).toEqual(['Saved “New title”.']);
  });

  test('on conflict, tells the user and loads the other person’s version into the editor', async () => {
    const mine = testItem({ title: 'Shared item', version: 2 });
    const theirs = { ...mine, owner: 'Łukasz Nowak', version: 3 };
    const fake = fakeBridge({
      'items.update': () => fail('conflict', 'The item changed since version 2.'),
      'items.get': () => ok(theirs),
    });
    const store = createAppStore(fake.bridge);
    store.setState({ items: [mine], total: 1 });
    store.getState().openEditItem(mine);
    expect(await store.getState().updateItem(mine, { title: 'Mine' })).toEqual({ status: 'failed' });
    expect(fake.inputsOf('items.get')).toEqual([{ id: mine.id }]);
    expect(store.getState().editor).toEqual({ mode: 'edit', item: theirs });
    expect(store.getState().items).toEqual([theirs]);
    const notice = store.getState().notices[0];
    expect(notice?.tone).toBe('error');
    expect(notice?.message).toMatch(/^Someone else changed “Shared item” while you were editing it/);
  });

  test('when the item was deleted meanwhile, closes the editor and says so', async () => {
    const item = testItem({ title: 'Gone' });
    const fake = fakeBridge({ 'items.update': () => fail('not-found', 'No item with that id.') });
    const store = createAppStore(fake.bridge);
    store.getState().openEditItem(item);
    expect(await store.getState().updateItem(item, { title: 'x' })).toEqual({ status: 'failed' });
    expect(store.getState().editor).toBeNull();
    expect(store.getState().notices[0]?.message).toMatch(/“Gone” no longer exists/);
    expect(fake.inputsOf('items.list')).toHaveLength(1);
  });
});

describe('deleteItem', () => {
  test('sends id and version, closes the confirmation and reloads', async () => {
    const item = testItem({ title: 'Old flag', version: 7 });
    const fake = fakeBridge();
    const store = createAppStore(fake.bridge);
    store.getState().askToDelete(item);
    await store.getState().deleteItem(item);
    expect(fake.inputsOf('items.delete')).toEqual([{ id: item.id, version: 7 }]);
    expect(store.getState().deleteTarget).toBeNull();
    expect(store.getState().notices.map((n) => n.message)).toEqual(['Deleted “Old flag”.']);
    expect(fake.inputsOf('items.list')).toHaveLength(1);
    expect(fake.inputsOf('portfolio.info')).toHaveLength(1);
  });

  test('a conflict is reported and the list reloaded', async () => {
    const item = testItem({ title: 'Busy item' });
    const fake = fakeBridge({ 'items.delete': () => fail('conflict', 'Changed.') });
    const store = createAppStore(fake.bridge);
    await store.getState().deleteItem(item);
    expect(store.getState().notices[0]?.message).toMatch(/“Busy item” was changed by someone else, so it was not deleted/);
    expect(fake.inputsOf('items.list')).toHaveLength(1);
  });
});

test('localDate formats the local calendar date', () => {
  expect(localDate(new Date(2026, 0, 9, 23, 30))).toBe('2026-01-09');
});

test('a failed first load is remembered so the view can offer a retry', async () => {
  const fake = fakeBridge({ 'items.list': () => fail('io-error', 'Offline.') });
  const store = createAppStore(fake.bridge);
  await store.getState().loadItems();
  expect(store.getState()).toMatchObject({ loaded: false, loadFailed: true, loading: false });
  fake.handlers['items.list'] = () => ok({ items: [], total: 0, offset: 0, limit: 100 });
  await store.getState().loadItems();
  expect(store.getState()).toMatchObject({ loaded: true, loadFailed: false });
});
