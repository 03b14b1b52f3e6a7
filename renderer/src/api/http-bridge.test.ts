import { afterEach, describe, expect, test, vi } from 'vitest';
import { CHANNELS } from '../../../shared/api/channels.js';
import { createHttpBridge, resultFromBody, TOKEN_HEADER } from './http-bridge.js';

type FetchArgs = [url: string, init: RequestInit];

function stubFetch(answer: () => Promise<Response>) {
  const calls: FetchArgs[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push([url, init]);
    return answer();
  });
  return calls;
}

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createHttpBridge', () => {
  test('offers one function per channel', () => {
    const bridge = createHttpBridge('t');
    expect(Object.keys(bridge).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(typeof bridge[channel]).toBe('function');
  });

  test('posts the input as JSON to /api/<channel> with the token header', async () => {
    const calls = stubFetch(() => json({ ok: true, value: { id: 'x' } }));
    const bridge = createHttpBridge('secret-token');
    const result = await bridge['items.delete']({ id: '00000000-0000-4000-8000-000000000000', version: 3 });
    expect(result).toEqual({ ok: true, value: { id: 'x' } });
    expect(calls).toHaveLength(1);
    const [url, init] = calls[0] ?? ['', {}];
    expect(url).toBe('/api/items.delete');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'content-type': 'application/json', [TOKEN_HEADER]: 'secret-token' });
    expect(JSON.parse(typeof init.body === 'string' ? init.body : '')).toEqual({ id: '00000000-0000-4000-8000-000000000000', version: 3 });
  });

  test('sends {} when a channel is called without meaningful input', async () => {
    const calls = stubFetch(() => json({ ok: true, value: { created: 0 } }));
    // The preload accepts undefined for input-less channels; the HTTP bridge must still send a JSON object.
    await createHttpBridge('t')['portfolio.loadSample'](undefined);
    expect(calls[0]?.[1].body).toBe('{}');
  });

  test('passes a failed Result through with its code, message and issues', async () => {
    const error = { code: 'invalid-input', message: 'title: The title is required.', issues: [{ path: 'title', message: 'The title is required.' }] };
    stubFetch(() => json({ ok: false, error }, 400));
    const result = await createHttpBridge('t')['items.create']({
      title: '',
      likelihood: 1,
      impact: 1,
      effort: { low: 1, likely: 1, high: 1 },
      interest: 0,
    });
    expect(result).toEqual({ ok: false, error });
  });

  test('turns a network failure into an io-error naming the preview host', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const result = await createHttpBridge('t')['portfolio.info']({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('io-error');
    expect(result.error.message).toContain('Could not reach the Paydown preview host (Failed to fetch)');
  });

  test('explains a 401 as a missing or stale token', async () => {
    stubFetch(() => Promise.resolve(new Response('unauthorized', { status: 401 })));
    const result = await createHttpBridge('')['portfolio.info']({});
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unauthorized',
        message: "This page's access token is missing or out of date. Open the link the preview host printed.",
      },
    });
  });

  test('explains 403 and 413 answers even when their body is JSON', async () => {
    stubFetch(() => json({ ok: false, error: { code: 'internal', message: 'forbidden' } }, 403));
    const forbidden = await createHttpBridge('t')['settings.get']({});
    expect(forbidden.ok ? '' : forbidden.error.message).toMatch(/refused this request/);
    expect(forbidden.ok ? '' : forbidden.error.code).toBe('forbidden');

    stubFetch(() => Promise.resolve(new Response('too big', { status: 413 })));
    const tooLarge = await createHttpBridge('t')['settings.get']({});
    expect(tooLarge.ok ? '' : tooLarge.error.code).toBe('invalid-input');
    expect(tooLarge.ok ? '' : tooLarge.error.message).toMatch(/too large/);
  });

  test('reports a non-JSON answer with its HTTP status', async () => {
    stubFetch(() => Promise.resolve(new Response('<html>Bad gateway</html>', { status: 502 })));
    const result = await createHttpBridge('t')['items.list']({});
    expect(result.ok ? '' : result.error.code).toBe('io-error');
    expect(result.ok ? '' : result.error.message).toContain('HTTP 502');
  });

  test('reports JSON that is not a Result', async () => {
    stubFetch(() => json({ hello: 'world' }));
    const result = await createHttpBridge('t')['items.list']({});
    expect(result.ok ? '' : result.error.code).toBe('io-error');
  });
});

describe('resultFromBody', () => {
  test('accepts both Result shapes and rejects others', () => {
    expect(resultFromBody({ ok: true, value: null })).toEqual({ ok: true, value: null });
    expect(resultFromBody({ ok: false, error: { code: 'conflict', message: 'm' } })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'm' },
    });
    expect(resultFromBody({ ok: false, error: { code: 'no-such-code', message: 'm' } })).toBeNull();
    expect(resultFromBody({ ok: true })).toBeNull();
    expect(resultFromBody('ok')).toBeNull();
    expect(resultFromBody(null)).toBeNull();
  });
});
