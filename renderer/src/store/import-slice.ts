import type { PaydownBridge } from '../../../shared/api/contract.js';
import { ok, type Result } from '../../../shared/api/result.js';
import { decodeImportBytes, tooLargeMessage } from '../../../shared/import/decode-import-bytes.js';
import type { ImportJobStatus } from '../../../shared/import/import-job.js';
import {
  MAX_IMPORT_BYTES,
  type CsvField,
  type ImportFormat,
  type ImportMapping,
  type ImportRequest,
  type ImportSummary,
  type SourceFormat,
} from '../../../shared/import/import-schema.js';
import { csvHeader, detectImportFormat } from '../../../shared/import/parse-import.js';
import { sourceKeyOf } from '../../../shared/import/saved-mapping.js';
import { draftOfMapping, EMPTY_MAPPING_DRAFT, mappingSections, readMappingDraft, type MappingDraft } from '../forms/import-mapping.js';
import type { AppState, SliceCreator } from './app-state.js';
import { callBridge } from './call-bridge.js';
import { failureMessage } from './failure-message.js';

export type ImportStep = 'file' | 'mapping' | 'preview' | 'done';

/** From this many characters (about 4,000 rows) a preview or import runs as a job with a progress bar and Cancel. */
export const JOB_FROM_CHARS = 1_000_000;
/** How often a running job is asked how far it got. */
const POLL_MS = 200;

interface FollowedJob {
  readonly id: string;
  /** The answer of the cancel the user asked for while the job ran. */
  cancelled: Promise<Result<ImportJobStatus>> | null;
}

/** A running import job as the wizard shows it. */
export interface ImportJobProgress {
  readonly phase: 'reading' | 'mapping' | 'checking' | 'writing';
  readonly done: number;
  readonly total: number;
  /** A preview (dry run) rather than the import. */
  readonly dryRun: boolean;
}

/** A file as the browser hands it over: read lazily, so a file over the limit is never read. */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  readonly bytes: () => Promise<Uint8Array>;
}

export interface ImportSource {
  readonly fileName: string;
  readonly content: string;
  /** How the bytes were read, when that is worth saying (not UTF-8). */
  readonly note?: string;
  /** What `auto` means for this file. */
  readonly detected: SourceFormat;
  /** CSV header cells, for the column mapping; empty for JSON. */
  readonly header: readonly string[];
}

export type ColumnChoices = Readonly<Partial<Record<CsvField, string | null>>>;

export interface ImportOptions {
  readonly skipInvalid: boolean;
  readonly overwriteTeamFields: boolean;
}

export interface ImportSlice {
  importOpen: boolean;
  importStep: ImportStep;
  importSource: ImportSource | null;
  /** Why the chosen file cannot be imported at all (too large, not text). */
  importFileError: string | null;
  importFormat: ImportFormat;
  /** The user's column choices, sent as `mapping.columns`; fields not named here are matched by name. */
  importColumns: ColumnChoices;
  /** The rest of the mapping as typed (levels, reading, effort conversion, links); sent only when valid. */
  importMappingDraft: MappingDraft;
  /** Where the mapping of this file is saved after an import, and when it was saved last (null: never). */
  importSourceKey: string | null;
  importMappingSavedAt: string | null;
  importOptions: ImportOptions;
  /** The dry run of exactly the request `runImport` sends. */
  importPreview: ImportSummary | null;
  importResult: ImportSummary | null;
  importBusy: boolean;
  /** The job of a large file's preview or import while it runs. */
  importProgress: ImportJobProgress | null;
  /** Said after a job was cancelled: nothing was written. */
  importCancelled: string | null;
  /** Stops the running job; it writes nothing. */
  cancelImportJob: () => Promise<void>;
  openImport: () => void;
  closeImport: () => void;
  chooseImportFile: (file: PickedFile) => Promise<void>;
  setImportFormat: (format: ImportFormat) => void;
  setImportColumns: (columns: ColumnChoices) => void;
  /** A new delimiter re-reads the header, and the columns are matched afresh. */
  setImportMappingDraft: (draft: MappingDraft) => void;
  /** Back to the importer's defaults (the saved mapping is replaced at the next import). */
  resetImportMapping: () => void;
  /** The dry run again, staying on the current step: the mapping step's live counts. */
  refreshImportPreview: () => Promise<void>;
  /** On the preview step, the preview is run again with the new options. */
  setImportOptions: (options: Partial<ImportOptions>) => Promise<void>;
  setImportStep: (step: ImportStep) => void;
  previewImport: () => Promise<void>;
  runImport: () => Promise<void>;
  showImportedItems: () => Promise<void>;
}

/** The format the parser will use: the user's choice, or the detected one for `auto`. */
export function effectiveFormat(format: ImportFormat, source: ImportSource): SourceFormat {
  return format === 'auto' ? source.detected : format;
}

