import type { RankRow } from '../../shared/scoring/score-portfolio.js';
import { cached, type Db } from './db.js';
import { NOT_ESTIMATED_SQL } from './matrix-query.js';

type Raw = [id: string, likelihood: number, impact: number, low: number, likely: number, high: number, interest: number, due: string | null, outcome: string | null, notEstimated: number];

/**
 * Every item as the few columns ranking reads, straight from the rows: no tags, texts or schema check per item,
 * which made reading 100k whole items for one explanation take seconds. Whether an item was estimated is
 * decided by SQL the way the matrix decides it.
 */
export function rankRows(db: Db): RankRow[] {
  const rows = cached(
    db,
    `SELECT d.id, d.likelihood, d.impact, d.effort_low, d.effort_likely, d.effort_high, d.interest, d.due_date, d.outcome,
      ${NOT_ESTIMATED_SQL} FROM debt_items d`,
  )
    .raw(true)
    .all() as Raw[]; // the SELECT names exactly these columns, in this order
  return rows.map(([id, likelihood, impact, low, likely, high, interest, due, outcome, notEstimated]) => ({
    id,
    likelihood,
    impact,
    effort: { low, likely, high },
    interest,
    // Absent, not null: scoring reads a missing due date or outcome as "none".
    ...(due === null ? {} : { dueDate: due }),
    ...(outcome === null ? {} : { outcome }),
    notEstimated: notEstimated === 1,
  }));
}
