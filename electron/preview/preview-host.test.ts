import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../store/store-error.js';
import { MAX_BODY_BYTES } from './read-body.js';
import { startPreviewHost, type PreviewHost } from './preview-host.js';
import { CONTENT_SECURITY_POLICY } from './security-headers.js';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** The bytes as sent, before any decoding: a compressed answer is only readable from these. */
  raw: Buffer;
}

interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body in pieces without a Content-Length, as a streaming client would. */
  chunked?: boolean;
}

/** node:http rather than fetch: fetch may not set Host, and these tests need to lie about it. */
function send(port: number, req: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const headers: Record<string, string | number> = { host: `127.0.0.1:${String(port)}`, ...req.headers };
    if (req.body !== undefined && req.chunked !== true) headers['content-length'] = Buffer.byteLength(req.body);
    const r = request({ host: '127.0.0.1', port, method: req.method ?? 'GET', path: req.path, headers, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: raw.toString('utf8'), raw });
      });
      res.on('error', reject);
    });
    r.on('error', (error) => {
      // The host may answer 413 and close while the rest of a large body is still being written.
      if (!answered) reject(error);
    });
    if (req.body === undefined) {
      r.end();
    } else if (req.chunked === true) {
      const body = Buffer.from(req.body);
      for (let i = 0; i < body.length; i += 64 * 1024) r.write(body.subarray(i, i + 64 * 1024));
      r.end();
    } else {
      r.end(req.body);
    }
  });
}

const DRAFT = { title: 'Replace the hand-rolled ORM', likelihood: 4, impact: 3, effort: { low: 2, likely: 3, high: 8 }, interest: 1.5 };

let dir: string;
let rendererDir: string;
let host: PreviewHost;

function api(channel: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return send(host.port, {
    method: 'POST',
    path: `/api/${channel}`,
    headers: { 'content-type': 'application/json', 'x-paydown-token': host.token, ...headers },
    body: JSON.stringify(body),
  });
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'paydown-preview-'));
  rendererDir = path.join(dir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Paydown</title><script type="module" src="./assets/app.js"></script>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log("paydown");');
  await writeFile(path.join(rendererDir, 'assets', 'app.css'), 'body{}');
  await writeFile(path.join(rendererDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(dir, 'secret.txt'), 'TOP-SECRET');
  host = await startPreviewHost({ dbPath: path.join(dir, 'portfolio.paydown'), rendererDir });
});

