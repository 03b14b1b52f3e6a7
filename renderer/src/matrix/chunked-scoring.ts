import type { MatrixColumns } from '../../../shared/api/matrix-data.js';
import { allocateScores, scoreColumnRange, type ColumnScores } from '../../../shared/scoring/score-columns.js';
import type { ScoreContext } from '../../../shared/scoring/scores.js';

/** Items scored between two clock checks: small enough that one slice never overruns the budget by much. */
const SLICE = 2_000;
/** Main-thread time one burst of scoring may take before it yields, so input and paint stay smooth. */
export const BURST_BUDGET_MS = 8;

export type Schedule = (next: () => void) => void;

const nextTask: Schedule = (next) => {
  setTimeout(next, 0);
};

/**
 * Scores every item in bursts of at most ~BURST_BUDGET_MS, yielding to the event loop between bursts,
 * so rescoring 100k items on a weight change never blocks the main thread for long. We chose slicing
 * over a worker: the scorer is fast enough that 100k items take a few bursts, and slicing needs no
 * second bundle, no structured-clone copy of the columns and no CSP exception. Answers null when
 * `isCurrent` turns false (a newer rescore started), so a stale result is never shown.
 */
export function scoreInSlices(
  columns: MatrixColumns,
  ctx: ScoreContext,
  isCurrent: () => boolean = () => true,
  schedule: Schedule = nextTask,
  budgetMs = BURST_BUDGET_MS,
): Promise<ColumnScores | null> {
  const out = allocateScores(columns.id.length);
  return new Promise((resolve) => {
    let next = 0;
    const burst = () => {
      if (!isCurrent()) {
        resolve(null);
        return;
      }
      const started = performance.now();
      do {
        const end = Math.min(out.count, next + SLICE);
        scoreColumnRange(columns, ctx, out, next, end);
        next = end;
      } while (next < out.count && performance.now() - started < budgetMs);
      if (next >= out.count) resolve(out);
      else schedule(burst);
    };
    burst();
  });
}
