import { headerKey } from '../../../shared/import/column-mapping.js';
import { ImportMapping, type SourceFormat } from '../../../shared/import/import-schema.js';

/** The part of the Web Storage API the saved mappings use (window.localStorage, or a fake in tests). */
export interface MappingStorage {
  getItem: (key: string) => string | null;
  setItem: (key: string, value: string) => void;
}

export interface SavedMapping {
  readonly mapping: ImportMapping;
  /** ISO timestamp of the import that saved it. */
  readonly savedAt: string;
}

const STORAGE_KEY = 'paydown.import-mappings.v1';
/** Enough for every source a team imports from; the least recently used ones go first. */
const MAX_SOURCES = 50;

/** localStorage, or null where the browser refuses it (tests in Node, storage disabled): mappings are then not remembered. */
export function browserStorage(): MappingStorage | null {
  if (typeof window === 'undefined') return null;
  try {
    return window.localStorage;
  } catch (error) {
    console.warn('Paydown cannot use localStorage; import mappings will not be remembered.', error);
    return null;
  }
}

/**
 * Which mapping a file reuses: a generic CSV by its columns (as first detected, so a file whose
 * delimiter had to be chosen by hand finds its mapping again), any other source by its format.
 */
export function sourceKeyOf(format: SourceFormat, header: readonly string[]): string {
  return format === 'csv' ? `csv:${header.map(headerKey).join('|')}` : format;
}

/** Every saved entry that still passes the schema; anything else in storage is ignored, never trusted. */
function readAll(storage: MappingStorage): Map<string, SavedMapping> {
  const saved = new Map<string, SavedMapping>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}');
  } catch {
    return saved; // written by something else or cut short: start afresh rather than fail the import
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return saved;
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'object' || value === null) continue;
    const entry = value as { mapping?: unknown; savedAt?: unknown }; // each part is checked below
    const mapping = ImportMapping.safeParse(entry.mapping);
    if (mapping.success && typeof entry.savedAt === 'string') saved.set(key, { mapping: mapping.data, savedAt: entry.savedAt });
  }
  return saved;
}

export function loadSavedMapping(storage: MappingStorage | null, key: string): SavedMapping | null {
  if (storage === null) return null;
  return readAll(storage).get(key) ?? null;
}

/** Saves the mapping of a finished import for its source; an empty mapping forgets the source's. */
export function saveMapping(storage: MappingStorage | null, key: string, mapping: ImportMapping, savedAt: string): void {
  if (storage === null) return;
  const all = readAll(storage);
  all.delete(key);
  if (Object.keys(mapping).length > 0) all.set(key, { mapping, savedAt });
  const kept = [...all].slice(-MAX_SOURCES);
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(kept)));
  } catch (error) {
    // A full or refused storage costs only the convenience of reuse; the import itself succeeded.
    console.warn('Paydown could not remember this import mapping.', error);
  }
}
