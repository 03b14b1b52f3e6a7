import { describe, expect, test } from 'vitest';
import { createAppStore } from './app-store.js';
import { fakeBridge } from './fake-bridge.js';
import { MAX_NOTICES } from './notices-slice.js';

const newStore = () => createAppStore(fakeBridge().bridge);

describe('notices', () => {
  test('show and dismiss', () => {
    const store = newStore();
    store.getState().showNotice('error', 'Could not save.');
    store.getState().showNotice('success', 'Saved.');
    const [first, second] = store.getState().notices;
    expect(first).toMatchObject({ tone: 'error', message: 'Could not save.' });
    expect(second).toMatchObject({ tone: 'success', message: 'Saved.' });
    store.getState().dismissNotice(first?.id ?? -1);
    expect(store.getState().notices.map((n) => n.message)).toEqual(['Saved.']);
  });

  test('a repeated message replaces the earlier copy', () => {
    const store = newStore();
    store.getState().showNotice('error', 'Offline.');
    store.getState().showNotice('info', 'Other.');
    store.getState().showNotice('error', 'Offline.');
    expect(store.getState().notices.map((n) => n.message)).toEqual(['Other.', 'Offline.']);
  });

  test(`keeps the newest ${String(MAX_NOTICES)}`, () => {
    const store = newStore();
    for (let i = 1; i <= MAX_NOTICES + 2; i++) store.getState().showNotice('info', `Notice ${String(i)}`);
    const messages = store.getState().notices.map((n) => n.message);
    expect(messages).toHaveLength(MAX_NOTICES);
    expect(messages[0]).toBe('Notice 3');
    expect(messages.at(-1)).toBe(`Notice ${String(MAX_NOTICES + 2)}`);
  });
});
