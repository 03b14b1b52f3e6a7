import type { ErrorCode, FieldIssue } from '../../shared/api/result.js';

/** A failure the user can act on; `dispatch` turns it into `{ ok: false, error: { code, message } }`. */
export class StoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
