import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { publicScores } from '../../shared/scoring/explanation.js';
import { rankIn, scoreContext } from '../../shared/scoring/score-portfolio.js';
import { explainTerms, scoreItem } from '../../shared/scoring/scores.js';
import { requireItem } from '../store/debt-items-repo.js';
import { rankRows } from '../store/rank-query.js';
import { readScoring, readSettings, writeScoring } from '../store/settings-repo.js';
import { StoreError } from '../store/store-error.js';
import type { HandlerContext } from './context.js';

/** Today's date where the user is: a due date "tomorrow" must not flip at midnight UTC. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function getScoringHandler(ctx: HandlerContext): Output<'scoring.get'> {
  return readScoring(ctx.store.db);
}

export function setScoringHandler(ctx: HandlerContext, input: ParsedInput<'scoring.set'>): Output<'scoring.set'> {
  return writeScoring(ctx.store.db, input, ctx.now().toISOString());
}

/**
 * Why an item ranks where it does: each term of its score with weight and contribution, and its rank. One read
 * transaction, so the item, the settings and the rows it is ranked among are one state of the portfolio.
 */
export function explainItemHandler(ctx: HandlerContext, input: ParsedInput<'items.explain'>): Output<'items.explain'> {
  const db = ctx.store.db;
  return db.transaction(() => {
    const item = requireItem(db, input.id);
    const rows = rankRows(db);
    const scoring = readScoring(db);
    const { sprintLengthDays } = readSettings(db);
    const today = localDate(ctx.now());
    const scoreCtx = scoreContext(rows, scoring, sprintLengthDays, today);
    const rank = rankIn(rows, item.id, scoreCtx);
    if (rank === null) throw new StoreError('not-found', `No debt item has the id ${input.id}; it may have been deleted.`);
    return {
      item,
      scores: publicScores(scoreItem(item, scoreCtx)),
      terms: explainTerms(item, scoreCtx),
      rank,
      of: rows.length,
      today,
      horizonSprints: scoring.horizonSprints,
    };
  })();
}
