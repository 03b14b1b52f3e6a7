import type { Migration } from './migration.js';

/**
 * Sprints and their pins. A sprint with actuals (completed, debt_spent, closed_at, all set together) is closed.
 * Pins point at `debt_items (seq)`, the stable integer key, with ON DELETE CASCADE: deleting an item drops its
 * pins, so a plan never names an item that no longer exists. Paid item ids stay on the sprint as JSON history.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'sprints',
  up(db) {
    db.exec(`
      CREATE TABLE sprints (
        seq              INTEGER PRIMARY KEY,
        id               TEXT NOT NULL UNIQUE,
        name             TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 60),
        start_date       TEXT NOT NULL CHECK (date(start_date) = start_date),
        length_days      INTEGER NOT NULL CHECK (length_days BETWEEN 1 AND 90),
        capacity         REAL NOT NULL CHECK (capacity >= 0),
        availability_pct REAL NOT NULL CHECK (availability_pct BETWEEN 0 AND 100),
        reserve_pct      REAL NOT NULL CHECK (reserve_pct BETWEEN 0 AND 100),
        reserve_reason   TEXT,
        completed        REAL CHECK (completed >= 0),
        debt_spent       REAL CHECK (debt_spent >= 0 AND debt_spent <= completed),
        paid_item_ids    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(paid_item_ids)),
        closed_at        TEXT,
        created_at       TEXT NOT NULL,
        CHECK ((completed IS NULL) = (debt_spent IS NULL) AND (completed IS NULL) = (closed_at IS NULL))
      ) STRICT;
      CREATE INDEX sprints_by_calendar ON sprints (start_date, id);

      CREATE TABLE sprint_pins (
        sprint_seq INTEGER NOT NULL REFERENCES sprints (seq) ON DELETE CASCADE,
        item_seq   INTEGER NOT NULL REFERENCES debt_items (seq) ON DELETE CASCADE,
        note       TEXT,
        PRIMARY KEY (sprint_seq, item_seq)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX sprint_pins_item ON sprint_pins (item_seq);
    `);
  },
};
