import type { IncomingMessage, ServerResponse } from 'node:http';
import { isChannel } from '../../shared/api/channels.js';
import { fail, type Result } from '../../shared/api/result.js';
import { MAX_IMPORT_BYTES } from '../../shared/import/import-schema.js';
import { dispatch, type HandlerContext } from '../handlers/dispatch.js';
import { declaresTooLarge, MAX_BODY_BYTES, readBody } from './read-body.js';
import { isAllowedOrigin, tokenMatches } from './request-guard.js';
import { sendFail, sendJson, sendResult } from './responses.js';

export const API_PREFIX = '/api/';
const TOKEN_HEADER = 'x-paydown-token';

export interface ApiDeps {
  readonly ctx: HandlerContext;
  readonly token: string;
  readonly port: number;
}

function isJson(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/** Parses a request body; an empty body means "no input", which actions without input accept. */
function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false; message: string } {
  const text = body.toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `The request body is not valid JSON (${detail}). Send the action's input as a JSON object.` };
  }
}

/**
 * `POST /api/<channel>`: the browser twin of the IPC bridge. The Host header was already checked by
 * the server; here come Origin, the token, the body and finally the shared `dispatch`.
 */
export async function handleApi(req: IncomingMessage, res: ServerResponse, deps: ApiDeps): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendFail(res, 405, 'invalid-input', 'Paydown actions are called with POST.');
    return;
  }
  if (!isAllowedOrigin(req.headers.origin, deps.port)) {
    sendFail(res, 403, 'forbidden', 'Requests from other web pages are refused.');
    return;
  }
  if (!tokenMatches(req.headers[TOKEN_HEADER], deps.token)) {
    sendFail(res, 401, 'unauthorized', 'The access token is missing or wrong. Open the URL that `paydown serve` printed.');
    return;
  }
  if (!isJson(req.headers['content-type'])) {
    sendFail(res, 415, 'invalid-input', 'Send the action input as application/json.');
    return;
  }
  const channel = decodeChannel(req.url ?? '');
  const limit = bodyLimitFor(channel);
  const tooLarge = `The request body is larger than ${String(limit / 1024 / 1024)} MiB.`;
  if (declaresTooLarge(req, limit)) {
    // Nothing of the body is read, so the connection cannot be reused for a next request.
    res.setHeader('Connection', 'close');
    sendFail(res, 413, 'invalid-input', tooLarge);
    return;
  }
  const read = await readBody(req, limit);
  if (read.kind === 'aborted') return;
  if (read.kind === 'too-large') {
    res.setHeader('Connection', 'close');
    sendFail(res, 413, 'invalid-input', tooLarge);
    return;
  }
  const parsed = parseJson(read.body);
  if (!parsed.ok) {
    sendFail(res, 400, 'invalid-input', parsed.message);
    return;
  }
  if (channel === null || !isChannel(channel)) {
    sendJson(res, 404, fail('unknown-action', `Paydown has no action called "${channel ?? ''}".`));
    return;
  }
  let result: Result<unknown>;
  try {
    result = dispatch(deps.ctx, channel, parsed.value);
  } catch (error) {
    // dispatch answers failures as Results; a throw here is a bug, reported to the page and the log.
    console.error(`Paydown preview host: ${channel} threw:`, error);
    const detail = error instanceof Error ? error.message : String(error);
    sendJson(res, 500, fail('internal', `Paydown hit an unexpected error while running ${channel}: ${detail}`));
    return;
  }
  await sendResult(req, res, 200, result);
}

/**
 * Import files are far larger than any other input, so only `import.run` and `import.start` get a larger body. JSON
 * escaping can grow a file's text (a newline becomes `\n`), hence twice the file limit; the contract
 * still caps the content at MAX_IMPORT_BYTES characters.
 */
const IMPORT_BODY_BYTES = 2 * MAX_IMPORT_BYTES;

function bodyLimitFor(channel: string | null): number {
  return channel === 'import.run' || channel === 'import.start' ? IMPORT_BODY_BYTES : MAX_BODY_BYTES;
}

function decodeChannel(url: string): string | null {
  const pathOnly = url.split(/[?#]/, 1)[0] ?? '';
  try {
    return decodeURIComponent(pathOnly.slice(API_PREFIX.length));
  } catch {
    // A malformed escape cannot name a channel; the caller answers unknown-action.
    return null;
  }
}
