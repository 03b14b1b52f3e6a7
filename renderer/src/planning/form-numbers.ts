import type { FieldIssue } from '../../../shared/api/result.js';

/** A number typed into a form, or undefined when the box is blank or holds no number. */
export function parseAmount(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

/** The API's message for one field, to show beside it. */
export function issueFor(issues: readonly FieldIssue[], path: string): string | undefined {
  return issues.find((i) => i.path === path)?.message;
}
