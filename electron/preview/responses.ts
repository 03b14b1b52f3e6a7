import type { IncomingMessage, ServerResponse } from 'node:http';
import { compress, COMPRESS_FROM_BYTES, preferredEncoding } from './compression.js';
import { fail, type ErrorCode, type Result } from '../../shared/api/result.js';

export function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/**
 * An action's Result, compressed when it is large and the client accepts brotli or gzip. A failure to
 * compress (which zlib only reports for a broken stream) sends the answer as it is.
 */
export async function sendResult(req: IncomingMessage, res: ServerResponse, status: number, body: Result<unknown>): Promise<void> {
  const text = Buffer.from(JSON.stringify(body), 'utf8');
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Vary', 'Accept-Encoding');
  const encoding = text.length >= COMPRESS_FROM_BYTES ? preferredEncoding(req.headers['accept-encoding']) : null;
  let out: Buffer = text;
  if (encoding !== null) {
    try {
      out = await compress(text, encoding);
      res.setHeader('Content-Encoding', encoding);
    } catch (error) {
      console.error('Paydown preview host: could not compress an answer; sending it as it is.', error);
    }
  }
  res.setHeader('Content-Length', out.length);
  res.end(out);
}

/** A refused API request still answers a Result, so the renderer's client can show its message. */
export function sendFail(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  sendJson(res, status, fail(code, message));
}

export function sendText(res: ServerResponse, status: number, text: string, headOnly = false): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(headOnly ? undefined : text);
}
