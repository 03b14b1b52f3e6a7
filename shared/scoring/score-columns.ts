import type { MatrixColumns } from '../api/matrix-data.js';
import type { DebtItem } from '../domain/debt-item.js';
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
 * Scores items [start, end) into `out`; the same arithmetic as scoreItem(), in the same order, so the
 * results are equal to the last bit. A range, so a caller can score 100k items in slices between frames.
 */
export function scoreColumnRange(c: MatrixColumns, ctx: ScoreContext, out: ColumnScores, start: number, end: number): void {
  const w = ctx.weights;
  const stop = Math.min(end, out.count);
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
      timeCriticality(c.dueDate[i] ?? undefined, ctx.today, ctx.sprintLengthDays, ctx.horizonSprints) * w.timeCriticality +
      ((c.outcome[i] ?? null) === null ? 0 : 1) * w.outcome;
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
  const out = allocateScores(c.id.length);
  scoreColumnRange(c, ctx, out, 0, out.count);
  return out;
}

/** Items as columns, in their order: what `items.matrix` answers for them. */
export function columnsOf(items: readonly DebtItem[]): MatrixColumns {
  return {
    id: items.map((i) => i.id),
    title: items.map((i) => i.title),
    kind: items.map((i) => i.kind),
    status: items.map((i) => i.status),
    owner: items.map((i) => i.owner),
    tags: items.map((i) => i.tags),
    likelihood: items.map((i) => i.likelihood),
    impact: items.map((i) => i.impact),
    effortLow: items.map((i) => i.effort.low),
    effortLikely: items.map((i) => i.effort.likely),
    effortHigh: items.map((i) => i.effort.high),
    interest: items.map((i) => i.interest),
    dueDate: items.map((i) => i.dueDate ?? null),
    outcome: items.map((i) => i.outcome ?? null),
    version: items.map((i) => i.version),
  };
}
