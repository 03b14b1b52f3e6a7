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

const transactions = new WeakMap<Db, Map<string, unknown>>();

/**
 * A transaction function built once per connection and key. better-sqlite3's `db.transaction(fn)`
 * wraps `fn` anew on every call, which costs more than the small insert a handler makes; `fn` must
 * therefore take everything it needs as arguments rather than close over a call's values.
 */
export function cachedTransaction<A extends unknown[], R>(db: Db, key: string, fn: (...args: A) => R): (...args: A) => R {
  let perDb = transactions.get(db);
  if (perDb === undefined) {
    perDb = new Map();
    transactions.set(db, perDb);
  }
  const existing = perDb.get(key);
  if (existing !== undefined) {
    // Stored under this key by this function only, from the same `fn` signature.
    return existing as (...args: A) => R;
  }
  const created = db.transaction(fn);
  perDb.set(key, created);
  return created;
}
