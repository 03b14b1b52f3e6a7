import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { finishSteps, type ImportSteps } from '../../shared/import/import-progress.js';
import { parseImportSteps } from '../../shared/import/parse-import.js';
import { validateDraftsSteps, type ValidatedImport } from '../../shared/import/validate-drafts.js';
import { openImportWrite, writeImport, type ImportWriteOptions } from '../store/import-repo.js';
import { saveMapping, savedMapping } from '../store/import-mappings-repo.js';
import { readSettings } from '../store/settings-repo.js';
import type { HandlerContext } from './context.js';
import { failureFrom } from './handler-failure.js';
import type { ImportWork } from './import-jobs.js';

interface CheckedImport {
  readonly validated: ValidatedImport;
  readonly notes: readonly string[];
}

/** Parsing and validating: pure, in steps, touching no portfolio. */
function* checkSteps(ctx: HandlerContext, input: ParsedInput<'import.run'>): ImportSteps<CheckedImport> {
  const { unit } = readSettings(ctx.store.db);
  const options = input.mapping === undefined ? { format: input.format, unit } : { format: input.format, unit, mapping: input.mapping };
  const parsed = yield* parseImportSteps(input.content, options);
  const validated = yield* validateDraftsSteps(parsed);
  return { validated, notes: parsed.notes };
}

const writeOptions = (ctx: HandlerContext, input: ParsedInput<'import.run'>): ImportWriteOptions => ({
  at: ctx.now().toISOString(),
  newId: () => ctx.newId(),
  skipInvalid: input.skipInvalid,
  dryRun: input.dryRun,
  overwriteTeamFields: input.overwriteTeamFields,
});

/**
 * Reads an import file's text and writes its items: parse and validate (pure, shared with the CLI and
 * the background job), then one transaction. A file with problems answers `ok` with the problems in
 * `errors` and nothing written, so callers can show every row's problem; only a malformed request is refused.
 */
export function importRunHandler(ctx: HandlerContext, input: ParsedInput<'import.run'>): Output<'import.run'> {
  const checked = finishSteps(checkSteps(ctx, input), ctx.onImportProgress);
  return writeImport(ctx.store.db, checked.validated, checked.notes, writeOptions(ctx, input), ctx.onImportProgress);
}

/** The same import (or dry run) as a job that reports progress and can be cancelled until it commits. */
export function importStartHandler(ctx: HandlerContext, input: ParsedInput<'import.start'>): Output<'import.start'> {
  const jobId = ctx.newId();
  const work: ImportWork<CheckedImport> = {
    steps: checkSteps(ctx, input),
    openWrite: (checked) => openImportWrite(ctx.store.db, checked.validated, checked.notes, writeOptions(ctx, input)),
    failure: (error) => failureFrom(ctx, 'import.start', error).error,
  };
  ctx.importJobs.start(jobId, work, input.content.length);
  return { jobId };
}

export function importStatusHandler(ctx: HandlerContext, input: ParsedInput<'import.status'>): Output<'import.status'> {
  return ctx.importJobs.status(input.jobId);
}

export function importCancelHandler(ctx: HandlerContext, input: ParsedInput<'import.cancel'>): Output<'import.cancel'> {
  return ctx.importJobs.cancel(input.jobId);
}

export function getSavedMappingHandler(ctx: HandlerContext, input: ParsedInput<'importMappings.get'>): Output<'importMappings.get'> {
  return savedMapping(ctx.store.db, input.sourceKey);
}

export function saveMappingHandler(ctx: HandlerContext, input: ParsedInput<'importMappings.save'>): Output<'importMappings.save'> {
  return saveMapping(ctx.store.db, input.sourceKey, input.mapping, ctx.now().toISOString());
}
