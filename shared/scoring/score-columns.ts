import { codeTexts } from '../api/matrix-codec.js';
import type { MatrixColumns } from '../api/matrix-data.js';
import { KINDS, STATUSES, type DebtItem } from '../domain/debt-item.js';
import { effortNotEstimated } from '../domain/effort-estimate.js';
import { timeCriticality, type ScoreContext } from './scores.js';

/**
 * The scores of items held as columns, in typed arrays indexed like the columns. Unbounded values are
 * Infinity (ROI and priority when the fix takes no effort, the breaking point when the debt costs nothing).
 */
export interface ColumnScores {
  readonly count: number;
  readonly risk: Float64Array;
  readonly expectedEffort: Float64Array;
  readonly effortSpread: Float64Array;
  readonly roi: Float64Array;
  readonly roiLow: Float64Array;
  readonly roiHigh: Float64Array;
  readonly breakingPoint: Float64Array;
  readonly costOfDelay: Float64Array;
  readonly priority: Float64Array;
}

export function allocateScores(count: number): ColumnScores {
  const column = () => new Float64Array(count);
  return {
    count,
    risk: column(),
    expectedEffort: column(),
    effortSpread: column(),
    roi: column(),
    roiLow: column(),
    roiHigh: column(),
    breakingPoint: column(),
    costOfDelay: column(),
    priority: column(),
  };
}

const roiOf = (carrying: number, effort: number): number => {
  if (carrying === 0) return 0;
  if (effort === 0) return Number.POSITIVE_INFINITY;
  return carrying / effort;
};

/**
 * Each due date's time criticality, by its code in `c.dueDate` (index 0: no date). Dates repeat across
 * items, so parsing each distinct one once keeps date arithmetic out of the per-item loop.
 */
export function criticalityByCode(c: MatrixColumns, ctx: ScoreContext): Float64Array {
  const out = new Float64Array(c.dueDate.values.length + 1);
  out[0] = timeCriticality(undefined, ctx.today, ctx.sprintLengthDays, ctx.horizonSprints);
  c.dueDate.values.forEach((date, k) => {
    out[k + 1] = timeCriticality(date, ctx.today, ctx.sprintLengthDays, ctx.horizonSprints);
  });
  return out;
}

/**
 * Scores items [start, end) into `out`; the same arithmetic as scoreItem(), in the same order, so the
 * results are equal to the last bit. A range, so a caller can score 100k items in slices between frames;
 * `criticality` is criticalityByCode(c, ctx), computed once for all the slices.
 */
export function scoreColumnRange(
  c: MatrixColumns,
  ctx: ScoreContext,
  out: ColumnScores,
  start: number,
  end: number,
  criticality: Float64Array = criticalityByCode(c, ctx),
): void {
  const w = ctx.weights;
  const stop = Math.min(end, out.count);
  const dueCodes = c.dueDate.codes;
  const outcomeCodes = c.outcome.codes;
  for (let i = start; i < stop; i++) {
    const likelihood = c.likelihood[i] ?? 1;
    const impact = c.impact[i] ?? 1;
    const low = c.effortLow[i] ?? 0;
    const likely = c.effortLikely[i] ?? 0;
    const high = c.effortHigh[i] ?? 0;
    const interest = c.interest[i] ?? 0;
    const r = likelihood * impact;
    const expected = (low + 4 * likely + high) / 6;
    const carrying = interest * ctx.horizonSprints;
    const costOfDelay =
      (r / 25) * w.risk +
      (ctx.maxInterest > 0 ? Math.min(1, interest / ctx.maxInterest) : 0) * w.interest +
      (criticality[dueCodes[i] ?? 0] ?? 0) * w.timeCriticality +
      ((outcomeCodes[i] ?? 0) === 0 ? 0 : 1) * w.outcome;
    let priority: number;
    if (costOfDelay === 0) priority = 0;
    else if (expected === 0) priority = Number.POSITIVE_INFINITY;
    else priority = costOfDelay / expected;
    out.risk[i] = r;
    out.expectedEffort[i] = expected;
    out.effortSpread[i] = (high - low) / 6;
    out.roi[i] = roiOf(carrying, expected);
    out.roiLow[i] = roiOf(carrying, high);
    out.roiHigh[i] = roiOf(carrying, low);
    out.breakingPoint[i] = interest === 0 ? Number.POSITIVE_INFINITY : expected / interest;
    out.costOfDelay[i] = costOfDelay;
    out.priority[i] = priority;
  }
}

/** Scores every item at once; for small portfolios and tests. */
export function scoreColumns(c: MatrixColumns, ctx: ScoreContext): ColumnScores {
  const out = allocateScores(c.count);
  scoreColumnRange(c, ctx, out, 0, out.count);
  return out;
}

/** Items as columns, in their order: what `items.matrix` answers for them, once decoded. */
export function columnsOf(items: readonly DebtItem[]): MatrixColumns {
  const numbers = (of: (i: DebtItem) => number) => Float64Array.from(items, of);
  return {
    count: items.length,
    id: items.map((i) => i.id),
    title: items.map((i) => i.title),
    kind: Uint8Array.from(items, (i) => KINDS.indexOf(i.kind)),
    status: Uint8Array.from(items, (i) => STATUSES.indexOf(i.status)),
    likelihood: numbers((i) => i.likelihood),
    impact: numbers((i) => i.impact),
    effortLow: numbers((i) => i.effort.low),
    effortLikely: numbers((i) => i.effort.likely),
    effortHigh: numbers((i) => i.effort.high),
    interest: numbers((i) => i.interest),
    version: numbers((i) => i.version),
    notEstimated: Uint8Array.from(items, (i) => (effortNotEstimated(i) ? 1 : 0)),
    dueDate: codeTexts(items.map((i) => i.dueDate ?? null)),
    outcome: codeTexts(items.map((i) => i.outcome ?? null)),
  };
}
