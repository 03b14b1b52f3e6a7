import type { Migration } from './migration.js';

/**
 * Import mappings remembered per source (see shared/import/saved-mapping.ts). Not debt data, so not in the
 * audit log: a mapping changes how the next file is read, never an item.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'import-mappings',
  up(db) {
    db.exec(`
      CREATE TABLE import_mappings (
        source_key TEXT PRIMARY KEY CHECK (length(source_key) BETWEEN 1 AND 2000),
        mapping    TEXT NOT NULL CHECK (json_valid(mapping)),
        saved_at   TEXT NOT NULL
      ) STRICT;
    `);
  },
};
