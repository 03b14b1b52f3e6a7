import type Database from 'better-sqlite3';

export type Db = Database.Database;
export type Statement = Database.Statement;

const statements = new WeakMap<Db, Map<string, Statement>>();

/** Prepares each SQL text once per connection: better-sqlite3 is fastest with reused statements. */
export function cached(db: Db, sql: string): Statement {
  let perDb = statements.get(db);
  if (perDb === undefined) {
    perDb = new Map();
    statements.set(db, perDb);
  }
  let statement = perDb.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    perDb.set(sql, statement);
  }
  return statement;
}
