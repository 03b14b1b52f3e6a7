import type { MatrixColumns } from '../../../shared/api/matrix-data.js';
import { allocateScores, scoreColumnRange, type ColumnScores } from '../../../shared/scoring/score-columns.js';
import type { ScoreContext } from '../../../shared/scoring/scores.js';
import { nextTask, runInSlices, SLICE_BUDGET_MS, type Schedule } from './time-slices.js';

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
): Promise<ColumnScores | null> {
  const out = allocateScores(columns.id.length);
  const done = await runInSlices(
    out.count,
    (from, to) => {
      scoreColumnRange(columns, ctx, out, from, to);
    },
    { isCurrent, schedule, budgetMs },
  );
  return done ? out : null;
}
