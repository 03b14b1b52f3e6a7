import type { FieldIssue } from '../../../shared/api/result.js';

/**
 * What a form learns after asking the store to save: close on `saved`; on `invalid` show the issues
 * beside the fields; on `failed` stay open, because the store has already told the user why.
 */
export type SaveOutcome =
  | { readonly status: 'saved' }
  | { readonly status: 'invalid'; readonly message: string; readonly issues: readonly FieldIssue[] }
  | { readonly status: 'failed' };

export const SAVED: SaveOutcome = { status: 'saved' };
export const FAILED: SaveOutcome = { status: 'failed' };
