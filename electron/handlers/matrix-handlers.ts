import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { matrixColumns, portfolioScale } from '../store/matrix-query.js';
import { readScoring, readSettings } from '../store/settings-repo.js';
import type { HandlerContext } from './context.js';
import { localDate } from './scoring-handlers.js';

/** Every item the filters match, in columns, with what the renderer needs to score them as `items.explain` does. */
export function matrixHandler(ctx: HandlerContext, input: ParsedInput<'items.matrix'>): Output<'items.matrix'> {
  const db = ctx.store.db;
  return db.transaction(() => {
    const scale = portfolioScale(db);
    const { sprintLengthDays, unit } = readSettings(db);
    return {
      columns: matrixColumns(db, input),
      portfolioCount: scale.count,
      maxInterest: scale.maxInterest,
      scoring: readScoring(db),
      sprintLengthDays,
      unit,
      today: localDate(ctx.now()),
    };
  })();
}
