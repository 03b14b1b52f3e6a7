import { readFile } from 'node:fs/promises';
import type { CustomScheme, Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../preview/security-headers.js';
import { APP_HOST, APP_SCHEME } from './app-url.js';
import { contentTypeFor, resolveRendererFile } from '../static/renderer-files.js';

const NOT_BUILT_TEXT =
  "Paydown's renderer is not built, so there is nothing to show here.\n" +
  'Run `npm run build` in the Paydown folder, then reload (View → Reload).\n';

/**
 * `standard` gives `app://paydown` a real origin (relative URLs, `'self'` in the CSP, storage);
 * `secure` makes it a secure context like https; `supportFetchAPI` lets Vite's module preloads fetch.
 * `corsEnabled` stays off, so no other origin can read our files.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Must run before the app is ready: Chromium fixes its scheme list at startup. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Sent with every app page and asset, so the policy holds even if index.html lost its meta tag. */
const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

type ReadFile = (file: string) => Promise<Uint8Array<ArrayBuffer>>;

interface AppRequest {
  readonly url: string;
  readonly method: string;
}

function text(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'EISDIR');
}

/**
 * Answers `app://paydown/<path>` with the file under `rendererDir`; `resolveRendererFile` keeps `..`,
 * `%2e%2e` and `%2f` from reaching anything outside the built renderer.
 */
export function createAppRequestHandler(
  rendererDir: string,
  read: ReadFile = readFile,
): (request: AppRequest) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return text(404, 'Not found.\n');
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Only GET and HEAD are allowed here.\n');
    const file = resolveRendererFile(rendererDir, url.pathname);
    if (file === null) return text(404, 'Not found.\n');
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await read(file);
    } catch (error) {
      if (isMissing(error)) {
        const isEntry = url.pathname === '/' || url.pathname === '/index.html';
        return isEntry ? text(503, NOT_BUILT_TEXT) : text(404, 'Not found.\n');
      }
      console.error(`[paydown] Could not read ${file} for ${request.url}:`, error);
      return text(500, `Paydown could not read one of its own files (${url.pathname}). Reinstalling Paydown should fix this.\n`);
    }
    const headers = { ...APP_RESPONSE_HEADERS, 'Content-Type': contentTypeFor(file) };
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}

/** Serves the built renderer on `app://paydown/`; call once the app is ready. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
}
