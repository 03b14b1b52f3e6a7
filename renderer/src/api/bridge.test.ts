import { afterEach, describe, expect, test, vi } from 'vitest';
import type { PaydownBridge } from '../../../shared/api/contract.js';
import { getBridge } from './bridge.js';
import { TOKEN_HEADER } from './http-bridge.js';
import { fakeBridge } from '../store/fake-bridge.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('getBridge', () => {
  test('uses the bridge the Electron preload exposed', () => {
    const exposed: PaydownBridge = fakeBridge().bridge;
    vi.stubGlobal('window', { paydown: exposed });
    expect(getBridge()).toBe(exposed);
  });

  test('falls back to HTTP with the token from the URL, remembered for the tab', async () => {
    const stored = new Map<string, string>();
    const sessionStorage = {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => stored.set(key, value),
    };
    vi.stubGlobal('window', { location: { hash: '#token=from-url' }, sessionStorage });
    const headers: unknown[] = [];
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      headers.push(init.headers);
      return Promise.resolve(new Response(JSON.stringify({ ok: true, value: { created: 1 } })));
    });
    await getBridge()['portfolio.loadSample']({});
    expect(headers).toEqual([{ 'content-type': 'application/json', [TOKEN_HEADER]: 'from-url' }]);
    expect([...stored.values()]).toEqual(['from-url']);
  });
});
