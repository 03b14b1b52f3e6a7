import { expect } from 'vitest';
import type { ApiError, Result } from '../../shared/api/result.js';

/** The n-th id a test hands out: 00000000-0000-4000-8000-000000000001 for 1, and so on, so tests can name them. */
export const testId = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A fresh id source for one test's context: testId(1), testId(2), … in order. */
export function sequentialIds(): () => string {
  let n = 0;
  return () => testId(++n);
}

export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function expectFail(result: Result<unknown>, code: string): ApiError {
  if (result.ok) throw new Error(`expected ${code}, got ok`);
  expect(result.error.code).toBe(code);
  return result.error;
}
