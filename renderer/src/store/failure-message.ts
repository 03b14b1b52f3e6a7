import type { ApiError, ErrorCode } from '../../../shared/api/result.js';

/** What the user can do about a failure, where the host's message does not already say it. */
const ADVICE: Partial<Record<ErrorCode, string>> = {
  internal: 'Try again; if it keeps failing, restart Paydown.',
  'unknown-action': 'This window and the Paydown host are from different versions; restart Paydown.',
  'not-sqlite': 'Open a portfolio file created by Paydown instead.',
  'not-a-portfolio': 'Open a portfolio file created by Paydown instead.',
};

function asSentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** One notice-sized message: what failed, the host's reason, and what to do next. */
export function failureMessage(what: string, error: ApiError): string {
  const advice = ADVICE[error.code];
  return [asSentence(what), asSentence(error.message), advice ?? ''].filter((part) => part !== '').join(' ');
}
