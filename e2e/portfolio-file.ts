import Database from 'better-sqlite3';

/** Reads counts straight from a test's portfolio file, to prove what the UI did or did not write. */
export function countRows(dbPath: string, table: 'debt_items' | 'audit_log'): number {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    // The table name comes from the union type above, never from input.
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}
