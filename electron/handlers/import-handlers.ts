import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { parseImport } from '../../shared/import/parse-import.js';
import { importItems } from '../store/import-repo.js';
import { readSettings } from '../store/settings-repo.js';
import type { HandlerContext } from './context.js';

/**
 * Reads an import file's text and writes its items: parse (pure, shared with any future preview in the
 * renderer), then one transaction. A file with problems answers `ok` with the problems in `errors` and
 * nothing written, so callers can show every row's problem; only a malformed request is refused.
 */
export function importRunHandler(ctx: HandlerContext, input: ParsedInput<'import.run'>): Output<'import.run'> {
  const db = ctx.store.db;
  const { unit } = readSettings(db);
  const options = input.mapping === undefined ? { format: input.format, unit } : { format: input.format, unit, mapping: input.mapping };
  const parsed = parseImport(input.content, options);
  return importItems(db, parsed, {
    at: ctx.now().toISOString(),
    newId: () => ctx.newId(),
    skipInvalid: input.skipInvalid,
    dryRun: input.dryRun,
    overwriteTeamFields: input.overwriteTeamFields,
  });
}
