import { existsSync } from 'node:fs';
import path from 'node:path';
import { draftOf, DebtItemDraft } from '../../shared/domain/debt-item.js';
import { finishSteps, type ImportProgress, type ImportSteps } from '../../shared/import/import-progress.js';
import type { ImportIssue, ImportSummary } from '../../shared/import/import-schema.js';
import { issueAt, type ParsedImport } from '../../shared/import/parsed-import.js';
import { mergeReimport, sameDraft } from '../../shared/import/reimport-merge.js';
import { validateDrafts, type ValidatedImport, type ValidDraft } from '../../shared/import/validate-drafts.js';
import { cached, type Db } from './db.js';
import { countItems, insertItems, itemFromRow, selectItemRows, updateItem, type ItemRow } from './debt-items-repo.js';

/** Imports writing more rows than this into a portfolio that already holds items first save a copy of it. */
export const BACKUP_FROM_ROWS = 1000;

/** New items are inserted in batches of this many (inside the one transaction), so 100k created items are not all held at once. */
const CREATE_BATCH = 1000;

/** Records are written in steps of this many, each reporting how many are done. */
const WRITE_STEP = 2000;

/** SQLite's cache during an import, in its unit for a negative cache_size: KiB (here 64 MiB). */
const IMPORT_CACHE_SIZE = -64 * 1024;

export interface ImportWriteOptions {
  /** The timestamp every created or updated item (and its audit entry) gets. */
  readonly at: string;
  readonly newId: () => string;
  /** Import the valid records and report the invalid ones; otherwise one invalid record refuses the file. */
  readonly skipInvalid: boolean;
  /** Do everything, count everything, then roll back: a preview that cannot disagree with the import. */
  readonly dryRun: boolean;
  /** Take likelihood, impact, status and acceptance from the file too (only where the file supplies them). */
  readonly overwriteTeamFields: boolean;
}

const refused = (errors: ImportIssue[], notes: string[]): ImportSummary => ({
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  errors,
  notes,
});

/**
 * The items of one source that the file names, by key: one query with the keys as a JSON array, which
 * SQLite looks up in the (ext_source, ext_key) index, instead of one query per record.
 */
function findByRefs(db: Db, source: string, keys: readonly string[]): Map<string, ItemRow> {
  const rows = selectItemRows(db, 'WHERE d.ext_source = ? AND d.ext_key IN (SELECT value FROM json_each(?))', source, JSON.stringify(keys));
  return new Map(rows.map((row) => [row.ext_key ?? '', row]));
}

function hasSource(db: Db, source: string): boolean {
  return cached(db, 'SELECT 1 FROM debt_items WHERE ext_source = ? LIMIT 1').get(source) !== undefined;
}

/**
 * Writes parsed records into the portfolio in one transaction. A record whose external reference
 * (source and key) is already there updates that item by the re-import rules of `mergeReimport`;
 * one that would not change it is counted as unchanged and not written. Every write is audited by
 * the item repository. With invalid records and no `skipInvalid`, nothing is written at all.
 */
export function importItems(db: Db, parsed: ParsedImport, options: ImportWriteOptions): ImportSummary {
  return writeImport(db, validateDrafts(parsed), parsed.notes, options);
}

/**
 * The writing half of `importItems`, for records already parsed and validated, in one synchronous
 * transaction: every read it depends on and every write happen inside it, so nothing another call
 * changes in between can slip into its decisions. `onStep` hears how many records are written.
 */
export function writeImport(
  db: Db,
  validated: ValidatedImport,
  parsedNotes: readonly string[],
  options: ImportWriteOptions,
  onStep?: (progress: ImportProgress) => void,
): ImportSummary {
  const write = openImportWrite(db, validated, parsedNotes, options);
  if ('summary' in write) return write.summary;
  let summary: ImportSummary;
  try {
    summary = finishSteps(write.steps, onStep);
  } catch (error) {
    write.abandon();
    throw error;
  }
  return write.finish(summary);
}

/** An import's write in progress: its transaction is open until `finish` or `abandon`. */
export interface OpenImportWrite {
  /** The records written in steps; a background job runs them across turns of the event loop. */
  readonly steps: ImportSteps<ImportSummary>;
  /** Commits (or, for a dry run or a refusal found while writing, rolls back) and answers the summary. */
  finish(summary: ImportSummary): ImportSummary;
  /** Rolls everything back: a cancel, or a failure while writing. */
  abandon(): void;
}

/**
 * Starts an import's write: answers the summary at once when the file is refused before writing, otherwise
 * saves a backup copy of a portfolio about to take many rows and opens the one transaction (BEGIN IMMEDIATE,
 * so another program's write waits rather than failing halfway) that the steps write in.
 */