/** The mapping the request carries, or null while the draft has a mistake (nothing is sent then). */
export function requestMappingOf(state: AppState): ImportMapping | null {
  const source = state.importSource;
  if (source === null) return null;
  const format = effectiveFormat(state.importFormat, source);
  const extras = readMappingDraft(state.importMappingDraft, mappingSections(format, state.portfolio?.unit ?? 'points'));
  if (!extras.valid) return null;
  const usesColumns = format === 'csv' && Object.keys(state.importColumns).length > 0;
  return { ...(usesColumns ? { columns: { ...state.importColumns } } : {}), ...extras.mapping };
}

/** One request for both the preview and the import, so the preview says exactly what the import does. */
function importRequestOf(
  source: ImportSource,
  format: ImportFormat,
  mapping: ImportMapping,
  options: ImportOptions,
  dryRun: boolean,
): ImportRequest {
  return {
    fileName: source.fileName,
    content: source.content,
    format,
    ...(Object.keys(mapping).length > 0 ? { mapping } : {}),
    skipInvalid: options.skipInvalid,
    overwriteTeamFields: options.overwriteTeamFields,
    dryRun,
  };
}

const CLOSED = {
  importStep: 'file',
  importSource: null,
  importFileError: null,
  importFormat: 'auto',
  importColumns: {},
  importMappingDraft: EMPTY_MAPPING_DRAFT,
  importSourceKey: null,
  importMappingSavedAt: null,
  importOptions: { skipInvalid: false, overwriteTeamFields: false },
  importPreview: null,
  importResult: null,
  importBusy: false,
  importProgress: null,
  importCancelled: null,
} as const satisfies Partial<ImportSlice>;

