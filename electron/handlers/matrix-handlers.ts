import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { matrixWireColumns, portfolioScale } from '../store/matrix-query.js';
import { readScoring, readSettings } from '../store/settings-repo.js';
import type { HandlerContext } from './context.js';
import { localDate } from './scoring-handlers.js';

/** Node's own base64: the portable encoder in shared/ took ~250 ms for 100k items' columns. */
const nodeBase64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** Every item the filters match, in compact columns (see MatrixData), with what the renderer needs to score them as `items.explain` does. */
export function matrixHandler(ctx: HandlerContext, input: ParsedInput<'items.matrix'>): Output<'items.matrix'> {
  const db = ctx.store.db;
  return db.transaction(() => {
    const scale = portfolioScale(db);
    const { sprintLengthDays, unit } = readSettings(db);
    return {
      columns: matrixWireColumns(db, input, nodeBase64),
      portfolioCount: scale.count,
      maxInterest: scale.maxInterest,
      scoring: readScoring(db),
      sprintLengthDays,
      unit,
      today: localDate(ctx.now()),
    };
  })();
}
