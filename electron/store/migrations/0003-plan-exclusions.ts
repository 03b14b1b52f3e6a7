import type { Migration } from './migration.js';

/**
 * Items kept out of the plan, with an optional note saying why. Keyed by `debt_items (seq)`, the stable integer
 * key, with ON DELETE CASCADE: deleting an item drops its exclusion, so no row ever names a missing item.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'plan-exclusions',
  up(db) {
    db.exec(`
      CREATE TABLE plan_exclusions (
        item_seq    INTEGER PRIMARY KEY REFERENCES debt_items (seq) ON DELETE CASCADE,
        note        TEXT CHECK (note IS NULL OR length(note) BETWEEN 1 AND 200),
        excluded_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
