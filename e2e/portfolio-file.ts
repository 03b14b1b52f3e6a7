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

export interface StoredLevels {
  readonly title: string;
  readonly likelihood: number;
  readonly impact: number;
  readonly effortLikely: number;
}

/** Levels and likely effort of every stored item, by title, to check what an import wrote. */
export function storedLevels(dbPath: string): StoredLevels[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const sql = 'SELECT title, likelihood, impact, effort_likely AS effortLikely FROM debt_items ORDER BY title';
    return db.prepare(sql).all() as StoredLevels[]; // the columns selected above, named as the interface
  } finally {
    db.close();
  }
}