export const createImportSlice =
  (bridge: PaydownBridge): SliceCreator<ImportSlice> =>
  (set, get) => {
    /** Answers of a superseded request (another file, changed options) are dropped. */
    let latest = 0;

    /** The job being followed, while one runs. */
    let job: FollowedJob | null = null;

    /**
     * Cancels the job being followed, if any, at once: while it writes, the portfolio turns other actions away,
     * and its own loop would only notice that it is no longer wanted at its next poll.
     */
    const stopJob = async (): Promise<void> => {
      const previous = job;
      if (previous === null || previous.cancelled !== null) return;
      previous.cancelled = callBridge(bridge, 'import.cancel', { jobId: previous.id });
      await previous.cancelled;
    };

    /** Runs a large file as a job, showing its progress; null when it was cancelled or superseded. */
    const runAsJob = async (request: ImportRequest, ticket: number): Promise<Result<ImportSummary> | null> => {
      const dryRun = request.dryRun === true;
      const started = await callBridge(bridge, 'import.start', request);
      if (!started.ok) return started;
      const current: FollowedJob = { id: started.value.jobId, cancelled: null };
      job = current;
      set({ importProgress: { phase: 'reading', done: 0, total: request.content.length, dryRun } });
      try {
        for (;;) {
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          if (ticket !== latest) {
            // Another file, other options or a closed wizard: the answer is not wanted, so nothing is written.
            if (current.cancelled === null) void callBridge(bridge, 'import.cancel', { jobId: current.id });
            return null;
          }
          const status = await (current.cancelled ?? callBridge(bridge, 'import.status', { jobId: current.id }));
          if (!status.ok) return status;
          const answer = status.value;
          if (answer.phase === 'done') return ok(answer.summary);
          if (answer.phase === 'failed') return { ok: false, error: answer.error };
          if (answer.phase === 'cancelled') {
            const what = dryRun ? 'Preview' : 'Import';
            set({ importCancelled: `${what} cancelled — nothing was written.` });
            return null;
          }
          if (ticket === latest) set({ importProgress: { phase: answer.phase, done: answer.done, total: answer.total, dryRun } });
        }
      } finally {
        if (job === current) job = null;
        if (ticket === latest) set({ importProgress: null });
      }
    };

    const run = async (dryRun: boolean) => {
      const { importSource: source, importFormat, importOptions } = get();
      const mapping = requestMappingOf(get());
      if (source === null || mapping === null) return null;
      const ticket = ++latest;
      set({ importBusy: true, importCancelled: null, importProgress: null });
      // A superseded job is stopped before this request goes out.
      await stopJob();
      const request = importRequestOf(source, importFormat, mapping, importOptions, dryRun);
      const result = source.content.length >= JOB_FROM_CHARS ? await runAsJob(request, ticket) : await callBridge(bridge, 'import.run', request);
      if (ticket !== latest) return null;
      set({ importBusy: false });
      if (result === null) return null;
      if (result.ok) {
        // How the window decoded the bytes is news the host cannot give: it only ever sees the text.
        const notes = source.note === undefined ? result.value.notes : [source.note, ...result.value.notes];
        return { ...result.value, notes };
      }
      const verb = dryRun ? 'preview' : 'import';
      get().showNotice('error', failureMessage(`Could not ${verb} “${source.fileName}”.`, result.error));
      return null;
    };

    /**
     * Shows the source at once, then the mapping the portfolio saved for it (if any) replaces the columns and
     * draft, the header read with its delimiter, unless the user changed anything while it was on its way.
     */
    const applySavedMapping = async (source: ImportSource, format: SourceFormat) => {
      const key = sourceKeyOf(format, format === 'csv' ? csvHeader(source.content) : []);
      const ticket = ++latest;
      set({ importSource: source, importSourceKey: key, importMappingSavedAt: null });
      const answer = await callBridge(bridge, 'importMappings.get', { sourceKey: key });
      if (ticket !== latest) return;
      if (!answer.ok) {
        get().showNotice('error', failureMessage('Could not read the mapping saved for this source; map its columns below.', answer.error));
        return;
      }
      const saved = answer.value;
      if (saved === null) return;
      const { columns = {}, ...rest } = saved.mapping;
      const header = source.header.length === 0 ? source.header : csvHeader(source.content, rest.delimiter);
      set({
        importSource: { ...source, header },
        importMappingSavedAt: saved.savedAt,
        importColumns: columns,
        importMappingDraft: draftOfMapping(rest),
      });
    };

    return {
      importOpen: false,
      ...CLOSED,

      openImport() {
        latest += 1;
        set({ importOpen: true, ...CLOSED, editor: null, deleteTarget: null, settingsOpen: false });
      },

      closeImport() {
        latest += 1;
        void stopJob();
        set({ importOpen: false, ...CLOSED });
      },

      async chooseImportFile(file) {
        const ticket = ++latest;
        void stopJob();
        set({ ...CLOSED, importOpen: true, editor: null, deleteTarget: null, settingsOpen: false });
        if (file.size > MAX_IMPORT_BYTES) {
          set({ importFileError: tooLargeMessage(file.name, file.size, MAX_IMPORT_BYTES) });
          return;
        }
        let bytes: Uint8Array;
        try {
          bytes = await file.bytes();
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          if (ticket === latest) set({ importFileError: `Could not read “${file.name}”: ${reason}. Choose the file again.` });
          return;
        }
        if (ticket !== latest) return;
        const decoded = decodeImportBytes(file.name, bytes);
        if (!decoded.ok) {
          set({ importFileError: decoded.message });
          return;
        }
        const detected = detectImportFormat(decoded.content);
        const header = detected === 'csv' || detected === 'jira' ? csvHeader(decoded.content) : [];
        const source: ImportSource = { fileName: file.name, content: decoded.content, detected, header };
        await applySavedMapping(decoded.note === undefined ? source : { ...source, note: decoded.note }, detected);
      },

      setImportFormat(format) {
        latest += 1;
        set({ importFormat: format, importPreview: null, importBusy: false });
        const source = get().importSource;
        if (source !== null) void applySavedMapping(source, effectiveFormat(format, source));
      },

      setImportColumns(columns) {
        latest += 1;
        set({ importColumns: columns, importPreview: null, importBusy: false });
      },

      setImportMappingDraft(draft) {
        latest += 1;
        const { importSource: source, importMappingDraft: before } = get();
        set({ importMappingDraft: draft, importPreview: null, importBusy: false });
        if (source !== null && source.header.length > 0 && draft.delimiter !== before.delimiter) {
          const header = csvHeader(source.content, draft.delimiter === '' ? undefined : draft.delimiter);
          set({ importSource: { ...source, header }, importColumns: {} });
        }
      },

      resetImportMapping() {
        get().setImportMappingDraft(EMPTY_MAPPING_DRAFT);
        get().setImportColumns({});
      },

      async refreshImportPreview() {
        set({ importPreview: null });
        const summary = await run(true);
        if (summary !== null) set({ importPreview: summary });
      },

      async setImportOptions(options) {
        latest += 1;
        set((state) => ({ importOptions: { ...state.importOptions, ...options }, importPreview: null, importBusy: false }));
        if (get().importStep === 'preview') await get().previewImport();
      },

      async cancelImportJob() {
        const current = job;
        if (current === null || current.cancelled !== null) return;
        // The poller takes this answer as the job's last status: cancelled, or how it finished if it was quicker.
        current.cancelled = callBridge(bridge, 'import.cancel', { jobId: current.id });
        await current.cancelled;
      },

      setImportStep(step) {
        set({ importStep: step });
      },

      async previewImport() {
        set({ importStep: 'preview', importPreview: null });
        const summary = await run(true);
        if (summary !== null) set({ importPreview: summary });
      },

      async runImport() {
        const mapping = requestMappingOf(get());
        const summary = await run(false);
        if (summary === null) return;
        set({ importResult: summary, importStep: 'done' });
        const key = get().importSourceKey;
        if (key !== null && mapping !== null && summary.created + summary.updated + summary.unchanged > 0) {
          const saved = await callBridge(bridge, 'importMappings.save', { sourceKey: key, mapping });
          // The import itself succeeded; only the convenience of reusing its mapping is lost.
          if (!saved.ok) get().showNotice('error', failureMessage('The items were imported, but their mapping could not be saved for next time.', saved.error));
        }
        if (summary.created + summary.updated > 0) await get().refreshPortfolio();
      },

      async showImportedItems() {
        get().closeImport();
        const reloads = [get().loadItems(), get().refreshPortfolio()];
        if (get().matrix !== null) reloads.push(get().loadMatrix());
        await Promise.all(reloads);
      },
    };
  };
