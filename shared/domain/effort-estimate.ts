import type { DebtItem, Effort } from './debt-item.js';

/** Tag given to items whose source has no estimate: their effort is 0 only because the schema needs a number. */
export const EFFORT_UNKNOWN_TAG = 'effort-unknown';

export const isZeroEffort = (e: Effort): boolean => e.low === 0 && e.likely === 0 && e.high === 0;

/**
 * An item whose effort nobody has estimated: 0 and tagged EFFORT_UNKNOWN_TAG. Scoring cannot tell that 0 from a
 * real "free to fix", so the plan leaves such items out, the matrix counts them apart, and every view that
 * explains a score says so.
 */
export function effortNotEstimated(item: Pick<DebtItem, 'tags' | 'effort'>): boolean {
  return isZeroEffort(item.effort) && item.tags.includes(EFFORT_UNKNOWN_TAG);
}
