import type { MatrixColumns } from '../../../shared/api/matrix-data.js';
import { allocateScores, criticalityByCode, scoreColumnRange, type ColumnScores } from '../../../shared/scoring/score-columns.js';
import type { ScoreContext } from '../../../shared/scoring/scores.js';
import { nextTask, runInSlices, SLICE_BUDGET_MS, type Schedule } from './time-slices.js';

/** The smallest and largest finite positive value of a column; min > max when it has none. */
export interface Extent {
  readonly min: number;
  readonly max: number;
}

/** The columns a log axis can show, whose extents decide its default domain. */
const EXTENT_KEYS = ['roi', 'expectedEffort', 'interest', 'breakingPoint', 'priority'] as const;
export type ExtentKey = (typeof EXTENT_KEYS)[number];

/**
 * Scores plus each log axis's extent, found in the same slices as the scores: a view reading them never
 * loops over 100k items while React renders.
 */
export interface ScoredColumns extends ColumnScores {
  readonly extents: Readonly<Record<ExtentKey, Extent>>;
}

function widen(e: { min: number; max: number }, values: ArrayLike<number>, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const v = values[i] ?? 0;
    if (v > 0 && v < Number.POSITIVE_INFINITY) {
      if (v < e.min) e.min = v;
      if (v > e.max) e.max = v;
    }
  }
}

/** Scores every item and finds the extents in one go; for small portfolios and tests. */
export function scoreWithExtents(columns: MatrixColumns, ctx: ScoreContext): ScoredColumns {
  const scorer = scorerOf(columns, ctx);
  scorer.work(0, columns.count);
  return scorer.result();
}

function scorerOf(columns: MatrixColumns, ctx: ScoreContext) {
  const out = allocateScores(columns.count);
  const criticality = criticalityByCode(columns, ctx);
  const extents = Object.fromEntries(EXTENT_KEYS.map((k) => [k, { min: Number.POSITIVE_INFINITY, max: 0 }])) as Record<ExtentKey, { min: number; max: number }>; // every key set just above
  const sources: Readonly<Record<ExtentKey, ArrayLike<number>>> = {
    roi: out.roi,
    expectedEffort: out.expectedEffort,
    interest: columns.interest,
    breakingPoint: out.breakingPoint,
    priority: out.priority,
  };
  return {
    work: (from: number, to: number) => {
      scoreColumnRange(columns, ctx, out, from, to, criticality);
      for (const k of EXTENT_KEYS) widen(extents[k], sources[k], from, to);
    },
    result: (): ScoredColumns => ({ ...out, extents }),
  };
}

/**
 * Scores every item in bursts of at most ~SLICE_BUDGET_MS, yielding to the event loop between bursts,
 * so rescoring 100k items on a weight change never blocks the main thread for long. We chose slicing
 * over a worker: the scorer is fast enough that 100k items take a few bursts, and slicing needs no
 * second bundle, no structured-clone copy of the columns and no CSP exception. Answers null when
 * `isCurrent` turns false (a newer rescore started), so a stale result is never shown.
 */
export async function scoreInSlices(
  columns: MatrixColumns,
  ctx: ScoreContext,
  isCurrent: () => boolean = () => true,
  schedule: Schedule = nextTask,
  budgetMs = SLICE_BUDGET_MS,
): Promise<ScoredColumns | null> {
  const scorer = scorerOf(columns, ctx);
  const done = await runInSlices(columns.count, scorer.work, { isCurrent, schedule, budgetMs });
  return done ? scorer.result() : null;
}
