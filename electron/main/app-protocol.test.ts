import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../preview/security-headers.js';
import { APP_SCHEME_PRIVILEGES, createAppRequestHandler, registerAppScheme } from './app-protocol.js';

let root: string;
let rendererDir: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'paydown-protocol-'));
  rendererDir = path.join(root, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Paydown</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(path.join(rendererDir, '.env'), 'SECRET=1');
  writeFileSync(path.join(root, 'secret.txt'), 'outside the renderer');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => createAppRequestHandler(rendererDir)({ url, method });

describe('the app:// scheme', () => {
  it('is registered as standard and secure, without CORS, before the app is ready', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });
});

describe('createAppRequestHandler', () => {
  it('serves index.html for the root with the CSP header', async () => {
    const response = await get('app://paydown/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Paydown</title>');
  });

  it('serves scripts with a JavaScript type, which module scripts require', async () => {
    const response = await get('app://paydown/assets/app.js?v=2');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1);');
  });

  it.each([
    'app://paydown/..%2fsecret.txt',
    'app://paydown/%2e%2e/secret.txt',
    'app://paydown/assets/..%2f..%2fsecret.txt',
    'app://paydown/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://paydown/..%5csecret.txt',
    'app://paydown/.env',
    'app://paydown/%2fetc%2fpasswd',
    'app://paydown/missing.js',
  ])('answers 404 for %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the renderer');
  });

  it('resolves a plain ../ inside the renderer folder, since URL parsing removes it first', async () => {
    const response = await get('app://paydown/assets/../../secret.txt');
    expect(response.status).toBe(404);
  });

  it('answers 404 for another host on the same scheme', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
  });

  it('allows only GET and HEAD', async () => {
    expect((await get('app://paydown/index.html', 'POST')).status).toBe(405);
    const head = await get('app://paydown/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('explains a missing renderer build instead of showing a blank page', async () => {
    rmSync(path.join(rendererDir, 'index.html'));
    const response = await get('app://paydown/index.html');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });

  it('answers 500 with a message when a file cannot be read', async () => {
    const failing = createAppRequestHandler(rendererDir, () => Promise.reject(new Error('EIO: disk error')));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await failing({ url: 'app://paydown/index.html', method: 'GET' });
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('could not read');
  });
});
