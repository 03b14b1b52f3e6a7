import type { DebtItem, Effort } from '../../../shared/domain/debt-item.js';

// The UI is written in English, so counts use English digit grouping ("2,345") everywhere.
const counts = new Intl.NumberFormat('en-US');
const amounts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
// Calendar dates carry no time zone; formatting them as UTC keeps 2026-03-01 from showing as Feb 28.
const days = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const moments = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export const formatCount = (n: number): string => counts.format(n);

/** "1 item", "12,065 items". */
export const formatItemCount = (n: number): string => `${formatCount(n)} item${n === 1 ? '' : 's'}`;
export const formatAmount = (n: number): string => amounts.format(n);

/** `likely` alone when the estimate is certain, else `low–likely–high`. */
export function formatEffort(effort: Effort): string {
  const { low, likely, high } = effort;
  return low === likely && likely === high
    ? formatAmount(likely)
    : `${formatAmount(low)}–${formatAmount(likely)}–${formatAmount(high)}`;
}

export function formatDay(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : days.format(date);
}

export function formatMoment(isoDateTime: string): string {
  const date = new Date(isoDateTime);
  return Number.isNaN(date.getTime()) ? isoDateTime : moments.format(date);
}

/** "Showing 1–100 of 2,345" for a page of `count` items starting at `offset`. */
export function pageSummary(offset: number, count: number, total: number): string {
  if (count === 0) return `Showing 0 of ${formatCount(total)}`;
  return `Showing ${formatCount(offset + 1)}–${formatCount(offset + count)} of ${formatCount(total)}`;
}

type RiskLevel = 'low' | 'medium' | 'high';

export function riskScore(item: Pick<DebtItem, 'likelihood' | 'impact'>): number {
  return item.likelihood * item.impact;
}

/** Bands of the 5×5 matrix: up to 6 is tolerable, 15 and above needs a plan. */
export function riskLevel(score: number): RiskLevel {
  if (score >= 15) return 'high';
  if (score >= 7) return 'medium';
  return 'low';
}

const STILL_OWED: ReadonlySet<string> = new Set(['open', 'planned', 'in_progress']);

export function isOverdue(item: Pick<DebtItem, 'dueDate' | 'status'>, today: string): boolean {
  return item.dueDate !== undefined && item.dueDate < today && STILL_OWED.has(item.status);
}
