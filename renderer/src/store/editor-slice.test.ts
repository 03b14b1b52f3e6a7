import { expect, test } from 'vitest';
import { createAppStore } from './app-store.js';
import { fakeBridge, testItem } from './fake-bridge.js';

test('only one dialog target is open at a time', () => {
  const store = createAppStore(fakeBridge().bridge);
  const item = testItem();
  store.getState().openEditItem(item);
  expect(store.getState().editor).toEqual({ mode: 'edit', item });
  store.getState().askToDelete(item);
  expect(store.getState()).toMatchObject({ editor: null, deleteTarget: item });
  store.getState().openNewItem();
  expect(store.getState()).toMatchObject({ editor: { mode: 'create' }, deleteTarget: null });
  store.getState().closeEditor();
  expect(store.getState().editor).toBeNull();
});
