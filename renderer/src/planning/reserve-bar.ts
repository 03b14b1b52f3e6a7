/** Widths (0–100, percent of the bar) of one sprint's reserve bar: the planned reserve, what the plan allocated, what was spent. */
export interface ReserveBar {
  readonly reservePct: number;
  readonly allocatedPct: number;
  readonly spentPct: number | null;
  /** The plan (or the spend) went past the reserve. */
  readonly over: boolean;
}

const share = (part: number, whole: number): number => (whole <= 0 ? 0 : Math.min(100, (part / whole) * 100));

/**
 * The bar's scale is the largest of the three amounts, so the reserve marker, the allocation and the
 * actual spend stay comparable on one bar, and nothing is drawn past its end.
 */
export function reserveBar(reserve: number, allocated: number, spent: number | null): ReserveBar {
  const scale = Math.max(reserve, allocated, spent ?? 0);
  return {
    reservePct: share(reserve, scale),
    allocatedPct: share(allocated, scale),
    spentPct: spent === null ? null : share(spent, scale),
    // Allocation is float sums of parts; a tolerance keeps 9.999999 vs 10 from reading as "over".
    over: allocated > reserve + 1e-9 || (spent ?? 0) > reserve + 1e-9,
  };
}
