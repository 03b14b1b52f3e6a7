import { describe, expect, test } from 'vitest';
import { fail, ok } from '../../../shared/api/result.js';
import { createAppStore } from './app-store.js';
import { fakeBridge, TEST_INFO } from './fake-bridge.js';

describe('start', () => {
  test('loads the portfolio details and then the first page', async () => {
    const fake = fakeBridge();
    const store = createAppStore(fake.bridge);
    expect(store.getState().startup).toEqual({ phase: 'starting' });
    await store.getState().start();
    expect(store.getState().startup).toEqual({ phase: 'ready' });
    expect(store.getState().portfolio).toEqual(TEST_INFO);
    expect(fake.calls.map((c) => c.channel)).toEqual(['portfolio.info', 'items.list']);
  });

  test('a failure becomes the startup error with the host’s message', async () => {
    const fake = fakeBridge({
      'portfolio.info': () => fail('db-too-new', 'This portfolio was saved by a newer Paydown (schema 9).'),
    });
    const store = createAppStore(fake.bridge);
    await store.getState().start();
    expect(store.getState().startup).toEqual({
      phase: 'failed',
      message: 'This portfolio was saved by a newer Paydown (schema 9).',
    });
    expect(fake.inputsOf('items.list')).toEqual([]);
  });
});

describe('loadSample', () => {
  test('asks the host with {} and reloads items and portfolio details', async () => {
    const fake = fakeBridge();
    const store = createAppStore(fake.bridge);
    await store.getState().loadSample();
    expect(fake.inputsOf('portfolio.loadSample')).toEqual([{}]);
    expect(fake.inputsOf('items.list')).toHaveLength(1);
    expect(fake.inputsOf('portfolio.info')).toHaveLength(1);
    expect(store.getState().loadingSample).toBe(false);
    expect(store.getState().notices.map((n) => n.message)).toEqual(['Loaded 42 sample debt items.']);
  });

  test('reports a failure', async () => {
    const fake = fakeBridge({ 'portfolio.loadSample': () => fail('io-error', 'The portfolio file is read-only.') });
    const store = createAppStore(fake.bridge);
    await store.getState().loadSample();
    expect(store.getState().notices[0]).toMatchObject({
      tone: 'error',
      message: 'Could not load the sample portfolio. The portfolio file is read-only.',
    });
    expect(fake.inputsOf('items.list')).toEqual([]);
  });
});

describe('settings', () => {
  test('opening fetches the current settings first', async () => {
    const fake = fakeBridge({ 'settings.get': () => ok({ name: 'Storefront', unit: 'days', sprintLengthDays: 10 }) });
    const store = createAppStore(fake.bridge);
    await store.getState().openSettings();
    expect(store.getState()).toMatchObject({
      settingsOpen: true,
      settings: { name: 'Storefront', unit: 'days', sprintLengthDays: 10 },
    });
  });

  test('does not open when the settings cannot be read', async () => {
    const fake = fakeBridge({ 'settings.get': () => fail('internal', 'Boom') });
    const store = createAppStore(fake.bridge);
    await store.getState().openSettings();
    expect(store.getState().settingsOpen).toBe(false);
    expect(store.getState().notices[0]?.message).toBe(
      'Could not open the settings. Boom. Try again; if it keeps failing, restart Paydown.',
    );
  });

  test('saving sends the patch, closes the dialog and refreshes the header details', async () => {
    const fake = fakeBridge();
    const store = createAppStore(fake.bridge);
    await store.getState().openSettings();
    expect(await store.getState().saveSettings({ name: 'Checkout team' })).toEqual({ status: 'saved' });
    expect(fake.inputsOf('settings.set')).toEqual([{ name: 'Checkout team' }]);
    expect(store.getState().settingsOpen).toBe(false);
    expect(store.getState().settings?.name).toBe('Checkout team');
    expect(fake.inputsOf('portfolio.info')).toHaveLength(1);
  });

  test('invalid settings go back to the form with their issues', async () => {
    const issues = [{ path: 'sprintLengthDays', message: 'A sprint lasts at most 90 days.' }];
    const fake = fakeBridge({ 'settings.set': () => fail('invalid-input', 'sprintLengthDays: A sprint lasts at most 90 days.', issues) });
    const store = createAppStore(fake.bridge);
    await store.getState().openSettings();
    const outcome = await store.getState().saveSettings({ sprintLengthDays: 120 });
    expect(outcome).toEqual({ status: 'invalid', message: 'sprintLengthDays: A sprint lasts at most 90 days.', issues });
    expect(store.getState().settingsOpen).toBe(true);
  });
});
