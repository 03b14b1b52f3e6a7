import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { readMatrix } from '../store/matrix-query.js';
import { portfolioRevision } from '../store/revision.js';
import { readScoring, readSettings } from '../store/settings-repo.js';
import type { HandlerContext } from './context.js';
import { localDate } from './scoring-handlers.js';

/** Node's own base64: the portable encoder in shared/ took ~250 ms for 100k items' columns. */
const nodeBase64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** Every item the filters match, in compact columns (see MatrixData), with what the renderer needs to score them as `items.explain` does. */
export function matrixHandler(ctx: HandlerContext, input: ParsedInput<'items.matrix'>): Output<'items.matrix'> {
  const db = ctx.store.db;
  return db.transaction(() => {
    const { columns, scale } = readMatrix(db, input, nodeBase64);
    const { sprintLengthDays, unit } = readSettings(db);
    const today = localDate(ctx.now());
    return {
      columns,
      portfolioCount: scale.count,
      maxInterest: scale.maxInterest,
      scoring: readScoring(db),
      sprintLengthDays,
      unit,
      today,
      revision: matrixRevision(db, today),
    };
  })();
}

/** The date is part of it: time criticality is measured from today, so the same rows score differently tomorrow. */
const matrixRevision = (db: HandlerContext['store']['db'], today: string): string => `${portfolioRevision(db)}.${today}`;

/** The revision an `items.matrix` answer would carry now: equal to a held answer's while that answer is still exact. */
export function matrixRevisionHandler(ctx: HandlerContext): Output<'items.matrixRevision'> {
  return { revision: matrixRevision(ctx.store.db, localDate(ctx.now())) };
}