afterEach(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

describe('startPreviewHost', () => {
  it('listens on 127.0.0.1 and prints the token only in the URL fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${String(host.port)}/#token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('serves index.html at / with the security headers', async () => {
    const res = await send(host.port, { path: '/' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Paydown</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
  });

  it('answers HEAD with headers only', async () => {
    const res = await send(host.port, { method: 'HEAD', path: '/assets/app.js' });
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength('console.log("paydown");')));
    expect(res.body).toBe('');
  });

  it.each([
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/app.css', 'text/css; charset=utf-8'],
    ['/assets/logo.svg', 'image/svg+xml'],
  ])('serves %s as %s', async (file, type) => {
    const res = await send(host.port, { path: file });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/%2Fetc%2Fpasswd',
    '//etc/passwd',
    '/%E0%A4%A',
    '/assets/missing.js',
  ])('refuses %s with 404', async (requestPath) => {
    const res = await send(host.port, { path: requestPath });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('TOP-SECRET');
  });

  it('refuses an encoded absolute path to a file outside the renderer', async () => {
    const res = await send(host.port, { path: `/${encodeURIComponent(path.join(dir, 'secret.txt'))}` });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('TOP-SECRET');
  });

  it('refuses a Host that is not ours, for pages and for the API (DNS rebinding)', async () => {
    const evil = { host: `evil.example:${String(host.port)}` };
    expect((await send(host.port, { path: '/', headers: evil })).status).toBe(403);
    expect((await api('items.list', {}, evil)).status).toBe(403);
    expect((await send(host.port, { path: '/', headers: { host: `localhost:${String(host.port)}` } })).status).toBe(200);
  });

  it('refuses a foreign Origin even with the right token', async () => {
    expect((await api('items.list', {}, { origin: 'http://evil.example' })).status).toBe(403);
    const nullOrigin = await api('items.list', {}, { origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    expect(JSON.parse(nullOrigin.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await api('items.list', {}, { origin: `http://127.0.0.1:${String(host.port + 1)}` })).status).toBe(403);
    expect((await api('items.list', {}, { origin: `http://localhost:${String(host.port)}` })).status).toBe(200);
  });

  it('answers 401 without the token or with a wrong one', async () => {
    const missing = await send(host.port, {
      method: 'POST',
      path: '/api/items.list',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await api('items.list', {}, { 'x-paydown-token': 'nope' })).status).toBe(401);
    // The last character changed for sure: a fixed "A" equals the real one in 1 of 16 tokens.
    const otherLast = host.token.endsWith('A') ? 'E' : 'A';
    expect((await api('items.list', {}, { 'x-paydown-token': `${host.token.slice(0, -1)}${otherLast}` })).status).toBe(401);
  });

  it('answers 405 with Allow: POST for other methods on /api', async () => {
    const res = await send(host.port, { path: '/api/items.list', headers: { 'x-paydown-token': host.token } });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
  });

  it('answers 415 for a body that is not JSON-typed', async () => {
    const res = await api('items.list', {}, { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
  });

  it('answers 413 for a body over 1 MiB, declared or streamed', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(MAX_BODY_BYTES) });
    const headers = { 'content-type': 'application/json', 'x-paydown-token': host.token };
    expect((await send(host.port, { method: 'POST', path: '/api/items.list', headers, body: big })).status).toBe(413);
    expect((await send(host.port, { method: 'POST', path: '/api/items.list', headers, body: big, chunked: true })).status).toBe(413);
  });

  it('accepts an import.run body over 1 MiB, while other actions keep the 1 MiB limit', async () => {
    const content = `Title,Likelihood\n${'Rewrite the legacy billing module,4\n'.repeat(Math.ceil((2 * MAX_BODY_BYTES) / 34))}`;
    const request = { fileName: 'big.csv', content, format: 'github', dryRun: true };
    expect(Buffer.byteLength(JSON.stringify(request))).toBeGreaterThan(2 * MAX_BODY_BYTES);
    const imported = await api('import.run', request);
    expect(imported.status).toBe(200);
    expect(JSON.parse(imported.body)).toMatchObject({ ok: true, value: { created: 0, updated: 0, skipped: 0 } });
    expect(imported.body).toMatch(/must be JSON/);
    const other = await api('items.create', { ...DRAFT, description: content });
    expect(other.status).toBe(413);
    expect(JSON.parse(other.body)).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'The request body is larger than 1 MiB.' } });
  });

  it('answers 400 with an invalid-input Result for a body that is not JSON', async () => {
    const res = await send(host.port, {
      method: 'POST',
      path: '/api/items.list',
      headers: { 'content-type': 'application/json', 'x-paydown-token': host.token },
      body: '{"title": ',
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('answers 404 with an unknown-action Result for a channel that does not exist', async () => {
    const res = await api('items.explode', {});
    expect(res.status).toBe(404);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unknown-action' } });
  });

  it('creates an item and lists it through the same dispatch as the app', async () => {
    const created = await api('items.create', DRAFT);
    expect(created.status).toBe(200);
    const item: unknown = JSON.parse(created.body);
    expect(item).toMatchObject({ ok: true, value: { title: DRAFT.title, likelihood: 4, impact: 3 } });

    const listed = await api('items.list', {});
    expect(listed.status).toBe(200);
    expect(JSON.parse(listed.body)).toMatchObject({ ok: true, value: { total: 1, items: [{ title: DRAFT.title }] } });
  });

  it('compresses a large answer for a client that accepts it, and only then', async () => {
    const description = 'A long write-up of why this debt hurts. '.repeat(45);
    for (let i = 0; i < 40; i++) expect((await api('items.create', { ...DRAFT, title: `Item ${String(i)}`, description })).status).toBe(200);
    const plain = await api('items.list', { limit: 1000 });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.raw.length).toBeGreaterThan(64 * 1024);
    const gzipped = await api('items.list', { limit: 1000 }, { 'accept-encoding': 'gzip, deflate' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toBe('Accept-Encoding');
    expect(Number(gzipped.headers['content-length'])).toBe(gzipped.raw.length);
    expect(gzipped.raw.length).toBeLessThan(plain.raw.length / 4);
    expect(gunzipSync(gzipped.raw).toString('utf8')).toBe(plain.body);
    const brotli = await api('items.list', { limit: 1000 }, { 'accept-encoding': 'gzip, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.raw).toString('utf8')).toBe(plain.body);
    const small = await api('portfolio.info', {}, { 'accept-encoding': 'gzip, br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body)).toMatchObject({ ok: true, value: { itemCount: 40 } });
  });

  it('answers an invalid draft with the API field issues', async () => {
    const res = await api('items.create', { ...DRAFT, likelihood: 7 });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('releases the port on close(), even with a keep-alive connection open', async () => {
    const { port } = host;
    const res = await fetch(`http://127.0.0.1:${String(port)}/`);
    expect(res.status).toBe(200);
    await res.text();
    await host.close();
    await host.close();
    const probe = createServer();
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(port, '127.0.0.1', resolve);
    });
    await new Promise<void>((resolve) => probe.close(() => { resolve(); }));
  });
});

describe('startPreviewHost without a built renderer', () => {
  it('tells the user to run npm run build', async () => {
    const empty = await startPreviewHost({ dbPath: path.join(dir, 'other.paydown'), rendererDir: path.join(dir, 'nothing-here') });
    try {
      const res = await send(empty.port, { path: '/' });
      expect(res.body).toContain('npm run build');
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    } finally {
      await empty.close();
    }
  });

  it('rejects with the StoreError of an unusable portfolio file', async () => {
    const notSqlite = path.join(dir, 'notes.paydown');
    await writeFile(notSqlite, 'this is not a database, just some text that is long enough to have a header'.repeat(20));
    await expect(startPreviewHost({ dbPath: notSqlite, rendererDir })).rejects.toBeInstanceOf(StoreError);
  });
});