export function openImportWrite(
  db: Db,
  validated: ValidatedImport,
  parsedNotes: readonly string[],
  options: ImportWriteOptions,
): OpenImportWrite | { readonly summary: ImportSummary } {
  const { valid, errors, skipped } = validated;
  const notes = [...parsedNotes];
  if (errors.length > 0 && !options.skipInvalid) return { summary: refused(errors, notes) };
  if (!options.dryRun && valid.length > BACKUP_FROM_ROWS) {
    const copy = backupBeforeImport(db, options.at);
    if (copy !== null) notes.push(`A copy of the portfolio as it was before this import was saved to ${copy}.`);
  }
  // A 100k-row import touches far more index pages than SQLite's default 2 MB cache holds; a larger
  // cache for the one transaction keeps them in memory instead of re-reading them from the file.
  const cacheSize = Number(db.pragma('cache_size', { simple: true }));
  db.pragma(`cache_size = ${String(IMPORT_CACHE_SIZE)}`);
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    // Another program kept the file busy past the wait: nothing was begun, so only the cache goes back.
    db.pragma(`cache_size = ${String(cacheSize)}`);
    throw error;
  }
  let open = true;
  const close = (how: 'COMMIT' | 'ROLLBACK'): void => {
    if (!open) return;
    open = false;
    try {
      // A failed statement may already have ended the transaction (SQLite rolls back on a full disk).
      if (db.open && db.inTransaction) db.exec(how);
    } catch (error) {
      // A COMMIT that fails leaves the transaction open: end it, or every later call would run inside it.
      if (db.open && db.inTransaction) db.exec('ROLLBACK');
      throw error;
    } finally {
      if (db.open) db.pragma(`cache_size = ${String(cacheSize)}`);
    }
  };
  // With skipInvalid, every record-level error is a record left out.
  const invalidRecords = options.skipInvalid ? errors.filter((e) => e.row !== undefined || e.path !== undefined).length : 0;
  return {
    steps: writeDraftsSteps(db, valid, options, { errors, skipped: skipped.length + invalidRecords, notes }),
    finish: (summary) => {
      const refusedWhileWriting = summary.errors.length > 0 && !options.skipInvalid;
      close(refusedWhileWriting || options.dryRun ? 'ROLLBACK' : 'COMMIT');
      return refusedWhileWriting ? refused(summary.errors, notes) : summary;
    },
    abandon: () => {
      close('ROLLBACK');
    },
  };
}

function* writeDraftsSteps(
  db: Db,
  valid: readonly ValidDraft[],
  options: ImportWriteOptions,
  start: { errors: ImportIssue[]; skipped: number; notes: string[] },
): ImportSteps<ImportSummary> {
  const errors = [...start.errors];
  let skipped = start.skipped;
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  let stillOpen = 0;
  let creates: { id: string; draft: DebtItemDraft }[] = [];
  const flushCreates = (): void => {
    created += insertItems(db, creates, options.at).length;
    creates = [];
  };
  const existing = existingItems(db, valid);
  const total = valid.length;
  for (let index = 0; index < total; index += 1) {
    if (index > 0 && index % WRITE_STEP === 0) yield { phase: 'writing', done: index, total };
    const entry = valid[index];
    if (entry === undefined) break;
    const row = existing.get(entry.source)?.get(entry.key);
    if (row === undefined) {
      creates.push({ id: options.newId(), draft: entry.draft });
      if (creates.length >= CREATE_BATCH) flushCreates();
      continue;
    }
    const current = itemFromRow(row);
    const currentDraft = draftOf(current);
    const merged = mergeReimport(currentDraft, entry.draft, entry.fromSource, options.overwriteTeamFields);
    if (sameDraft(merged, currentDraft)) {
      unchanged += 1;
    } else {
      // Each part is valid, but a mix can break a rule across fields, so the result is checked again.
      const checked = DebtItemDraft.safeParse(merged);
      if (!checked.success) {
        errors.push(issueAt(entry.where, `Updating “${current.title}” would make it invalid: ${checked.error.issues.map((i) => i.message).join(' ')}`));
        skipped += 1;
        continue;
      }
      updateItem(db, current.id, current.version, checked.data, options.at);
      updated += 1;
    }
    if (!options.overwriteTeamFields && isClosed(entry.draft.status) && !isClosed(current.status)) stillOpen += 1;
  }
  flushCreates();
  const notes = [...start.notes];
  if (stillOpen > 0) {
    notes.push(
      `${String(stillOpen)} ${stillOpen === 1 ? 'item is' : 'items are'} closed in the source but still open in Paydown: the team's status was kept. Import with “overwrite team fields” to take the source's status.`,
    );
  }
  return { created, updated, unchanged, skipped, errors, notes };
}

/** Source → key → stored row, for the sources of `valid` that the portfolio already holds. */
function existingItems(db: Db, valid: readonly ValidDraft[]): Map<string, Map<string, ItemRow>> {
  const keysBySource = new Map<string, string[]>();
  for (const entry of valid) {
    const keys = keysBySource.get(entry.source);
    if (keys === undefined) keysBySource.set(entry.source, [entry.key]);
    else keys.push(entry.key);
  }
  const found = new Map<string, Map<string, ItemRow>>();
  for (const [source, keys] of keysBySource) if (hasSource(db, source)) found.set(source, findByRefs(db, source, keys));
  return found;
}

const isClosed = (status: string): boolean => status === 'paid' || status === 'wont_fix' || status === 'accepted';

/**
 * Saves a consistent copy of the portfolio next to it (`team.before-import-20261125T090000Z.paydown`),
 * with `VACUUM INTO`: better-sqlite3's `db.backup()` is asynchronous, and handlers run synchronously
 * inside `dispatch`, so the copy could not finish before the import began. Skipped for an in-memory
 * or empty portfolio, where there is nothing to lose.
 */
function backupBeforeImport(db: Db, at: string): string | null {
  const file = db.name;
  if (file === '' || file === ':memory:' || db.memory || countItems(db).total === 0) return null;
  const { dir, name, ext } = path.parse(file);
  const stamp = at.replace(/[-:]/g, '').replace(/\.\d+/, '');
  let target = path.join(dir, `${name}.before-import-${stamp}${ext}`);
  for (let n = 2; existsSync(target); n += 1) target = path.join(dir, `${name}.before-import-${stamp}-${String(n)}${ext}`);
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}
