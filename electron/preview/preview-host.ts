import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createContext } from '../handlers/dispatch.js';
import { openStore } from '../store/open-store.js';
import { API_PREFIX, handleApi, type ApiDeps } from './api-route.js';
import { isAllowedHost } from './request-guard.js';
import { sendText } from './responses.js';
import { applySecurityHeaders } from './security-headers.js';
import { serveStatic } from './static-files.js';

const PREVIEW_HOSTNAME = '127.0.0.1';

export interface PreviewHostOptions {
  /** The portfolio file; created when missing, like the desktop app does. */
  readonly dbPath: string;
  /** The built renderer (`dist/renderer`). */
  readonly rendererDir: string;
  /** 0 (the default) lets the system pick a free port. */
  readonly port?: number;
}

export interface PreviewHost {
  /** `http://127.0.0.1:<port>/#token=<token>`: the fragment never leaves the browser, so it is never logged. */
  readonly url: string;
  readonly token: string;
  readonly port: number;
  /** Stops listening, drops open connections and closes the portfolio. Safe to call twice. */
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      reject(error);
    };
    server.once('error', onError);
    server.listen({ port, host: PREVIEW_HOSTNAME }, () => {
      server.off('error', onError);
      // listen() on a TCP port always yields an AddressInfo, never a pipe name.
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function route(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, rendererDir: string): Promise<void> {
  applySecurityHeaders(res);
  if (!isAllowedHost(req.headers.host, deps.port)) {
    sendText(res, 403, 'This preview host only answers requests addressed to 127.0.0.1 or localhost.\n');
    return;
  }
  const url = req.url ?? '';
  if (url.startsWith(API_PREFIX) || url === '/api') {
    await handleApi(req, res, deps);
    return;
  }
  await serveStatic(req, res, rendererDir);
}

/**
 * Serves the built renderer and the API contract over HTTP on 127.0.0.1, calling the same
 * `dispatch` as the Electron app. Rejects with the store's `StoreError` when the file is unusable.
 */
export async function startPreviewHost(options: PreviewHostOptions): Promise<PreviewHost> {
  const store = openStore(options.dbPath);
  const token = randomBytes(32).toString('base64url');
  const deps = { ctx: createContext(store), token, port: 0 };
  const server = createServer((req, res) => {
    route(req, res, deps, options.rendererDir).catch((error: unknown) => {
      console.error('Paydown preview host: a request failed:', error);
      if (res.headersSent) {
        res.destroy();
      } else {
        sendText(res, 500, 'Paydown hit an unexpected error; the preview host log has the details.\n');
      }
    });
  });
  let port: number;
  try {
    port = await listen(server, options.port ?? 0);
  } catch (error) {
    store.close();
    throw error;
  }
  deps.port = port;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => {
        store.close();
        if (error === undefined) resolve();
        else reject(error);
      });
      // Browsers keep idle connections open; without this close() would wait for them to time out.
      server.closeAllConnections();
    });
    return closing;
  };
  return { url: `http://${PREVIEW_HOSTNAME}:${String(port)}/#token=${token}`, token, port, close };
}
