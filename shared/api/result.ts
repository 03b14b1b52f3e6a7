import { z } from 'zod';

export const ERROR_CODES = [
  'invalid-input',
  'unknown-action',
  'not-found',
  'conflict',
  'forbidden',
  'unauthorized',
  'not-sqlite',
  'not-a-portfolio',
  'db-too-new',
  'io-error',
  'busy',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const FieldIssue = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssue>;

export const ApiError = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  issues: z.array(FieldIssue).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export type Ok<T> = { ok: true; value: T };
export type Fail = { ok: false; error: ApiError };
export type Result<T> = Ok<T> | Fail;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });

export function fail(code: ErrorCode, message: string, issues?: FieldIssue[]): Fail {
  return issues === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, issues } };
}

/** Turns zod's issues into `path: message` pairs a form can show beside each field. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** One sentence naming every wrong field, for places (CLI, notices) that show a single message. */
export function describeIssues(issues: readonly FieldIssue[]): string {
  const parts = issues.map((i) => (i.path === '' ? i.message : `${i.path}: ${i.message}`));
  return parts.length === 0 ? 'The request is not valid.' : parts.join('; ');
}

export function invalid(error: z.ZodError, context?: string): Fail {
  const issues = fieldIssues(error);
  const prefix = context === undefined ? '' : `${context}: `;
  return fail('invalid-input', `${prefix}${describeIssues(issues)}`, issues);
}
