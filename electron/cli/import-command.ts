import { existsSync, readFileSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { contract } from '../../shared/api/contract.js';
import { fieldIssues } from '../../shared/api/result.js';
import type { ImportProgress } from '../../shared/import/import-progress.js';
import { ImportSummary, type ImportRequest } from '../../shared/import/import-schema.js';
import { csvHeader, detectImportFormat } from '../../shared/import/parse-import.js';
import { formatIssue } from '../../shared/import/parsed-import.js';
import { SavedMapping, sourceKeyOf } from '../../shared/import/saved-mapping.js';
import { createContext } from '../handlers/dispatch.js';
import { ImportFileError, readImportFile, type ImportFile } from '../import/read-import-file.js';
import { openStore, removePortfolio } from '../store/open-store.js';
import { callApi, errorForFailure, type OptionForField } from './call-api.js';
import { EXIT_FAILURE, EXIT_OK, type CliEnv, type CliOutput } from './cli-env.js';
import { CommandFailure, UsageError } from './cli-errors.js';
import { DB_OPTION } from './common-options.js';
import { parseOptions } from './parse-options.js';
import { portfolioPath } from './portfolio-path.js';
import { withPortfolio } from './with-portfolio.js';

const OPTIONS = {
  ...DB_OPTION,
  format: { type: 'string' },
  mapping: { type: 'string' },
  'ignore-saved-mapping': { type: 'boolean' },
  'skip-invalid': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'overwrite-team-fields': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

const SHOWN_ERRORS = 20;

const optionFor: OptionForField = (field) => {
  const top = field.split('.', 1)[0];
  if (top === 'format') return '--format';
  if (top === 'mapping') return `--mapping (${field.slice('mapping.'.length) || 'the file'})`;
  if (top === 'content') return 'FILE';
  return null;
};

function readMapping(file: string, cwd: string): unknown {
  const absolute = path.resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new UsageError(`--mapping: cannot read “${file}” (${error instanceof Error ? error.message : String(error)}).`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`--mapping: “${file}” is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** True when the import refused the file: problems, and nothing imported or left as it was. */
function wasRefused(summary: ImportSummary, skipInvalid: boolean): boolean {
  if (summary.errors.length === 0) return false;
  return !skipInvalid || summary.created + summary.updated + summary.unchanged === 0;
}

const PHASE_TEXT = { reading: 'reading the file', mapping: 'reading the rows', checking: 'checking the rows', writing: 'writing the items' } as const;

/** A progress line on a terminal's stderr, redrawn in place and wiped when the import is done. */
function progressLine(stderr: CliOutput): { show: (progress: ImportProgress) => void; clear: () => void } {
  return {
    show: ({ phase, done, total }) => {
      const percent = total === 0 ? 100 : Math.floor((100 * done) / total);
      stderr.write(`\r\u001b[Kpaydown: ${PHASE_TEXT[phase]}… ${String(percent)}%`);
    },
    clear: () => stderr.write('\r\u001b[K'),
  };
}

/** The key a file's mapping is saved under: the same one the app's import wizard looks up and saves. */
function sourceKeyFor(request: ImportRequest): string {
  const format = request.format === undefined || request.format === 'auto' ? detectImportFormat(request.content) : request.format;
  return sourceKeyOf(format, format === 'csv' ? csvHeader(request.content) : []);
}

/** The mapping the portfolio saved for this source (by the app or an earlier `--mapping` import), or null. */
function readSavedMapping(dbFlag: string | undefined, env: CliEnv, sourceKey: string): SavedMapping | null {
  const answer = SavedMapping.nullable().safeParse(withPortfolio(dbFlag, env, (ctx) => callApi(ctx, 'importMappings.get', { sourceKey })));
  if (!answer.success) throw new CommandFailure('The portfolio answered importMappings.get in an unexpected shape.');
  return answer.data;
}

function runImport(dbPath: string, request: ImportRequest, stderr?: CliOutput): ImportSummary {
  const store = openStore(dbPath);
  const progress = stderr?.isTTY === true ? progressLine(stderr) : null;
  try {
    const ctx = createContext(store, progress === null ? {} : { onImportProgress: progress.show });
    const answer = ImportSummary.safeParse(callApi(ctx, 'import.run', request, optionFor));
    if (!answer.success) throw new CommandFailure('The portfolio answered import.run in an unexpected shape.');
    return answer.data;
  } finally {
    progress?.clear();
    store.close();
  }
}

/** The folders `file` needs that do not exist yet, outermost first. */
function missingFolders(file: string): string[] {
  const missing: string[] = [];
  for (let dir = path.dirname(file); !existsSync(dir); dir = path.dirname(dir)) missing.unshift(dir);
  return missing;
}

/**
 * Runs an import that creates the portfolio file (and any folders it needs), and removes them again when the
 * import refused the file or failed, so a refused import leaves no empty portfolio behind. Folders are removed
 * only while empty: anything another program put there meanwhile stays.
 */
function importIntoNewPortfolio(file: string, run: () => ImportSummary, refused: (summary: ImportSummary) => boolean): ImportSummary {
  const folders = missingFolders(file);
  const removeCreated = (): void => {
    removePortfolio(file);
    for (const dir of [...folders].reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        return; // not empty (or gone): leave it and the folders around it
      }
    }
  };
  let summary: ImportSummary;
  try {
    summary = run();
  } catch (error) {
    removeCreated();
    throw error;
  }
  if (refused(summary)) removeCreated();
  return summary;
}

function counts(s: ImportSummary, dryRun: boolean): string {
  const verb = dryRun ? 'would be created' : 'created';
  return `${String(s.created)} ${verb}, ${String(s.updated)} updated, ${String(s.unchanged)} unchanged, ${String(s.skipped)} skipped`;
}

function errorLines(summary: ImportSummary): string {
  const shown = summary.errors.slice(0, SHOWN_ERRORS).map((e) => `  ${formatIssue(e)}\n`);
  const more = summary.errors.length - shown.length;
  return shown.join('') + (more > 0 ? `  … and ${String(more)} more (--json lists them all)\n` : '');
}

interface ReportFlags {
  readonly json: boolean;
  readonly dryRun: boolean;
  readonly refused: boolean;
  /** For a refused file: how many records --skip-invalid would import. */
  readonly validRecords: number;
}

function report(env: CliEnv, summary: ImportSummary, fileName: string, dbPath: string, flags: ReportFlags): void {
  if (flags.json) {
    const { created, updated, unchanged, skipped, errors } = summary;
    env.stdout.write(`${JSON.stringify({ created, updated, unchanged, skipped, errors })}\n`);
    for (const note of summary.notes) env.stderr.write(`paydown: note: ${note}\n`);
    return;
  }
  if (flags.refused) {
    const problems = summary.errors.length === 1 ? '1 problem' : `${String(summary.errors.length)} problems`;
    env.stderr.write(`paydown: nothing was imported from ${fileName} (${problems}):\n${errorLines(summary)}`);
    const records = flags.validRecords === 1 ? 'the 1 valid record' : `the ${String(flags.validRecords)} valid records`;
    env.stderr.write(flags.validRecords > 0 ? `Fix them and import again, or pass --skip-invalid to import ${records}.\n` : 'Fix the file and import again.\n');
    for (const note of summary.notes) env.stderr.write(`paydown: note: ${note}\n`);
    return;
  }
  const lead = flags.dryRun ? `Dry run of ${fileName} against ${dbPath}, nothing was written` : `Imported ${fileName} into ${dbPath}`;
  env.stdout.write(`${lead}: ${counts(summary, flags.dryRun)}.\n`);
  if (summary.errors.length > 0) env.stderr.write(`paydown: skipped ${String(summary.errors.length)} invalid records:\n${errorLines(summary)}`);
  if (summary.notes.length > 0) env.stdout.write(`Notes:\n${summary.notes.map((n) => `  - ${n}\n`).join('')}`);
}

/**
 * `paydown import FILE`: reads the file (size limit, UTF-8 or Windows-1252), then runs `import.run`
 * through dispatch like every command. Exit 1 when the file was refused and nothing was imported,
 * 2 for wrong arguments; a refused import never creates a missing portfolio file.
 */
export function importCommand(args: readonly string[], env: CliEnv): number {
  const [file, ...rest] = args;
  if (file === undefined || file.startsWith('-')) {
    throw new UsageError('"paydown import" needs the file to import first: paydown import FILE [--db FILE] [options].');
  }
  const values = parseOptions(rest, OPTIONS, 'paydown import');
  const dryRun = values['dry-run'] === true;
  const skipInvalid = values['skip-invalid'] === true;
  let imported: ImportFile;
  try {
    imported = readImportFile(path.resolve(env.cwd, file));
  } catch (error) {
    if (error instanceof ImportFileError) throw new CommandFailure(error.message);
    throw error;
  }
  const request: ImportRequest = {
    fileName: imported.fileName,
    content: imported.content,
    skipInvalid,
    dryRun,
    overwriteTeamFields: values['overwrite-team-fields'] === true,
  };
  // The contract checks the format's spelling; the cast only hands the text on.
  if (values.format !== undefined) request.format = values.format as NonNullable<ImportRequest['format']>;
  // Unchecked JSON handed to the contract's schema on the next line, which refuses anything else.
  if (values.mapping !== undefined) request.mapping = readMapping(values.mapping, env.cwd) as ImportRequest['mapping'];
  // Checked before any portfolio is opened, so wrong arguments never create one (dispatch checks again).
  const checked = contract['import.run'].input.safeParse(request);
  if (!checked.success) {
    throw errorForFailure({ code: 'invalid-input', message: 'The import options are not valid.', issues: fieldIssues(checked.error) }, optionFor);
  }
  const dbPath = portfolioPath(values.db, env.env, env.cwd);
  const sourceKey = sourceKeyFor(request);
  const notes: string[] = imported.note === undefined ? [] : [imported.note];
  // As in the app, a source imported before starts from the mapping the team chose then, unless told otherwise.
  if (request.mapping === undefined && values['ignore-saved-mapping'] !== true && existsSync(dbPath)) {
    const saved = readSavedMapping(values.db, env, sourceKey);
    if (saved !== null) {
      request.mapping = saved.mapping;
      notes.push(`Used the mapping saved in this portfolio for this source on ${saved.savedAt.slice(0, 10)} (--mapping FILE to use another, --ignore-saved-mapping to use none).`);
    }
  }
  let summary: ImportSummary;
  if (existsSync(dbPath)) {
    summary = runImport(dbPath, request, env.stderr);
  } else if (dryRun) {
    summary = runImport(':memory:', request, env.stderr);
  } else {
    // A missing portfolio is kept only when the import wrote to it. It used to be previewed in memory first
    // and then imported again, which doubled the time of a first import (a 200k-row CSV: 26 s against 13 s).
    summary = importIntoNewPortfolio(dbPath, () => runImport(dbPath, request, env.stderr), (s) => wasRefused(s, skipInvalid));
  }
  const refused = wasRefused(summary, skipInvalid);
  let validRecords = 0;
  if (refused && values.json !== true && !skipInvalid) {
    const tried = runImport(existsSync(dbPath) ? dbPath : ':memory:', { ...request, skipInvalid: true, dryRun: true });
    validRecords = tried.created + tried.updated + tried.unchanged;
  }
  notes.push(...summary.notes);
  // A mapping given on the command line is remembered the way the app remembers one, so the next import of
  // the same source (here or in the app) starts from it.
  if (values.mapping !== undefined && !dryRun && !refused) {
    withPortfolio(values.db, env, (ctx) => callApi(ctx, 'importMappings.save', { sourceKey, mapping: request.mapping }, optionFor));
    notes.push('Saved this mapping in the portfolio: the next import of this source uses it.');
  }
  report(env, { ...summary, notes }, imported.fileName, dbPath, { json: values.json === true, dryRun, refused, validRecords });
  return refused ? EXIT_FAILURE : EXIT_OK;
}
