import Database from 'better-sqlite3';
import { afterEach } from 'vitest';

/**
 * For migration tests: a maker of in-memory databases with foreign keys on, as the store opens them; every
 * database it made is closed after each test.
 */
export function memoryDatabases(): () => Database.Database {
  const dbs: Database.Database[] = [];
  afterEach(() => {
    dbs.splice(0).forEach((db) => db.close());
  });
  return () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    dbs.push(db);
    return db;
  };
}

/** Inserts an item with only the columns every schema version has; answers its seq. */
export const insertItem = (db: Database.Database, id: string) =>
  db
    .prepare(
      `INSERT INTO debt_items (id, title, kind, status, likelihood, impact, effort_low, effort_likely, effort_high, interest, created_at, updated_at, version)
       VALUES (?, 'Flaky tests', 'code', 'open', 3, 4, 1, 2, 3, 1, 't', 't', 1)`,
    )
    .run(id).lastInsertRowid;
