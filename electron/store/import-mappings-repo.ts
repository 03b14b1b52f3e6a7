import { ImportMapping } from '../../shared/import/import-schema.js';
import { MAX_SAVED_MAPPINGS, type SavedMapping } from '../../shared/import/saved-mapping.js';
import { cached, type Db } from './db.js';

interface MappingRow {
  mapping: string;
  saved_at: string;
}

/**
 * The mapping saved for a source, or null. A stored mapping that no longer passes the schema (written by a
 * newer Paydown, or edited by hand) counts as none: the user maps the file again rather than the import
 * failing or trusting it. The column's CHECK (json_valid) guarantees it parses as JSON.
 */
export function savedMapping(db: Db, sourceKey: string): SavedMapping | null {
  const row = cached(db, 'SELECT mapping, saved_at FROM import_mappings WHERE source_key = ?').get(sourceKey) as MappingRow | undefined;
  if (row === undefined) return null;
  const mapping = ImportMapping.safeParse(JSON.parse(row.mapping));
  return mapping.success ? { mapping: mapping.data, savedAt: row.saved_at } : null;
}

/**
 * Saves a source's mapping, replacing the one before; an empty mapping forgets the source's. Keeps the
 * MAX_SAVED_MAPPINGS most recently saved sources. One transaction.
 */
export function saveMapping(db: Db, sourceKey: string, mapping: ImportMapping, savedAt: string): SavedMapping | null {
  return db.transaction(() => {
    if (Object.keys(mapping).length === 0) {
      cached(db, 'DELETE FROM import_mappings WHERE source_key = ?').run(sourceKey);
      return null;
    }
    cached(
      db,
      `INSERT INTO import_mappings (source_key, mapping, saved_at) VALUES (?, ?, ?)
       ON CONFLICT (source_key) DO UPDATE SET mapping = excluded.mapping, saved_at = excluded.saved_at`,
    ).run(sourceKey, JSON.stringify(mapping), savedAt);
    cached(
      db,
      `DELETE FROM import_mappings WHERE source_key NOT IN
         (SELECT source_key FROM import_mappings ORDER BY saved_at DESC, rowid DESC LIMIT ${String(MAX_SAVED_MAPPINGS)})`,
    ).run();
    return { mapping, savedAt };
  })();
}
