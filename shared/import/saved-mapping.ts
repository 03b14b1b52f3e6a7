import { z } from 'zod';
import { headerKey } from './column-mapping.js';
import { ImportMapping, type SourceFormat } from './import-schema.js';

/**
 * Import mappings are remembered in the portfolio, per source: the next import of the same spreadsheet or
 * tool starts from what the team chose last time. In the portfolio rather than the browser's storage
 * because the preview host's address (and so its storage) changes with every start, and because a team
 * that shares a portfolio file shares how its sources map.
 */
export const MAX_SOURCE_KEY_LENGTH = 2_000;
/** Enough for every source a team imports from; saving more forgets the least recently saved. */
export const MAX_SAVED_MAPPINGS = 50;

export const SourceKey = z
  .string()
  .min(1, { error: 'Say which source the mapping is for.' })
  .max(MAX_SOURCE_KEY_LENGTH, { error: `A source key is at most ${String(MAX_SOURCE_KEY_LENGTH)} characters.` });

export const SavedMapping = z.object({
  mapping: ImportMapping,
  /** When the import that saved it ran (ISO timestamp). */
  savedAt: z.iso.datetime(),
});
export type SavedMapping = z.infer<typeof SavedMapping>;

export const SavedMappingQuery = z.object({ sourceKey: SourceKey }).strict();
export const SaveMappingRequest = z.object({ sourceKey: SourceKey, mapping: ImportMapping }).strict();
export type SaveMappingRequest = z.input<typeof SaveMappingRequest>;

/**
 * Which mapping a file reuses: a generic CSV by its columns (as first detected, so a file whose
 * delimiter had to be chosen by hand finds its mapping again), any other source by its format.
 * Cut to the stored length: a spreadsheet of hundreds of columns still gets a key.
 */
export function sourceKeyOf(format: SourceFormat, header: readonly string[]): string {
  const key = format === 'csv' ? `csv:${header.map(headerKey).join('|')}` : format;
  return key.slice(0, MAX_SOURCE_KEY_LENGTH);
}
