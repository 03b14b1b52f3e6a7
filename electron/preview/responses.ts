import type { ServerResponse } from 'node:http';
import { fail, type ErrorCode, type Result } from '../../shared/api/result.js';

export function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
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
