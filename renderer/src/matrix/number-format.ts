const significant = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });

/** Two significant digits: scores rest on estimates, and "3.14159" would claim a precision they lack. */
export function formatSig(n: number): string {
  return significant.format(n);
}

/** A value that may be unbounded (Infinity, or null from the API), with the name of its unbounded case. */
export function formatBounded(n: number | null, unbounded: string): string {
  return n === null || n === Number.POSITIVE_INFINITY ? unbounded : formatSig(n);
}

/** "1.2–6" or the single value when both ends agree. */
export function formatRange(low: number | null, high: number | null, unbounded: string): string {
  const a = formatBounded(low, unbounded);
  const b = formatBounded(high, unbounded);
  return a === b ? a : `${a}–${b}`;
}
