import { createHash, timingSafeEqual } from 'node:crypto';

/** The only Host values we answer: a rebound DNS name (evil.example → 127.0.0.1) carries its own name here. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

/** Browsers send Origin on cross-origin and on POST requests; when present it must be one of ours. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Constant-time token check. Both sides are hashed first so `timingSafeEqual` always compares equal
 * lengths and the time taken does not reveal how long the expected token is.
 */
export function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  return timingSafeEqual(digest(given), digest(expected));
}
