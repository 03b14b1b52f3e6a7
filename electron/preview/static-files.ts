import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { sendText } from './responses.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const NOT_BUILT_TEXT =
  "Paydown's renderer is not built yet, so there is nothing to show here.\n" +
  'Run `npm run build` in the Paydown folder, then reload this page.\n';

/**
 * Maps a request path (`/assets/app.js?x`) to a file inside `root`, or null when the path is not one
 * we serve. Each segment is decoded on its own so `%2e%2e`, `%2f` and `%5c` cannot smuggle in a
 * traversal, and dot-files, drive letters and empty segments are refused outright.
 */
function resolveStaticPath(root: string, requestPath: string): string | null {
  const pathOnly = requestPath.split(/[?#]/, 1)[0] ?? '';
  if (!pathOnly.startsWith('/')) return null;
  const encoded = pathOnly === '/' ? ['index.html'] : pathOnly.slice(1).split('/');
  const segments: string[] = [];
  for (const raw of encoded) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      // A malformed %-escape names no file of ours; answering 404 is the whole handling.
      return null;
    }
    if (segment === '' || segment.startsWith('.') || /[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  return file.startsWith(base + path.sep) ? file : null;
}

/** The size of a regular file, or null when there is none to serve. */
async function fileSize(file: string): Promise<number | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? info.size : null;
  } catch {
    // Missing or unreadable: the caller answers 404 (or the "not built" page), which is the report.
    return null;
  }
}

/** Serves GET and HEAD for the built renderer. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, rendererDir: string): Promise<void> {
  const headOnly = req.method === 'HEAD';
  if (req.method !== 'GET' && !headOnly) {
    res.setHeader('Allow', 'GET, HEAD');
    sendText(res, 405, 'Only GET and HEAD are allowed here.\n', false);
    return;
  }
  const file = resolveStaticPath(rendererDir, req.url ?? '');
  const size = file === null ? null : await fileSize(file);
  if (file === null || size === null) {
    const isRoot = (req.url ?? '').split(/[?#]/, 1)[0] === '/';
    if (isRoot) sendText(res, 503, NOT_BUILT_TEXT, headOnly);
    else sendText(res, 404, 'Not found.\n', headOnly);
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', contentTypeFor(file));
  res.setHeader('Content-Length', size);
  if (headOnly) {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', (error) => {
    // Headers are already out, so the only honest signal left is a cut connection.
    res.destroy(error);
  });
  stream.pipe(res);
}
