import type { MatrixColumns } from '../../../shared/api/matrix-data.js';
import type { ColumnScores } from '../../../shared/scoring/score-columns.js';
import type { QuadrantThresholds } from '../../../shared/scoring/weights.js';
import { memoLast } from './memo-last.js';
import type { ColourBy } from './palette.js';
import { stylePoints } from './point-layout.js';
import { summariseQuadrants } from './quadrants.js';

/**
 * What the matrix view derives from the data, remembered outside the view: a view mounted again (or for the
 * first time, after the background read) finds them computed instead of spending ~20 ms of its first render.
 */
export const quadrantTotalsOnce = memoLast(summariseQuadrants);
export const pointStyleOnce = memoLast(stylePoints);

/**
 * Computes them ahead for the matrix the store holds, with the choices the view will open with, so opening the
 * view after the background read only lays out and paints.
 */
export function deriveAhead(
  matrix: { readonly columns: MatrixColumns; readonly maxInterest: number },
  scores: ColumnScores,
  thresholds: QuadrantThresholds,
  colourBy: ColourBy,
): void {
  quadrantTotalsOnce(matrix.columns, scores, thresholds);
  pointStyleOnce(matrix.columns, colourBy, matrix.maxInterest);
}
