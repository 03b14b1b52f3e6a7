import type { Migration } from './migration.js';

/** The first portfolio schema: settings, debt items with their tags, and the audit log. */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;

      -- seq is the stable integer key the full-text index points at (a plain rowid may change on VACUUM).
      CREATE TABLE debt_items (
        seq           INTEGER PRIMARY KEY,
        id            TEXT NOT NULL UNIQUE,
        title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description   TEXT NOT NULL DEFAULT '',
        kind          TEXT NOT NULL,
        quadrant      TEXT,
        area          TEXT NOT NULL DEFAULT '',
        owner         TEXT NOT NULL DEFAULT '',
        status        TEXT NOT NULL,
        likelihood    INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
        impact        INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
        risk          INTEGER GENERATED ALWAYS AS (likelihood * impact) STORED,
        effort_low    REAL NOT NULL CHECK (effort_low >= 0),
        effort_likely REAL NOT NULL CHECK (effort_likely >= effort_low),
        effort_high   REAL NOT NULL CHECK (effort_high >= effort_likely),
        interest      REAL NOT NULL CHECK (interest >= 0),
        due_date      TEXT,
        acceptance    TEXT CHECK (acceptance IS NULL OR json_valid(acceptance)),
        outcome       TEXT,
        ext_source    TEXT,
        ext_key       TEXT,
        ext_url       TEXT,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        version       INTEGER NOT NULL CHECK (version >= 1),
        -- Title, description, owner, area and tags folded to lower case without accents, so a search
        -- for "zoe" finds "Zoë". A plain column scanned with instr() costs nothing on insert, where a
        -- full-text index made bulk imports ten to thirty times slower.
        search_text   TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE UNIQUE INDEX debt_items_external ON debt_items (ext_source, ext_key) WHERE ext_source IS NOT NULL;
      -- (status, kind) covers the table's filter counts; the (column, id) indexes serve the common sorts
      -- in order, with id as the tie-break, so a first page never sorts the whole portfolio.
      CREATE INDEX debt_items_status_kind ON debt_items (status, kind);
      CREATE INDEX debt_items_owner ON debt_items (owner);
      CREATE INDEX debt_items_by_updated ON debt_items (updated_at, id);
      CREATE INDEX debt_items_by_risk ON debt_items (risk, id);
      CREATE INDEX debt_items_by_title ON debt_items (title COLLATE NOCASE, id);

      CREATE TABLE item_tags (
        item_seq INTEGER NOT NULL REFERENCES debt_items (seq) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        tag      TEXT NOT NULL,
        PRIMARY KEY (item_seq, position),
        UNIQUE (item_seq, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX item_tags_tag ON item_tags (tag, item_seq);

      CREATE TABLE audit_log (
        seq       INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        action    TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
        entity    TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        before    TEXT CHECK (before IS NULL OR json_valid(before)),
        after     TEXT CHECK (after IS NULL OR json_valid(after))
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, seq);
    `);
  },
};
