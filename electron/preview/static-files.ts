import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeFor, resolveRendererFile } from '../static/renderer-files.js';
import { sendText } from './responses.js';

const NOT_BUILT_TEXT =
  "Paydown's renderer is not built yet, so there is nothing to show here.\n" +
  'Run `npm run build` in the Paydown folder, then reload this page.\n';

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
  // The query and fragment are not part of the file name.
  const file = resolveRendererFile(rendererDir, (req.url ?? '').split(/[?#]/, 1)[0] ?? '');
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
