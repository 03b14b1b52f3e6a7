import type { PaydownBridge } from '../../../shared/api/contract.js';
import { decodeImportBytes, tooLargeMessage } from '../../../shared/import/decode-import-bytes.js';
import {
  MAX_IMPORT_BYTES,
  type CsvField,
  type ImportFormat,
  type ImportRequest,
  type ImportSummary,
  type SourceFormat,
} from '../../../shared/import/import-schema.js';
import { csvHeader, detectImportFormat } from '../../../shared/import/parse-import.js';
import type { SliceCreator } from './app-state.js';
import { callBridge } from './call-bridge.js';
import { failureMessage } from './failure-message.js';

export type ImportStep = 'file' | 'mapping' | 'preview' | 'done';

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
  importOptions: ImportOptions;
  /** The dry run of exactly the request `runImport` sends. */
  importPreview: ImportSummary | null;
  importResult: ImportSummary | null;
  importBusy: boolean;
  openImport: () => void;
  closeImport: () => void;
  chooseImportFile: (file: PickedFile) => Promise<void>;
  setImportFormat: (format: ImportFormat) => void;
  setImportColumns: (columns: ColumnChoices) => void;
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

/** One request for both the preview and the import, so the preview says exactly what the import does. */
function importRequestOf(
  source: ImportSource,
  format: ImportFormat,
  columns: ColumnChoices,
  options: ImportOptions,
  dryRun: boolean,
): ImportRequest {
  const usesColumns = effectiveFormat(format, source) === 'csv' && Object.keys(columns).length > 0;
  return {
    fileName: source.fileName,
    content: source.content,
    format,
    ...(usesColumns ? { mapping: { columns: { ...columns } } } : {}),
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
  importOptions: { skipInvalid: false, overwriteTeamFields: false },
  importPreview: null,
  importResult: null,
  importBusy: false,
} as const satisfies Partial<ImportSlice>;

export const createImportSlice =
  (bridge: PaydownBridge): SliceCreator<ImportSlice> =>
  (set, get) => {
    /** Answers of a superseded request (another file, changed options) are dropped. */
    let latest = 0;

    const run = async (dryRun: boolean) => {
      const { importSource: source, importFormat, importColumns, importOptions } = get();
      if (source === null) return null;
      const ticket = ++latest;
      set({ importBusy: true });
      const result = await callBridge(bridge, 'import.run', importRequestOf(source, importFormat, importColumns, importOptions, dryRun));
      if (ticket !== latest) return null;
      set({ importBusy: false });
      if (result.ok) {
        // How the window decoded the bytes is news the host cannot give: it only ever sees the text.
        const notes = source.note === undefined ? result.value.notes : [source.note, ...result.value.notes];
        return { ...result.value, notes };
      }
      const verb = dryRun ? 'preview' : 'import';
      get().showNotice('error', failureMessage(`Could not ${verb} “${source.fileName}”.`, result.error));
      return null;
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
        set({ importOpen: false, ...CLOSED });
      },

      async chooseImportFile(file) {
        const ticket = ++latest;
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
        set({ importSource: decoded.note === undefined ? source : { ...source, note: decoded.note } });
      },

      setImportFormat(format) {
        latest += 1;
        set({ importFormat: format, importPreview: null, importBusy: false });
      },

      setImportColumns(columns) {
        latest += 1;
        set({ importColumns: columns, importPreview: null, importBusy: false });
      },

      async setImportOptions(options) {
        latest += 1;
        set((state) => ({ importOptions: { ...state.importOptions, ...options }, importPreview: null, importBusy: false }));
        if (get().importStep === 'preview') await get().previewImport();
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
        const summary = await run(false);
        if (summary === null) return;
        set({ importResult: summary, importStep: 'done' });
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
