import type { MatrixColumns } from '../../../shared/api/matrix-data.js';
import type { ColumnScores } from '../../../shared/scoring/score-columns.js';

export const QUADRANTS = ['payDownNow', 'planDeliberately', 'quickWins', 'acceptAndMonitor'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export const QUADRANT_NAMES: Readonly<Record<Quadrant, string>> = {
  payDownNow: 'Pay down now',
  planDeliberately: 'Plan deliberately',
  quickWins: 'Quick wins',
  acceptAndMonitor: 'Accept and monitor',
};

export const QUADRANT_HINTS: Readonly<Record<Quadrant, string>> = {
  payDownNow: 'high risk, high ROI',
  planDeliberately: 'high risk, low ROI',
  quickWins: 'low risk, high ROI',
  acceptAndMonitor: 'low risk, low ROI',
};

export interface Thresholds {
  /** Risk at or above this is high. */
  readonly risk: number;
  /** ROI at or above this is high; "no effort" (∞) is always high, 0 never is. */
  readonly roi: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { risk: 10, roi: 1 };

export function quadrantOf(risk: number, roi: number, t: Thresholds): Quadrant {
  const highRisk = risk >= t.risk;
  const highRoi = roi >= t.roi && roi > 0;
  if (highRisk) return highRoi ? 'payDownNow' : 'planDeliberately';
  return highRoi ? 'quickWins' : 'acceptAndMonitor';
}

export interface QuadrantSummary {
  readonly quadrant: Quadrant;
  readonly count: number;
  readonly effort: number;
  readonly interest: number;
  /** Indexes of the highest-priority items, best first (at most TOP_ITEMS). */
  readonly top: readonly number[];
}

export const TOP_ITEMS = 3;

/** Count, total expected effort, total interest and top items of each quadrant. */
export function summariseQuadrants(columns: MatrixColumns, scores: ColumnScores, t: Thresholds): QuadrantSummary[] {
  const acc = new Map<Quadrant, { count: number; effort: number; interest: number; top: number[] }>(
    QUADRANTS.map((q) => [q, { count: 0, effort: 0, interest: 0, top: [] }]),
  );
  const better = (a: number, b: number) => {
    const pa = scores.priority[a] ?? 0;
    const pb = scores.priority[b] ?? 0;
    return pa !== pb ? pa > pb : (columns.id[a] ?? '') < (columns.id[b] ?? '');
  };
  for (let i = 0; i < scores.count; i++) {
    const q = acc.get(quadrantOf(scores.risk[i] ?? 0, scores.roi[i] ?? 0, t));
    if (q === undefined) continue;
    q.count += 1;
    q.effort += scores.expectedEffort[i] ?? 0;
    q.interest += columns.interest[i] ?? 0;
    // A short insertion into a list of TOP_ITEMS: no sort of the whole quadrant.
    let at = q.top.length;
    while (at > 0 && better(i, q.top[at - 1] ?? i)) at -= 1;
    if (at < TOP_ITEMS) {
      q.top.splice(at, 0, i);
      if (q.top.length > TOP_ITEMS) q.top.pop();
    }
  }
  return QUADRANTS.map((quadrant) => {
    const q = acc.get(quadrant) ?? { count: 0, effort: 0, interest: 0, top: [] };
    return { quadrant, ...q };
  });
}
